@sut:charge-point @feature-profile:Core
Feature: Remote start and stop (test case document §2.5)
  The Central System starts a transaction with RemoteStartTransaction.req, before or after the cable is plugged in,
  and stops it with RemoteStopTransaction.req (OCPP 1.6 §5.11, §5.12). With AuthorizeRemoteTxRequests true the
  Charge Point authorizes the idTag first. A remote start without a cable lapses after ConnectionTimeOut, measured
  from the start of Preparing (§9.1.6, errata §3.76) within the SUT file's tolerance, and no transaction starts.

  @TC_010_CS @operator @spec=OCPP-1.6-5.11
  Scenario: TC_010_CS Remote Start Charging Session – Cable Plugged in First
    Given the Charge Point is booted and idle
    When the Central System sends GetConfiguration.req for "AuthorizeRemoteTxRequests" (step 1)
    Then the Charge Point answers GetConfiguration.conf with the key "AuthorizeRemoteTxRequests" (step 2)
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 3)
    When the Central System sends RemoteStartTransaction.req for the valid idTag (step 5)
    Then the Charge Point answers RemoteStartTransaction.conf with status "Accepted" (step 6)
    And the Charge Point sends Authorize.req for the valid idTag if AuthorizeRemoteTxRequests is true (step 9)
    And the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (steps 11 and 13)

  @TC_011_1_CS @operator @spec=OCPP-1.6-5.11
  Scenario: TC_011_1_CS Remote Start Charging Session – Remote Start First
    Given the Charge Point is booted and idle
    When the Central System sends GetConfiguration.req for "AuthorizeRemoteTxRequests" (step 1)
    Then the Charge Point answers GetConfiguration.conf with the key "AuthorizeRemoteTxRequests" (step 2)
    When the Central System sends RemoteStartTransaction.req for the valid idTag (step 3)
    Then the Charge Point answers RemoteStartTransaction.conf with status "Accepted" (step 4)
    And the Charge Point sends Authorize.req for the valid idTag if AuthorizeRemoteTxRequests is true (step 5)
    And the Charge Point sends StatusNotification.req with status "Preparing" (step 7)
    When the EV driver plugs in the cable
    Then the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (steps 9 and 11)

  @TC_011_2_CS @slow @spec=OCPP-1.6-9.1.6
  Scenario: TC_011_2_CS Remote Start Charging Session – Time Out
    Given the Charge Point is booted and idle
    And the Central System has set "ConnectionTimeOut" to the configured value
    When the Central System sends GetConfiguration.req for "AuthorizeRemoteTxRequests" (step 1)
    Then the Charge Point answers GetConfiguration.conf with the key "AuthorizeRemoteTxRequests" (step 2)
    When the Central System sends RemoteStartTransaction.req for the valid idTag (step 3)
    Then the Charge Point answers RemoteStartTransaction.conf with status "Accepted" (step 4)
    And the Charge Point sends Authorize.req for the valid idTag if AuthorizeRemoteTxRequests is true (step 5)
    And the Charge Point sends StatusNotification.req with status "Preparing" (step 7)
    And the Charge Point sends StatusNotification.req with status "Available" once ConnectionTimeOut has expired, without starting a transaction (step 9)

  @TC_012_CS @operator @spec=OCPP-1.6-5.12
  Scenario: TC_012_CS Remote Stop Charging Session
    Given the Charge Point is booted and idle
    And a transaction is charging on the connector under test
    When the Central System sends RemoteStopTransaction.req for the transaction (step 1)
    Then the Charge Point answers RemoteStopTransaction.conf with status "Accepted" (step 2)
    And the Charge Point sends StopTransaction.req with reason "Remote" and StatusNotification.req with status "Finishing", in any order (steps 3 and 5)

@sut:central-system @feature-profile:Core
Feature: Remote actions, happy flow (test case document §3.4)
  The CSMS operator starts and stops charging remotely (OCPP 1.6 §5.11, §5.12). The emulated Charge Point accepts,
  authorizes the idTag it was given and starts the transaction — or, when no cable comes within its ConnectionTimeOut,
  returns the connector to Available; the Central System must then hold no transaction for that remote start, so the
  next remote start on the connector works.

  @TC_010_CSMS @operator @spec=OCPP-1.6-5.11
  Scenario: TC_010_CSMS Remote Start Charging Session – Cable Plugged in First
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends StatusNotification.req with status "Preparing" for connector 1 (step 1)
    Then the Central System responds with StatusNotification.conf (step 2)
    When the CSMS operator starts a charge remotely on connector 1 for the valid idTag
    Then the emulated Charge Point receives RemoteStartTransaction.req for the valid idTag (step 3)
    When the emulated Charge Point sends Authorize.req for the valid idTag (step 5)
    Then the Central System responds with Authorize.conf with idTagInfo status "Accepted" (step 6)
    When the emulated Charge Point sends StartTransaction.req for the valid idTag on connector 1 (step 7)
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Accepted" (step 8)
    When the emulated Charge Point sends StatusNotification.req with status "Charging" for connector 1 (step 9)
    Then the Central System responds with StatusNotification.conf (step 10)

  @TC_011_1_CSMS @operator @spec=OCPP-1.6-5.11
  Scenario: TC_011_1_CSMS Remote Start Charging Session – Remote Start First
    Given the emulated Charge Point is booted
    When the CSMS operator starts a charge remotely on connector 1 for the valid idTag
    Then the emulated Charge Point receives RemoteStartTransaction.req for the valid idTag (step 1)
    When the emulated Charge Point sends Authorize.req for the valid idTag (step 3)
    Then the Central System responds with Authorize.conf with idTagInfo status "Accepted" (step 4)
    When the emulated Charge Point sends StatusNotification.req with status "Preparing" for connector 1 (step 5)
    Then the Central System responds with StatusNotification.conf (step 6)
    When the emulated Charge Point sends StartTransaction.req for the valid idTag on connector 1 (step 7)
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Accepted" (step 8)
    When the emulated Charge Point sends StatusNotification.req with status "Charging" for connector 1 (step 9)
    Then the Central System responds with StatusNotification.conf (step 10)

  @TC_011_2_CSMS @operator @spec=OCPP-1.6-5.11
  Scenario: TC_011_2_CSMS Remote Start Charging Session – Time Out
    Given the emulated Charge Point is booted
    And the emulated Charge Point's ConnectionTimeOut is 2 seconds
    When the CSMS operator starts a charge remotely on connector 1 for the valid idTag
    Then the emulated Charge Point receives RemoteStartTransaction.req for the valid idTag (step 1)
    When the emulated Charge Point sends Authorize.req for the valid idTag (step 3)
    Then the Central System responds with Authorize.conf with idTagInfo status "Accepted" (step 4)
    When the emulated Charge Point sends StatusNotification.req with status "Preparing" for connector 1 (step 5)
    Then the Central System responds with StatusNotification.conf (step 6)
    When the ConnectionTimeOut of the emulated Charge Point expires on connector 1 (step 7)
    Then the Central System responds with StatusNotification.conf (step 8)
    # The remote start that timed out left no transaction behind: the next one on the connector works.
    When the CSMS operator starts a charge remotely on connector 1 for the valid idTag
    Then the emulated Charge Point receives RemoteStartTransaction.req for the valid idTag
    When the emulated Charge Point sends StatusNotification.req with status "Preparing" for connector 1
    And the emulated Charge Point sends StartTransaction.req for the valid idTag on connector 1
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Accepted"

  @TC_012_CSMS @operator @spec=OCPP-1.6-5.12
  Scenario: TC_012_CSMS Remote Stop Charging Session
    Given the emulated Charge Point is booted
    And the emulated Charge Point is charging on connector 1 with the valid idTag
    When the CSMS operator stops the transaction on connector 1 remotely
    Then the emulated Charge Point receives RemoteStopTransaction.req for its transaction on connector 1 (step 1)
    When the emulated Charge Point sends StopTransaction.req with reason "Remote" for connector 1 (step 3)
    Then the Central System responds with StopTransaction.conf (step 4)
    When the emulated Charge Point sends StatusNotification.req with status "Finishing" for connector 1 (step 5)
    Then the Central System responds with StatusNotification.conf (step 6)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 1 (step 7)
    Then the Central System responds with StatusNotification.conf (step 8)

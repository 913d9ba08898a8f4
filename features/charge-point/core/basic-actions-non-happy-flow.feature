@sut:charge-point @feature-profile:Core
Feature: Basic actions, non-happy flow (test case document §2.10)
  An idTag the Central System does not accept starts no transaction, whether presented locally or sent in a remote
  start (OCPP 1.6 §4.1, §5.11, §7.2). A connector lock that fails when the cable is plugged in is reported as
  ConnectorLockFailure and no transaction starts (§7.6). TC_023_4_CS and TC_023_5_CS are the local and the remote
  form of TC_023_CS in the 2025 revision of the document.

  @TC_023_CS @slow @operator @spec=OCPP-1.6-4.1
  Scenario: TC_023_CS Start Charging Session – Authorize invalid
    Given the Charge Point is booted and idle
    And the Central System has set "MinimumStatusDuration" to "10" if the Charge Point implements it
    And the Central System has set "LocalPreAuthorize" to "true"
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 1)
    When the EV driver presents the invalid idTag
    Then the Charge Point sends Authorize.req for the invalid idTag (step 3)
    And the Charge Point does not start a transaction

  @TC_023_4_CS @operator @spec=OCPP-1.6-4.1
  Scenario: TC_023_4_CS Start local Charging Session - Authorize invalid
    Given the Charge Point is booted and idle
    And the Central System has set "LocalPreAuthorize" to "true"
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 1)
    When the EV driver presents the invalid idTag
    Then the Charge Point sends Authorize.req for the invalid idTag (step 3)
    And the Charge Point does not start a transaction

  @TC_023_5_CS @operator @spec=OCPP-1.6-5.11
  Scenario: TC_023_5_CS Start remote Charging Session - Authorize invalid
    Given the Charge Point is booted and idle
    And the Central System has set "AuthorizeRemoteTxRequests" to "true"
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 1)
    When the Central System sends RemoteStartTransaction.req for the invalid idTag
    Then the Charge Point answers RemoteStartTransaction.conf with status "Accepted"
    And the Charge Point sends Authorize.req for the invalid idTag (step 3)
    And the Charge Point does not start a transaction

  @TC_024_CS @operator @spec=OCPP-1.6-7.6
  Scenario: TC_024_CS Start Charging Session - Lock Failure
    Given the Charge Point is booted and idle
    And the Charge Point does not have a fixed cable
    And the connector lock of the connector under test fails
    When the Central System sends GetConfiguration.req for "AuthorizeRemoteTxRequests" (step 1)
    Then the Charge Point answers GetConfiguration.conf with the key "AuthorizeRemoteTxRequests" (step 2)
    When the Central System sends RemoteStartTransaction.req for the valid idTag (step 3)
    Then the Charge Point answers RemoteStartTransaction.conf with status "Accepted" (step 4)
    And the Charge Point sends Authorize.req for the valid idTag if AuthorizeRemoteTxRequests is true (step 5)
    And the Charge Point sends StatusNotification.req with status "Preparing" (step 7)
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Faulted" and errorCode "ConnectorLockFailure" (step 9)
    And the Charge Point does not start a transaction after the lock failure

@sut:central-system @feature-profile:Core
Feature: Remote actions, non-happy flow (test case document §3.9)
  The emulated Charge Point rejects a remote start, and a remote stop (as for a transaction it does not know); the
  Central System takes the rejection (OCPP 1.6 §5.11, §5.12).

  @TC_026_CSMS @operator @spec=OCPP-1.6-5.11
  Scenario: TC_026_CSMS Remote Start Charging Session – Rejected
    Given the emulated Charge Point is booted
    And the emulated Charge Point will answer RemoteStartTransaction.req with status "Rejected"
    When the CSMS operator starts a charge remotely on connector 1 for the valid idTag
    Then the emulated Charge Point receives RemoteStartTransaction.req for the valid idTag (step 1)
    When the emulated Charge Point sends Heartbeat.req
    Then the Central System responds with Heartbeat.conf

  @TC_028_CSMS @operator @spec=OCPP-1.6-5.12
  Scenario: TC_028_CSMS Remote Stop Transaction – Rejected
    Given the emulated Charge Point is booted
    And the emulated Charge Point is charging on connector 1 with the valid idTag
    And the emulated Charge Point will answer RemoteStopTransaction.req with status "Rejected"
    When the CSMS operator stops the transaction on connector 1 remotely
    Then the emulated Charge Point receives RemoteStopTransaction.req for its transaction on connector 1 (step 1)
    When the emulated Charge Point sends Heartbeat.req
    Then the Central System responds with Heartbeat.conf

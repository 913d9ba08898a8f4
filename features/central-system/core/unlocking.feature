@sut:central-system @feature-profile:Core
Feature: Unlocking, happy flow (test case document §3.6)
  The CSMS operator unlocks a connector (OCPP 1.6 §5.18). The emulated Charge Point unlocks it, reports that it
  cannot (a fixed cable), or — during a transaction — stops the transaction with reason UnlockCommand; the Central
  System takes each answer and the stop.

  @TC_017_1_CSMS @operator @spec=OCPP-1.6-5.18
  Scenario: TC_017_1_CSMS Unlock connector - no charging session running (Not fixed cable)
    Given the emulated Charge Point is booted
    When the CSMS operator unlocks connector 1
    Then the emulated Charge Point receives UnlockConnector.req with connectorId 1 (step 1)

  @TC_017_2_CSMS @operator @spec=OCPP-1.6-5.18
  Scenario: TC_017_2_CSMS Unlock connector - no charging session running (Fixed cable)
    Given the emulated Charge Point is booted
    And the emulated Charge Point will answer UnlockConnector.req with status "NotSupported"
    When the CSMS operator unlocks connector 1
    Then the emulated Charge Point receives UnlockConnector.req with connectorId 1 (step 1)

  @TC_018_1_CSMS @operator @spec=OCPP-1.6-5.18
  Scenario: TC_018_1_CSMS Unlock Connector - With Charging Session (Not fixed cable)
    Given the emulated Charge Point is booted
    And the emulated Charge Point is charging on connector 1 with the valid idTag
    When the CSMS operator unlocks connector 1
    Then the emulated Charge Point receives UnlockConnector.req with connectorId 1 (step 1)
    When the emulated Charge Point sends StatusNotification.req with status "Finishing" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the emulated Charge Point sends StopTransaction.req with reason "UnlockCommand" for connector 1 (step 5)
    Then the Central System responds with StopTransaction.conf (step 6)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 1 (step 7)
    Then the Central System responds with StatusNotification.conf (step 8)

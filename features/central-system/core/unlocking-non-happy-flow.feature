@sut:central-system @feature-profile:Core
Feature: Unlocking, non-happy flow (test case document §3.10)
  The emulated Charge Point fails to unlock a connector, or does not have the connector the CSMS operator names; the
  Central System takes the answer (OCPP 1.6 §5.18).

  @TC_030_CSMS @operator @spec=OCPP-1.6-5.18
  Scenario: TC_030_CSMS Unlock Connector – Unlock Failure
    Given the emulated Charge Point is booted
    And the emulated Charge Point will answer UnlockConnector.req with status "UnlockFailed"
    When the CSMS operator unlocks connector 1
    Then the emulated Charge Point receives UnlockConnector.req with connectorId 1 (step 1)

  @TC_031_CSMS @operator @spec=OCPP-1.6-5.18
  Scenario: TC_031_CSMS Unlock Connector – Unknown Connector
    Given the emulated Charge Point is booted
    When the CSMS operator unlocks a connector the Charge Point does not have
    Then the emulated Charge Point receives UnlockConnector.req (step 1)

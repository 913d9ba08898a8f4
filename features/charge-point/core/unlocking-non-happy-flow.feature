@sut:charge-point @feature-profile:Core
Feature: Unlock connector, non-happy flow (test case document §2.12)
  UnlockFailed is for a lock the Charge Point tried and failed to release; an unknown connectorId gets NotSupported
  (OCPP 1.6 §5.18, errata §3.85).

  @TC_030_CS @operator @spec=OCPP-1.6-5.18
  Scenario: TC_030_CS Unlock Connector – Unlock Failure
    Given the Charge Point is booted and idle
    And the Charge Point does not have a fixed cable
    And the connector lock of the connector under test fails
    When the Central System sends UnlockConnector.req for the connector under test (step 1)
    Then the Charge Point answers UnlockConnector.conf with status "UnlockFailed" (step 2)

  @TC_031_CS @spec=OCPP-1.6-errata-3.85
  Scenario: TC_031_CS Unlock Connector – Unknown Connector
    Given the Charge Point is booted and idle
    When the Central System sends UnlockConnector.req for a connector that does not exist (step 1)
    Then the Charge Point answers UnlockConnector.conf with status "NotSupported" for the unknown connector (step 2)

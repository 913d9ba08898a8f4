@sut:charge-point @feature-profile:Core
Feature: Smoke test — the harness as Central System
  The shortest path through the harness with a Charge Point under test: the charger connects to the emulated
  Central System, a power cycle makes it boot again, and every frame is validated on the way.

  @EXT_SMOKE_001 @operator
  Scenario: EXT_SMOKE_001 The Charge Point boots after a power cycle and reports every connector
    Given the Charge Point is connected
    When the operator power-cycles the Charge Point
    Then the Charge Point sends BootNotification.req
    And the Charge Point sends StatusNotification.req for connector 0 and every connector

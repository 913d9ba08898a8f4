@sut:central-system @feature-profile:Core
Feature: Smoke test — the harness as Charge Point
  The shortest path through the harness with a Central System under test: an emulated Charge Point known to the
  CSMS connects, boots and sends a heartbeat; every answer is validated against the OCPP 1.6 schemas.

  @EXT_SMOKE_002
  Scenario: EXT_SMOKE_002 A known Charge Point boots, is accepted and gets the time
    Given the emulated Charge Point is connected to the Central System
    When the emulated Charge Point sends BootNotification.req
    Then the Central System responds with BootNotification.conf with status "Accepted"
    When the emulated Charge Point sends Heartbeat.req
    Then the Central System responds with Heartbeat.conf

@sut:charge-point @feature-profile:Core
Feature: Cold boot of the Charge Point (test case document §2.1)
  After a power cycle the Charge Point registers with BootNotification.req. While the Central System answers Rejected
  or Pending it sends nothing on its own but its next BootNotification.req, and not before the interval the answer
  gave; once Accepted it reports the status of connector 0 and of every connector, then sends a heartbeat every
  interval (OCPP 1.6 §4.2, §4.6, errata §3.22). Timing is judged with the tolerance of the SUT file.

  @TC_001_CS @slow @operator @spec=OCPP-1.6-4.2
  Scenario: TC_001_CS Cold Boot Charge Point
    Given the Charge Point is booted and idle
    And the Central System will answer BootNotification.req with Rejected
    When the operator power-cycles the Charge Point
    Then the Charge Point sends BootNotification.req (step 1)
    When the Central System will answer BootNotification.req with Accepted
    Then the Charge Point sends nothing but its next BootNotification.req, not before the interval has passed (step 3)
    And the Charge Point sends StatusNotification.req for connector 0 and every connector with status "Available" (step 5)
    And the Charge Point sends Heartbeat.req every heartbeat interval (step 7)

  @TC_002_CS @slow @operator @spec=OCPP-1.6-4.2
  Scenario: TC_002_CS Cold Boot Charge Point - Pending
    Given the Charge Point is booted and idle
    And the Central System will answer BootNotification.req with Pending
    When the operator power-cycles the Charge Point
    Then the Charge Point sends BootNotification.req (step 1)
    When the Central System sends GetConfiguration.req without keys (step 3)
    Then the Charge Point answers GetConfiguration.conf (step 4)
    When the Central System sends ChangeConfiguration.req setting "MeterValueSampleInterval" to the configured value (step 5)
    Then the Charge Point answers ChangeConfiguration.conf with status "Accepted" (step 6)
    When the Central System will answer BootNotification.req with Accepted
    Then the Charge Point sends nothing but its next BootNotification.req, not before the interval has passed (step 7)
    And the Charge Point sends StatusNotification.req for connector 0 and every connector with status "Available" (step 9)
    And the Charge Point sends Heartbeat.req every heartbeat interval (step 11)

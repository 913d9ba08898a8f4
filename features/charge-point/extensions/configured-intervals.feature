@sut:charge-point @feature-profile:Core
Feature: Configured intervals on the wire — beyond the test case document
  A ChangeConfiguration.req answered Accepted is in effect at once (§5.3). For the intervals the charger keeps by
  itself that is measured on the wire: after HeartbeatInterval changes, heartbeats come at the new interval
  (§4.6, §9.1.10); with MeterValueSampleInterval set, a transaction's sampled MeterValues.req come at that interval
  from its start (§9.1.19, errata §3.15). Each gap must match within the SUT file's interval tolerance; the old
  values are set again when the scenario ends.

  @EXT_HB_001 @spec=OCPP-1.6-9.1.10
  Scenario: EXT_HB_001 Heartbeats follow a new HeartbeatInterval
    Given the Charge Point is booted and idle
    When the Central System changes the configuration key "HeartbeatInterval" to "2"
    Then the Charge Point answers the change with ChangeConfiguration.conf status "Accepted"
    And the Charge Point sends Heartbeat.req every 2 s from then on, 3 times in a row

  @EXT_MV_001 @operator @spec=OCPP-1.6-9.1.19
  Scenario: EXT_MV_001 Sampled meter values follow MeterValueSampleInterval
    Given the Charge Point is booted and idle
    When the Central System changes the configuration key "MeterValueSampleInterval" to "2"
    Then the Charge Point answers the change with ChangeConfiguration.conf status "Accepted"
    When the EV driver starts a charging session with the valid idTag on the connector under test
    Then the Charge Point sends sampled MeterValues.req for the session every 2 s, 3 times in a row
    When the EV driver ends the charging session with the valid idTag and takes the cable away

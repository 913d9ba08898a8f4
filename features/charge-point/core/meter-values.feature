@sut:charge-point @feature-profile:Core
Feature: Meter values (test case document §2.9)
  During a transaction the Charge Point sends MeterValues.req every MeterValueSampleInterval seconds from the start of
  the transaction (context Sample.Periodic, the measurands of MeterValuesSampledData), and at every multiple of
  ClockAlignedDataInterval counted from midnight (context Sample.Clock, the measurands of MeterValuesAlignedData);
  an empty list means Energy.Active.Import.Register (OCPP 1.6 §4.7, §9.1.5, §9.1.19, errata §3.13, §3.15). Three
  intervals are observed; the spacing of the timestamps is judged with the SUT file's tolerance.

  @TC_070_CS @slow @operator @spec=OCPP-1.6-errata-3.15
  Scenario: TC_070_CS Sampled Meter Values
    Given the Charge Point is booted and idle
    And the Central System has set "MeterValueSampleInterval" to the configured value
    And the Central System has set "ClockAlignedDataInterval" to "0"
    And the Central System has read "MeterValuesSampledData"
    And a transaction is charging on the connector under test
    Then the Charge Point sends sampled MeterValues.req every MeterValueSampleInterval for three intervals (steps 1 and 3)

  @TC_071_CS @slow @operator @spec=OCPP-1.6-errata-3.15
  Scenario: TC_071_CS Clock-aligned Meter Values
    Given the Charge Point is booted and idle
    And the Central System has set "MeterValueSampleInterval" to "0"
    And the Central System has set "ClockAlignedDataInterval" to the clock-aligned interval of the SUT file
    And the Central System has read "MeterValuesAlignedData"
    And a transaction is charging on the connector under test
    Then the Charge Point sends clock-aligned MeterValues.req every ClockAlignedDataInterval for three intervals (steps 1 and 3)

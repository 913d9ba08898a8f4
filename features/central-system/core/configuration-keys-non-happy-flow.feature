@sut:central-system @feature-profile:Core
Feature: Configuration keys, non-happy flow (test case document §3.13)
  The emulated Charge Point answers NotSupported for a configuration key it does not have and Rejected for a value a
  key cannot take (OCPP 1.6 §5.3); the Central System takes the answer.

  @TC_040_1_CSMS @operator @spec=OCPP-1.6-5.3
  Scenario: TC_040_1_CSMS Configuration keys
    Given the emulated Charge Point is booted
    When the CSMS operator sets the configuration key "OcppConformanceNoSuchKey" to "1"
    Then the emulated Charge Point receives ChangeConfiguration.req setting "OcppConformanceNoSuchKey" to "1" (step 1)

  @TC_040_2_CSMS @operator @spec=OCPP-1.6-5.3
  Scenario: TC_040_2_CSMS Configuration keys
    Given the emulated Charge Point is booted
    When the CSMS operator sets the configuration key "MeterValueSampleInterval" to "-1"
    Then the emulated Charge Point receives ChangeConfiguration.req setting "MeterValueSampleInterval" to "-1" (step 1)

@sut:central-system @feature-profile:Core
Feature: Configuration, happy flow (test case document §3.7)
  The CSMS operator reads every configuration key, reads one key, and sets MeterValueSampleInterval (OCPP 1.6 §5.3,
  §5.8); the emulated Charge Point answers with its configuration.

  @TC_019_1_CSMS @operator @spec=OCPP-1.6-5.8
  Scenario: TC_019_1_CSMS Retrieve all configuration keys
    Given the emulated Charge Point is booted
    When the CSMS operator reads all configuration keys
    Then the emulated Charge Point receives GetConfiguration.req for every key (step 1)

  @TC_019_2_CSMS @operator @spec=OCPP-1.6-5.8
  Scenario: TC_019_2_CSMS Retrieve specific configuration key
    Given the emulated Charge Point is booted
    When the CSMS operator reads the configuration key "SupportedFeatureProfiles"
    Then the emulated Charge Point receives GetConfiguration.req asking for the key "SupportedFeatureProfiles" (step 1)

  @TC_021_CSMS @operator @spec=OCPP-1.6-5.3
  Scenario: TC_021_CSMS Change/set Configuration
    Given the emulated Charge Point is booted
    When the CSMS operator sets the configuration key "MeterValueSampleInterval" to "60"
    Then the emulated Charge Point receives ChangeConfiguration.req setting "MeterValueSampleInterval" to "60" (step 1)

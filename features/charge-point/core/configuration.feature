@sut:charge-point @feature-profile:Core
Feature: Configuration (test case document §2.8)
  The Central System reads the configuration with GetConfiguration.req, all of it or chosen keys, and changes it with
  ChangeConfiguration.req (OCPP 1.6 §5.3, §5.8). The keys the supported feature profiles require are present with
  the accessibility §9 gives them.

  @TC_019_CS @spec=OCPP-1.6-9.1
  Scenario: TC_019_CS Retrieve configuration
    Given the Charge Point is booted
    When the Central System sends GetConfiguration.req for "SupportedFeatureProfiles" (step 1)
    Then the Charge Point answers GetConfiguration.conf with the key "SupportedFeatureProfiles" (step 2)
    When the Central System sends GetConfiguration.req without keys (step 3)
    Then the Charge Point reports every key the supported feature profiles require, with the accessibility §9 gives it (step 4)
    When the Central System sends GetConfiguration.req for "GetConfigurationMaxKeys" (step 5)
    Then the Charge Point answers GetConfiguration.conf with the key "GetConfigurationMaxKeys" (step 6)
    When the Central System sends GetConfiguration.req for as many reported keys as GetConfigurationMaxKeys allows (step 7)
    Then the Charge Point reports every key asked for and no unknown key (step 8)

  @TC_021_CS @spec=OCPP-1.6-5.3
  Scenario: TC_021_CS Change/set Configuration
    Given the Charge Point is booted and idle
    And the Central System has set "MeterValueSampleInterval" to a value other than the configured one
    When the Central System sends ChangeConfiguration.req setting "MeterValueSampleInterval" to the configured value (step 1)
    Then the Charge Point answers ChangeConfiguration.conf with status "Accepted" (step 2)
    When the Central System sends GetConfiguration.req for "MeterValueSampleInterval" (step 3)
    Then the Charge Point answers GetConfiguration.conf with "MeterValueSampleInterval" set to the configured value (step 4)

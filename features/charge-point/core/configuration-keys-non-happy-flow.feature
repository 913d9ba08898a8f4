@sut:charge-point @feature-profile:Core
Feature: Configuration keys, non-happy flow (test case document §2.15)
  ChangeConfiguration.req for a key the Charge Point does not know is answered NotSupported; a value that is not
  valid for the key is refused, with Rejected or (as the document allows) a PropertyConstraintViolation CALLERROR
  (OCPP 1.6 §5.3, §7.22).

  @TC_040_1_CS @spec=OCPP-1.6-5.3
  Scenario: TC_040_1_CS Configuration key - NotSupported
    Given the Charge Point is booted
    When the Central System sends ChangeConfiguration.req setting "Testing" to "true" (step 1)
    Then the Charge Point answers ChangeConfiguration.conf with status "NotSupported" (step 2)

  @TC_040_2_CS @spec=OCPP-1.6-5.3
  Scenario: TC_040_2_CS Configuratoin key - Invalid value
    Given the Charge Point is booted
    When the Central System sends ChangeConfiguration.req setting "MeterValueSampleInterval" to "-1" (step 1)
    Then the Charge Point answers ChangeConfiguration.conf with status "Rejected" or the CALLERROR "PropertyConstraintViolation" (step 2)

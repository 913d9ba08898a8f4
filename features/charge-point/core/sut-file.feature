@sut:charge-point @feature-profile:Core
Feature: The SUT file against the charger
  The SUT file declares what the charger supports: its feature profiles, its connectors, the configuration keys the
  cases set. The harness reads them with GetConfiguration and warns of every mismatch, so that a case is not N/A, or
  run against wrong expectations, because the SUT file is wrong.

  @EXT_SUT_001 @level:SHOULD
  Scenario: EXT_SUT_001 The Charge Point is what its SUT file declares
    Given the Charge Point is booted
    When the Central System reads the profiles, the connectors and the configuration keys the SUT file declares
    Then every mismatch with the SUT file is reported as a warning

@sut:charge-point @feature-profile:Core
Feature: Reservation refused by a Charge Point without the profile (test case document §2.20)
  The document's prerequisite for these two cases is a Charge Point that does NOT support the Reservation profile,
  so they are tagged Core (what such a charger has) and run where the SUT file leaves Reservation out; a charger that declares
  Reservation in SupportedFeatureProfiles makes them N/A. ReserveNow.req, for a connector or for connectorId 0, must
  not reserve: ReserveNow.conf Rejected (OCPP 1.6 §5.13), or the CALLERROR NotSupported of a charger that does not
  implement the action at all (OCPP-J 1.6 §4.2.3).

  @TC_048_4_CS @spec=OCPP-1.6-5.13
  Scenario: TC_048_4_CS Reservation of a Connector - Rejected
    Given the Charge Point is booted and idle
    And the Charge Point does not support the Reservation profile
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Rejected" or the CALLERROR "NotSupported" (step 2)

  @TC_050_4_CS @spec=OCPP-1.6-5.13
  Scenario: TC_050_4_CS Reservation of a Charge Point - Rejected
    Given the Charge Point is booted and idle
    And the Charge Point does not support the Reservation profile
    When the Central System sends ReserveNow.req for connectorId 0 and the valid idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Rejected" or the CALLERROR "NotSupported" (step 2)

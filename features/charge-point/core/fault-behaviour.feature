@sut:charge-point @feature-profile:Core
Feature: Fault behaviour (test case document §2.16)
  A Charge Point in a fault state reports Faulted and starts no transaction while it is (OCPP 1.6 §4.9, §7.7).

  @TC_041_CS @operator @spec=OCPP-1.6-7.7
  Scenario: TC_041_CS Fault Behavior
    Given the Charge Point is booted and idle
    When the operator puts the Charge Point into a fault state
    Then the Charge Point sends StatusNotification.req with status "Faulted" for connector 0 or the connector under test (step 1)
    When the EV driver plugs in the cable
    And the EV driver presents the valid idTag
    Then the Charge Point does not start a transaction while it is faulted (step 3)

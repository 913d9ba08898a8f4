@sut:charge-point @feature-profile:Core
Feature: Start a charging session (test case document §2.2)
  The EV driver starts a session at the Charge Point, plugging in first or presenting an identification first.
  The Charge Point reports Preparing, authorizes the idTag with the Central System and starts the transaction
  (OCPP 1.6 §4.1, §4.8, §4.9). An authorization without a cable lapses after ConnectionTimeOut, measured from the
  start of Preparing (§9.1.6, errata §3.76) within the SUT file's tolerance.

  @TC_003_CS @operator @spec=OCPP-1.6-4.8
  Scenario: TC_003_CS Regular Charging Session - Plugin First
    Given the Charge Point is booted and idle
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 1)
    When the EV driver presents the valid idTag
    Then the Charge Point sends Authorize.req for the valid idTag (step 3)
    And the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (steps 5 and 7)

  @TC_004_1_CS @operator @spec=OCPP-1.6-4.8
  Scenario: TC_004_1_CS Regular Charging Session – Identification First
    Given the Charge Point is booted and idle
    And the Central System has set "MeterValueSampleInterval" to the configured value
    When the EV driver is authorized with the valid idTag (step 1)
    And the EV driver plugs in the cable (step 2)
    Then the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (steps 3 and 5)

  @TC_004_2_CS @slow @operator @spec=OCPP-1.6-9.1.6
  Scenario: TC_004_2_CS Regular Charging Session – Identification First - ConnectionTimeOut
    Given the Charge Point is booted and idle
    And the Central System has set "ConnectionTimeOut" to the configured value
    When the EV driver is authorized with the valid idTag (step 1)
    Then the Charge Point sends StatusNotification.req with status "Available" once ConnectionTimeOut has expired, without starting a transaction (step 2)

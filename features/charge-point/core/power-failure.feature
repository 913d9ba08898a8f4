@sut:charge-point @feature-profile:Core
Feature: Power failure (test case document §2.13)
  A Charge Point with a backup power supply stops its transactions with reason PowerLoss before it goes down; one
  without stops them once it is back and accepted (OCPP 1.6 §4.10, §7.36). After the power returns it boots and
  reports connector 0 and every connector (§4.2, errata §3.22); Unavailable set by ChangeAvailability persists
  (§5.2). Which power-failure case applies is declared in the SUT file (`backupPowerSupply`).

  @TC_032_1_CS @operator @spec=OCPP-1.6-7.36
  Scenario: TC_032_1_CS Power failure boot charging point - configured to stop transaction(s) before going down
    Given the Charge Point is booted and idle
    And the Charge Point has a backup power supply
    And a transaction is charging on the connector under test
    When the power of the Charge Point fails and returns
    Then the Charge Point sends StopTransaction.req with reason "PowerLoss" and StatusNotification.req with status "Finishing", in any order (steps 1 and 3)
    And the Charge Point sends BootNotification.req (step 5)
    And the Charge Point reports the connector under test "Finishing" or "Preparing" and every other connector "Available" after booting (step 7)

  @TC_032_2_CS @operator @spec=OCPP-1.6-7.36
  Scenario: TC_032_2_CS Power failure boot charging point-configured to stop transaction(s)
    Given the Charge Point is booted and idle
    And the Charge Point has no backup power supply
    And a transaction is charging on the connector under test
    When the power of the Charge Point fails and returns
    Then the Charge Point sends BootNotification.req (step 1)
    And after booting the Charge Point ends the interrupted transaction: by itself with reason "PowerLoss", or resumed and stopped by the EV driver (steps 3, 5 and 7)

  @TC_034_CS @operator @spec=OCPP-1.6-5.2
  Scenario: TC_034_CS Power Failure with Unavailable Status
    Given the Charge Point is booted and idle
    When the Central System sends ChangeAvailability.req to make the Charge Point Inoperative (step 1)
    Then the Charge Point answers ChangeAvailability.conf with status "Accepted" (step 2)
    And the Charge Point sends StatusNotification.req for connector 0 and every connector with status "Unavailable", as ChangeAvailability asked (step 3)
    When the operator power-cycles the Charge Point
    Then the Charge Point sends BootNotification.req (step 5)
    And the Charge Point reports connector 0 and every connector "Unavailable" after booting (step 7)

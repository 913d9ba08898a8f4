@sut:charge-point @feature-profile:Core
Feature: Reset (test case document §2.6)
  On Reset.req the Charge Point stops its transactions, with reason SoftReset before a soft reset and with reason
  HardReset before or, at the latest, after a hard reset and its acceptance, then reboots and registers again
  (OCPP 1.6 §5.14, errata §3.36). A connector made Inoperative stays Unavailable over the reset (§5.2). A soft reset
  need not be followed by a BootNotification.req; when it is, the statuses follow it.

  @TC_013_CS @spec=OCPP-1.6-5.14
  Scenario: TC_013_CS Hard Reset Without transaction
    Given the Charge Point is booted and idle
    When the Central System sends ChangeAvailability.req to make the connector under test Inoperative (step 1)
    Then the Charge Point answers ChangeAvailability.conf with status "Accepted" (step 2)
    And the Charge Point sends StatusNotification.req with status "Unavailable" (step 3)
    When the Central System sends Reset.req with type "Hard" (step 5)
    Then the Charge Point answers Reset.conf with status "Accepted" (step 6)
    And the Charge Point sends BootNotification.req (step 7)
    And the Charge Point reports the connector under test "Unavailable" and every other connector "Available" after booting (step 9)
    When the Central System sends ChangeAvailability.req to make the connector under test Operative (step 11)
    Then the Charge Point answers ChangeAvailability.conf with status "Accepted" (step 12)
    And the Charge Point sends StatusNotification.req with status "Available" (step 13)

  @TC_014_CS @spec=OCPP-1.6-5.14
  Scenario: TC_014_CS Soft Reset Without Transaction
    Given the Charge Point is booted and idle
    When the Central System sends ChangeAvailability.req to make the connector under test Inoperative (step 1)
    Then the Charge Point answers ChangeAvailability.conf with status "Accepted" (step 2)
    And the Charge Point sends StatusNotification.req with status "Unavailable" (step 3)
    When the Central System sends Reset.req with type "Soft" (step 5)
    Then the Charge Point answers Reset.conf with status "Accepted" (step 6)
    And if the Charge Point reboots, it sends BootNotification.req and reports the connector under test "Unavailable" and every other connector "Available" (steps 7 and 9)
    When the Central System sends ChangeAvailability.req to make the connector under test Operative (step 11)
    Then the Charge Point answers ChangeAvailability.conf with status "Accepted" (step 12)
    And the Charge Point sends StatusNotification.req with status "Available" (step 13)

  @TC_015_CS @operator @spec=OCPP-1.6-5.14
  Scenario: TC_015_CS Hard Reset With Transaction
    Given the Charge Point is booted and idle
    And a transaction is charging on the connector under test
    When the Central System sends Reset.req with type "Hard" (step 1)
    Then the Charge Point answers Reset.conf with status "Accepted" (step 2)
    And the Charge Point sends StopTransaction.req with reason "HardReset" before or after its BootNotification.req, and StatusNotification.req with status "Finishing" if before (steps 3, 5 and 7)
    And the Charge Point reports the connector under test "Finishing" or "Preparing" and every other connector "Available" after booting (step 9)

  @TC_016_CS @operator @spec=OCPP-1.6-5.14
  Scenario: TC_016_CS Soft Reset With Transaction
    Given the Charge Point is booted and idle
    And a transaction is charging on the connector under test
    When the Central System sends Reset.req with type "Soft" (step 1)
    Then the Charge Point answers Reset.conf with status "Accepted" (step 2)
    And the Charge Point sends StopTransaction.req with reason "SoftReset" and StatusNotification.req with status "Finishing" before it resets (steps 3 and 5)
    And if the Charge Point reboots, it sends BootNotification.req and reports the connector under test "Finishing" or "Preparing" and every other connector "Available" (steps 7 and 9)

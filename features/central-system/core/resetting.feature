@sut:central-system @feature-profile:Core
Feature: Resetting, happy flow (test case document §3.5)
  The CSMS operator resets a charging Charge Point (OCPP 1.6 §5.14). The emulated Charge Point accepts, stops its
  transaction with reason HardReset or SoftReset, reboots and boots again; the Central System accepts it again, takes
  the statuses, and has closed the transaction: a new transaction with the same idTag is accepted.

  @TC_013_CSMS @operator @spec=OCPP-1.6-5.14
  Scenario: TC_013_CSMS Hard Reset
    Given the emulated Charge Point is booted
    And the emulated Charge Point is charging on connector 1 with the valid idTag
    When the CSMS operator resets the Charge Point with type "Hard"
    Then the emulated Charge Point receives Reset.req with type "Hard" (step 1)
    When the emulated Charge Point sends StopTransaction.req with reason "HardReset" for connector 1
    Then the Central System responds with StopTransaction.conf
    When the emulated Charge Point reboots (step 3)
    Then the Central System responds with BootNotification.conf with status "Accepted" (step 4)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 0 and every connector (step 5)
    Then the Central System responds with StatusNotification.conf (step 6)
    And a new transaction with the valid idTag on connector 1 is accepted

  @TC_014_CSMS @operator @spec=OCPP-1.6-5.14
  Scenario: TC_014_CSMS Soft Reset
    Given the emulated Charge Point is booted
    And the emulated Charge Point is charging on connector 1 with the valid idTag
    When the CSMS operator resets the Charge Point with type "Soft"
    Then the emulated Charge Point receives Reset.req with type "Soft" (step 1)
    When the emulated Charge Point sends StopTransaction.req with reason "SoftReset" for connector 1
    Then the Central System responds with StopTransaction.conf
    When the emulated Charge Point reboots (step 3)
    Then the Central System responds with BootNotification.conf with status "Accepted" (step 4)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 0 and every connector (step 5)
    Then the Central System responds with StatusNotification.conf (step 6)
    And a new transaction with the valid idTag on connector 1 is accepted

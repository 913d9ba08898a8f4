@sut:central-system @feature-profile:Core
Feature: Power failure, non-happy flow (test case document §3.11)
  The emulated Charge Point loses power during a transaction, boots again, reports its connectors and stops the
  transaction it had with reason PowerLoss; the Central System accepts it again and takes the stop (OCPP 1.6 §4.2,
  §4.10).

  @TC_032_1_CSMS @spec=OCPP-1.6-4.10
  Scenario: TC_032_1_CSMS Power failure boot charging point-configured to stop transaction(s)
    Given the emulated Charge Point is booted
    And the emulated Charge Point is charging on connector 1 with the valid idTag
    When the emulated Charge Point loses its connection
    And the emulated Charge Point reboots (step 1)
    Then the Central System responds with BootNotification.conf with status "Accepted" (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Finishing" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 2 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the emulated Charge Point sends StopTransaction.req with reason "PowerLoss" for connector 1 (step 5)
    Then the Central System responds with StopTransaction.conf (step 6)

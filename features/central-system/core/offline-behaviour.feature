@sut:central-system @feature-profile:Core
Feature: Offline behaviour, non-happy flow (test case document §3.12)
  The emulated Charge Point loses its connection, a driver charges meanwhile, and once the connection is back the
  queued transaction messages arrive with their original timestamps (OCPP 1.6 §3.6, §4.8, §4.10). The Central System
  accepts the valid idTag, answers Invalid for an invalid one (the Charge Point then stops with DeAuthorized), and
  takes a transaction that started and ended while offline.

  @TC_037_1_CSMS @spec=OCPP-1.6-4.8
  Scenario: TC_037_1_CSMS Offline Start Transaction - Valid IdTag
    Given the emulated Charge Point is booted
    When the emulated Charge Point loses its connection
    And the emulated Charge Point starts a transaction offline for the valid idTag on connector 1
    And the emulated Charge Point regains its connection
    And the emulated Charge Point sends the queued StartTransaction.req (step 1)
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Accepted" (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Charging" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)

  @TC_037_3_CSMS @spec=OCPP-1.6-4.8
  Scenario: TC_037_3_CSMS Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true
    Given the emulated Charge Point is booted
    When the emulated Charge Point loses its connection
    And the emulated Charge Point starts a transaction offline for the invalid idTag on connector 1
    And the emulated Charge Point regains its connection
    And the emulated Charge Point sends the queued StartTransaction.req (step 1)
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Invalid" (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Charging" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the emulated Charge Point sends StopTransaction.req with reason "DeAuthorized" for connector 1 (step 5)
    Then the Central System responds with StopTransaction.conf (step 6)
    When the emulated Charge Point sends StatusNotification.req with status "Finishing" for connector 1 (step 7)
    Then the Central System responds with StatusNotification.conf (step 8)

  @TC_039_CSMS @spec=OCPP-1.6-4.10
  Scenario: TC_039_CSMS Offline Transaction
    Given the emulated Charge Point is booted
    When the emulated Charge Point loses its connection
    And the emulated Charge Point starts a transaction offline for the valid idTag on connector 1
    And the emulated Charge Point stops the transaction offline on connector 1 with reason "Local"
    And the emulated Charge Point regains its connection
    And the emulated Charge Point sends the queued StartTransaction.req (step 1)
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Accepted" (step 2)
    When the emulated Charge Point sends the queued StopTransaction.req (step 3)
    Then the Central System responds with StopTransaction.conf (step 4)

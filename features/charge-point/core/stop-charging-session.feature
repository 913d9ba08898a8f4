@sut:charge-point @feature-profile:Core
Feature: Stop a charging session (test case document §2.3)
  A transaction is stopped by the idTag that started it or by another idTag of the same group (parentIdTag), not by
  any other card (OCPP 1.6 §3.10, §4.1). Unplugging at the EV side stops the transaction or not, and unlocks the
  cable or not, as StopTransactionOnEVSideDisconnect and UnlockConnectorOnEVSideDisconnect say (§4.10, §9.1.23,
  §9.1.33). The cards are presented at the connector under test.

  @TC_068_CS @operator @spec=OCPP-1.6-3.10
  Scenario: TC_068_CS Stop transaction - IdTag in StopTransaction matches IdTag in StartTransaction
    Given the Charge Point is booted and idle
    And a transaction is charging on the connector under test
    When the EV driver presents the second valid idTag
    Then the Charge Point sends neither Authorize.req nor StopTransaction.req (step 1)
    When the EV driver presents the valid idTag
    Then the Charge Point sends StopTransaction.req for the valid idTag with reason "Local" and StatusNotification.req with status "Finishing", in any order (steps 3 and 5)

  @TC_069_CS @operator @spec=OCPP-1.6-3.10
  Scenario: TC_069_CS Stop transaction - ParentIdTag in StopTransaction matches ParentIdTag in StartTransaction
    Given the Charge Point is booted and idle
    And a transaction is charging on the connector under test for the child idTag
    When the EV driver presents the second child idTag
    Then the Charge Point sends Authorize.req for the second child idTag, to stop the transaction of its group (step 1)
    And the Charge Point sends StopTransaction.req for the second child idTag with reason "Local" and StatusNotification.req with status "Finishing", in any order (steps 3 and 5)

  @TC_005_1_CS @operator @spec=OCPP-1.6-4.10
  Scenario: TC_005_1_CS EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true
    Given the Charge Point is booted and idle
    And the Charge Point does not have a fixed cable
    And the Central System has set "MinimumStatusDuration" to "0" if the Charge Point implements it
    And the Central System has set "StopTransactionOnEVSideDisconnect" to "true"
    And the Central System has set "UnlockConnectorOnEVSideDisconnect" to "true"
    And a transaction is charging on the connector under test
    When the EV driver unplugs the cable at the EV side
    Then the Charge Point sends StopTransaction.req with reason "EVDisconnected" and StatusNotification.req with status "Finishing", in any order (steps 1 and 3)

  @TC_005_2_CS @operator @spec=OCPP-1.6-4.10
  Scenario: TC_005_2_CS EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = false
    Given the Charge Point is booted and idle
    And the Central System has set "MinimumStatusDuration" to "0" if the Charge Point implements it
    And the Central System has set "StopTransactionOnEVSideDisconnect" to "true"
    And the Central System has set "UnlockConnectorOnEVSideDisconnect" to "false"
    And a transaction is charging on the connector under test
    When the EV driver unplugs the cable at the EV side
    Then the Charge Point sends StopTransaction.req with reason "EVDisconnected" and StatusNotification.req with status "Finishing" or "Available", in any order (steps 1 and 3)
    When the Central System sends UnlockConnector.req for the connector under test (step 5)
    Then the Charge Point answers UnlockConnector.conf with status "Unlocked" or "NotSupported" (step 6)

  @TC_005_3_CS @operator @spec=OCPP-1.6-4.10
  Scenario: TC_005_3_CS EV Side Disconnected - StopTransactionOnEVSideDisconnect = false - UnlockConnectorOnEVSideDisconnect = false
    Given the Charge Point is booted and idle
    And the Central System has set "MinimumStatusDuration" to "0" if the Charge Point implements it
    And the Central System has set "StopTransactionOnEVSideDisconnect" to "false"
    And the Central System has set "UnlockConnectorOnEVSideDisconnect" to "false"
    And a transaction is charging on the connector under test
    When the EV driver unplugs the cable at the EV side
    Then the Charge Point keeps the transaction and sends StatusNotification.req with status "SuspendedEV" or "SuspendedEVSE" and info "EV side disconnected" (step 1)
    When the Central System sends RemoteStopTransaction.req for the transaction (step 3)
    Then the Charge Point answers RemoteStopTransaction.conf with status "Accepted" (step 4)
    And the Charge Point sends StopTransaction.req with reason "Remote" and StatusNotification.req with status "Finishing" or "Available", in any order (steps 5 and 7)

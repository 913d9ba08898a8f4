@sut:charge-point @feature-profile:Core
Feature: Remote actions, non-happy flow (test case document §2.11)
  A remote start on a connector that already has a transaction, or on connectorId 0, is rejected; a remote stop of a
  transaction the Charge Point does not have is rejected (OCPP 1.6 §5.11, §5.12, §6.33).

  @TC_026_CS @operator @spec=OCPP-1.6-5.11
  Scenario: TC_026_CS Remote Start Charging Session – Rejected
    Given the Charge Point is booted and idle
    And the Central System has set "LocalPreAuthorize" to "false"
    And a transaction is charging on the connector under test
    When the Central System sends RemoteStartTransaction.req for the valid idTag (step 1)
    Then the Charge Point answers RemoteStartTransaction.conf with status "Rejected" (step 2)

  @TC_027_CS @spec=OCPP-1.6-6.33
  Scenario: TC_027_CS Remote start transaction - connector id shall not be 0
    Given the Charge Point is booted and idle
    When the Central System sends RemoteStartTransaction.req for the valid idTag on connectorId 0 (step 1)
    Then the Charge Point refuses the remote start on connectorId 0 with RemoteStartTransaction.conf status "Rejected" or a CALLERROR (step 2)

  @TC_028_CS @operator @spec=OCPP-1.6-5.12
  Scenario: TC_028_CS Remote Stop Transaction – Rejected
    Given the Charge Point is booted and idle
    And a transaction is charging on the connector under test
    When the Central System sends RemoteStopTransaction.req for a transaction the Charge Point does not have (step 1)
    Then the Charge Point answers RemoteStopTransaction.conf with status "Rejected" (step 2)

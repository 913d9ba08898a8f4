@sut:central-system @feature-profile:Core
Feature: Basic actions, non-happy flow (test case document §3.8)
  The Central System answers for idTags it must not accept: invalid (unknown), expired and blocked ones get that
  status in Authorize.conf (OCPP 1.6 §4.1, §7.2) — and in StartTransaction.conf too, since a charge point may start
  from stale local data and the Central System checks the tag again (§4.8). A connector lock failure is reported.
  Beyond the document: parentIdTag returned as configured (§3.10), and ConcurrentTx for an idTag already charging
  where the SUT file says the Central System enforces it (§7.2).

  @TC_023_1_CSMS @spec=OCPP-1.6-4.1
  Scenario: TC_023_1_CSMS Start Charging Session – Authorize invalid
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends Authorize.req for the invalid idTag (step 1)
    Then the Central System responds with Authorize.conf with idTagInfo status "Invalid" (step 2)
    When the emulated Charge Point sends StartTransaction.req for the invalid idTag on connector 1
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Invalid"
    When the emulated Charge Point sends StopTransaction.req with reason "DeAuthorized" for connector 1
    Then the Central System responds with StopTransaction.conf

  @TC_023_2_CSMS @spec=OCPP-1.6-4.1
  Scenario: TC_023_2_CSMS Start Charging Session – Authorize expired
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends Authorize.req for the expired idTag (step 1)
    Then the Central System responds with Authorize.conf with idTagInfo status "Expired" (step 2)
    When the emulated Charge Point sends StartTransaction.req for the expired idTag on connector 1
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Expired"
    When the emulated Charge Point sends StopTransaction.req with reason "DeAuthorized" for connector 1
    Then the Central System responds with StopTransaction.conf

  @TC_023_3_CSMS @spec=OCPP-1.6-4.1
  Scenario: TC_023_3_CSMS Start Charging Session – Authorize blocked
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends Authorize.req for the blocked idTag (step 1)
    Then the Central System responds with Authorize.conf with idTagInfo status "Blocked" (step 2)
    When the emulated Charge Point sends StartTransaction.req for the blocked idTag on connector 1
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Blocked"
    When the emulated Charge Point sends StopTransaction.req with reason "DeAuthorized" for connector 1
    Then the Central System responds with StopTransaction.conf

  @TC_024_CSMS @spec=OCPP-1.6-4.9
  Scenario: TC_024_CSMS Start Charging Session Lock Failure
    Given the emulated Charge Point is booted
    And the emulated Charge Point is authorized with the valid idTag
    When the emulated Charge Point sends StatusNotification.req with status "Preparing" for connector 1 (step 1)
    Then the Central System responds with StatusNotification.conf (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Faulted" and errorCode "ConnectorLockFailure" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)

  @EXT_CSMS_AUTH_001 @spec=OCPP-1.6-3.10
  Scenario: EXT_CSMS_AUTH_001 The parentIdTag of a tag is returned as configured
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends Authorize.req for the child idTag
    Then the Central System responds with Authorize.conf with idTagInfo status "Accepted" and the parent idTag as parentIdTag
    When the emulated Charge Point sends StartTransaction.req for the child idTag on connector 1
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Accepted" and the parent idTag as parentIdTag

  @EXT_CSMS_TX_003 @spec=OCPP-1.6-7.2
  Scenario: EXT_CSMS_TX_003 A second transaction with an idTag already charging gets ConcurrentTx
    Given the Central System answers ConcurrentTx for an idTag already charging
    And the emulated Charge Point is booted
    And the emulated Charge Point is charging on connector 1 with the second valid idTag
    When the emulated Charge Point sends StartTransaction.req for the second valid idTag on connector 2
    Then the Central System responds with StartTransaction.conf with idTagInfo status "ConcurrentTx" for the idTag already charging

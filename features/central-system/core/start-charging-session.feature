@sut:central-system @feature-profile:Core
Feature: Start charging session (test case document §3.2)
  The emulated Charge Point starts charging sessions the ways a driver does — cable first, identification first — and
  lets a connector go back to Available when no cable comes, or stops the transaction when the cable is pulled at the
  EV side. The Central System accepts the valid idTag (OCPP 1.6 §4.1, §4.8) and takes every status (§4.9) and the
  stop (§4.10).

  @TC_003_CSMS @spec=OCPP-1.6-4.8
  Scenario: TC_003_CSMS Regular Charging Session - Plugin First
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends StatusNotification.req with status "Preparing" for connector 1 (step 1)
    Then the Central System responds with StatusNotification.conf (step 2)
    When the emulated Charge Point sends Authorize.req for the valid idTag (step 3)
    Then the Central System responds with Authorize.conf with idTagInfo status "Accepted" (step 4)
    When the emulated Charge Point sends StartTransaction.req for the valid idTag on connector 1 (step 5)
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Accepted" (step 6)
    When the emulated Charge Point sends StatusNotification.req with status "Charging" for connector 1 (step 7)
    Then the Central System responds with StatusNotification.conf (step 8)

  @TC_004_1_CSMS @spec=OCPP-1.6-4.8
  Scenario: TC_004_1_CSMS Regular Charging Session – Identification First
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends Authorize.req for the valid idTag (step 1)
    Then the Central System responds with Authorize.conf with idTagInfo status "Accepted" (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Preparing" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the emulated Charge Point sends StartTransaction.req for the valid idTag on connector 1 (step 5)
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Accepted" (step 6)
    When the emulated Charge Point sends StatusNotification.req with status "Charging" for connector 1 (step 7)
    Then the Central System responds with StatusNotification.conf (step 8)

  @TC_004_2_CSMS @spec=OCPP-1.6-4.9
  Scenario: TC_004_2_CSMS Regular Charging Session – Identification First - ConnectionTimeOut
    Given the emulated Charge Point is booted
    And the emulated Charge Point's ConnectionTimeOut is 2 seconds
    And the emulated Charge Point is authorized with the valid idTag
    When the emulated Charge Point sends StatusNotification.req with status "Preparing" for connector 1 (step 1)
    Then the Central System responds with StatusNotification.conf (step 2)
    When the ConnectionTimeOut of the emulated Charge Point expires on connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)

  @TC_005_1_CSMS @spec=OCPP-1.6-4.10
  Scenario: TC_005_1_CSMS EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true
    Given the emulated Charge Point is booted
    And the emulated Charge Point is charging on connector 1 with the valid idTag
    When the emulated Charge Point sends StatusNotification.req with status "SuspendedEV" for connector 1 (step 1)
    Then the Central System responds with StatusNotification.conf (step 2)
    When the emulated Charge Point sends StopTransaction.req with reason "EVDisconnected" for connector 1 (step 3)
    Then the Central System responds with StopTransaction.conf (step 4)
    When the emulated Charge Point sends StatusNotification.req with status "Finishing" for connector 1 (step 5)
    Then the Central System responds with StatusNotification.conf (step 6)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 1 (step 7)
    Then the Central System responds with StatusNotification.conf (step 8)

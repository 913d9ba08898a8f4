@sut:central-system @feature-profile:SmartCharging
Feature: Smart Charging (test case document §3.19)
  The CSMS operator sets a default charging profile and a profile for a running transaction, asks for a composite
  schedule, clears profiles by id, by criteria and all at once, and starts a charge remotely with a charging profile
  (OCPP 1.6 §3.13, §5.5, §5.7, §5.16). Each request carries what the operator chose; a TxProfile names the running
  transaction (§5.16), the one of a RemoteStartTransaction.req names none (§5.16.2, errata §3.41); a clear sends
  exactly its filters (errata §3.25). The emulated Charge Point answers as a conformant one would.

  @TC_056_CSMS @operator @spec=OCPP-1.6-5.16
  Scenario: TC_056_CSMS Central Smart Charging - TxDefaultProfile
    Given the emulated Charge Point is booted
    When the CSMS operator sets a TxDefaultProfile on connector 1: stack level 1, 6 A from second 0 on 3 phases, for 3600 seconds
    Then the emulated Charge Point receives SetChargingProfile.req with the profile the CSMS operator asked for (step 1)
    And the profile is Absolute and says when it is valid and when its schedule starts (step 1)
    And the emulated Charge Point has answered SetChargingProfile.req with status "Accepted" (step 2)

  @TC_057_CSMS @operator @spec=OCPP-1.6-5.16
  Scenario: TC_057_CSMS Central Smart Charging - TxProfile
    Given the emulated Charge Point is booted
    And the emulated Charge Point is charging on connector 1 with the valid idTag
    When the CSMS operator sets a TxProfile on connector 1: stack level 1, 10 A from second 0 on 3 phases, for 3600 seconds
    Then the emulated Charge Point receives SetChargingProfile.req with the profile the CSMS operator asked for (step 1)
    And the TxProfile is for the transaction running on connector 1 (step 1)
    And the emulated Charge Point has answered SetChargingProfile.req with status "Accepted" (step 2)

  @TC_066_CSMS @operator @spec=OCPP-1.6-5.7
  Scenario: TC_066_CSMS Get Composite Schedule
    Given the emulated Charge Point is booted
    When the CSMS operator asks for the composite schedule of connector 1 for 3600 seconds in A
    Then the emulated Charge Point receives GetCompositeSchedule.req for the connector, duration and unit the CSMS operator chose (step 1)
    And the emulated Charge Point has answered GetCompositeSchedule.req with status "Accepted" (step 2)

  @TC_067_CSMS @operator @spec=OCPP-1.6-5.5
  Scenario: TC_067_CSMS Clear Charging Profile
    Given the emulated Charge Point is booted
    When the CSMS operator sets a TxDefaultProfile on connector 1: stack level 1, 16 A from second 0 on 3 phases, for 3600 seconds
    Then the emulated Charge Point receives SetChargingProfile.req with the profile the CSMS operator asked for (step 1)
    And the emulated Charge Point has answered SetChargingProfile.req with status "Accepted" (step 2)
    When the CSMS operator sets a TxDefaultProfile on connector 1: stack level 2, 12 A from second 0 on 3 phases, for 3600 seconds
    Then the emulated Charge Point receives SetChargingProfile.req with the profile the CSMS operator asked for (step 1)
    And the emulated Charge Point has answered SetChargingProfile.req with status "Accepted" (step 2)
    When the CSMS operator sets a TxDefaultProfile on connector 1: stack level 3, 8 A from second 0 on 3 phases, for 3600 seconds
    Then the emulated Charge Point receives SetChargingProfile.req with the profile the CSMS operator asked for (step 1)
    And the emulated Charge Point has answered SetChargingProfile.req with status "Accepted" (step 2)
    When the CSMS operator clears the first charging profile by its id
    Then the emulated Charge Point receives ClearChargingProfile.req with exactly the fields of that clear (step 3)
    And the emulated Charge Point has answered ClearChargingProfile.req with status "Accepted" (step 4)
    When the CSMS operator clears the TxDefaultProfile of stack level 2 on connector 1
    Then the emulated Charge Point receives ClearChargingProfile.req with exactly the fields of that clear (step 5)
    And the emulated Charge Point has answered ClearChargingProfile.req with status "Accepted" (step 6)
    When the CSMS operator clears all charging profiles
    Then the emulated Charge Point receives ClearChargingProfile.req with exactly the fields of that clear (step 7)
    And the emulated Charge Point has answered ClearChargingProfile.req with status "Accepted" (step 8)

  @TC_059_CSMS @operator @spec=OCPP-1.6-5.16
  Scenario: TC_059_CSMS Remote Start Transaction with Charging Profile
    Given the emulated Charge Point is booted
    When the CSMS operator starts a charge remotely on connector 1 for the valid idTag with a Relative charging profile of 10 A
    Then the emulated Charge Point receives RemoteStartTransaction.req for the valid idTag with a Relative TxProfile for the transaction to come (step 1)
    And the emulated Charge Point has answered RemoteStartTransaction.req with status "Accepted" (step 2)
    When the emulated Charge Point sends Authorize.req for the valid idTag (step 3)
    Then the Central System responds with Authorize.conf with idTagInfo status "Accepted" (step 4)
    When the emulated Charge Point sends StatusNotification.req with status "Preparing" for connector 1 (step 5)
    Then the Central System responds with StatusNotification.conf (step 6)
    When the emulated Charge Point sends StartTransaction.req for the valid idTag on connector 1 (step 7)
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Accepted" (step 8)
    When the emulated Charge Point sends StatusNotification.req with status "Charging" for connector 1 (step 9)
    Then the Central System responds with StatusNotification.conf (step 10)

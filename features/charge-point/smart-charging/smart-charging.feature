@sut:charge-point @feature-profile:SmartCharging
Feature: SmartCharging (test case document §2.22)
  The Central System limits charging with charging profiles (OCPP 1.6 §3.13): a ChargePointMaxProfile on connector 0
  caps the Charge Point, a TxDefaultProfile applies to new and running transactions, a TxProfile to one transaction;
  within a purpose the highest stackLevel in force prevails, and the composite schedule is the minimum of the
  prevailing ChargePointMaxProfile and TxProfile (else TxDefaultProfile). Profiles come with SetChargingProfile.req
  (§5.16) or RemoteStartTransaction.req (§5.11), go with ClearChargingProfile.req (§5.5), and GetCompositeSchedule.req
  (§5.7) asks what the charger will do. The harness computes the expected composite itself and compares; the SUT
  file's `smartCharging` section gives the configured unit, phases, stack level, duration and time deviation.

  Background:
    Given the Charge Point is booted and idle
    And no charging profile is installed

  @TC_056_CS @spec=OCPP-1.6-5.16
  Scenario: TC_056_CS Central Smart Charging - TxDefaultProfile
    When the Central System sends SetChargingProfile.req with a TxDefaultProfile of 6 A for the configured duration (step 1)
    Then the Charge Point answers SetChargingProfile.conf with status "Accepted" (step 2)
    When the Central System sends GetCompositeSchedule.req for the configured duration (step 3)
    Then the Charge Point reports the composite schedule of the profiles installed (step 4)

  @TC_057_CS @operator @spec=OCPP-1.6-5.16
  Scenario: TC_057_CS Central Smart Charging - TxProfile
    Given a transaction is charging on the connector under test
    When the Central System sends SetChargingProfile.req with a TxProfile of 6 A for the transaction (step 1)
    Then the Charge Point answers SetChargingProfile.conf with status "Accepted" (step 2)
    When the Central System sends GetCompositeSchedule.req for the configured duration (step 3)
    Then the Charge Point reports the composite schedule of the profiles installed (step 4)

  @TC_058_1_CS @spec=OCPP-1.6-5.16
  Scenario: TC_058_1_CS Central Smart Charging - No ongoing transaction
    When the Central System sends SetChargingProfile.req with a TxProfile for a transaction while none is running (step 1)
    Then the Charge Point answers SetChargingProfile.conf with status "Rejected" or the CALLERROR "PropertyConstraintViolation" (step 2)

  @TC_058_2_CS @operator @spec=OCPP-1.6-5.16
  Scenario: TC_058_2_CS Central Smart Charging - Wrong transactionId
    Given a transaction is charging on the connector under test
    When the Central System sends SetChargingProfile.req with a TxProfile for another transactionId than the one running (step 1)
    Then the Charge Point answers SetChargingProfile.conf with status "Rejected" (step 2)

  @TC_082_CS @operator @spec=OCPP-1.6-5.16
  Scenario: TC_082_CS Central Smart Charging - TxDefaultProfile - with ongoing transaction
    Given a transaction is charging on the connector under test
    When the Central System sends SetChargingProfile.req with a TxDefaultProfile of 6 A for the configured duration (step 1)
    Then the Charge Point answers SetChargingProfile.conf with status "Accepted" (step 2)
    When the Central System sends GetCompositeSchedule.req for the configured duration (step 3)
    Then the Charge Point reports the composite schedule of the profiles installed (step 4)

  @TC_066_CS @operator @spec=OCPP-1.6-3.13
  Scenario: TC_066_CS Get Composite Schedule
    Given the Charge Point can hold 3 charging profiles of 5 periods
    And a transaction is charging on the connector under test
    And the ChargePointMaxProfile, TxDefaultProfile and TxProfile of TC_066_CS are installed
    When the Central System sends GetCompositeSchedule.req for 400 seconds (step 1)
    Then the Charge Point reports the composite schedule of the profiles installed (step 2)

  @TC_067_CS @spec=OCPP-1.6-5.5
  Scenario: TC_067_CS Clear Charging Profile
    Given the two TxDefaultProfiles and the ChargePointMaxProfile of TC_067_CS are installed
    When the Central System sends ClearChargingProfile.req with the id of the first profile (step 1)
    Then the Charge Point answers ClearChargingProfile.conf with status "Accepted" (step 2)
    When the Central System sends GetCompositeSchedule.req for 350 seconds (step 3)
    Then the Charge Point reports the composite schedule of the profiles installed (step 4)
    When the Central System sends ClearChargingProfile.req with the purpose and stackLevel of the second profile (step 5)
    Then the Charge Point answers ClearChargingProfile.conf with status "Accepted" (step 6)
    When the Central System sends GetCompositeSchedule.req for 350 seconds (step 7)
    Then the Charge Point reports the composite schedule of the profiles installed (step 8)
    When the Central System sends ClearChargingProfile.req without fields (step 9)
    Then the Charge Point answers ClearChargingProfile.conf with status "Accepted" (step 10)
    When the Central System sends GetCompositeSchedule.req for 350 seconds (step 11)
    Then the Charge Point reports the composite schedule of the profiles installed (step 12)

  @TC_072_CS @spec=OCPP-1.6-3.13
  Scenario: TC_072_CS Stacking Charging Profiles
    Given the two stacked TxDefaultProfiles of TC_072_CS are installed
    When the Central System sends GetCompositeSchedule.req for 350 seconds (step 1)
    Then the Charge Point reports the composite schedule of the profiles installed (step 2)

  @TC_059_CS @operator @spec=OCPP-1.6-5.11
  Scenario: TC_059_CS Remote Start Transaction with Charging Profile
    When the Central System starts a transaction remotely with a TxProfile of 6 A, and the cable is plugged in (step 1)
    Then the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (step 1)
    When the Central System sends GetCompositeSchedule.req for the configured duration (step 2)
    Then the Charge Point reports the composite schedule of the profiles installed (step 3)

  @TC_060_CS @spec=OCPP-1.6-5.11
  Scenario: TC_060_CS Remote Start Transaction with Charging Profile - Rejected
    When the Central System sends RemoteStartTransaction.req with a TxDefaultProfile as its chargingProfile (step 1)
    Then the Charge Point answers RemoteStartTransaction.conf with status "Rejected" or the CALLERROR "PropertyConstraintViolation" (step 2)

  @EXT_SC_001 @spec=OCPP-1.6-3.13
  Scenario: EXT_SC_001 The composite of a ChargePointMaxProfile, a recurring default and a short-lived higher stack
    Given the extra stack of EXT_SC_001 is installed: a ChargePointMaxProfile, a Recurring Daily TxDefaultProfile, and a higher TxDefaultProfile valid for 120 seconds
    When the Central System sends GetCompositeSchedule.req for 600 seconds
    Then the Charge Point reports the composite schedule of the profiles installed

  @EXT_SC_002 @spec=OCPP-1.6-5.5
  Scenario: EXT_SC_002 ClearChargingProfile removes exactly the profiles its filter matches
    Given the two TxDefaultProfiles and the ChargePointMaxProfile of TC_067_CS are installed
    When the Central System sends ClearChargingProfile.req for connectorId 0 and purpose ChargePointMaxProfile
    Then the Charge Point answers ClearChargingProfile.conf with status "Accepted"
    When the Central System sends ClearChargingProfile.req for the connector under test and stackLevel 0
    Then the Charge Point answers ClearChargingProfile.conf with status "Accepted"
    When the Central System sends GetCompositeSchedule.req for 350 seconds
    Then the Charge Point reports the composite schedule of the profiles installed
    When the Central System sends ClearChargingProfile.req for a chargingProfileId no profile has
    Then the Charge Point answers ClearChargingProfile.conf with status "Unknown"

  @EXT_SC_003 @spec=OCPP-1.6-5.16
  Scenario: EXT_SC_003 A TxProfile without a transaction is Rejected, also without a transactionId
    When the Central System sends SetChargingProfile.req with a TxProfile without transactionId while no transaction is running
    Then the Charge Point answers SetChargingProfile.conf with status "Rejected"

  @EXT_SC_004 @spec=OCPP-1.6-9.4
  Scenario: EXT_SC_004 The SmartCharging limits the Charge Point reports are the ones it enforces
    When the Central System sends SetChargingProfile.req with a stackLevel above ChargeProfileMaxStackLevel
    Then the Charge Point answers SetChargingProfile.conf with status "Rejected"
    When the Central System sends SetChargingProfile.req with more periods than ChargingScheduleMaxPeriods
    Then the Charge Point answers SetChargingProfile.conf with status "Rejected"

  @EXT_SC_007 @spec=OCPP-1.6-9.4
  Scenario: EXT_SC_007 No more profiles than MaxChargingProfilesInstalled are taken
    When the Central System sends as many different profiles as MaxChargingProfilesInstalled allows, each answered Accepted
    And the Central System sends SetChargingProfile.req with one profile more
    Then the Charge Point answers SetChargingProfile.conf with status "Rejected"

  @EXT_SC_005 @spec=OCPP-1.6-5.16
  Scenario: EXT_SC_005 A profile for a connector the Charge Point does not have is refused
    When the Central System sends SetChargingProfile.req with a TxDefaultProfile for a connector that does not exist
    Then the Charge Point answers SetChargingProfile.conf with status "Rejected" or the CALLERROR "PropertyConstraintViolation"

  @EXT_SC_006 @operator @spec=OCPP-1.6-3.13
  Scenario: EXT_SC_006 The current offered in MeterValues follows the TxProfile in force
    Given the Charge Point samples Current.Offered during transactions
    And a transaction is charging on the connector under test
    When the Central System sends SetChargingProfile.req with a TxProfile of 6 A for the transaction
    Then the Charge Point answers SetChargingProfile.conf with status "Accepted"
    And the Charge Point reports Current.Offered at the limit of the profiles installed in its next MeterValues

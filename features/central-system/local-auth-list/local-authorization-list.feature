@sut:central-system @feature-profile:LocalAuthListManagement
Feature: Local Authorization List (test case document §3.14)
  The CSMS operator reads the version of the emulated Charge Point's local list and sends lists (OCPP 1.6 §5.10,
  §5.15). A Full list carries an idTagInfo in every entry (§7.1); a Differential update carries a version newer than
  the Charge Point's list (§5.15, errata §3.52); both carry at least one IdToken (the document's prerequisite is a
  Central System with an IdToken to add, and an empty list sets nothing to authorize with). The Central System takes NotSupported and Failed. Beyond the
  document: after VersionMismatch or Failed on a Differential update it sends the Full list (§5.15, a SHOULD, checked
  as a SHALL where the SUT file claims it).

  @TC_042_1_CSMS @operator @spec=OCPP-1.6-5.10
  Scenario: TC_042_1_CSMS Get Local List Version (not supported)
    Given the emulated Charge Point is booted
    And the emulated Charge Point will answer GetLocalListVersion.req with listVersion -1
    When the CSMS operator asks for the local list version
    Then the emulated Charge Point receives GetLocalListVersion.req (step 1)

  @TC_042_2_CSMS @operator @spec=OCPP-1.6-5.10
  Scenario: TC_042_2_CSMS Get Local List Version (empty)
    Given the emulated Charge Point is booted
    When the CSMS operator asks for the local list version
    Then the emulated Charge Point receives GetLocalListVersion.req (step 1)

  @TC_043_1_CSMS @operator @spec=OCPP-1.6-5.15
  Scenario: TC_043_1_CSMS Send Local Authorization List - NotSupported
    Given the emulated Charge Point is booted
    And the emulated Charge Point will answer SendLocalList.req with status "NotSupported"
    When the CSMS operator sends a Full local authorization list
    Then the emulated Charge Point receives SendLocalList.req with updateType "Full" (step 1)

  @TC_043_3_CSMS @operator @spec=OCPP-1.6-5.15
  Scenario: TC_043_3_CSMS Send Local Authorization List - Failed
    Given the emulated Charge Point is booted
    And the emulated Charge Point will answer SendLocalList.req with status "Failed"
    When the CSMS operator sends a Full local authorization list
    Then the emulated Charge Point receives SendLocalList.req with updateType "Full" (step 1)

  @TC_043_4_CSMS @operator @spec=OCPP-1.6-5.15
  Scenario: TC_043_4_CSMS Send Local Authorization List - Full
    Given the emulated Charge Point is booted
    When the CSMS operator sends a Full local authorization list
    Then the emulated Charge Point receives SendLocalList.req with updateType "Full" (step 1)
    And the local authorization list carries at least one IdToken (step 1)
    And every entry of the local authorization list has an idTagInfo (step 1)

  @TC_043_5_CSMS @operator @spec=OCPP-1.6-5.15
  Scenario: TC_043_5_CSMS Send Local Authorization List - Differential
    Given the emulated Charge Point is booted
    And the emulated Charge Point has a local authorization list with version 3
    When the CSMS operator sends a Differential local authorization list
    Then the emulated Charge Point receives SendLocalList.req with updateType "Differential" (step 3)
    And the Differential update carries a version newer than the emulated Charge Point's list (step 3)
    And the local authorization list carries at least one IdToken (step 3)
    And every entry of the local authorization list has an idTagInfo (step 3)

  @EXT_CSMS_LAL_001 @operator @level:SHOULD @spec=OCPP-1.6-5.15
  Scenario: EXT_CSMS_LAL_001 After VersionMismatch on a Differential update the Full list is sent
    Given the emulated Charge Point is booted
    And the emulated Charge Point will answer a Differential SendLocalList.req with status "VersionMismatch"
    When the CSMS operator sends a Differential local authorization list
    Then the emulated Charge Point receives SendLocalList.req with updateType "Differential"
    And the Central System sends the Full local authorization list instead

  @EXT_CSMS_LAL_002 @operator @level:SHOULD @spec=OCPP-1.6-5.15
  Scenario: EXT_CSMS_LAL_002 After Failed on a Differential update the Full list is sent
    Given the emulated Charge Point is booted
    And the emulated Charge Point will answer a Differential SendLocalList.req with status "Failed"
    When the CSMS operator sends a Differential local authorization list
    Then the emulated Charge Point receives SendLocalList.req with updateType "Differential"
    And the Central System sends the Full local authorization list instead

@sut:charge-point @feature-profile:Core
Feature: Configuration keys of the Charge Point — beyond the test case document
  What the charger reports in GetConfiguration.conf is held against chapter 9: each standard key it reports has
  the type and the read-only flag of its section (errata included), a write-only key is never read back, and keys it
  does not recognise come back in unknownKey. ChangeConfiguration is answered as §5.3 says: NotSupported for a key
  it does not know, Rejected for a malformed value or a read-only key (nothing changes), Accepted only when the new
  value is in effect, which reading it back shows. Every change is undone when the scenario ends.

  @EXT_CONF_001 @spec=OCPP-1.6-9
  Scenario: EXT_CONF_001 Reported keys have the type and read-only flag chapter 9 gives them
    Given the Charge Point is booted
    When the Central System reads every configuration key
    Then every standard key reported has the type and the read-only flag OCPP 1.6 §9 gives it

  @EXT_CONF_002 @spec=OCPP-1.6-5.3
  Scenario: EXT_CONF_002 A malformed value is Rejected and changes nothing
    Given the Charge Point is booted
    When the Central System changes the configuration key "HeartbeatInterval" to "abc"
    Then the Charge Point answers the change with ChangeConfiguration.conf status "Rejected"
    And reading the key back gives the value it had before

  @EXT_CONF_003 @spec=OCPP-1.6-5.8
  Scenario: EXT_CONF_003 Keys the Charge Point does not recognise come back in unknownKey
    Given the Charge Point is booted
    When the Central System reads the configuration keys "HeartbeatInterval" and "OcppConformanceNoSuchKey"
    Then "OcppConformanceNoSuchKey" is listed in unknownKey and "HeartbeatInterval" among the configuration keys

  @EXT_CONF_004 @spec=OCPP-1.6-5.3
  Scenario: EXT_CONF_004 Changing a key the Charge Point does not know is NotSupported
    Given the Charge Point is booted
    When the Central System changes the configuration key "OcppConformanceNoSuchKey" to "1"
    Then the Charge Point answers the change with ChangeConfiguration.conf status "NotSupported"

  @EXT_CONF_005 @spec=OCPP-1.6-9
  Scenario: EXT_CONF_005 A read-only key cannot be changed
    Given the Charge Point is booted
    When the Central System tries to change a configuration key the Charge Point reports as read-only
    Then the Charge Point refuses to change the read-only key with ChangeConfiguration.conf status "Rejected"
    And reading the key back gives the value it had before

  @EXT_CONF_006 @spec=OCPP-1.6-5.3
  Scenario: EXT_CONF_006 An accepted change is in effect at once
    Given the Charge Point is booted
    When the Central System changes the configuration key "ConnectionTimeOut" to "47"
    Then the Charge Point answers the change with ChangeConfiguration.conf status "Accepted"
    And reading the key back gives the new value

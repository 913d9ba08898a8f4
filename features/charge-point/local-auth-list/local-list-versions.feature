@sut:charge-point @feature-profile:LocalAuthListManagement
Feature: Local Authorization List versions beyond the test case document
  TC_043_CS only checks that the updates are Accepted; OCPP 1.6 §5.15 says the Charge Point MUST associate the
  version sent with the list after the update, so GetLocalListVersion.req reports it. TC_043_2_CS sends an older
  version; a Differential update with the current version is not newer either and gets VersionMismatch (§7.47),
  leaving the version as it was.

  @EXT_LAL_001 @spec=OCPP-1.6-5.15
  Scenario: EXT_LAL_001 The list version is the one the last update sent
    Given the Charge Point is booted and idle
    And the Central System has set "LocalAuthListEnabled" to "true"
    When the Central System sends SendLocalList.req with a Full list of the valid idTag, version 3
    Then the Charge Point answers SendLocalList.conf with status "Accepted"
    When the Central System sends GetLocalListVersion.req
    Then the Charge Point answers GetLocalListVersion.conf with listVersion 3
    When the Central System sends SendLocalList.req with a Differential update adding the second valid idTag, version 7
    Then the Charge Point answers SendLocalList.conf with status "Accepted"
    When the Central System sends GetLocalListVersion.req
    Then the Charge Point answers GetLocalListVersion.conf with listVersion 7

  @EXT_LAL_002 @spec=OCPP-1.6-7.47
  Scenario: EXT_LAL_002 A Differential update with the current version gets VersionMismatch
    Given the Charge Point is booted and idle
    And the Central System has set "LocalAuthListEnabled" to "true"
    When the Central System sends SendLocalList.req with a Full list of the valid idTag, version 4
    Then the Charge Point answers SendLocalList.conf with status "Accepted"
    When the Central System sends SendLocalList.req with a Differential update adding the second valid idTag, version 4
    Then the Charge Point answers SendLocalList.conf with status "VersionMismatch"
    When the Central System sends GetLocalListVersion.req
    Then the Charge Point answers GetLocalListVersion.conf with listVersion 4

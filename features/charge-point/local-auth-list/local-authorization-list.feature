@sut:charge-point
Feature: Local Authorization List (test case document §2.17)
  The Central System keeps the Charge Point's Local Authorization List with SendLocalList.req, a Full list or a
  Differential update, and reads its version with GetLocalListVersion.req: the version sent with the last update, 0
  for an empty list, -1 when the list is not supported (OCPP 1.6 §3.5.2, §5.10, §5.15, §7.47, errata §3.52). A
  Differential update whose version is not newer gets VersionMismatch and leaves the list as it was. An idTag on the
  list starts a transaction. TC_008_1_CS and TC_008_2_CS are the local and the remote form of TC_008_CS in the 2025
  revision of the document. TC_042_1_CS and TC_043_1_CS are for Charge Points without the list (or with it
  disabled), so they are tagged Core: they must not be skipped for lack of the profile.

  @TC_042_1_CS @feature-profile:Core @spec=OCPP-1.6-5.10
  Scenario: TC_042_1_CS Get Local List Version (not supported)
    Given the Charge Point is booted and idle
    And the Central System has set "LocalAuthListEnabled" to "false" if the Charge Point implements it
    When the Central System sends GetLocalListVersion.req (step 1)
    Then the Charge Point answers GetLocalListVersion.conf with listVersion -1 or the CALLERROR "NotSupported" (step 2)

  @TC_042_2_CS @feature-profile:LocalAuthListManagement @spec=OCPP-1.6-5.10
  Scenario: TC_042_2_CS Get Local List Version (empty)
    Given the Charge Point is booted and idle
    And the Central System has set "LocalAuthListEnabled" to "true"
    When the Central System sends SendLocalList.req with an empty Full list, version 1 (step 1)
    Then the Charge Point answers SendLocalList.conf with status "Accepted" (step 2)
    When the Central System sends GetLocalListVersion.req (step 3)
    Then the Charge Point answers GetLocalListVersion.conf with listVersion 0 (step 4)

  @TC_043_CS @feature-profile:LocalAuthListManagement @spec=OCPP-1.6-5.15
  Scenario: TC_043_CS Send Local Authorization List
    Given the Charge Point is booted and idle
    And the Central System has set "LocalAuthListEnabled" to "true"
    When the Central System sends SendLocalList.req with a Full list of the valid idTag, version 1 (step 1)
    Then the Charge Point answers SendLocalList.conf with status "Accepted" (step 2)
    When the Central System sends SendLocalList.req with a Differential update adding the second valid idTag, version 2 (step 3)
    Then the Charge Point answers SendLocalList.conf with status "Accepted" (step 4)

  @TC_043_1_CS @feature-profile:Core @spec=OCPP-1.6-5.15
  Scenario: TC_043_1_CS Send Local Authorization List - NotSupported
    Given the Charge Point is booted and idle
    And the Charge Point does not support the LocalAuthListManagement profile
    When the Central System sends SendLocalList.req with a Full list of the valid idTag, version 1 (step 1)
    Then the Charge Point answers SendLocalList.conf with status "NotSupported" or the CALLERROR "NotSupported" (step 2)

  @TC_043_2_CS @feature-profile:LocalAuthListManagement @spec=OCPP-1.6-5.15
  Scenario: TC_043_2_CS Send Local Authorization List - VersionMismatch
    Given the Charge Point is booted and idle
    And the Central System has set "LocalAuthListEnabled" to "true"
    When the Central System sends SendLocalList.req with a Full list of the valid idTag, version 2 (step 1)
    Then the Charge Point answers SendLocalList.conf with status "Accepted" (step 2)
    When the Central System sends GetLocalListVersion.req (step 3)
    Then the Charge Point answers GetLocalListVersion.conf with listVersion 2 (step 4)
    When the Central System sends SendLocalList.req with a Differential update adding the second valid idTag, version 5 (step 5)
    Then the Charge Point answers SendLocalList.conf with status "Accepted" (step 6)
    When the Central System sends GetLocalListVersion.req (step 7)
    Then the Charge Point answers GetLocalListVersion.conf with listVersion 5 (step 8)
    When the Central System sends SendLocalList.req with a Differential update adding the child idTag, version 4 (step 9)
    Then the Charge Point answers SendLocalList.conf with status "VersionMismatch" (step 10)
    When the Central System sends GetLocalListVersion.req (step 11)
    Then the Charge Point answers GetLocalListVersion.conf with listVersion 5 (step 12)

  @TC_043_3_CS @operator @feature-profile:LocalAuthListManagement @spec=OCPP-1.6-5.15
  Scenario: TC_043_3_CS Send Local Authorization List - Failed
    Given the Charge Point is booted and idle
    And the Central System has set "LocalAuthListEnabled" to "true"
    And the Charge Point fails to store a Local Authorization List
    When the Central System sends SendLocalList.req with a Full list of the valid idTag, version 2 (step 1)
    Then the Charge Point answers SendLocalList.conf with status "Failed" (step 2)

  @TC_008_CS @operator @feature-profile:LocalAuthListManagement @spec=OCPP-1.6-3.5.2
  Scenario: TC_008_CS Regular Start Charging Session – Id in Local Authorization List
    Given the Charge Point is booted and idle
    And the Central System has set "LocalPreAuthorize" to "true"
    And the Central System has set "AuthorizationCacheEnabled" to "false" if the Charge Point implements it
    And the Central System has set "LocalAuthListEnabled" to "true"
    And the Central System has set "AuthorizeRemoteTxRequests" to "true"
    When the Central System sends GetLocalListVersion.req (step 1)
    Then the Charge Point answers GetLocalListVersion.conf (step 2)
    When the Central System sends SendLocalList.req with a Full list of the valid idTag and a newer version (step 3)
    Then the Charge Point answers SendLocalList.conf with status "Accepted" (step 4)
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 5)
    When the Central System sends RemoteStartTransaction.req for the valid idTag (step 7)
    Then the Charge Point answers RemoteStartTransaction.conf with status "Accepted" (step 8)
    And the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (steps 9 and 11)

  @TC_008_1_CS @operator @feature-profile:LocalAuthListManagement @spec=OCPP-1.6-3.5.2
  Scenario: TC_008_1_CS Regular Start Charging Session - Id in Local Authorization List
    Given the Charge Point is booted and idle
    And the Central System has set "LocalPreAuthorize" to "true"
    And the Central System has set "AuthorizationCacheEnabled" to "false" if the Charge Point implements it
    And the Central System has set "LocalAuthListEnabled" to "true"
    When the Central System sends GetLocalListVersion.req (step 1)
    Then the Charge Point answers GetLocalListVersion.conf (step 2)
    When the Central System sends SendLocalList.req with a Full list of the valid idTag and a newer version (step 3)
    Then the Charge Point answers SendLocalList.conf with status "Accepted" (step 4)
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 5)
    When the EV driver presents the valid idTag
    Then the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (steps 9 and 11)

  @TC_008_2_CS @operator @feature-profile:LocalAuthListManagement @spec=OCPP-1.6-3.5.2
  Scenario: TC_008_2_CS Remote Start Charging Session - Id in Local Authorization List
    Given the Charge Point is booted and idle
    And the Central System has set "LocalPreAuthorize" to "true"
    And the Central System has set "AuthorizationCacheEnabled" to "false" if the Charge Point implements it
    And the Central System has set "LocalAuthListEnabled" to "true"
    And the Central System has set "AuthorizeRemoteTxRequests" to "true"
    When the Central System sends GetLocalListVersion.req (step 1)
    Then the Charge Point answers GetLocalListVersion.conf (step 2)
    When the Central System sends SendLocalList.req with a Full list of the valid idTag and a newer version (step 3)
    Then the Charge Point answers SendLocalList.conf with status "Accepted" (step 4)
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 5)
    When the Central System sends RemoteStartTransaction.req for the valid idTag (step 7)
    Then the Charge Point answers RemoteStartTransaction.conf with status "Accepted" (step 8)
    And the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (steps 9 and 11)

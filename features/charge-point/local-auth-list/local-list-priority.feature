@sut:charge-point @feature-profile:LocalAuthListManagement
Feature: Local Authorization List before the Authorization Cache, beyond the test case document
  Where both exist, an entry of the Local Authorization List has priority over the Authorization Cache entry for the
  same idTag (OCPP 1.6 §3.5.3), and offline an idTag the list does not accept is refused (§3.5.4). The case caches an
  idTag as Accepted, then the list blocks it: offline, presenting it starts no transaction.

  @EXT_AUTH_005 @operator @spec=OCPP-1.6-3.5.3
  Scenario: EXT_AUTH_005 Offline, an idTag the list blocks is refused although the cache accepts it
    Given the Charge Point is booted and idle
    And the Central System has set "LocalAuthorizeOffline" to "true"
    And the Central System has set "AuthorizationCacheEnabled" to "true"
    And the Central System has set "LocalAuthListEnabled" to "true"
    And the Central System has set "AllowOfflineTxForUnknownId" to "false" if the Charge Point implements it
    And the valid idTag is in the Authorization Cache
    And the Local Authorization List blocks the valid idTag
    When the Charge Point loses its connection to the Central System
    And the EV driver plugs in the cable
    And the EV driver presents the valid idTag
    And the Charge Point regains its connection to the Central System
    Then the Charge Point does not start a transaction, as the list entry has priority over the cache

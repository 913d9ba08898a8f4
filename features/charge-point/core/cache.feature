@sut:charge-point @feature-profile:Core
Feature: Authorization Cache (test case document §2.4)
  An idTag the Central System has authorized is kept in the Authorization Cache and lets a transaction start, locally
  or remotely (OCPP 1.6 §3.5.1, §9.1.13 LocalPreAuthorize); ClearCache.req empties the cache, so the next presentation
  of that idTag is authorized with the Central System again (§5.4). TC_007_1_CS / TC_007_2_CS and TC_061_1_CS /
  TC_061_2_CS are the local and the remote form of TC_007_CS and TC_061_CS in the 2025 revision of the document.

  @TC_007_CS @operator @spec=OCPP-1.6-3.5.1
  Scenario: TC_007_CS Regular Start Charging Session – Cached Id
    Given the Charge Point is booted and idle
    And the Central System has set "AuthorizationCacheEnabled" to "true"
    And the Central System has set "AuthorizeRemoteTxRequests" to "true" if the Charge Point implements it
    And the Central System has set "LocalPreAuthorize" to "true"
    And the valid idTag is in the Authorization Cache
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 1)
    When the Central System sends RemoteStartTransaction.req for the valid idTag (step 3)
    Then the Charge Point answers RemoteStartTransaction.conf with status "Accepted" (step 4)
    And the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (steps 5 and 7)

  @TC_007_1_CS @operator @spec=OCPP-1.6-3.5.1
  Scenario: TC_007_1_CS Regular Start Charging Session - Cached Id
    Given the Charge Point is booted and idle
    And the Central System has set "AuthorizationCacheEnabled" to "true"
    And the Central System has set "LocalPreAuthorize" to "true"
    And the valid idTag is in the Authorization Cache
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 1)
    When the EV driver presents the valid idTag
    Then the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (steps 5 and 7)

  @TC_007_2_CS @operator @spec=OCPP-1.6-3.5.1
  Scenario: TC_007_2_CS Remote Start Charging Session - Cached Id
    Given the Charge Point is booted and idle
    And the Central System has set "AuthorizationCacheEnabled" to "true"
    And the Central System has set "AuthorizeRemoteTxRequests" to "true"
    And the Central System has set "LocalPreAuthorize" to "true"
    And the valid idTag is in the Authorization Cache
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 1)
    When the Central System sends RemoteStartTransaction.req for the valid idTag (step 3)
    Then the Charge Point answers RemoteStartTransaction.conf with status "Accepted" (step 4)
    And the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (steps 5 and 7)

  @TC_061_CS @operator @spec=OCPP-1.6-5.4
  Scenario: TC_061_CS Clear Authorization Data in Authorization Cache
    Given the Charge Point is booted and idle
    And the Central System has set "AuthorizationCacheEnabled" to "true"
    And the Central System has set "LocalPreAuthorize" to "true"
    And the Central System has set "ConnectionTimeOut" to the configured value
    When the EV driver is authorized with the valid idTag, which the emptied Authorization Cache does not hold (step 1)
    And the EV driver presents the valid idTag again
    Then the Charge Point sends StatusNotification.req with status "Available", at the latest once ConnectionTimeOut has expired (step 3)
    When the Central System sends ClearCache.req (step 5)
    Then the Charge Point answers ClearCache.conf with status "Accepted" (step 6)
    When the EV driver presents the valid idTag
    Then the Charge Point sends Authorize.req for the valid idTag, as the cache no longer holds it (step 7)

  @TC_061_1_CS @slow @operator @spec=OCPP-1.6-5.4
  Scenario: TC_061_1_CS Clear Authorization Data in Authorization Cache - Local
    Given the Charge Point is booted and idle
    And the Central System has set "AuthorizationCacheEnabled" to "true"
    And the Central System has set "LocalPreAuthorize" to "true"
    And the Central System has set "ConnectionTimeOut" to the configured value
    When the EV driver is authorized with the valid idTag, which the emptied Authorization Cache does not hold (step 1)
    Then the Charge Point sends StatusNotification.req with status "Available" once ConnectionTimeOut has expired, without starting a transaction (step 3)
    When the Central System sends ClearCache.req (step 5)
    Then the Charge Point answers ClearCache.conf with status "Accepted" (step 6)
    When the EV driver presents the valid idTag
    Then the Charge Point sends Authorize.req for the valid idTag, as the cache no longer holds it (step 7)

  @TC_061_2_CS @slow @operator @spec=OCPP-1.6-5.4
  Scenario: TC_061_2_CS Clear Authorization Data in Authorization Cache - Remote
    Given the Charge Point is booted and idle
    And the Central System has set "AuthorizationCacheEnabled" to "true"
    And the Central System has set "LocalPreAuthorize" to "true"
    And the Central System has set "AuthorizeRemoteTxRequests" to "true"
    And the Central System has set "ConnectionTimeOut" to the configured value
    When the Central System sends RemoteStartTransaction.req for the valid idTag
    Then the Charge Point answers RemoteStartTransaction.conf with status "Accepted"
    And the Charge Point sends Authorize.req for the valid idTag, which the emptied Authorization Cache does not hold
    And the Charge Point sends StatusNotification.req with status "Preparing" (step 1)
    And the Charge Point sends StatusNotification.req with status "Available" once ConnectionTimeOut has expired, without starting a transaction (step 3)
    When the Central System sends ClearCache.req (step 5)
    Then the Charge Point answers ClearCache.conf with status "Accepted" (step 6)
    When the Central System sends RemoteStartTransaction.req for the valid idTag
    Then the Charge Point answers RemoteStartTransaction.conf with status "Accepted"
    And the Charge Point sends Authorize.req for the valid idTag, as the cache no longer holds it (step 7)

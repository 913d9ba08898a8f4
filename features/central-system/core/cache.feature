@sut:central-system @feature-profile:Core
Feature: Authorization cache (test case document §3.3)
  A charge point may start a transaction for an idTag it finds in its authorization cache without asking first
  (OCPP 1.6 §3.5.1); the Central System still checks the tag in StartTransaction (§4.8). The Central System can
  clear the cache (§5.4).

  @TC_007_CSMS @spec=OCPP-1.6-4.8
  Scenario: TC_007_CSMS Regular Start Charging Session – Cached Id
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends StatusNotification.req with status "Preparing" for connector 1 (step 1)
    Then the Central System responds with StatusNotification.conf (step 2)
    When the emulated Charge Point sends StartTransaction.req for the valid idTag on connector 1 (step 3)
    Then the Central System responds with StartTransaction.conf with idTagInfo status "Accepted" (step 4)
    When the emulated Charge Point sends StatusNotification.req with status "Charging" for connector 1 (step 5)
    Then the Central System responds with StatusNotification.conf (step 6)

  @TC_061_CSMS @operator @spec=OCPP-1.6-5.4
  Scenario: TC_061_CSMS Clear Authorization Data in Authorization Cache
    Given the emulated Charge Point is booted
    When the CSMS operator clears the authorization cache
    Then the emulated Charge Point receives ClearCache.req (step 1)

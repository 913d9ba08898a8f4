@sut:charge-point @feature-profile:Core
Feature: Authorization states beyond the test case document
  TC_023_CS checks that an Invalid idTag starts no transaction; OCPP 1.6 §4.1 and §7.2 say the same of every status
  but Accepted, so Blocked and Expired are checked too. idTags are case-insensitive (CiString20Type, errata §3.73):
  a transaction started for an idTag spelt in other letter case is stopped locally by the card itself. A
  StartTransaction.conf with ConcurrentTx does not accept the idTag: with StopTransactionOnInvalidId true the
  transaction is stopped with reason DeAuthorized (errata §3.17, a SHOULD).

  @EXT_AUTH_001 @operator @spec=OCPP-1.6-4.1
  Scenario: EXT_AUTH_001 A Blocked idTag starts no transaction
    Given the Charge Point is booted and idle
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing"
    When the EV driver presents the blocked idTag
    Then the Charge Point sends Authorize.req for the blocked idTag
    And the Charge Point does not start a transaction

  @EXT_AUTH_002 @operator @spec=OCPP-1.6-4.1
  Scenario: EXT_AUTH_002 An Expired idTag starts no transaction
    Given the Charge Point is booted and idle
    When the EV driver plugs in the cable
    Then the Charge Point sends StatusNotification.req with status "Preparing"
    When the EV driver presents the expired idTag
    Then the Charge Point sends Authorize.req for the expired idTag
    And the Charge Point does not start a transaction

  @EXT_AUTH_003 @operator @spec=OCPP-1.6-errata-3.73
  Scenario: EXT_AUTH_003 The idTag that started a transaction stops it whatever its letter case
    Given the Charge Point is booted and idle
    And a transaction is charging on the connector under test for the valid idTag spelt in other letter case
    When the EV driver presents the valid idTag
    Then the Charge Point stops the transaction without asking the Central System: StopTransaction.req and StatusNotification.req with status "Finishing", in any order

  @EXT_AUTH_004 @operator @level:SHOULD @spec=OCPP-1.6-errata-3.17
  Scenario: EXT_AUTH_004 A StartTransaction.conf with ConcurrentTx ends the transaction
    Given the Charge Point is booted and idle
    And the Central System has set "StopTransactionOnInvalidId" to "true"
    And the Central System will answer StartTransaction.req with idTag status "ConcurrentTx"
    When the EV driver plugs in the cable
    And the EV driver presents the valid idTag
    Then the Charge Point sends StartTransaction.req for the valid idTag
    And the Charge Point should send StopTransaction.req with reason "DeAuthorized" and StatusNotification.req with status "Finishing", in any order

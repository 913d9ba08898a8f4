@sut:central-system @feature-profile:Core
Feature: idTags are case-insensitive
  IdToken is a CiString20Type (OCPP 1.6 errata §3.73): a reader may report a card's UID in other letter case than
  the Central System stored it, and it is still the same card. The emulated Charge Point presents the SUT file's
  valid idTag with the case of every letter swapped.

  @EXT_CSMS_AUTH_002 @spec=OCPP-1.6-errata-3.73
  Scenario: EXT_CSMS_AUTH_002 A known idTag in other letter case is Accepted
    Given the emulated Charge Point is connected and its BootNotification is Accepted
    When the emulated Charge Point sends Authorize.req for the valid idTag in other letter case
    Then the Central System recognises the tag and responds with Authorize.conf with idTagInfo status "Accepted"

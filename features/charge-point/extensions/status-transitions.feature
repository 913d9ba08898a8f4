@sut:charge-point @feature-profile:Core
Feature: Status transitions of the Charge Point — beyond the test case document
  Every StatusNotification.req the charger sends, in every scenario of this suite, is judged by the protocol
  monitor against the transition table of §4.9 (B6 Preparing → Finishing included, errata §3.20): connectorId 0 only
  knows Available, Unavailable and Faulted, a connector only changes status the way the table allows, and a
  connector made Unavailable with ChangeAvailability is still Unavailable after a reboot. These scenarios walk a
  connector through a whole session and through a reboot, so that the table is exercised on purpose.

  @EXT_STATUS_001 @operator @spec=OCPP-1.6-4.9
  Scenario: EXT_STATUS_001 A whole charging session follows the §4.9 transition table
    Given the Charge Point is booted and idle
    When the EV driver starts a charging session with the valid idTag on the connector under test
    And the EV driver ends the charging session with the valid idTag and takes the cable away
    Then the connector under test reported "Preparing, Charging, Finishing, Available", in this order
    And every StatusNotification.req so far followed the §4.9 transition table

  @EXT_STATUS_002 @spec=OCPP-1.6-4.9
  Scenario: EXT_STATUS_002 A connector made Unavailable stays Unavailable over a reboot
    Given the Charge Point is booted and idle
    When the Central System sets the availability of the connector under test to Inoperative
    Then the Charge Point reports the connector under test as Unavailable
    When the Central System reboots the Charge Point with Reset.req Hard
    Then the Charge Point sends BootNotification.req after the reboot
    And after booting again the Charge Point first reports the connector under test as Unavailable
    When the Central System sets the availability of the connector under test to Operative
    Then the Charge Point reports the connector under test as Available
    And every StatusNotification.req so far followed the §4.9 transition table

@sut:central-system @feature-profile:Core
Feature: The Central System's clock — currentTime with an offset, a usable heartbeat interval
  A Charge Point sets its clock from the currentTime of BootNotification.conf and Heartbeat.conf (OCPP 1.6 §4.2,
  §4.6). OCPP 1.6 §3.15 asks for ISO 8601, and the OCPP-J schemas for the RFC 3339 date-time format, in which the
  time-zone offset ("Z" or "+01:00") is not optional: without it the Charge Point cannot tell which instant is meant.
  The interval of an Accepted BootNotification.conf is the heartbeat interval in whole seconds (§6.4, OCPP-J errata
  §2.3): zero or a fraction cannot be followed.

  @EXT_CSMS_BOOT_004 @spec=OCPP-1.6-3.15
  Scenario: EXT_CSMS_BOOT_004 BootNotification.conf and Heartbeat.conf carry currentTime with an offset and a whole interval
    Given the emulated Charge Point is connected to the Central System
    When the emulated Charge Point sends BootNotification.req
    Then the Central System's BootNotification.conf carries currentTime in RFC 3339 with a time-zone offset
    And the Central System's BootNotification.conf carries a heartbeat interval of whole seconds above zero
    When the emulated Charge Point sends Heartbeat.req
    Then the Central System's Heartbeat.conf carries currentTime in RFC 3339 with a time-zone offset

@sut:central-system @feature-profile:Core
Feature: Our own checks of the Central System

  @EXT_MYCSMS_001
  Scenario: EXT_MYCSMS_001 The Central System's clock is within 5 s of ours
    Given the emulated Charge Point is connected and its BootNotification is Accepted
    When the emulated Charge Point sends Heartbeat.req
    Then the Central System's clock is within 5 s of ours

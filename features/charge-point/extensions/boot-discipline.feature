@sut:charge-point @feature-profile:Core
Feature: Boot discipline of the Charge Point — beyond the test case document
  After a reboot the charger registers before it does anything else (§4.2): BootNotification.req is the first
  request on its new connection and no other request follows until it is answered. Rejected means silence: the
  charger answers nothing and sends nothing until the interval of BootNotification.conf has passed, and its next
  BootNotification.req waits for that interval. Reboots are asked for with Reset.req; intervals are judged with the
  SUT file's tolerance.

  @EXT_BOOT_001 @spec=OCPP-1.6-4.2
  Scenario: EXT_BOOT_001 Nothing is sent before BootNotification.req is answered
    Given the Charge Point is booted and idle
    And the Central System will hold its answer to the BootNotification.req after the next reboot for 2 s
    When the Central System reboots the Charge Point with Reset.req Hard
    Then the Charge Point sends BootNotification.req after the reboot
    And it sent nothing else on the new connection before that BootNotification.req was answered
    And once accepted the Charge Point reports connectorId 0 and every connector

  @EXT_BOOT_002 @spec=OCPP-1.6-4.2
  Scenario: EXT_BOOT_002 While Rejected the Charge Point neither talks nor answers
    Given the Charge Point is booted and idle
    And the Central System will reject the BootNotification.req after the next reboot with interval 4 s
    When the Central System reboots the Charge Point with Reset.req Hard
    Then the Charge Point sends BootNotification.req after the reboot
    And while Rejected the Charge Point neither answers a request nor sends anything but BootNotification.req
    And the Charge Point sends BootNotification.req again
    And once accepted the Charge Point reports connectorId 0 and every connector

  @EXT_BOOT_003 @spec=OCPP-1.6-4.2
  Scenario: EXT_BOOT_003 After Rejected the next BootNotification.req waits for the interval
    Given the Charge Point is booted and idle
    And the Central System will reject the BootNotification.req after the next reboot with interval 4 s
    When the Central System reboots the Charge Point with Reset.req Hard
    Then the Charge Point sends BootNotification.req after the reboot
    And the Charge Point sends BootNotification.req again, not before the interval has passed
    And once accepted the Charge Point reports connectorId 0 and every connector

@sut:charge-point @feature-profile:FirmwareManagement
Feature: Firmware update (test case document §2.18)
  On UpdateFirmware.req the Charge Point answers at once, downloads the firmware from the location given (here the
  harness's file server, over the first protocol the SUT file lists for firmware) from retrieveDate on, and reports
  every stage with FirmwareStatusNotification.req: Downloading, Downloaded, Installing, and after rebooting onto the
  new firmware Installed (OCPP 1.6 §5.19, §4.5, errata §3.12, §3.47). A download that fails ends with DownloadFailed,
  an installation that fails with InstallationFailed.

  @TC_044_1_CS @spec=OCPP-1.6-5.19
  Scenario: TC_044_1_CS Firmware Update - Download and Install
    Given the Charge Point is booted and idle
    When the Central System sends UpdateFirmware.req for the firmware it serves (step 1)
    Then the Charge Point answers UpdateFirmware.conf (step 2)
    And the Charge Point sends FirmwareStatusNotification.req with status "Downloading" (step 3)
    And the Charge Point sends FirmwareStatusNotification.req with status "Downloaded" (step 5)
    And the Charge Point sends FirmwareStatusNotification.req with status "Installing" (step 7)
    And the Charge Point reboots and reports the firmware Installed: BootNotification.req, StatusNotification.req "Available" and FirmwareStatusNotification.req "Installed", in any order (steps 9, 11 and 13)
    And the Charge Point downloaded the firmware from the file server

  @TC_044_2_CS @spec=OCPP-1.6-5.19
  Scenario: TC_044_2_CS Firmware Update - Download Failed
    Given the Charge Point is booted and idle
    When the Central System sends UpdateFirmware.req for a location that refuses the connection, with retries 0 (step 1)
    Then the Charge Point answers UpdateFirmware.conf (step 2)
    And the Charge Point sends FirmwareStatusNotification.req with status "DownloadFailed" (step 5)

  @TC_044_3_CS @operator @spec=OCPP-1.6-5.19
  Scenario: TC_044_3_CS Firmware Update - Installation Failed
    Given the Charge Point is booted and idle
    And the Charge Point will fail to install the firmware it is sent
    When the Central System sends UpdateFirmware.req for a file the Charge Point cannot install (step 1)
    Then the Charge Point answers UpdateFirmware.conf (step 2)
    And the Charge Point sends FirmwareStatusNotification.req with status "Downloading" (step 3)
    And the Charge Point sends FirmwareStatusNotification.req with status "Downloaded" (step 5)
    And the Charge Point sends FirmwareStatusNotification.req with status "InstallationFailed", after a reboot and StatusNotification.req "Available" if it reboots (steps 9, 11 and 13)

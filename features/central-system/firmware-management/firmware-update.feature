@sut:central-system @feature-profile:FirmwareManagement
Feature: Firmware update (test case document §3.15)
  The CSMS operator updates the firmware of the emulated Charge Point (OCPP 1.6 §5.19). UpdateFirmware.req must name
  an absolute location and a retrieveDate with a time-zone offset (§6.55, §3.15). The emulated Charge Point downloads
  the firmware for real from that location — the file must arrive and be non-empty — and reports each stage with
  FirmwareStatusNotification.req, which the Central System answers with an empty .conf (§4.5). For the failed
  download the operator is given a location of the harness's file server that refuses.

  @TC_044_1_CSMS @operator @spec=OCPP-1.6-5.19
  Scenario: TC_044_1_CSMS Firmware Update - Download and Install
    Given the emulated Charge Point is booted
    When the CSMS operator updates the firmware of the Charge Point
    Then the emulated Charge Point receives UpdateFirmware.req with an absolute location and a retrieveDate with offset (step 1)
    When the emulated Charge Point sends FirmwareStatusNotification.req with status "Downloading" (step 3)
    Then the Central System responds with an empty FirmwareStatusNotification.conf (step 4)
    When the emulated Charge Point downloads the firmware from that location
    And the emulated Charge Point sends FirmwareStatusNotification.req with status "Downloaded" (step 5)
    Then the Central System responds with an empty FirmwareStatusNotification.conf (step 6)
    When the emulated Charge Point sends StatusNotification.req with status "Unavailable" for connector 0 and every connector (step 7)
    Then the Central System responds with StatusNotification.conf (step 8)
    When the emulated Charge Point sends FirmwareStatusNotification.req with status "Installing" (step 9)
    Then the Central System responds with an empty FirmwareStatusNotification.conf (step 10)
    When the emulated Charge Point reboots (step 11)
    Then the Central System responds with BootNotification.conf with status "Accepted" (step 12)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 0 and every connector (step 13)
    Then the Central System responds with StatusNotification.conf (step 14)
    When the emulated Charge Point sends FirmwareStatusNotification.req with status "Installed" (step 15)
    Then the Central System responds with an empty FirmwareStatusNotification.conf (step 16)

  @TC_044_2_CSMS @operator @spec=OCPP-1.6-5.19
  Scenario: TC_044_2_CSMS Firmware Update - Download Failed
    Given the emulated Charge Point is booted
    When the CSMS operator updates the firmware of the Charge Point from a location that refuses the download
    Then the emulated Charge Point receives UpdateFirmware.req with an absolute location and a retrieveDate with offset (step 1)
    When the emulated Charge Point sends FirmwareStatusNotification.req with status "Downloading" (step 3)
    Then the Central System responds with an empty FirmwareStatusNotification.conf (step 4)
    When the emulated Charge Point fails to download the firmware from that location
    And the emulated Charge Point sends FirmwareStatusNotification.req with status "DownloadFailed" (step 5)
    Then the Central System responds with an empty FirmwareStatusNotification.conf (step 6)

  @TC_044_3_CSMS @operator @spec=OCPP-1.6-5.19
  Scenario: TC_044_3_CSMS Firmware Update - Installation Failed
    Given the emulated Charge Point is booted
    When the CSMS operator updates the firmware of the Charge Point
    Then the emulated Charge Point receives UpdateFirmware.req with an absolute location and a retrieveDate with offset (step 1)
    When the emulated Charge Point sends FirmwareStatusNotification.req with status "Downloading" (step 3)
    Then the Central System responds with an empty FirmwareStatusNotification.conf (step 4)
    When the emulated Charge Point downloads the firmware from that location
    And the emulated Charge Point sends FirmwareStatusNotification.req with status "Downloaded" (step 5)
    Then the Central System responds with an empty FirmwareStatusNotification.conf (step 6)
    When the emulated Charge Point sends StatusNotification.req with status "Unavailable" for connector 0 and every connector (step 7)
    Then the Central System responds with StatusNotification.conf (step 8)
    When the emulated Charge Point sends FirmwareStatusNotification.req with status "Installing" (step 9)
    Then the Central System responds with an empty FirmwareStatusNotification.conf (step 10)
    When the emulated Charge Point reboots (step 11)
    Then the Central System responds with BootNotification.conf with status "Accepted" (step 12)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 0 and every connector (step 13)
    Then the Central System responds with StatusNotification.conf (step 14)
    When the emulated Charge Point sends FirmwareStatusNotification.req with status "InstallationFailed" (step 15)
    Then the Central System responds with an empty FirmwareStatusNotification.conf (step 16)

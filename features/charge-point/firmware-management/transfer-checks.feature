@sut:charge-point @feature-profile:FirmwareManagement
Feature: Firmware and diagnostics transfers beyond the test case document
  The status notifications of a firmware update and of a diagnostics upload come in the order of the sequence
  diagrams (Downloading → Downloaded → Installing → Installed; Uploading → Uploaded), and Idle only in answer to a
  TriggerMessage.req when nothing is under way (OCPP 1.6 §4.4, §4.5). A failing download is retried as often and as
  far apart as UpdateFirmware.req says (§6.55), the download waits for retrieveDate (§5.19), and a firmware update
  arriving during a transaction should be installed once the transaction has ended (§5.19, RECOMMENDED: WARN).

  @EXT_FW_001 @spec=OCPP-1.6-4.5
  Scenario: EXT_FW_001 Firmware statuses in a legal order, Idle only when asked
    Given the Charge Point is booted and idle
    When the Central System sends UpdateFirmware.req for the firmware it serves
    Then the Charge Point answers UpdateFirmware.conf
    And the Charge Point reports the progress with FirmwareStatusNotification.req statuses in a legal order up to "Installed"
    And the Charge Point sends no FirmwareStatusNotification.req unless a TriggerMessage.req asks for it
    When the Central System sends TriggerMessage.req for FirmwareStatusNotification
    Then the Charge Point answers TriggerMessage.conf with status "Accepted"
    And the Charge Point sends FirmwareStatusNotification.req with status "Idle"

  @EXT_FW_002 @spec=OCPP-1.6-4.4
  Scenario: EXT_FW_002 Diagnostics statuses in a legal order, the upload named as announced
    Given the Charge Point is booted
    When the Central System sends GetDiagnostics.req for the upload directory of its file server
    Then the Charge Point answers GetDiagnostics.conf
    And the Charge Point reports the progress with DiagnosticsStatusNotification.req statuses in a legal order up to "Uploaded"
    And the Charge Point has uploaded a non-empty diagnostics file named as its GetDiagnostics.conf said
    And the Charge Point sends no DiagnosticsStatusNotification.req unless a TriggerMessage.req asks for it
    When the Central System sends TriggerMessage.req for DiagnosticsStatusNotification
    Then the Charge Point answers TriggerMessage.conf with status "Accepted"
    And the Charge Point sends DiagnosticsStatusNotification.req with status "Idle"

  @EXT_FW_003 @spec=OCPP-1.6-6.55
  Scenario: EXT_FW_003 A failing download is retried as UpdateFirmware.req asks
    Given the Charge Point is booted
    When the Central System sends UpdateFirmware.req for a file its server does not have, with retries 2 and retryInterval 2 s
    Then the Charge Point answers UpdateFirmware.conf
    And the Charge Point sends FirmwareStatusNotification.req with status "DownloadFailed" once the retries are spent
    And the Charge Point tried the download as often as retries asked, retryInterval apart

  @EXT_FW_004 @spec=OCPP-1.6-5.19
  Scenario: EXT_FW_004 The download waits for retrieveDate
    Given the Charge Point is booted and idle
    When the Central System sends UpdateFirmware.req for the firmware it serves, with a retrieveDate a few seconds ahead
    Then the Charge Point answers UpdateFirmware.conf
    And the Charge Point does not download the firmware before its retrieveDate
    And the Charge Point sends FirmwareStatusNotification.req with status "Downloading"
    And the Charge Point sends FirmwareStatusNotification.req with status "Downloaded"
    And the Charge Point sends FirmwareStatusNotification.req with status "Installing"
    And the Charge Point reboots and reports the firmware Installed: BootNotification.req, StatusNotification.req "Available" and FirmwareStatusNotification.req "Installed", in any order

  @EXT_FW_005 @operator @spec=OCPP-1.6-5.19
  Scenario: EXT_FW_005 A firmware update during a transaction is installed after it
    Given the Charge Point is booted and idle
    And a transaction is charging on the connector under test
    When the Central System sends UpdateFirmware.req for the firmware it serves
    Then the Charge Point answers UpdateFirmware.conf
    And the Charge Point sends FirmwareStatusNotification.req with status "Downloading"
    And the Charge Point sends FirmwareStatusNotification.req with status "Downloaded"
    And the Charge Point should not install the firmware while the transaction runs
    When the Central System sends RemoteStopTransaction.req for the transaction
    Then the Charge Point sends FirmwareStatusNotification.req with status "Installing" once the transaction has ended
    And the Charge Point reboots and reports the firmware Installed, its connectors as the ended session left them

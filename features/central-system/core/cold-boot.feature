@sut:central-system @feature-profile:Core
Feature: Cold boot — registering with the Central System (test case document §3.1)
  An emulated Charge Point boots and the Central System decides whether it accepts it (OCPP 1.6 §4.2): a known
  charge point is Accepted with a heartbeat interval and the current time in RFC 3339, every connector's status is
  taken, heartbeats are answered. Beyond the document: what happens to charge points the Central System does not
  accept — an unknown identity, one it keeps Pending, one it Rejects.

  @TC_001_CSMS @spec=OCPP-1.6-4.2
  Scenario: TC_001_CSMS Cold Boot Charge Point
    Given the emulated Charge Point is connected to the Central System
    When the emulated Charge Point sends BootNotification.req (step 1)
    Then the Central System responds with BootNotification.conf with status "Accepted" and a heartbeat interval (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 0 and every connector (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the emulated Charge Point sends Heartbeat.req (step 5)
    Then the Central System responds with Heartbeat.conf (step 6)

  @EXT_CSMS_BOOT_001 @spec=OCPP-J-1.6-3.2
  Scenario: EXT_CSMS_BOOT_001 A charge point the Central System does not know is refused or rejected
    When an emulated Charge Point with an unknown identity connects and boots if it is let in
    Then the Central System refuses the connection with HTTP 404 or rejects the BootNotification.req

  @EXT_CSMS_BOOT_002 @level:SHOULD @spec=OCPP-J-errata-3.8
  Scenario: EXT_CSMS_BOOT_002 Requests other than BootNotification before acceptance get SecurityError
    Given an emulated Charge Point with a pending identity is connected
    When the emulated Charge Point sends Heartbeat.req before it is accepted
    Then the Central System responds with CALLERROR SecurityError to Heartbeat.req
    When the emulated Charge Point sends BootNotification.req
    Then the Central System responds with BootNotification.conf with status "Pending"
    When the emulated Charge Point sends Authorize.req before it is accepted
    Then the Central System responds with CALLERROR SecurityError to Authorize.req

  @EXT_CSMS_BOOT_003 @operator @spec=OCPP-1.6-4.2
  Scenario: EXT_CSMS_BOOT_003 A Pending charge point may be configured, but gets no remote start or stop
    Given an emulated Charge Point with a pending identity is connected
    When the emulated Charge Point sends BootNotification.req
    Then the Central System responds with BootNotification.conf with status "Pending"
    When the CSMS operator tries to read the configuration of the Charge Point
    And the CSMS operator tries to start a charge remotely on connector 1 for the valid idTag
    And the CSMS operator tries to stop transaction 1 remotely
    Then the emulated Charge Point receives neither RemoteStartTransaction.req nor RemoteStopTransaction.req while the Central System handles the requests

  @EXT_CSMS_BOOT_005 @spec=OCPP-1.6-4.2
  Scenario: EXT_CSMS_BOOT_005 A charge point the Central System rejects is told when to try again
    Given an emulated Charge Point with a rejected identity is connected
    When the emulated Charge Point sends BootNotification.req
    Then the Central System responds with BootNotification.conf with status "Rejected"

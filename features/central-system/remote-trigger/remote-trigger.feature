@sut:central-system @feature-profile:RemoteTrigger
Feature: Remote trigger (test case document §3.18)
  The CSMS operator asks the emulated Charge Point for MeterValues, Heartbeat, StatusNotification,
  DiagnosticsStatusNotification and FirmwareStatusNotification (OCPP 1.6 §5.17); the Charge Point sends each and the
  Central System answers it. Asked for a connector the Charge Point does not have, it rejects the request.

  @TC_054_CSMS @operator @spec=OCPP-1.6-5.17
  Scenario: TC_054_CSMS Trigger Message
    Given the emulated Charge Point is booted
    When the CSMS operator triggers MeterValues for connector 1
    Then the emulated Charge Point receives TriggerMessage.req for MeterValues on connector 1 (step 1)
    When the emulated Charge Point sends the triggered MeterValues.req (step 3)
    Then the Central System responds with MeterValues.conf (step 4)
    When the CSMS operator triggers Heartbeat
    Then the emulated Charge Point receives TriggerMessage.req with requestedMessage "Heartbeat" (step 5)
    When the emulated Charge Point sends the triggered Heartbeat.req (step 7)
    Then the Central System responds with Heartbeat.conf (step 8)
    When the CSMS operator triggers StatusNotification for connector 1
    Then the emulated Charge Point receives TriggerMessage.req for StatusNotification on connector 1 (step 9)
    When the emulated Charge Point sends the triggered StatusNotification.req (step 11)
    Then the Central System responds with StatusNotification.conf (step 12)
    When the CSMS operator triggers DiagnosticsStatusNotification
    Then the emulated Charge Point receives TriggerMessage.req with requestedMessage "DiagnosticsStatusNotification" (step 13)
    When the emulated Charge Point sends the triggered DiagnosticsStatusNotification.req (step 15)
    Then the Central System responds with DiagnosticsStatusNotification.conf (step 16)
    When the CSMS operator triggers FirmwareStatusNotification
    Then the emulated Charge Point receives TriggerMessage.req with requestedMessage "FirmwareStatusNotification" (step 17)
    When the emulated Charge Point sends the triggered FirmwareStatusNotification.req (step 19)
    Then the Central System responds with FirmwareStatusNotification.conf (step 20)

  @TC_055_CSMS @operator @spec=OCPP-1.6-5.17
  Scenario: TC_055_CSMS Trigger Message - Rejected
    Given the emulated Charge Point is booted
    When the CSMS operator triggers MeterValues for a connector the Charge Point does not have
    Then the emulated Charge Point receives TriggerMessage.req for MeterValues on a connector it does not have (step 1)

@sut:charge-point @feature-profile:RemoteTrigger
Feature: Trigger message (test case document §2.21)
  TriggerMessage.req makes the Charge Point send a message of its own now: it answers first, then sends the message
  with current information, for the connector asked for where the message concerns one (OCPP 1.6 §5.17, errata
  §3.46). A connector that does not exist gets Rejected, and nothing is sent.

  @TC_054_CS @spec=OCPP-1.6-5.17
  Scenario: TC_054_CS Trigger Message
    Given the Charge Point is booted and idle
    When the Central System sends TriggerMessage.req for MeterValues on the connector under test (step 1)
    Then the Charge Point answers TriggerMessage.conf with status "Accepted" (step 2)
    And the Charge Point sends MeterValues.req for the connector under test (step 3)
    When the Central System sends TriggerMessage.req for Heartbeat (step 5)
    Then the Charge Point answers TriggerMessage.conf with status "Accepted" (step 6)
    And the Charge Point sends Heartbeat.req (step 7)
    When the Central System sends TriggerMessage.req for StatusNotification on the connector under test (step 9)
    Then the Charge Point answers TriggerMessage.conf with status "Accepted" (step 10)
    And the Charge Point sends StatusNotification.req for the connector under test (step 11)
    When the Central System sends TriggerMessage.req for DiagnosticsStatusNotification (step 13)
    Then the Charge Point answers TriggerMessage.conf with status "Accepted" (step 14)
    And the Charge Point sends DiagnosticsStatusNotification.req with status "Idle" (step 15)
    When the Central System sends TriggerMessage.req for FirmwareStatusNotification (step 17)
    Then the Charge Point answers TriggerMessage.conf with status "Accepted" or "NotImplemented" (step 18)
    And if it accepted, the Charge Point sends FirmwareStatusNotification.req with status "Idle" (step 19)

  @TC_055_CS @spec=OCPP-1.6-5.17
  Scenario: TC_055_CS Trigger Message - Rejected
    Given the Charge Point is booted and idle
    When the Central System sends TriggerMessage.req for MeterValues on a connector that does not exist (step 1)
    Then the Charge Point answers TriggerMessage.conf with status "Rejected" or a CALLERROR (step 2)
    And the Charge Point does not send MeterValues.req

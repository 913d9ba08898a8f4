@sut:central-system @feature-profile:Core
Feature: Malformed frames — the Central System survives what it cannot read
  An accepted emulated Charge Point sends frames that break the OCPP-J framing (OCPP-J 1.6 §4). A frame without a
  message id the Central System could quote cannot be answered; a message type id outside Table 2 must be ignored
  (§4.1.3); a CALL with a readable id but a missing element gets a CALLERROR (§4.2.3). None of them is a reason to
  drop the Charge Point: after each, the Central System must answer the next valid CALL on the same connection.

  Background:
    Given the emulated Charge Point is connected and its BootNotification is Accepted

  @EXT_CSMS_RPC_001 @spec=OCPP-J-1.6-4.1.2
  Scenario: EXT_CSMS_RPC_001 A frame that is not valid JSON does not cost the connection
    When the emulated Charge Point sends a frame that is not valid JSON
    Then the Central System still answers Heartbeat.req on the same connection

  @EXT_CSMS_RPC_002 @spec=OCPP-J-1.6-4.2
  Scenario: EXT_CSMS_RPC_002 A JSON frame that is not an array does not cost the connection
    When the emulated Charge Point sends a frame that is not a JSON array
    Then the Central System still answers Heartbeat.req on the same connection

  @EXT_CSMS_RPC_003 @spec=OCPP-J-1.6-4.1.3
  Scenario: EXT_CSMS_RPC_003 A frame with an unknown message type id is ignored
    When the emulated Charge Point sends a frame with an unknown message type id
    Then the Central System sends nothing in answer to it for 1 s
    And the Central System still answers Heartbeat.req on the same connection

  @EXT_CSMS_RPC_004 @spec=OCPP-J-1.6-4.2.1
  Scenario: EXT_CSMS_RPC_004 A CALL missing its payload element gets FormationViolation
    When the emulated Charge Point sends a CALL without its payload element
    Then the Central System rejects it with CALLERROR "FormationViolation or ProtocolError"
    And the Central System still answers Heartbeat.req on the same connection

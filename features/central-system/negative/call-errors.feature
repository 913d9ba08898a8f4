@sut:central-system @feature-profile:Core
Feature: CALLERROR codes — requests the Central System cannot process
  An accepted emulated Charge Point sends CALLs that are well framed but cannot be processed: an action OCPP 1.6 does
  not define, and Core requests whose payload breaks their JSON schema in one way each (Authorize.req without idTag,
  StatusNotification.req with connectorId "1" or status "Charged", Authorize.req with a 21-character idTag or an extra
  property). The answer must be the CALLERROR of OCPP-J 1.6 §4.2.3 Table 7 in its 1.6 spelling (OCPP-J errata §5.1,
  §5.2: FormationViolation, OccurenceConstraintViolation); where the table allows more than one reading, each is
  accepted (support/ocpp/call-error-codes.ts). A CALLRESULT means the Central System took an invalid request as
  valid. After each, the Central System must answer the next valid CALL on the same connection.

  Background:
    Given the emulated Charge Point is connected and its BootNotification is Accepted

  @EXT_CSMS_RPC_005 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_CSMS_RPC_005 An action OCPP 1.6 does not define gets NotImplemented
    When the emulated Charge Point sends a CALL of an action OCPP 1.6 does not define
    Then the Central System rejects it with CALLERROR "NotImplemented"
    And the Central System still answers Heartbeat.req on the same connection

  @EXT_CSMS_RPC_006 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_CSMS_RPC_006 A payload missing a required field gets OccurenceConstraintViolation
    When the emulated Charge Point sends a request with a missing required field
    Then the Central System rejects it with CALLERROR "OccurenceConstraintViolation, ProtocolError or FormationViolation"
    And the Central System still answers Heartbeat.req on the same connection

  @EXT_CSMS_RPC_007 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_CSMS_RPC_007 A field of the wrong JSON type gets TypeConstraintViolation
    When the emulated Charge Point sends a request with a wrong type
    Then the Central System rejects it with CALLERROR "TypeConstraintViolation"
    And the Central System still answers Heartbeat.req on the same connection

  @EXT_CSMS_RPC_008 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_CSMS_RPC_008 A value outside its enumeration gets PropertyConstraintViolation
    When the emulated Charge Point sends a request with an out-of-enum value
    Then the Central System rejects it with CALLERROR "PropertyConstraintViolation"
    And the Central System still answers Heartbeat.req on the same connection

  @EXT_CSMS_RPC_009 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_CSMS_RPC_009 An over-long CiString gets PropertyConstraintViolation
    When the emulated Charge Point sends a request with an over-long CiString
    Then the Central System rejects it with CALLERROR "PropertyConstraintViolation or TypeConstraintViolation"
    And the Central System still answers Heartbeat.req on the same connection

  @EXT_CSMS_RPC_010 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_CSMS_RPC_010 A property the message does not define gets FormationViolation
    When the emulated Charge Point sends a request with an extra property
    Then the Central System rejects it with CALLERROR "FormationViolation"
    And the Central System still answers Heartbeat.req on the same connection

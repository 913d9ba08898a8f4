@sut:charge-point @feature-profile:Core
Feature: RPC robustness of the Charge Point — beyond the test case document
  The OCPP-J endpoint of the charger is sent what it must refuse or ignore. An action OCPP 1.6 does not define is
  NotImplemented; one it defines, of a profile neither the SUT file lists nor the charger declares in
  SupportedFeatureProfiles, is NotSupported; a payload that breaks its schema gets the constraint error of OCPP-J 1.6
  Table 7, spelt as 1.6 spells it (FormationViolation, OccurenceConstraintViolation). Every CALLERROR has five
  elements, a string description and an object as details. A frame that is not a CALL, CALLRESULT or CALLERROR is
  ignored (or answered) without losing the connection.

  @EXT_RPC_001 @spec=OCPP-J-1.6-4.1.3
  Scenario: EXT_RPC_001 Malformed frames do not cost the connection
    Given the Charge Point is booted
    When the Central System sends a frame that is not JSON
    And the Central System sends a frame that is a JSON object, not an array
    And the Central System sends a frame that is an unknown message type id
    Then the Charge Point keeps that connection open and still answers GetConfiguration.req on it

  @EXT_RPC_002 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_RPC_002 An action OCPP 1.6 does not define is answered NotImplemented
    Given the Charge Point is booted
    When the Central System sends a CALL of the action "FlyToTheMoon", which OCPP 1.6 does not define
    Then the Charge Point answers it with CALLERROR "NotImplemented"

  @EXT_RPC_003 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_RPC_003 A request of an unsupported feature profile is answered NotSupported
    Given the Charge Point is booted
    When the Central System sends a request of a feature profile the Charge Point does not support
    Then the Charge Point answers it with CALLERROR "NotSupported"

  @EXT_RPC_004 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_RPC_004 A request without a required field gets an occurrence constraint error
    Given the Charge Point is booted
    When the Central System sends ChangeConfiguration.req with a payload that breaks its schema:
      """
      {"key": "HeartbeatInterval"}
      """
    Then the Charge Point answers it with the CALLERROR code Table 7 gives for that violation

  @EXT_RPC_005 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_RPC_005 A field of the wrong JSON type gets TypeConstraintViolation
    Given the Charge Point is booted
    When the Central System sends GetConfiguration.req with a payload that breaks its schema:
      """
      {"key": "HeartbeatInterval"}
      """
    Then the Charge Point answers it with the CALLERROR code Table 7 gives for that violation

  @EXT_RPC_006 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_RPC_006 A CALLERROR has a description and an object as details
    Given the Charge Point is booted
    When the Central System sends a CALL of the action "FlyToTheMoon", which OCPP 1.6 does not define
    Then the CALLERROR has a string description and a JSON object as details

  @EXT_RPC_009 @spec=OCPP-J-1.6-4.2.3
  Scenario: EXT_RPC_009 A value outside its enumeration gets PropertyConstraintViolation
    Given the Charge Point is booted
    When the Central System sends ChangeAvailability.req with a payload that breaks its schema:
      """
      {"connectorId": 1, "type": "Sometimes"}
      """
    Then the Charge Point answers it with the CALLERROR code Table 7 gives for that violation

  @EXT_RPC_007 @spec=OCPP-J-1.6-4.1.4
  Scenario: EXT_RPC_007 Every CALL of the Charge Point has a message id of its own
    Given the Charge Point is booted and idle
    When the Central System sets the availability of the connector under test to Inoperative
    Then the Charge Point reports the connector under test as Unavailable
    When the Central System sets the availability of the connector under test to Operative
    Then the Charge Point reports the connector under test as Available
    And every CALL the Charge Point sent in this scenario had a message id of its own on its connection

@sut:central-system @feature-profile:Core
Feature: Message exchange — a repeated message id, and CALLs crossing
  OCPP-J 1.6 §4.1.4 asks a sender for a new message id per CALL; a Charge Point that repeats one (a counter reset
  by a bug) must still get an answer to every CALL, a CALLRESULT or a CALLERROR (§4.2.3 names a repeated id as a
  reason for one), never silence. CALLs of both sides may cross (§4.1.1, note): while the Central System waits for
  the answer to its own CALL, a CALL of the Charge Point must still be answered. The emulated Charge Point answers
  the Central System's GetConfiguration.req only once its Heartbeat.req has been answered, or has timed out.

  Background:
    Given the emulated Charge Point is connected and its BootNotification is Accepted

  @EXT_CSMS_RPC_011 @spec=OCPP-J-1.6-4.1.4
  Scenario: EXT_CSMS_RPC_011 A CALL repeating a message id is answered again
    When the emulated Charge Point sends Heartbeat.req twice with one message id
    Then the Central System answers the first with Heartbeat.conf and the second with Heartbeat.conf or a CALLERROR
    And the Central System still answers Heartbeat.req on the same connection

  @EXT_CSMS_RPC_012 @operator @spec=OCPP-J-1.6-4.1.1
  Scenario: EXT_CSMS_RPC_012 A CALL of the Charge Point crossing one of the Central System is answered
    When the CSMS operator reads the configuration while the emulated Charge Point's Heartbeat.req crosses the Central System's GetConfiguration.req
    Then the Central System answered Heartbeat.req while its own GetConfiguration.req awaited the answer
    And the Central System still answers Heartbeat.req on the same connection

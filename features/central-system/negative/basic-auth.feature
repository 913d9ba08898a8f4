@sut:central-system @feature-profile:Core
Feature: Security profile 1 — HTTP Basic authentication at the handshake
  With HTTP Basic authentication (OCPP-J 1.6 §6.2.2) the username is the charge point identity of the connection
  URL and the password its key. The Central System must refuse, at the WebSocket handshake, a charge point that
  presents a wrong password, or the username and password of another charge point (a leaked key must not open
  every charge point's connection); HTTP 401 is the refusal for bad credentials (RFC 7235 §3.1; another refusal
  is a warning). With its own credentials the charge point is let in. N/A when the SUT file declares no Basic-auth
  password for the charge points (centralSystem.security.basicAuth).

  Background:
    Given the Central System requires HTTP Basic authentication of the emulated Charge Point

  @EXT_CSMS_SEC_001 @spec=OCPP-J-1.6-6.2.2
  Scenario: EXT_CSMS_SEC_001 A wrong Basic-auth password is refused at the handshake
    When the emulated Charge Point connects with a wrong Basic-auth password
    Then the Central System refuses the connection at the handshake with HTTP 401
    And the Central System lets the emulated Charge Point in with its own credentials and accepts its BootNotification.req

  @EXT_CSMS_SEC_002 @spec=OCPP-J-1.6-6.2.2
  Scenario: EXT_CSMS_SEC_002 Another charge point's username and password are refused at the handshake
    When the emulated Charge Point connects with the username and password of another charge point
    Then the Central System refuses the connection at the handshake with HTTP 401
    And the Central System lets the emulated Charge Point in with its own credentials and accepts its BootNotification.req

@sut:central-system @feature-profile:Core
Feature: Reconnection — a charge point back from a power cycle while its old connection still looks open
  A charge point that loses power cannot close its WebSocket: the Central System's end of the old TCP connection
  stays open until a ping or a timeout finds it dead. Back after its reboot time (the SUT file's
  centralSystem.rebootTime), the charge point connects again with the same identity and boots. The connection URL
  names the charge point (OCPP-J 1.6 §3.1.1), the Central System ties identity to channel when a connection opens
  (§5.4), and no message may be lost to a half-open connection (OCPP-J errata §3.9): the Central System should take
  the new connection and answer on it. Refusing it, or answering only on the old one, is a warning.

  @EXT_CSMS_CONN_001 @level:SHOULD @spec=OCPP-J-errata-3.9
  Scenario: EXT_CSMS_CONN_001 A new connection of a charge point whose old connection is still open is taken
    Given the emulated Charge Point is connected and its BootNotification is Accepted
    When the emulated Charge Point power-cycles without closing its old connection and boots on a new one
    Then the Central System takes the new connection and answers BootNotification.req and Heartbeat.req on it

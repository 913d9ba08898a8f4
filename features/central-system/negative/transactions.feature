@sut:central-system @feature-profile:Core
Feature: Transactions — what the Central System must not trip over
  A StopTransaction.req the Central System cannot match to a transaction it started (one it lost, or -1 from a
  Charge Point that never got a transactionId, OCPP 1.6 errata §3.18) must still get a StopTransaction.conf: a
  CALLERROR is a failure to process the message, and the Charge Point resends it and holds back every later
  transaction message (§3.7.1, §4.10). Transaction ids must tell apart transactions running at the same time: on
  two connectors of one charge point a repeated id makes StopTransaction.req, MeterValues.req and
  RemoteStopTransaction.req ambiguous (a failure); across charge points, and zero or negative ids, only break the
  recommendation of OCPP 1.6 errata §3.54 (a warning). Two emulated Charge Points take part.

  Background:
    Given the emulated Charge Point is connected and its BootNotification is Accepted

  @EXT_CSMS_TX_001 @spec=OCPP-1.6-4.10
  Scenario: EXT_CSMS_TX_001 StopTransaction.req for a transaction the Central System does not know is acknowledged
    When the emulated Charge Point sends StopTransaction.req for a transaction the Central System never started
    Then the Central System acknowledges it with StopTransaction.conf, not a CALLERROR
    When the emulated Charge Point sends StopTransaction.req for transaction -1
    Then the Central System acknowledges it with StopTransaction.conf, not a CALLERROR

  @EXT_CSMS_TX_002 @spec=OCPP-1.6-errata-3.54
  Scenario: EXT_CSMS_TX_002 Transactions running at once on two connectors of two charge points get distinct ids
    Given a second emulated Charge Point "B" is connected and its BootNotification is Accepted as well
    When the emulated Charge Point and emulated Charge Point "B" each start a transaction for the valid idTag on every connector, then stop them
    Then every transaction running at once got its own transactionId

// Central System under test: a charge point that reconnects after a power cycle while its old connection is still
// open on the Central System's side (EXT_CSMS_CONN_001; OCPP-J 1.6 §3.1.1, §5.4, OCPP-J errata §3.9: a SHOULD).
import { Then, When } from '../../support/cucumber/define';
import { ConnectionTakeover } from '../../support/roles/charge-point/connection-takeover';

const RULE = 'OCPP-J errata §3.9';

When('the emulated Charge Point power-cycles without closing its old connection and boots on a new one', async function () {
  await ConnectionTakeover.of(this).rebootAndBootAgain(this.rule(RULE, undefined, 'SHOULD'));
});

Then('the Central System takes the new connection and answers BootNotification.req and Heartbeat.req on it', async function () {
  await this.softly(() => ConnectionTakeover.of(this).expectNewConnectionTaken(this.rule(RULE, undefined, 'SHOULD')));
});

// Central System under test: the emulated Charge Point's charging sessions, reboots and connection losses (the
// reusable states Authorized and Charging of the test case document, §3.22).
import { Given, Then, When } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import { NotApplicable } from '../../support/reporting/errors';

Given('the emulated Charge Point is authorized with {idTag}', async function (idTag: string) {
  const cp = this.chargePointNamed('default');
  await cp.sendDefault('Authorize', this.rule('OCPP 1.6 §4.1', 'reusable state Authorized'), { idTag });
  cp.expectLastConf('Authorize', { idTagInfo: { status: 'Accepted' } }, this.rule('OCPP 1.6 §4.1', 'reusable state Authorized'));
});

Given('the emulated Charge Point is charging on connector {int} with {idTag}', async function (connectorId: number, idTag: string) {
  const rules = { start: this.rule('OCPP 1.6 §4.8', 'reusable state Charging'), status: this.rule('OCPP 1.6 §4.9', 'reusable state Charging') };
  await this.chargePointNamed('default').sessions.charge(connectorId, idTag, rules);
});

Given('the Central System answers ConcurrentTx for an idTag already charging', function () {
  if (!this.claims.concurrentTx) throw new NotApplicable(`the SUT file does not declare that the Central System answers ConcurrentTx (centralSystem.options.concurrentTx)`);
});

Given("the emulated Charge Point's ConnectionTimeOut is {int} seconds", function (seconds: number) {
  const entry = this.chargePointNamed('default').model.configuration.get('ConnectionTimeOut');
  if (entry) entry.value = String(seconds);
});

When('the ConnectionTimeOut of the emulated Charge Point expires on connector {int}{docStep}', async function (connectorId: number, step?: string) {
  await this.chargePointNamed('default').sessions.connectionTimeout(connectorId, this.rule('OCPP 1.6 §4.9', step));
});

When('the emulated Charge Point reboots{docStep}', async function (step?: string) {
  await this.chargePointNamed('default').reboot(this.rule('OCPP 1.6 §4.2', step));
});

When('the emulated Charge Point loses its connection', function () {
  this.chargePointNamed('default').drop();
});

When('the emulated Charge Point regains its connection', async function () {
  await this.chargePointNamed('default').reconnect(this.rule('OCPP-J 1.6 §3.2'));
});

When('the emulated Charge Point starts a transaction offline for {idTag} on connector {int}', function (idTag: string, connectorId: number) {
  this.chargePointNamed('default').sessions.startOffline(connectorId, idTag);
});

When('the emulated Charge Point stops the transaction offline on connector {int} with reason {string}', function (connectorId: number, reason: string) {
  this.chargePointNamed('default').sessions.stopOffline(connectorId, reason);
});

When('the emulated Charge Point sends the queued {message}{docStep}', async function (message: MessageRef, step?: string) {
  await this.chargePointNamed('default').sessions.sendQueued(message.action as 'StartTransaction', this.rule(`OCPP 1.6 ${this.operationOf(message.action)}`, step));
});

Then('a new transaction with {idTag} on connector {int} is accepted', async function (idTag: string, connectorId: number) {
  const cp = this.chargePointNamed('default');
  const rule = this.rule('OCPP 1.6 §4.8');
  await cp.sessions.start(connectorId, idTag, rule);
  cp.expectLastConf('StartTransaction', { idTagInfo: { status: 'Accepted' } }, rule);
  await cp.sessions.stop(connectorId, 'Local', this.rule('OCPP 1.6 §4.10'));
});

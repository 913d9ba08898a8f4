// Central System under test: the requests the Central System sends to the emulated Charge Point (OCPP 1.6 §5) and
// how the emulated Charge Point will answer them.
import { Given, Then, When } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import { result } from '../../support/ocpp/handler-table';
import { caseInsensitive } from '../../support/recording/payload-pattern';
import type { ReceivedCall } from '../../support/recording/mailbox';
import { differentialListAnswer } from '../../support/roles/charge-point/charge-point-handlers';
import { absentOrEmpty, expectEveryEntryHasIdTagInfo, expectListWithEntries, expectNewerListVersion } from '../../support/roles/charge-point/central-system-checks';

Given('the emulated Charge Point will answer {message} with status {string}', function (message: MessageRef, status: string) {
  this.chargePointNamed('default').handlers.override(message.action, () => result({ status }));
});

Given('the emulated Charge Point will answer GetLocalListVersion.req with listVersion {int}', function (listVersion: number) {
  this.chargePointNamed('default').handlers.override('GetLocalListVersion', () => result({ listVersion }));
});

Given('the emulated Charge Point will answer a Differential SendLocalList.req with status {string}', function (status: string) {
  const cp = this.chargePointNamed('default');
  cp.handlers.override('SendLocalList', differentialListAnswer(cp.model, status));
});

Given('the emulated Charge Point has a local authorization list with version {int}', function (version: number) {
  this.chargePointNamed('default').model.localListVersion = version;
  this.memory.set('listVersionBefore', version);
});

Then('the emulated Charge Point receives {message}{docStep}', async function (message: MessageRef, step?: string) {
  this.memory.set(`received ${message.action}`, await this.chargePointNamed('default').receive({ action: message.action }, this.sut.timeouts.messageMs, this.rule(`OCPP 1.6 ${this.operationOf(message.action)}`, step)));
});

Then('the emulated Charge Point receives {message} with {word} {string}{docStep}', async function (message: MessageRef, field: string, value: string, step?: string) {
  this.memory.set(`received ${message.action}`, await this.chargePointNamed('default').receive({ action: message.action, payload: { [field]: value } }, this.sut.timeouts.messageMs, this.rule(`OCPP 1.6 ${this.operationOf(message.action)}`, step)));
});

Then('the emulated Charge Point receives {message} with {word} {int}{docStep}', async function (message: MessageRef, field: string, value: number, step?: string) {
  this.memory.set(`received ${message.action}`, await this.chargePointNamed('default').receive({ action: message.action, payload: { [field]: value } }, this.sut.timeouts.messageMs, this.rule(`OCPP 1.6 ${this.operationOf(message.action)}`, step)));
});

Then('the emulated Charge Point receives GetConfiguration.req for every key{docStep}', async function (step?: string) {
  await this.chargePointNamed('default').receive({ action: 'GetConfiguration', payload: { key: absentOrEmpty } }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.8', step));
});

Then('the emulated Charge Point receives TriggerMessage.req for {word} on connector {int}{docStep}', async function (requestedMessage: string, connectorId: number, step?: string) {
  await this.chargePointNamed('default').receive({ action: 'TriggerMessage', payload: { requestedMessage, connectorId } }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.17', step));
});

Then('the emulated Charge Point receives TriggerMessage.req for {word} on a connector it does not have{docStep}', async function (requestedMessage: string, step?: string) {
  const cp = this.chargePointNamed('default');
  await cp.receive({ action: 'TriggerMessage', payload: { requestedMessage, connectorId: cp.connectors + 1 } }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.17', step));
});

Then('the emulated Charge Point receives RemoteStartTransaction.req for {idTag}{docStep}', async function (idTag: string, step?: string) {
  await this.chargePointNamed('default').receive({ action: 'RemoteStartTransaction', payload: { idTag: caseInsensitive(idTag) } }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.11', step));
});

Then('the emulated Charge Point receives RemoteStopTransaction.req for its transaction on connector {int}{docStep}', async function (connectorId: number, step?: string) {
  const cp = this.chargePointNamed('default');
  await cp.receive({ action: 'RemoteStopTransaction', payload: { transactionId: cp.sessions.session(connectorId).transactionId } }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.12', step));
});

Then('the emulated Charge Point receives neither {message} nor {message} while the Central System handles the requests{docStep}', async function (first: MessageRef, second: MessageRef, step?: string) {
  const cp = this.chargePointNamed('default');
  const rule = this.rule('OCPP 1.6 §4.2', step);
  await Promise.all([cp.receiveNone({ action: first.action }, this.sut.timeouts.responseMs, rule), cp.receiveNone({ action: second.action }, this.sut.timeouts.responseMs, rule)]);
});

Then('the local authorization list carries at least one IdToken{docStep}', function (step?: string) {
  expectListWithEntries((this.memory.get('received SendLocalList') as ReceivedCall).payload, this.rule('OCPP 1.6 §5.15', step));
});

Then('every entry of the local authorization list has an idTagInfo{docStep}', function (step?: string) {
  expectEveryEntryHasIdTagInfo((this.memory.get('received SendLocalList') as ReceivedCall).payload, this.rule('OCPP 1.6 §7.1', step));
});

Then("the Differential update carries a version newer than the emulated Charge Point's list{docStep}", function (step?: string) {
  expectNewerListVersion((this.memory.get('received SendLocalList') as ReceivedCall).payload, Number(this.memory.get('listVersionBefore') ?? 0), this.rule('OCPP 1.6 §5.15', step));
});

Then('the Central System sends the Full local authorization list instead{docStep}', async function (step?: string) {
  const rule = this.rule('OCPP 1.6 §5.15', step, this.levelOf('full-list-after-failed-differential'));
  await this.softly(() => this.chargePointNamed('default').receive({ action: 'SendLocalList', payload: { updateType: 'Full' } }, this.sut.timeouts.messageMs, rule));
});

When('the emulated Charge Point sends the triggered {message}{docStep}', async function (message: MessageRef, step?: string) {
  this.rule('OCPP 1.6 §5.17', step);
  await this.chargePointNamed('default').triggered(message.action);
});

Then('the emulated Charge Point receives GetConfiguration.req asking for the key {string}{docStep}', async function (key: string, step?: string) {
  await this.chargePointNamed('default').receive({ action: 'GetConfiguration', payload: { key: [key] } }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.8', step));
});

Then('the emulated Charge Point receives ChangeConfiguration.req setting {string} to {string}{docStep}', async function (key: string, value: string, step?: string) {
  await this.chargePointNamed('default').receive({ action: 'ChangeConfiguration', payload: { key, value } }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.3', step));
});

Then('the emulated Charge Point receives ChangeAvailability.req making connector {int} Inoperative{docStep}', async function (connectorId: number, step?: string) {
  this.memory.set('received ChangeAvailability', await this.chargePointNamed('default').receive({ action: 'ChangeAvailability', payload: { connectorId, type: 'Inoperative' } }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.2', step)));
});

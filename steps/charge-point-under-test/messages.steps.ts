// Charge Point under test: the messages a test case step expects it to send, or not to send, during a session.
import { Then } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import { oneOf } from '../../support/recording/payload-pattern';
import { stopReasonClauses } from '../../support/roles/central-system/stop-reasons';
import { operation, session, timing } from './flows';

Then('the Charge Point sends {message} with status {choices}{docStep}', async function (message: MessageRef, statuses: string[], step?: string) {
  if (message.action === 'StatusNotification') await session(this).expectStatus(statuses, this.rule('OCPP 1.6 §4.9', step));
  else await this.chargePoint.expect(message.action, { status: oneOf(...statuses) }, this.rule(operation(this, message.action), step));
});

Then('the Charge Point sends StatusNotification.req with status {choices} and errorCode {string}{docStep}', async function (statuses: string[], errorCode: string, step?: string) {
  await this.chargePoint.expect('StatusNotification', { connectorId: this.chargePoint.connectorUnderTest, status: oneOf(...statuses), errorCode }, this.rule('OCPP 1.6 §7.6', step));
});

Then('the Charge Point sends StatusNotification.req with status {choices} for connector 0 or the connector under test{docStep}', async function (statuses: string[], step?: string) {
  await this.chargePoint.expect('StatusNotification', { connectorId: oneOf(0, this.chargePoint.connectorUnderTest), status: oneOf(...statuses) }, this.rule('OCPP 1.6 §4.9', step));
});

Then('the Charge Point sends StatusNotification.req with status "Available" once ConnectionTimeOut has expired, without starting a transaction{docStep}', async function (step?: string) {
  await timing(this).expectConnectionTimeout(this.rule('OCPP 1.6 §9.1.6', step));
});

Then('the Charge Point sends StatusNotification.req with status "Available", at the latest once ConnectionTimeOut has expired{docStep}', async function (step?: string) {
  await timing(this).expectConnectionTimeout(this.rule('OCPP 1.6 §9.1.6', step), true);
});

Then('the Charge Point keeps the transaction and sends StatusNotification.req with status {choices} and info {string}{docStep}', async function (statuses: string[], info: string, step?: string) {
  await session(this).expectSuspendedKeepingTransaction(statuses, info, this.rule('OCPP 1.6 §4.10', step));
});

Then('the Charge Point only stops the energy delivery: StatusNotification.req with status {choices}{docStep}', async function (statuses: string[], step?: string) {
  await session(this).expectStatus(statuses, this.rule('OCPP 1.6 errata §3.17', step));
});

Then('the Charge Point sends Authorize.req for {idTag}{docStep}', async function (idTag: string, step?: string) {
  await session(this).expectAuthorize(idTag, this.rule('OCPP 1.6 §4.1', step));
});

Then('the Charge Point sends Authorize.req for {idTag} if AuthorizeRemoteTxRequests is true{docStep}', async function (idTag: string, step?: string) {
  await session(this).expectRemoteAuthorization(idTag, this.rule('OCPP 1.6 §5.11', step));
});

Then('the Charge Point sends Authorize.req for {idTag}, to stop the transaction of its group{docStep}', async function (idTag: string, step?: string) {
  await session(this).expectAuthorize(idTag, this.rule('OCPP 1.6 §3.10', step));
});

Then('the Charge Point sends Authorize.req for {idTag}, which the emptied Authorization Cache does not hold{docStep}', async function (idTag: string, step?: string) {
  await session(this).expectAuthorize(idTag, this.rule('OCPP 1.6 §5.4', step));
});

Then('the Charge Point sends Authorize.req for {idTag}, as the cache no longer holds it{docStep}', async function (idTag: string, step?: string) {
  await session(this).expectAuthorize(idTag, this.rule('OCPP 1.6 §5.4', step));
});

Then('the Charge Point sends StartTransaction.req for {idTag}{docStep}', async function (idTag: string, step?: string) {
  await session(this).expectStart(idTag, this.rule('OCPP 1.6 §4.8', step));
});

Then('the Charge Point sends StartTransaction.req for {idTag} and StatusNotification.req with status "Charging", in any order{docStep}', async function (idTag: string, step?: string) {
  await session(this).expectStartAndCharging(idTag, this.rule('OCPP 1.6 §4.8', step));
});

Then('the Charge Point sends StopTransaction.req with reason {choices} and StatusNotification.req with status {choices}, in any order{docStep}', async function (reasons: string[], statuses: string[], step?: string) {
  const clauses = stopReasonClauses(reasons);
  await session(this).expectStopAndStatus(reasons, statuses, this.rule(clauses.wait, step), this.rule(clauses.reason, step));
});

Then('the Charge Point sends StopTransaction.req for {idTag} with reason {choices} and StatusNotification.req with status {choices}, in any order{docStep}', async function (idTag: string, reasons: string[], statuses: string[], step?: string) {
  await session(this).expectStopAndStatus(reasons, statuses, this.rule('OCPP 1.6 §3.10', step), this.rule('OCPP 1.6 §3.10', step), idTag);
});

Then('the Charge Point should send StopTransaction.req with reason {choices} and StatusNotification.req with status {choices}, in any order', async function (reasons: string[], statuses: string[]) {
  const rule = this.rule('OCPP 1.6 errata §3.17', undefined, 'SHOULD');
  await session(this).expectStopAndStatus(reasons, statuses, rule, rule);
});

Then('the Charge Point stops the transaction without asking the Central System: StopTransaction.req and StatusNotification.req with status {choices}, in any order', async function (statuses: string[]) {
  await session(this).expectLocalStop(statuses, this.rule('OCPP 1.6 errata §3.73'));
});

Then('the Charge Point sends neither Authorize.req nor StopTransaction.req{docStep}', async function (step?: string) {
  await session(this).expectNeither(['Authorize', 'StopTransaction'], this.rule('OCPP 1.6 §3.10', step));
});

Then('the Charge Point does not start a transaction{docStep}', async function (step?: string) {
  await session(this).expectNeither(['StartTransaction'], this.rule('OCPP 1.6 §4.1', step ?? 'expected result'));
});

Then('the Charge Point does not start a transaction after the lock failure', async function () {
  await session(this).expectNeither(['StartTransaction'], this.rule('OCPP 1.6 §7.6', 'expected result'));
});

Then('the Charge Point does not start a transaction, as the list entry has priority over the cache', async function () {
  await session(this).expectNeither(['StartTransaction'], this.rule('OCPP 1.6 §3.5.3'));
});

Then('the Charge Point does not start a transaction while it is faulted{docStep}', async function (step?: string) {
  await session(this).expectNeither(['StartTransaction'], this.rule('OCPP 1.6 §7.7', step));
});

Then('the Charge Point does not send {message}{docStep}', async function (message: MessageRef, step?: string) {
  await session(this).expectNeither([message.action], this.rule(operation(this, message.action), step ?? 'expected result'));
});

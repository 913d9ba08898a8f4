// Charge Point under test, beyond the test case document: how its OCPP-J endpoint copes with what it must refuse or
// ignore (OCPP-J 1.6 §4.1.3, §4.2.3). The probe of a When is kept in memory for the Then that judges the answer.
import { Then, When } from '../../support/cucumber/define';
import type { HarnessWorld } from '../../support/cucumber/world';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import { CALL_ERROR_RULE } from '../../support/ocpp/call-error-codes';
import { RpcProbe, unsupportedProfileRequest, type MalformedFrame, type ProbeOutcome } from '../../support/roles/central-system/ext-rpc-probe';
import { ScenarioCalls } from '../../support/roles/central-system/ext-scenario-calls';
import type { OcppConnection } from '../../support/roles/ocpp-connection';
import { supportedProfiles } from '../../support/sut/sut-config';
import { HarnessError } from '../../support/reporting/errors';
import { configuration } from './flows';

const probe = (w: HarnessWorld): RpcProbe => new RpcProbe(w.chargePoint);
const lastProbe = (w: HarnessWorld): ProbeOutcome => {
  const p = w.memory.get('ext:probe') as ProbeOutcome | undefined;
  if (!p) throw new HarnessError('no probe was sent in this scenario');
  return p;
};
const MALFORMED = /^the Central System sends a frame that is (not JSON|a JSON object, not an array|an unknown message type id)$/;

When('the Central System sends a CALL of the action {string}, which OCPP 1.6 does not define', async function (action: string) {
  this.memory.set('ext:probe', await probe(this).callUnknownAction(action, this.rule(CALL_ERROR_RULE)));
});

// The SUT file chooses what runs, the charger's SupportedFeatureProfiles what it may answer: probe a profile neither lists.
When('the Central System sends a request of a feature profile the Charge Point does not support', async function () {
  const declared = await configuration(this).supportedProfiles(this.rule('OCPP 1.6 §9.1.29', 'the profiles the Charge Point declares'));
  const request = unsupportedProfileRequest(supportedProfiles(this.sut), declared);
  this.memory.set('ext:probe', await probe(this).callUnsupportedAction(request, this.rule(CALL_ERROR_RULE)));
});

When('the Central System sends {message} with a payload that breaks its schema:', async function (message: MessageRef, payload: string) {
  this.memory.set('ext:probe', await probe(this).callWithInvalidPayload(message.action, JSON.parse(payload), this.rule(CALL_ERROR_RULE)));
});

Then('the Charge Point answers it with CALLERROR {string}', function (code: string) {
  probe(this).expectCallError(lastProbe(this), [code], this.rule(CALL_ERROR_RULE));
});

Then('the Charge Point answers it with the CALLERROR code Table 7 gives for that violation', function () {
  probe(this).expectCallError(lastProbe(this), RpcProbe.codesFor(lastProbe(this)), this.rule(CALL_ERROR_RULE));
});

Then('the CALLERROR has a string description and a JSON object as details', function () {
  probe(this).expectWellFormedCallError(lastProbe(this), this.rule(CALL_ERROR_RULE));
});

When(MALFORMED, async function (kind: MalformedFrame) {
  const { connection } = await probe(this).sendMalformed(kind);
  this.memory.set('ext:connection', connection);
});

Then('the Charge Point keeps that connection open and still answers GetConfiguration.req on it', async function () {
  await probe(this).expectStillServing(this.memory.get('ext:connection') as OcppConnection, this.rule('OCPP-J 1.6 §4.1.3'));
});

Then('every CALL the Charge Point sent in this scenario had a message id of its own on its connection', function () {
  const calls = new ScenarioCalls(this.chargePoint.expectations, this.bench.log).frames((r) => r.direction === 'in' && r.kind === 'CALL');
  RpcProbe.expectUniqueMessageIds(calls, this.rule('OCPP-J 1.6 §4.1.4'), `the Charge Point ${this.chargePoint.identity}`);
});

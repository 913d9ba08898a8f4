// Central System under test, negative tests of the RPC framework (OCPP-J 1.6 §4): malformed frames, the CALLERROR
// codes of Table 7, a repeated message id, CALLs crossing, and whether the Central System is still alive afterwards.
import { Then, When } from '../../support/cucumber/define';
import {
  invalidJsonFrame, invalidPayloadFrame, missingPayloadFrame, nonArrayFrame, unknownActionFrame, unknownMessageTypeFrame, type PayloadMutation,
} from '../../support/roles/charge-point/negative-frames';
import { NegativeProbe, parseCodes } from '../../support/roles/charge-point/negative-probe';

const UNANSWERABLE = { 'that is not valid JSON': invalidJsonFrame, 'that is not a JSON array': nonArrayFrame, 'with an unknown message type id': unknownMessageTypeFrame };

When(/^the emulated Charge Point sends a frame (that is not valid JSON|that is not a JSON array|with an unknown message type id)$/, function (kind: keyof typeof UNANSWERABLE) {
  NegativeProbe.of(this).sendUnanswerable(UNANSWERABLE[kind](), this.rule('OCPP-J 1.6 §4.1.2'));
});

When('the emulated Charge Point sends a CALL without its payload element', async function () {
  await NegativeProbe.of(this).callMalformed(missingPayloadFrame(), this.rule('OCPP-J 1.6 §4.2.1'));
});

When('the emulated Charge Point sends a CALL of an action OCPP 1.6 does not define', async function () {
  await NegativeProbe.of(this).callMalformed(unknownActionFrame(), this.rule('OCPP-J 1.6 §4.2.3'));
});

When(/^the emulated Charge Point sends a request with an? (missing required field|wrong type|out-of-enum value|over-long CiString|extra property)$/, async function (mutation: PayloadMutation) {
  await NegativeProbe.of(this).callMalformed(invalidPayloadFrame(mutation, this.sut.idTags.valid), this.rule('OCPP-J 1.6 §4.2.3'));
});

Then('the Central System rejects it with CALLERROR {string}', function (codes: string) {
  NegativeProbe.of(this).expectCallError(parseCodes(codes), this.rule('OCPP-J 1.6 §4.2.3'));
});

Then('the Central System sends nothing in answer to it for {duration}', async function (ms: number) {
  await NegativeProbe.of(this).expectNoAnswer(ms, this.rule('OCPP-J 1.6 §4.1.3'));
});

Then('the Central System still answers Heartbeat.req on the same connection', async function () {
  await NegativeProbe.of(this).expectStillAlive(this.rule('OCPP-J 1.6 §4.2.3'));
});

When('the emulated Charge Point sends Heartbeat.req twice with one message id', async function () {
  await NegativeProbe.of(this).callTwiceWithOneId('Heartbeat', {}, this.rule('OCPP-J 1.6 §4.2.3'));
});

Then('the Central System answers the first with Heartbeat.conf and the second with Heartbeat.conf or a CALLERROR', function () {
  NegativeProbe.of(this).expectBothAnswered('Heartbeat', this.rule('OCPP 1.6 §4.6'));
});

When("the CSMS operator reads the configuration while the emulated Charge Point's Heartbeat.req crosses the Central System's GetConfiguration.req", async function () {
  const probe = NegativeProbe.of(this);
  await probe.crossCall('GetConfiguration', () => this.act('get-configuration', { chargePointId: this.chargePointNamed('default').identity }), this.rule('OCPP-J 1.6 §4.1.1'));
});

Then('the Central System answered Heartbeat.req while its own GetConfiguration.req awaited the answer', function () {
  NegativeProbe.of(this).expectCrossingAnswered(this.rule('OCPP-J 1.6 §4.1.1'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RpcProbe, unsupportedProfileRequest, type ProbeOutcome } from './ext-rpc-probe';
import type { ChargePointUnderTest } from './charge-point-under-test';
import { ConformanceAssertionError, NotApplicable } from '../../reporting/errors';
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import type { FrameRecord } from '../../recording/frame-record';
import { SchemaValidator } from '../../schemas/schema-validator';

// The CALLERROR judge of a Charge Point under test (OCPP-J 1.6 §4.2.3) reads only the probe's answer and who answered.
const probe = new RpcProbe({ identity: 'CP-1' } as ChargePointUnderTest);
const RULE = { rule: 'OCPP-J 1.6 §4.2.3', step: 'EXT_RPC_002' };
const request = { seq: 41, raw: '[2,"p1","FlyToTheMoon",{}]' } as FrameRecord;
const callError = (code: string): ProbeOutcome => ({
  sent: 'a CALL of the action "FlyToTheMoon"',
  outcome: { kind: 'error', code, description: '', details: {}, request, response: { seq: 42, raw: `[4,"p1","${code}","",{}]` } as FrameRecord },
});
const callResult: ProbeOutcome = {
  sent: 'a CALL of the action "FlyToTheMoon"',
  outcome: { kind: 'result', payload: {}, request, response: { seq: 42, raw: '[3,"p1",{}]' } as FrameRecord } as CallOutcome,
};

function judged(p: ProbeOutcome, codes: readonly string[]): ConformanceAssertionError | 'passed' {
  try {
    probe.expectCallError(p, codes, RULE);
    return 'passed';
  } catch (e) {
    assert.ok(e instanceof ConformanceAssertionError, String(e));
    return e;
  }
}

test('the CALLERROR code the case expects passes; any of several allowed codes passes', () => {
  assert.equal(judged(callError('NotImplemented'), ['NotImplemented']), 'passed');
  assert.equal(judged(callError('ProtocolError'), ['OccurenceConstraintViolation', 'ProtocolError']), 'passed');
});

test('another CALLERROR code fails as a wrong CALLERROR of the rule, with the frames and the code it sent', () => {
  for (const code of ['NotSupported', 'GenericError', 'FormationViolation', 'notimplemented']) {
    const e = judged(callError(code), ['NotImplemented']);
    assert.ok(e !== 'passed', `${code} must not pass for NotImplemented`);
    assert.deepEqual([e.detail.rule, e.detail.step, e.detail.level, e.detail.category, e.detail.evidence], ['OCPP-J 1.6 §4.2.3', 'EXT_RPC_002', 'SHALL', 'wrong CALLERROR', [41, 42]]);
    assert.match(e.message, new RegExp(`the Charge Point CP-1 answered with CALLERROR ${code} to a CALL of the action "FlyToTheMoon" \\[frame #42\\]`));
    assert.equal(e.detail.expected, 'CALLERROR NotImplemented');
  }
});

test('a CALLRESULT where a CALLERROR is due fails, whatever codes are allowed', () => {
  const e = judged(callResult, ['NotImplemented', 'NotSupported']);
  assert.ok(e !== 'passed');
  assert.equal(e.detail.category, 'wrong CALLERROR');
  assert.match(e.message, /answered with a CALLRESULT/);
});

test('a schema probe: the codes Table 7 allows for its violation pass, others fail', () => {
  const violation = SchemaValidator.shared().validate('ChangeConfiguration', 'req', { key: 'HeartbeatInterval' }).violations[0];
  assert.equal(violation?.keyword, 'required');
  const withViolation = (code: string): ProbeOutcome => ({ ...callError(code), violation });
  const codes = RpcProbe.codesFor(withViolation('x'));
  assert.equal(judged(withViolation('OccurenceConstraintViolation'), codes), 'passed');
  for (const code of ['OccurrenceConstraintViolation', 'TypeConstraintViolation', 'NotImplemented', 'GenericError']) {
    assert.notEqual(judged(withViolation(code), codes), 'passed', code);
  }
  assert.throws(() => RpcProbe.codesFor(callError('x')), /carried no schema violation/);
});

test('a SHOULD rule makes the failure a SHOULD', () => {
  const e = judged(callError('GenericError'), ['NotSupported']);
  assert.ok(e !== 'passed');
  const should = (() => {
    try {
      probe.expectCallError(callError('GenericError'), ['NotSupported'], { ...RULE, level: 'SHOULD' });
    } catch (x) {
      return x as ConformanceAssertionError;
    }
    return undefined;
  })();
  assert.equal(should?.detail.level, 'SHOULD');
});

test('EXT_RPC_003 probes a profile neither the SUT file lists nor the charger declares', () => {
  assert.equal(unsupportedProfileRequest(['Core'], ['Core']).action, 'CancelReservation');
  // The charger declares Reservation, the SUT file does not: the charger may answer CancelReservation.
  const request = unsupportedProfileRequest(['Core', 'LocalAuthListManagement'], ['Core', 'LocalAuthListManagement', 'Reservation']);
  assert.deepEqual([request.profile, request.action], ['SmartCharging', 'GetCompositeSchedule']);
  // The SUT file's list still counts, and a declaration in other letter case is a declaration.
  assert.equal(unsupportedProfileRequest(['Core', 'SmartCharging'], ['Core', 'reservation']).profile, 'FirmwareManagement');
});

test('EXT_RPC_003 is not applicable when every probed profile is listed or declared, naming what the charger declares', () => {
  assert.throws(
    () => unsupportedProfileRequest(['Core', 'Reservation'], ['Core', 'SmartCharging', 'FirmwareManagement']),
    (e: unknown) => e instanceof NotApplicable
      && /the SUT file lists Core, Reservation/.test(e.message)
      && /SupportedFeatureProfiles "Core,SmartCharging,FirmwareManagement"/.test(e.message),
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CentralSystemRequests } from './central-system-requests';
import type { ScenarioContext } from './scenario-context';
import { ConformanceAssertionError, HarnessError } from '../../reporting/errors';
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import type { FrameRecord } from '../../recording/frame-record';

const RULE = { rule: 'OCPP 1.6 §5.12', step: 'TC_028_CS step 2' };
const request = { seq: 10, raw: '[2,"r1","RemoteStopTransaction",{"transactionId":999}]' } as FrameRecord;
const response = { seq: 11, raw: '[3,"r1",{"status":"Accepted"}]' } as FrameRecord;
const conf = (payload: Record<string, unknown>): CallOutcome => ({ kind: 'result', payload, request, response });
const callError = (code: string): CallOutcome => ({ kind: 'error', code, description: '', details: {}, request, response });

/** The judge reads the answer a When step kept in the scenario's memory, and who answered; nothing else. */
function requestsAnswered(action: string, outcome: CallOutcome | undefined): CentralSystemRequests {
  const memory = new Map<string, unknown>(outcome ? [[`answer:${action}`, outcome]] : []);
  return new CentralSystemRequests({ memory, chargePoint: { who: 'the Charge Point CP-1' } } as unknown as ScenarioContext);
}

function judged(outcome: CallOutcome, values: readonly unknown[], errorCodes: readonly string[] | '*', field = 'status'): ConformanceAssertionError | 'passed' {
  try {
    requestsAnswered('RemoteStopTransaction', outcome).expectStatusOrError('RemoteStopTransaction', field, values, errorCodes, RULE);
    return 'passed';
  } catch (e) {
    assert.ok(e instanceof ConformanceAssertionError, String(e));
    return e;
  }
}

test('a .conf with one of the statuses passes', () => {
  assert.equal(judged(conf({ status: 'Rejected' }), ['Rejected'], []), 'passed');
  assert.equal(judged(conf({ status: 'Accepted' }), ['Rejected', 'Accepted'], []), 'passed');
});

test('a .conf with another status fails as behaviour of the rule, naming the status it sent', () => {
  for (const status of ['Accepted', 'rejected', undefined]) {
    const e = judged(conf(status === undefined ? {} : { status }), ['Rejected'], '*');
    assert.ok(e !== 'passed', `${String(status)} must not pass for Rejected`);
    assert.deepEqual([e.detail.rule, e.detail.step, e.detail.category], ['OCPP 1.6 §5.12', 'TC_028_CS step 2', 'behaviour']);
    assert.match(e.message, new RegExp(`the Charge Point CP-1 answered RemoteStopTransaction\\.req with status ${JSON.stringify(status) ?? 'undefined'} \\[frame #11\\]`));
    assert.equal(e.detail.expected, 'RemoteStopTransaction.conf with status "Rejected" or a CALLERROR');
  }
});

test('values are compared exactly: listVersion -1 is not 0 or "-1"', () => {
  assert.equal(judged(conf({ listVersion: -1 }), [-1], ['NotSupported'], 'listVersion'), 'passed');
  assert.notEqual(judged(conf({ listVersion: 0 }), [-1], ['NotSupported'], 'listVersion'), 'passed');
  assert.notEqual(judged(conf({ listVersion: '-1' }), [-1], ['NotSupported'], 'listVersion'), 'passed');
});

test('a CALLERROR passes only with a code the case allows, or any code where it allows any', () => {
  assert.equal(judged(callError('NotSupported'), [-1], ['NotSupported'], 'listVersion'), 'passed');
  assert.equal(judged(callError('GenericError'), ['Rejected'], '*'), 'passed');
  const other = judged(callError('NotImplemented'), [-1], ['NotSupported'], 'listVersion');
  assert.ok(other !== 'passed');
  assert.deepEqual([other.detail.category, other.detail.rule], ['wrong CALLERROR', 'OCPP 1.6 §5.12']);
  assert.match(other.message, /answered RemoteStopTransaction\.req with CALLERROR NotImplemented \[frame #11\]/);
  const none = judged(callError('NotSupported'), ['NotSupported'], []);
  assert.ok(none !== 'passed', 'no CALLERROR allowed: even the status spelled as a code fails');
  assert.equal(none.detail.category, 'wrong CALLERROR');
});

test('judging an answer no step asked for is a harness error, not a verdict on the SUT', () => {
  assert.throws(() => requestsAnswered('RemoteStopTransaction', undefined).expectStatusOrError('RemoteStopTransaction', 'status', ['Rejected'], [], RULE),
    (e: unknown) => e instanceof HarnessError && /no RemoteStopTransaction\.req was sent/.test(e.message));
});

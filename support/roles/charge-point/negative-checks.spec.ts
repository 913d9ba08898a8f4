import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import type { FrameRecord } from '../../recording/frame-record';
import { ConformanceAssertionError, HarnessError } from '../../reporting/errors';
import { expectCurrentTimeWithOffset, expectWholePositiveInterval, RFC3339_WITH_OFFSET } from './negative-registration';
import { otherLetterCase } from './negative-authorization';
import { parseCodes } from './negative-probe';

const record = (seq: number, raw = ''): FrameRecord => ({ type: 'frame', seq, time: '', mono: 0, connection: 'CP', direction: 'in', raw, kind: 'CALLRESULT', problems: [], violations: [] });
const result = (payload: Record<string, unknown>): CallOutcome => ({ kind: 'result', payload, request: record(1), response: record(2, JSON.stringify(payload)) });
const rule = { rule: 'OCPP 1.6 §3.15' };

test('RFC 3339 date-times need their offset', () => {
  for (const ok of ['2025-01-31T12:00:00Z', '2025-01-31T12:00:00.123Z', '2025-01-31T13:00:00+01:00', '2025-01-31t12:00:00z']) assert.match(ok, RFC3339_WITH_OFFSET);
  for (const bad of ['2025-01-31T12:00:00', '2025-01-31T12:00:00.000', '2025-01-31 12:00:00Z', '2025-01-31', '2025-01-31T12:00:00+0100']) assert.doesNotMatch(bad, RFC3339_WITH_OFFSET);
});

test('currentTime without an offset fails the rule given', () => {
  expectCurrentTimeWithOffset(result({ currentTime: new Date().toISOString() }), 'Heartbeat', rule);
  assert.throws(() => expectCurrentTimeWithOffset(result({ currentTime: '2025-01-31T12:00:00.000' }), 'Heartbeat', rule),
    (e: unknown) => e instanceof ConformanceAssertionError && e.message.includes('OCPP 1.6 §3.15'));
});

test('an Accepted heartbeat interval is a whole number of seconds above zero; other statuses are not judged', () => {
  expectWholePositiveInterval(result({ status: 'Accepted', interval: 60 }), rule);
  expectWholePositiveInterval(result({ status: 'Rejected', interval: 0 }), rule);
  for (const interval of [0, 300.5, -1, '60']) {
    assert.throws(() => expectWholePositiveInterval(result({ status: 'Accepted', interval }), rule), ConformanceAssertionError, String(interval));
  }
});

test('other letter case swaps every letter, and refuses a tag without letters', () => {
  assert.equal(otherLetterCase('Ref-Valid-01'), 'rEF-vALID-01');
  assert.throws(() => otherLetterCase('0123-45'), HarnessError);
});

test('CALLERROR code lists name 1.6 codes only', () => {
  assert.deepEqual(parseCodes('OccurenceConstraintViolation, ProtocolError or FormationViolation'), ['OccurenceConstraintViolation', 'ProtocolError', 'FormationViolation']);
  assert.deepEqual(parseCodes('NotImplemented'), ['NotImplemented']);
  assert.throws(() => parseCodes('FormatViolation'), HarnessError);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FrameRecord, TraceRecord } from './frame-record';
import { frame } from './test-records';
import { PAYLOAD_IN_RAW, traceLine } from './trace-line';

const same = (r: TraceRecord): void => assert.deepEqual(JSON.parse(traceLine(r)), JSON.parse(JSON.stringify(r)));

test('a frame record\'s line is the same JSON as JSON.stringify of it, whatever fields it has', () => {
  same(frame({ direction: 'in', kind: 'CALL', id: 'a"b\\c', action: 'StatusNotification', raw: '[2,"a\\"b","StatusNotification",{"x":"\u2028é"}]', payload: { x: '\u2028é', nested: [1, { timestamp: null }] } }));
  same(frame({ direction: 'out', kind: 'CALLRESULT', id: '1', action: 'Heartbeat', payload: {}, latencyMs: 0.125, errorCode: undefined, errorDescription: undefined, errorDetails: undefined }));
  same(frame({ direction: 'in', kind: 'CALLERROR', id: '2', errorCode: 'GenericError', errorDescription: 'no', errorDetails: { why: [1, 2] }, problems: [{ level: 'SHALL', rule: 'OCPP-J 1.6 §4.2.3', message: 'x' }] }));
  same(frame({ direction: 'out', kind: 'INVALID', raw: 'not json', deliberate: true, violations: [{ pointer: '/a', keyword: 'type', value: 1, message: 'm', rule: 'r' }] }));
  same(frame({ direction: 'in', kind: 'IGNORED', raw: '[9]' }));
});

test('a number that JSON cannot hold is written as null, as JSON.stringify does', () => {
  const r = frame({ direction: 'in', kind: 'CALLRESULT', latencyMs: Number.NaN });
  same(r);
  assert.equal(JSON.parse(traceLine(r)).latencyMs, null);
});

test('a field FrameRecord does not declare is kept (the record is serialised whole)', () => {
  const r = { ...frame({ direction: 'in', kind: 'CALL' }), extra: { kept: true } } as FrameRecord;
  assert.deepEqual(JSON.parse(traceLine(r)).extra, { kept: true });
});

test('a connection event is serialised whole', () => {
  const e: TraceRecord = { type: 'event', seq: 3, time: '2026-12-03T17:00:00.000Z', mono: 1, connection: 'CP1', event: 'close', detail: { code: 1000 } };
  assert.equal(traceLine(e), JSON.stringify(e));
});

test('a payload whose text is known is copied, not serialised again: the same JSON value either way', () => {
  const payload = { connectorId: 1, status: 'Available', odd: 'a "b" \\ \u2028' };
  const sent = frame({ direction: 'out', kind: 'CALL', id: '1', action: 'StatusNotification', payload, raw: JSON.stringify([2, '1', 'StatusNotification', payload]) });
  assert.deepEqual(JSON.parse(traceLine(sent, JSON.stringify(payload))), JSON.parse(JSON.stringify(sent)));
  const raw = '[ 3 , "r\\"1" , { "currentTime" : "2026-12-03T20:00:00Z", "x": [1, 2] } ]';
  const received = frame({ direction: 'in', kind: 'CALLRESULT', id: 'r"1', action: 'Heartbeat', payload: JSON.parse(raw)[2], raw });
  const line = traceLine(received, PAYLOAD_IN_RAW);
  assert.ok(line.includes('"payload":{ "currentTime" : "2026-12-03T20:00:00Z", "x": [1, 2] }'), 'the text as received');
  assert.deepEqual(JSON.parse(line), JSON.parse(JSON.stringify(received)));
});

test('a payload said to be in raw that is not found there is serialised from the record', () => {
  const r = frame({ direction: 'in', kind: 'CALL', id: '1', action: 'Heartbeat', payload: {}, raw: '[2,"1","Heartbeat",null]' });
  assert.deepEqual(JSON.parse(traceLine(r, PAYLOAD_IN_RAW)).payload, {});
});

test('consecutive records of one time and connection serialise them right, and a change is seen', () => {
  const a = frame({ direction: 'in', kind: 'CALL', connection: 'CP"1', time: '2026-12-03T20:00:00.001Z' });
  const b = frame({ direction: 'in', kind: 'CALL', connection: 'CP"1', time: '2026-12-03T20:00:00.001Z' });
  const c = frame({ direction: 'in', kind: 'CALL', connection: 'CP2', time: '2026-12-03T20:00:00.002Z' });
  for (const r of [a, b, c, a]) same(r);
});

test('times kept to the µs are written so that they read back as the same numbers; others as JSON.stringify writes them', () => {
  for (const mono of [0, 1, 0.001, 0.01, 0.1, 12.5, 1234.567, 98765.432, 3600000.999, 1e9 + 0.001]) {
    same(frame({ direction: 'in', kind: 'CALLRESULT', mono, latencyMs: mono }));
    assert.equal(JSON.parse(traceLine(frame({ direction: 'in', kind: 'CALL', mono }))).mono, mono);
  }
  for (const mono of [1234.5678901234, -1.5, 1 / 3, Number.MAX_SAFE_INTEGER]) same(frame({ direction: 'in', kind: 'CALLRESULT', mono, latencyMs: mono }));
  for (let i = 0; i < 2000; i++) {
    const mono = Math.round(Math.random() * 1e12) / 1000;
    assert.equal(JSON.parse(traceLine(frame({ direction: 'in', kind: 'CALL', mono }))).mono, mono);
  }
});

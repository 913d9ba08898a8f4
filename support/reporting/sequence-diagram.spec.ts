import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFrame, renderSequenceDiagram } from './sequence-diagram';
import { frame } from '../recording/test-records';
import type { ConnectionEventRecord } from '../recording/frame-record';

const event = (seq: number, connection: string): ConnectionEventRecord => ({
  type: 'event', seq, time: '2026-01-02T03:04:05.000Z', mono: seq, connection, event: 'handshake', detail: { selected: 'ocpp1.6' },
});

test('arrows name the action, the answer and its status; CALLERRORs their code', () => {
  assert.equal(describeFrame(frame({ direction: 'in', kind: 'CALL', action: 'BootNotification', payload: {} })).label, 'BootNotification.req');
  assert.equal(describeFrame(frame({ direction: 'out', kind: 'CALLRESULT', action: 'BootNotification', payload: { status: 'Accepted' } })).label, 'BootNotification.conf Accepted');
  assert.equal(describeFrame(frame({ direction: 'in', kind: 'CALLRESULT', action: 'Authorize', payload: { idTagInfo: { status: 'Blocked' } } })).label, 'Authorize.conf Blocked');
  assert.equal(describeFrame(frame({ direction: 'in', kind: 'CALLERROR', action: 'Reset', errorCode: 'NotImplemented' })).label, 'CALLERROR NotImplemented (Reset)');
});

test('a self-contained SVG: time, sequence number, direction; the offending frame in red with the finding', () => {
  const records = [
    event(1, 'CP1'),
    frame({ seq: 2, mono: 2, direction: 'in', kind: 'CALL', action: 'BootNotification', payload: { chargePointVendor: '<Acme & Co>' }, raw: '[2,"1","BootNotification",{}]' }),
    frame({ seq: 3, mono: 3, direction: 'out', kind: 'CALLRESULT', action: 'BootNotification', payload: { status: 'Accepted' } }),
  ];
  const svg = renderSequenceDiagram(records, { role: 'charge-point', title: 'TC_001_CS Cold Boot — FAIL', highlights: new Map([[2, { level: 'SHALL', message: 'too early' }]]) });
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.doesNotMatch(svg, /<script|href=|url\(/, 'no script, no external reference');
  assert.match(svg, /Charge Point under test/);
  assert.match(svg, /#2 \+1 ms/);
  assert.match(svg, /&lt;Acme &amp; Co&gt;/);
  assert.match(svg, /style="fill:#c62828">✖ BootNotification\.req</);
  assert.doesNotMatch(svg, /CP1:/, 'one connection: its name is not repeated on every arrow');
  assert.match(svg, /SHALL: too early/);
  assert.match(svg, /BootNotification\.conf Accepted/);
});

test('a Central System under test: one lifeline per emulated Charge Point', () => {
  const records = [
    frame({ seq: 1, connection: 'CP-A', direction: 'out', kind: 'CALL', action: 'Heartbeat', payload: {} }),
    frame({ seq: 2, connection: 'CP-B', direction: 'out', kind: 'CALL', action: 'Heartbeat', payload: {} }),
    frame({ seq: 3, connection: 'CP-A#2', direction: 'in', kind: 'CALLRESULT', action: 'Heartbeat', payload: {} }),
  ];
  const svg = renderSequenceDiagram(records, { role: 'central-system', title: 't' });
  assert.equal(svg.match(/>Emulated Charge Point</g)?.length, 2);
  assert.match(svg, />CP-A</);
  assert.match(svg, />CP-B</);
});

test('an empty trace and a long one say so', () => {
  assert.match(renderSequenceDiagram([], { role: 'charge-point', title: 't' }), /No frame was exchanged/);
  const many = Array.from({ length: 5 }, (_, i) => frame({ seq: i + 1, direction: 'in', kind: 'CALL', action: 'Heartbeat', payload: {} }));
  assert.match(renderSequenceDiagram(many, { role: 'charge-point', title: 't', maxRows: 3 }), /2 more records: see the JSONL wire trace/);
});

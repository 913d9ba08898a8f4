import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProtocolMonitor } from './protocol-monitor';
import { frame } from './test-records';

function watch(...records: Parameters<ProtocolMonitor['observe']>[0][]): ProtocolMonitor {
  const m = new ProtocolMonitor();
  for (const r of records) m.observe(r);
  return m;
}

test('a schema violation in a SUT frame is a FAIL naming pointer, keyword and section', () => {
  const m = watch(frame({
    direction: 'in', kind: 'CALL', id: '1', action: 'StatusNotification', payload: {},
    violations: [{ pointer: '/status', keyword: 'enum', value: 'X', message: '/status = "X" is not one of …', rule: 'OCPP 1.6 §6.47 StatusNotification.req' }],
  }));
  const [f] = m.findings();
  assert.equal(f?.level, 'SHALL');
  assert.equal(f?.category, 'schema violation');
  assert.equal(f?.rule, 'OCPP 1.6 §6.47 StatusNotification.req');
  assert.match(f?.message ?? '', /pointer \/status, keyword enum/);
});

test('a date-time without offset cites §3.15 as well', () => {
  const m = watch(frame({
    direction: 'in', kind: 'CALL', id: '1', action: 'Heartbeat', payload: {},
    violations: [{ pointer: '/timestamp', keyword: 'format', value: '2020-01-01T00:00:00', message: 'x', rule: 'OCPP 1.6 §6.45 StartTransaction.req' }],
  }));
  assert.match(m.findings()[0]?.rule ?? '', /^OCPP 1\.6 §3\.15, /);
  assert.match(m.findings()[0]?.message ?? '', /RFC 3339/);
});

test('frames the harness sends are not judged by the monitor', () => {
  const m = watch(frame({ direction: 'out', kind: 'CALL', id: '1', action: 'Reset', violations: [{ pointer: '', keyword: 'required', message: 'x', rule: 'r' }] }));
  assert.deepEqual(m.findings(), []);
});

test('a duplicate message id from the SUT on one connection is a FAIL of OCPP-J §4.1.4', () => {
  const m = watch(
    frame({ direction: 'in', kind: 'CALL', id: 'dup', action: 'Heartbeat', payload: {} }),
    frame({ direction: 'out', kind: 'CALLRESULT', id: 'dup' }),
    frame({ direction: 'in', kind: 'CALL', id: 'dup', action: 'Heartbeat', payload: {} }),
  );
  assert.deepEqual(m.findings().map((f) => [f.level, f.rule]), [['SHALL', 'OCPP-J 1.6 §4.1.4']]);
});

test('the same message id on another connection is fine', () => {
  const m = watch(
    frame({ direction: 'in', kind: 'CALL', id: 'same', action: 'Heartbeat', payload: {}, connection: 'CP1' }),
    frame({ direction: 'in', kind: 'CALL', id: 'same', action: 'Heartbeat', payload: {}, connection: 'CP1#2' }),
  );
  assert.deepEqual(m.findings(), []);
});

test('a second CALL while the first is unanswered is a WARN of OCPP-J §4.1.1', () => {
  const m = watch(
    frame({ direction: 'in', kind: 'CALL', id: 'a', action: 'StatusNotification', payload: {} }),
    frame({ direction: 'in', kind: 'CALL', id: 'b', action: 'Heartbeat', payload: {} }),
  );
  assert.deepEqual(m.findings().map((f) => [f.level, f.rule]), [['SHOULD', 'OCPP-J 1.6 §4.1.1']]);
});

test('no WARN when the harness holds its answer on purpose (the SUT may time out and go on)', () => {
  const m = new ProtocolMonitor();
  m.observe(frame({ direction: 'in', kind: 'CALL', id: 'a', action: 'StartTransaction', payload: {} }));
  m.observe({ type: 'event', seq: 99, time: '', mono: 0, connection: 'CP1', event: 'note', detail: { kind: 'reply-held', id: 'a' } });
  m.observe(frame({ direction: 'in', kind: 'CALL', id: 'b', action: 'Heartbeat', payload: {} }));
  assert.deepEqual(m.findings(), []);
});

test('a response with an id the harness never sent is a FAIL of OCPP-J §4.1.4', () => {
  const m = watch(frame({ direction: 'in', kind: 'CALLRESULT', id: 'nobody', payload: {} }));
  assert.deepEqual(m.findings().map((f) => [f.level, f.rule]), [['SHALL', 'OCPP-J 1.6 §4.1.4']]);
});

test('a late response to a CALL that timed out is not a violation', () => {
  const m = new ProtocolMonitor();
  m.observe(frame({ direction: 'out', kind: 'CALL', id: 'slow', action: 'Reset' }));
  m.observe({ type: 'event', seq: 99, time: '', mono: 0, connection: 'CP1', event: 'note', detail: { kind: 'call-timeout', id: 'slow' } });
  m.observe(frame({ direction: 'in', kind: 'CALLRESULT', id: 'slow', payload: {} }));
  assert.deepEqual(m.findings(), []);
});

test('a timestamp before 2000 is a WARN (clock not synchronised, §4.2)', () => {
  const m = watch(frame({ direction: 'in', kind: 'CALL', id: 't', action: 'StatusNotification', payload: { timestamp: '1970-01-01T00:00:00Z' } }));
  assert.deepEqual(m.findings().map((f) => [f.level, f.rule]), [['SHOULD', 'OCPP 1.6 §4.2']]);
  assert.match(m.findings()[0]?.message ?? '', /\/timestamp/);
});

test('nested timestamps are checked too', () => {
  const m = watch(frame({
    direction: 'in', kind: 'CALL', id: 't', action: 'MeterValues',
    payload: { connectorId: 1, meterValue: [{ timestamp: '1999-12-31T23:59:59Z', sampledValue: [] }] },
  }));
  assert.match(m.findings()[0]?.message ?? '', /\/meterValue\/0\/timestamp/);
});

test('framing problems of a SUT frame become findings at their level; NOTEs do not', () => {
  const m = watch(
    frame({ direction: 'in', kind: 'INVALID', problems: [{ level: 'SHALL', rule: 'OCPP-J 1.6 §4.1.2', message: 'not valid JSON' }] }),
    frame({ direction: 'in', kind: 'CALL', id: 'n', action: 'Heartbeat', payload: {}, problems: [{ level: 'NOTE', rule: 'OCPP-J 1.6 §4.2.1', message: 'null payload' }] }),
  );
  assert.deepEqual(m.findings().map((f) => [f.level, f.category, f.rule]), [['SHALL', 'protocol violation', 'OCPP-J 1.6 §4.1.2']]);
});

test('extra checks plug in and see SUT frames only', () => {
  const m = new ProtocolMonitor();
  m.addCheck((r) => (r.action === 'StatusNotification' ? [{ level: 'SHALL', category: 'behaviour', rule: 'OCPP 1.6 §4.9', message: 'bad transition' }] : []));
  m.observe(frame({ direction: 'in', kind: 'CALL', id: 's', action: 'StatusNotification', payload: {} }));
  m.observe(frame({ direction: 'out', kind: 'CALL', id: 'o', action: 'StatusNotification' }));
  assert.equal(m.takeFindings().length, 1);
  assert.equal(m.findings().length, 0, 'takeFindings starts a new list');
});

test('an answer to a deliberate frame of an unknown message type is not a response to nothing (OCPP-J 1.6 §4.1.3)', () => {
  const m = watch(
    frame({ direction: 'out', kind: 'INVALID', id: 'x7', deliberate: true, raw: '[7,"x7","GetConfiguration",{}]' }),
    frame({ direction: 'in', kind: 'CALLERROR', id: 'x7', errorCode: 'NotSupported' }),
  );
  assert.deepEqual(m.findings(), []);
});

test('a timestamp of 2000 whose offset puts it before 2000 UTC is still found; years from 2001 on are not', () => {
  const m = watch(
    frame({ direction: 'in', kind: 'CALL', id: 'y1', action: 'StatusNotification', payload: { timestamp: '2000-01-01T00:30:00+01:00' } }),
    frame({ direction: 'in', kind: 'CALL', id: 'y2', action: 'StatusNotification', payload: { timestamp: '2001-01-01T00:30:00+14:00' } }),
    frame({ direction: 'in', kind: 'CALL', id: 'y3', action: 'StatusNotification', payload: { timestamp: '0999-01-01T00:00:00Z' } }),
  );
  assert.deepEqual(m.findings().filter((f) => f.rule === 'OCPP 1.6 §4.2').map((f) => f.message.slice(0, 40)), [
    '/timestamp = "2000-01-01T00:30:00+01:00"',
    '/timestamp = "0999-01-01T00:00:00Z" lies',
  ]);
});

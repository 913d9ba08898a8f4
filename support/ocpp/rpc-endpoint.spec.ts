import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HandlerTable, result } from './handler-table';
import { ConnectionClosed, ResponseTimeout, RpcEndpoint } from './rpc-endpoint';
import { WireLog } from '../recording/wire-log';
import type { FrameRecord } from '../recording/frame-record';
import { HarnessError } from '../reporting/errors';

function endpoint(opts: { timeoutMs?: number; handlers?: HandlerTable } = {}) {
  const sent: unknown[][] = [];
  const log = new WireLog();
  const records: FrameRecord[] = [];
  log.subscribe((r) => r.type === 'frame' && records.push(r));
  const harnessErrors: string[] = [];
  const ep = new RpcEndpoint({
    connection: 'CSMS', plays: 'ChargePoint', log, handlers: opts.handlers ?? new HandlerTable(), defaultTimeoutMs: opts.timeoutMs ?? 200,
    send: (raw) => sent.push(JSON.parse(raw) as unknown[]), onHarnessError: (m) => harnessErrors.push(m),
  });
  return { ep, sent, records, log, harnessErrors };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

test('a CALL resolves with the CALLRESULT of the same id, validated and timed', async () => {
  const { ep, sent, records } = endpoint();
  const pending = ep.call('Heartbeat', {});
  await tick();
  const id = sent[0]?.[1] as string;
  ep.receive(JSON.stringify([3, id, { currentTime: '2024-01-01T00:00:00Z' }]));
  const outcome = await pending;
  assert.equal(outcome.kind, 'result');
  const response = records.find((r) => r.kind === 'CALLRESULT');
  assert.equal(response?.action, 'Heartbeat');
  assert.ok((response?.latencyMs ?? -1) >= 0);
  assert.deepEqual(response?.violations, []);
});

test('an invalid CALLRESULT is recorded with its violations (the monitor judges it)', async () => {
  const { ep, sent, records } = endpoint();
  const pending = ep.call('Heartbeat', {});
  await tick();
  ep.receive(JSON.stringify([3, sent[0]?.[1], { currentTime: 'yesterday' }]));
  await pending;
  assert.equal(records.find((r) => r.kind === 'CALLRESULT')?.violations[0]?.keyword, 'format');
});

test('a CALLERROR resolves as an error outcome with code, description and details', async () => {
  const { ep, sent } = endpoint();
  const pending = ep.call('Heartbeat', {});
  await tick();
  ep.receive(JSON.stringify([4, sent[0]?.[1], 'SecurityError', 'not accepted', {}]));
  const outcome = await pending;
  assert.ok(outcome.kind === 'error' && outcome.code === 'SecurityError' && outcome.description === 'not accepted');
});

test('each CALL has its own timeout; on timeout the id is marked and the error names the action', async () => {
  const { ep, log } = endpoint({ timeoutMs: 30 });
  const events: unknown[] = [];
  log.subscribe((r) => r.type === 'event' && events.push(r.detail));
  const e = await ep.call('Heartbeat', {}).then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof ResponseTimeout);
  assert.equal(e.action, 'Heartbeat');
  assert.ok(events.some((d) => (d as { kind: string }).kind === 'call-timeout'));
});

test('the harness keeps one CALL in flight: the second waits for the first answer (OCPP-J §4.1.1)', async () => {
  const { ep, sent } = endpoint({ timeoutMs: 1000 });
  const first = ep.call('Heartbeat', {});
  const second = ep.call('Heartbeat', {});
  await tick();
  assert.equal(sent.length, 1, 'only the first is on the wire');
  ep.receive(JSON.stringify([3, sent[0]?.[1], { currentTime: '2024-01-01T00:00:00Z' }]));
  await first;
  await tick();
  await tick();
  assert.equal(sent.length, 2, 'then the second');
  ep.receive(JSON.stringify([3, sent[1]?.[1], { currentTime: '2024-01-01T00:00:00Z' }]));
  await second;
});

test('concurrent: true breaks §4.1.1 on purpose for negative tests', async () => {
  const { ep, sent } = endpoint({ timeoutMs: 50 });
  const a = ep.call('Heartbeat', {}, { concurrent: true }).catch(() => undefined);
  const b = ep.call('Heartbeat', {}, { concurrent: true }).catch(() => undefined);
  await tick();
  assert.equal(sent.length, 2);
  await Promise.all([a, b]);
});

test('a response with an unknown id is recorded, never dropped', () => {
  const { ep, records } = endpoint();
  ep.receive(JSON.stringify([3, 'who-is-this', {}]));
  assert.equal(records.length, 1);
  assert.equal(records[0]?.id, 'who-is-this');
  assert.equal(records[0]?.action, undefined);
});

test('an invalid payload built by the harness is a harness error, not sent', async () => {
  const { ep, sent } = endpoint();
  await assert.rejects(ep.call('StatusNotification', { connectorId: 1 }), HarnessError);
  await assert.rejects(ep.call('NotAnAction', {}), HarnessError);
  assert.equal(sent.length, 0);
});

test('a deliberate invalid payload is sent and recorded as deliberate with its violations', async () => {
  const { ep, sent, records } = endpoint({ timeoutMs: 20 });
  await ep.call('StatusNotification', { connectorId: 1 }, { deliberate: true }).catch(() => undefined);
  assert.equal(sent.length, 1);
  const rec = records.find((r) => r.kind === 'CALL');
  assert.equal(rec?.deliberate, true);
  assert.ok((rec?.violations.length ?? 0) > 0);
});

test('an invalid answer from a handler is reported as a harness error', async () => {
  const handlers = new HandlerTable().setDefault('Reset', () => result({ status: 'Maybe' }));
  const { ep, harnessErrors } = endpoint({ handlers });
  ep.receive('[2,"r1","Reset",{"type":"Soft"}]');
  await tick();
  await tick();
  assert.match(harnessErrors[0] ?? '', /invalid Reset\.conf/);
});

test('a held reply sends nothing and records why', async () => {
  const handlers = new HandlerTable().setDefault('Reset', () => ({ noReply: 'simulating a lost answer' }));
  const { ep, sent, log } = endpoint({ handlers });
  const notes: unknown[] = [];
  log.subscribe((r) => r.type === 'event' && notes.push(r.detail));
  ep.receive('[2,"r2","Reset",{"type":"Soft"}]');
  await tick();
  await tick();
  assert.equal(sent.length, 0);
  assert.ok(notes.some((d) => (d as { kind: string }).kind === 'reply-held'));
});

test('closing fails pending CALLs and refuses new ones', async () => {
  const { ep } = endpoint({ timeoutMs: 5000 });
  const pending = ep.call('Heartbeat', {});
  await tick();
  ep.close('peer went away');
  await assert.rejects(pending, ConnectionClosed);
  await assert.rejects(ep.call('Heartbeat', {}), ConnectionClosed);
});

test('sendRaw transmits malformed text and records it as deliberate', () => {
  const { ep, records } = endpoint();
  ep.sendRaw('this is not json');
  assert.equal(records[0]?.kind, 'INVALID');
  assert.equal(records[0]?.deliberate, true);
  ep.sendRaw('[7,"x7","GetConfiguration",{}]');
  assert.equal(records[1]?.id, 'x7', 'an unknown message type keeps its id, so that an answer to it can be matched');
});

test('a handler that answers at once is answered after the frames that came with its CALL (one microtask); a promise is awaited; a throw is an InternalError and a harness error', async () => {
  const handlers = new HandlerTable()
    .setDefault('Reset', () => result({ status: 'Accepted' }))
    .setDefault('ClearCache', () => Promise.resolve(result({ status: 'Accepted' })))
    .setDefault('UnlockConnector', () => {
      throw new Error('broken handler');
    });
  const { ep, sent, harnessErrors } = endpoint({ handlers });
  ep.receive('[2,"s1","Reset",{"type":"Soft"}]');
  // A second CALL of the same read arrives while the first is still unanswered (OCPP-J 1.6 §4.1.1 can see it).
  ep.receive('[2,"s2","Reset",{"type":"Soft"}]');
  assert.equal(sent.length, 0, 'not answered inside receive');
  await Promise.resolve();
  assert.deepEqual(sent.slice(0, 2), [[3, 's1', { status: 'Accepted' }], [3, 's2', { status: 'Accepted' }]], 'answered in the next microtask, in order');
  ep.receive('[2,"a1","ClearCache",{}]');
  await tick();
  assert.deepEqual(sent[2], [3, 'a1', { status: 'Accepted' }]);
  ep.receive('[2,"t1","UnlockConnector",{"connectorId":1}]');
  assert.deepEqual(sent[3]?.slice(0, 3), [4, 't1', 'InternalError']);
  assert.match(harnessErrors[0] ?? '', /UnlockConnector handler failed: broken handler/);
});

test('every frame of a round trip is in the trace file, its payload the JSON value sent or received', async () => {
  const { mkdtempSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const file = join(mkdtempSync(join(tmpdir(), 'rpc-')), 'trace.jsonl');
  const log = new WireLog(file);
  const handlers = new HandlerTable().setDefault('Reset', () => result({ status: 'Accepted' }));
  const sent: string[] = [];
  const ep = new RpcEndpoint({ connection: 'CSMS', plays: 'ChargePoint', log, handlers, defaultTimeoutMs: 500, send: (raw) => sent.push(raw) });
  const pending = ep.call('Heartbeat', {});
  await tick();
  ep.receive(`[3, ${JSON.stringify(JSON.parse(sent[0] as string)[1])} , {"currentTime" : "2026-12-03T20:00:00Z"}]`);
  await pending;
  ep.receive('[2,"r1","Reset",{"type":"Soft"}]');
  await Promise.resolve();
  log.close();
  const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; direction: string; payload: unknown });
  assert.deepEqual(lines.map((l) => [l.direction, l.kind, l.payload]), [
    ['out', 'CALL', {}], ['in', 'CALLRESULT', { currentTime: '2026-12-03T20:00:00Z' }], ['in', 'CALL', { type: 'Soft' }], ['out', 'CALLRESULT', { status: 'Accepted' }],
  ]);
});

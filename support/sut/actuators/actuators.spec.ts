import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { HttpActuator } from './http-actuator';
import { PromptActuator } from './prompt-actuator';
import { ReferenceActuator } from './reference-actuator';
import { HarnessError, OperatorTimeout } from '../../reporting/errors';

interface Seen {
  method: string;
  url: string;
  body: unknown;
}

async function rig(respond: (req: Seen, res: ServerResponse) => void = (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')) {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', body: data ? (JSON.parse(data) as unknown) : undefined };
      seen.push(s);
      respond(s, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test('reference actuator: POST <api>/actions/<action> with the parameters', async () => {
  const r = await rig();
  const a = await new ReferenceActuator(r.base, 1000).perform('plug-in', { connectorId: 1 });
  assert.deepEqual(r.seen[0], { method: 'POST', url: '/actions/plug-in', body: { connectorId: 1 } });
  assert.equal(a.via, 'reference');
  assert.match(a.detail, /POST .*\/actions\/plug-in → 200/);
  await r.close();
});

test('http actuator: URL placeholders are URL-encoded, body placeholders keep their type', async () => {
  const r = await rig();
  const act = new HttpActuator({
    'remote-start': { url: `${r.base}/hooks/{chargePointId}/start?tag={idTag}`, body: { connector: '{connectorId}', note: 'tag {idTag}' } },
  }, 1000, undefined);
  await act.perform('remote-start', { chargePointId: 'CP 1', connectorId: 2, idTag: 'A&B' });
  assert.equal(r.seen[0]?.url, '/hooks/CP%201/start?tag=A%26B');
  assert.deepEqual(r.seen[0]?.body, { connector: 2, note: 'tag A&B' });
  await r.close();
});

test('http actuator: a rig answering 500 is a harness error (ERROR), not a SUT failure', async () => {
  const r = await rig((_q, res) => res.writeHead(500).end('{"error":"relay stuck"}'));
  const act = new HttpActuator({ 'plug-in': { url: `${r.base}/plug` } }, 1000, undefined);
  await assert.rejects(act.perform('plug-in', { connectorId: 1 }), (e: unknown) => e instanceof HarnessError && /500: relay stuck/.test(e.message));
  await r.close();
});

test('http actuator: a rig that does not answer in time makes the step INCONCLUSIVE', async () => {
  const r = await rig(() => undefined);
  const act = new HttpActuator({ 'plug-in': { url: `${r.base}/plug` } }, 100, undefined);
  await assert.rejects(act.perform('plug-in', { connectorId: 1 }), OperatorTimeout);
  await r.close();
});

test('http actuator: an unreachable rig is a harness error naming the address', async () => {
  const act = new HttpActuator({ 'plug-in': { url: 'http://127.0.0.1:1/plug' } }, 1000, undefined);
  await assert.rejects(act.perform('plug-in', {}), (e: unknown) => e instanceof HarnessError && /127\.0\.0\.1:1\/plug/.test(e.message));
});

test('http actuator: an action without template falls back, or is INCONCLUSIVE without fallback', async () => {
  const calls: string[] = [];
  const fallback = { kind: 'prompt' as const, perform: async (action: 'unplug') => { calls.push(action); return { action, params: {}, via: 'prompt' as const, detail: 'ok', startedAt: '', durationMs: 0 }; }, close: async () => undefined };
  await new HttpActuator({}, 100, fallback).perform('unplug', {});
  assert.deepEqual(calls, ['unplug']);
  await assert.rejects(new HttpActuator({}, 100, undefined).perform('unplug', {}), (e: unknown) => e instanceof OperatorTimeout && e.unavailable, 'no template and no fallback: it never can');
});

function terminal(): { input: PassThrough & { isTTY?: boolean }; output: PassThrough; said: () => string } {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  return { input, output, said: () => text };
}

test('prompt actuator: shows the instruction and returns when the operator presses Enter', async () => {
  const t = terminal();
  const done = new PromptActuator(2000, t).perform('plug-in', { connectorId: 1 });
  setTimeout(() => t.input.write('\n'), 20);
  const a = await done;
  assert.match(t.said(), /Plug the EV cable into connector 1/);
  assert.equal(a.via, 'prompt');
});

test('prompt actuator: "s" or silence make the step INCONCLUSIVE; no terminal at once', async () => {
  const t = terminal();
  const refused = new PromptActuator(2000, t).perform('unplug', { connectorId: 1 });
  setTimeout(() => t.input.write('s\n'), 20);
  await assert.rejects(refused, (e: unknown) => e instanceof OperatorTimeout && /could not carry out/.test(e.message) && !e.unavailable);
  await assert.rejects(new PromptActuator(50, terminal()).perform('unplug', { connectorId: 1 }), (e: unknown) => e instanceof OperatorTimeout && /did not confirm/.test(e.message) && !e.unavailable);
  const noTty = Object.assign(new PassThrough(), { isTTY: false });
  await assert.rejects(new PromptActuator(5000, { input: noTty, output: new PassThrough() }).perform('power-cycle', {}), (e: unknown) => e instanceof OperatorTimeout && /no terminal/.test(e.message) && e.unavailable);
});

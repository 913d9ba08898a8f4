import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { connect } from 'node:net';
import { EmulatedCentralSystem, type StrangerRefusal } from './emulated-central-system';
import { centralSystemHandlers } from './central-system-handlers';
import { IdTagRegistry } from '../id-tag-registry';
import { WireLog } from '../../recording/wire-log';
import type { Finding } from '../../recording/finding';
import { ConformanceAssertionError } from '../../reporting/errors';
import { BareCharger } from './bare-charger';

async function server(basicAuth?: Record<string, string>, identities?: readonly string[]) {
  const log = new WireLog();
  const findings: Finding[] = [];
  const strangers: StrangerRefusal[] = [];
  const idTags = new IdTagRegistry().set('GOOD', { status: 'Accepted' }).set('Blocked1', { status: 'Blocked' });
  const policy = { registration: 'Accepted' as const, interval: 7, idTags, dataTransferVendorIds: new Set<string>() };
  const cs = new EmulatedCentralSystem({
    host: '127.0.0.1', port: 0, path: '/ocpp', basicAuth, log, handlers: centralSystemHandlers(policy), defaultTimeoutMs: 500,
    onFinding: (f) => findings.push(f), onHarnessError: (m) => assert.fail(m), identities, onStranger: (r) => strangers.push(r),
  });
  const url = await cs.start();
  return { cs, url, log, findings, policy, strangers };
}

function client(url: string, protocols: string[] | undefined, headers: Record<string, string> = {}): Promise<{ ws?: WebSocket; status?: number; protocol?: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, protocols, { headers });
    ws.on('open', () => resolve({ ws, protocol: ws.protocol }));
    ws.on('unexpected-response', (_q, res) => resolve({ status: res.statusCode }));
    ws.on('error', () => resolve({}));
  });
}

function request(ws: WebSocket, frame: unknown[]): Promise<unknown[]> {
  return new Promise((resolve) => {
    ws.once('message', (d) => resolve(JSON.parse(String(d)) as unknown[]));
    ws.send(JSON.stringify(frame));
  });
}

test('serves <path>/<id>, selects ocpp1.6 from the offered list, and answers from its handlers', async () => {
  const { cs, url } = await server();
  const { ws, protocol } = await client(`${url}/CP-1`, ['ocpp1.5', 'ocpp1.6']);
  assert.equal(protocol, 'ocpp1.6');
  const conf = await request(ws as WebSocket, [2, 'b1', 'BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }]);
  assert.equal(conf[0], 3);
  assert.equal((conf[2] as { interval: number }).interval, 7);
  const auth = await request(ws as WebSocket, [2, 'a1', 'Authorize', { idTag: 'blocked1' }]);
  assert.deepEqual(auth[2], { idTagInfo: { status: 'Blocked' } }, 'idTags are compared case-insensitively');
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(cs.view('CP-1').registration, 'Accepted');
  ws?.close();
  await cs.stop();
});

test('a wrong path gets HTTP 404 and is recorded', async () => {
  const { cs, url } = await server();
  const { status } = await client(url.replace('/ocpp', '/elsewhere/CP-1'), ['ocpp1.6']);
  assert.equal(status, 404);
  assert.equal(cs.handshakes[0]?.outcome, 'refused');
  await cs.stop();
});

test('Basic auth: wrong or missing credentials get 401; right ones connect', async () => {
  const { cs, url } = await server({ 'CP-2': 's3cret' });
  const basic = (user: string, pw: string): Record<string, string> => ({ Authorization: `Basic ${Buffer.from(`${user}:${pw}`).toString('base64')}` });
  assert.equal((await client(`${url}/CP-2`, ['ocpp1.6'])).status, 401);
  assert.equal((await client(`${url}/CP-2`, ['ocpp1.6'], basic('CP-2', 'wrong'))).status, 401);
  assert.equal((await client(`${url}/CP-2`, ['ocpp1.6'], basic('CP-X', 's3cret'))).status, 401);
  const ok = await client(`${url}/CP-2`, ['ocpp1.6'], basic('CP-2', 's3cret'));
  assert.equal(ok.protocol, 'ocpp1.6');
  ok.ws?.close();
  await cs.stop();
});

test('a charger offering no subprotocol is accepted for diagnosis but flagged (OCPP-J §3.1.2)', async () => {
  const { cs, url, findings } = await server();
  const { ws } = await client(`${url}/CP-3`, undefined);
  assert.ok(ws);
  assert.equal(findings[0]?.rule, 'OCPP-J 1.6 §3.1.2');
  ws?.close();
  await cs.stop();
});

test('a charger offering only other subprotocols is flagged and the connection closed (OCPP-J §3.2)', async () => {
  const { cs, url, findings } = await server();
  const outcome = await client(`${url}/CP-4`, ['ocpp1.5']);
  // ws rejects a handshake that selects no offered subprotocol; either way there is no usable connection.
  assert.ok(!outcome.ws || outcome.ws.protocol === '');
  assert.equal(findings[0]?.level, 'SHALL');
  await cs.stop();
});

test('waits: expectCall finds a CALL; a timeout names what was awaited and what came instead', async () => {
  const { cs, url } = await server();
  const { ws } = await client(`${url}/CP-5`, ['ocpp1.6']);
  const conn = await cs.waitForConnection('CP-5', 1000);
  assert.ok(conn);
  ws?.send(JSON.stringify([2, 'h1', 'Heartbeat', {}]));
  const hb = await cs.expectations('CP-5').expectCall({ action: 'Heartbeat' }, 1000, { rule: 'OCPP 1.6 §4.6' });
  assert.equal(hb.id, 'h1');
  ws?.send(JSON.stringify([2, 'h2', 'Heartbeat', {}]));
  const e = await conn.expectations.expectCall({ action: 'StatusNotification', payload: { status: 'Charging' } }, 100, { rule: 'OCPP 1.6 §4.9', step: 'TC_003_CS step 7' })
    .then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof ConformanceAssertionError);
  assert.equal(e.detail.rule, 'OCPP 1.6 §4.9');
  assert.equal(e.detail.category, 'missing message');
  assert.match(e.message, /TC_003_CS step 7/);
  assert.match(e.message, /StatusNotification\.req with status = "Charging" within 0\.1 s/);
  assert.match(e.message, /Heartbeat\.req/);
  ws?.close();
  await cs.stop();
});

test('waitForConnection after a mark waits for a reconnection', async () => {
  const { cs, url } = await server();
  const first = await client(`${url}/CP-6`, ['ocpp1.6']);
  const mark = cs.mark();
  const again = cs.waitForConnection('CP-6', 2000, mark);
  first.ws?.close();
  const second = await client(`${url}/CP-6`, ['ocpp1.6']);
  const conn = await again;
  assert.equal(conn?.label, 'CP-6#2');
  second.ws?.close();
  await cs.stop();
});

/** Resolves with how long `stop()` took, or rejects when it takes longer than `capMs` (it would have hung). */
async function timedStop(cs: EmulatedCentralSystem, capMs: number): Promise<{ ms: number; report: Awaited<ReturnType<EmulatedCentralSystem['stop']>> }> {
  const t0 = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const report = await Promise.race([
    cs.stop(),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`stop() still waiting after ${capMs} ms`)), capMs))),
  ]).finally(() => clearTimeout(timer));
  return { ms: Date.now() - t0, report };
}

test('stop() resolves within seconds although the charger reconnects the instant its connection goes', async () => {
  const { cs, url } = await server();
  const charger = new BareCharger({ url: `${url}/CP-7`, connectors: 1, boots: false, redial: 'on-close-frame' });
  await charger.start();
  await cs.waitForConnection('CP-7', 1000);
  const { ms } = await timedStop(cs, 5000);
  const opened = charger.opened;
  await new Promise((r) => setTimeout(r, 300));
  charger.stop();
  assert.ok(ms < 2500, `stop() took ${ms} ms`);
  assert.equal(charger.opened, opened, 'no connection opens once stop() has resolved');
  assert.equal(cs.connection('CP-7'), undefined);
});

test('stop() destroys a handshake still in progress: a reconnection arriving while it stops is never adopted', async () => {
  const { cs, url } = await server();
  const { port } = new URL(url);
  // A charger whose TCP connection is open but whose upgrade request comes only after stop() has begun.
  const socket = connect({ host: '127.0.0.1', port: Number(port) });
  await new Promise((r) => socket.once('connect', r));
  socket.on('error', () => undefined);
  await new Promise((r) => setTimeout(r, 50));
  const stopping = timedStop(cs, 5000);
  socket.write(`GET /ocpp/CP-8 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${Buffer.alloc(16, 1).toString('base64')}\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n`);
  const { ms, report } = await stopping;
  assert.ok(ms < 2500, `stop() took ${ms} ms`);
  assert.equal(cs.connection('CP-8'), undefined, 'the late handshake was not adopted');
  assert.equal(report.destroyed + report.refusedWhileStopping, 1, JSON.stringify(report));
  socket.destroy();
});

test('stop() does not wait for a refused charger that keeps its socket open, nor count it as forced', async () => {
  const { cs, url } = await server();
  const { port } = new URL(url);
  const socket = connect({ host: '127.0.0.1', port: Number(port) });
  socket.on('error', () => undefined);
  await new Promise((r) => socket.once('connect', r));
  socket.write('GET /elsewhere/CP-9 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: AQEBAQEBAQEBAQEBAQEBAQ==\r\n\r\n');
  await new Promise((r) => socket.once('data', r));
  const { ms, report } = await timedStop(cs, 5000);
  assert.ok(ms < 1000, `stop() took ${ms} ms`);
  assert.deepEqual({ terminated: report.terminated, destroyed: report.destroyed }, { terminated: 0, destroyed: 0 });
  socket.destroy();
});

test('stop() reports a connection that ignores the closing handshake, terminated after the grace period', async () => {
  const { cs, url } = await server();
  const { ws } = await client(`${url}/CP-10`, ['ocpp1.6']);
  // A charger that never answers the close frame: its socket stops being read.
  (ws as unknown as { _socket: { pause(): void; removeAllListeners(e: string): void } })._socket.removeAllListeners('data');
  const t0 = Date.now();
  const report = await cs.stop(300);
  assert.ok(Date.now() - t0 < 1500, `stop() took ${Date.now() - t0} ms`);
  assert.equal(report.terminated, 1);
  ws?.terminate();
});

test('only the identities the SUT file names connect: a stranger gets HTTP 404, is reported, and leaves no trace (OCPP-J §3.2)', async () => {
  const { cs, url, log, strangers } = await server(undefined, ['CP-UT']);
  const ours = await client(`${url}/CP-UT`, ['ocpp1.6']);
  assert.equal(ours.protocol, 'ocpp1.6');
  const recordsBefore = log.scenarioTrace().length;
  const stranger = await client(`${url}/CP-STRANGER`, ['ocpp1.6']);
  assert.equal(stranger.status, 404);
  assert.deepEqual(strangers.map((r) => ({ identity: r.identity, status: r.status, expected: r.expected })), [{ identity: 'CP-STRANGER', status: 404, expected: ['CP-UT'] }]);
  assert.match(strangers[0]?.from ?? '', /^127\.0\.0\.1:\d+$/);
  assert.equal(log.scenarioTrace().length, recordsBefore, 'nothing of the stranger reaches the wire log (the scenario trace)');
  // The charger under test still works; the stranger's identity has no mailbox entries, view or connection.
  const conf = await request(ours.ws as WebSocket, [2, 'h1', 'Heartbeat', {}]);
  assert.equal(conf[0], 3);
  assert.equal(cs.connection('CP-STRANGER'), undefined);
  assert.equal(cs.mailbox('CP-STRANGER').drain().length, 0);
  assert.equal(cs.view('CP-STRANGER').registration, undefined);
  assert.deepEqual(cs.drainMailboxes().map((c) => c.action), ['Heartbeat'], "only the charger under test's CALL is in a mailbox");
  assert.ok(cs.handshakes.every((h) => h.identity === 'CP-UT'));
  ours.ws?.close();
  await cs.stop();
});

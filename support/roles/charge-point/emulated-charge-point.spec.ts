import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { EmulatedChargePoint } from './emulated-charge-point';
import { WireLog } from '../../recording/wire-log';
import type { Finding } from '../../recording/finding';
import { HarnessError } from '../../reporting/errors';

/** A bare ws server playing a Central System: selects `select(offered)` and answers BootNotification. */
async function csms(select: (offered: Set<string>) => string | false, status = 200) {
  const wss = new WebSocketServer({
    port: 0, host: '127.0.0.1', handleProtocols: (p) => select(p),
    verifyClient: (_info, cb) => (status === 200 ? cb(true) : cb(false, status)),
  });
  await new Promise((r) => wss.once('listening', r));
  const paths: string[] = [];
  wss.on('connection', (ws, req) => {
    paths.push(req.url ?? '');
    ws.on('message', (d) => {
      const [, id, action] = JSON.parse(String(d)) as [number, string, string];
      if (action === 'BootNotification') ws.send(JSON.stringify([3, id, { status: 'Accepted', currentTime: new Date().toISOString(), interval: 30 }]));
    });
  });
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ocpp`, wss, paths };
}

function cp(url: string, findings: Finding[], identity = 'EMU 1') {
  return new EmulatedChargePoint({ csmsUrl: url, identity, log: new WireLog(), defaultTimeoutMs: 500, onFinding: (f) => findings.push(f), onHarnessError: assert.fail });
}

test('connects to <url>/<percent-encoded id> offering ocpp1.6 and boots', async () => {
  const server = await csms((p) => (p.has('ocpp1.6') ? 'ocpp1.6' : false));
  const findings: Finding[] = [];
  const c = cp(server.url, findings);
  assert.deepEqual(await c.connect(), { ok: true, subprotocol: 'ocpp1.6' });
  assert.equal(server.paths[0], '/ocpp/EMU%201');
  const outcome = await c.boot({ rule: 'OCPP 1.6 §4.2' });
  assert.ok(outcome.kind === 'result' && outcome.payload['status'] === 'Accepted');
  await c.disconnect();
  server.wss.close();
  assert.deepEqual(findings, []);
});

test('a handshake refused with an HTTP status is an outcome, not an exception', async () => {
  const server = await csms(() => 'ocpp1.6', 404);
  const outcome = await cp(server.url, []).connect();
  assert.deepEqual({ ok: outcome.ok, status: !outcome.ok ? outcome.status : 0 }, { ok: false, status: 404 });
  server.wss.close();
});

test('a Central System that selects no subprotocol although ocpp1.6 was offered is flagged (OCPP-J §3.2)', async () => {
  const server = await csms(() => false);
  const findings: Finding[] = [];
  const outcome = await cp(server.url, findings).connect();
  assert.equal(outcome.ok, false);
  assert.equal(findings[0]?.rule, 'OCPP-J 1.6 §3.2');
  server.wss.close();
});

test('offering only a foreign subprotocol and being refused is not flagged', async () => {
  const server = await csms(() => false);
  const findings: Finding[] = [];
  const outcome = await cp(server.url, findings).connect(500, ['ocpp0.1']);
  assert.equal(outcome.ok, false);
  assert.deepEqual(findings, []);
  server.wss.close();
});

test('an unreachable Central System is a harness error naming the address', async () => {
  const c = cp('ws://127.0.0.1:1/ocpp', []);
  await assert.rejects(c.connect(), (e: unknown) => e instanceof HarnessError && /127\.0\.0\.1:1\/ocpp\/EMU%201/.test(e.message));
});

test('answers GetConfiguration with known and unknown keys, and ChangeConfiguration by key rules', async () => {
  const server = await csms(() => 'ocpp1.6');
  const c = cp(server.url, []);
  await c.connect();
  const socket = [...server.wss.clients][0];
  const ask = (frame: unknown[]): Promise<unknown[]> => new Promise((resolve) => {
    socket?.once('message', (d) => resolve(JSON.parse(String(d)) as unknown[]));
    socket?.send(JSON.stringify(frame));
  });
  const conf = await ask([2, 'g1', 'GetConfiguration', { key: ['HeartbeatInterval', 'NoSuchKey'] }]);
  assert.deepEqual(conf[2], { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }], unknownKey: ['NoSuchKey'] });
  assert.deepEqual((await ask([2, 'c1', 'ChangeConfiguration', { key: 'HeartbeatInterval', value: 'abc' }]))[2], { status: 'Rejected' });
  assert.deepEqual((await ask([2, 'c2', 'ChangeConfiguration', { key: 'NumberOfConnectors', value: '3' }]))[2], { status: 'Rejected' });
  assert.deepEqual((await ask([2, 'c3', 'ChangeConfiguration', { key: 'Nope', value: '3' }]))[2], { status: 'NotSupported' });
  assert.deepEqual((await ask([2, 'c4', 'ChangeConfiguration', { key: 'HeartbeatInterval', value: '10' }]))[2], { status: 'Accepted' });
  await c.disconnect();
  server.wss.close();
});

test('a reboot stays away for the reboot time; one that leaves the old connection open reconnects beside it', async () => {
  const server = await csms((p) => (p.has('ocpp1.6') ? 'ocpp1.6' : false));
  const c = new EmulatedChargePoint({ csmsUrl: server.url, identity: 'EMU-B', log: new WireLog(), defaultTimeoutMs: 500, rebootTimeMs: 300, onFinding: (f) => assert.fail(f.message), onHarnessError: assert.fail });
  await c.connect();
  const t0 = performance.now();
  await c.reboot({ rule: 'OCPP 1.6 §4.2' });
  assert.ok(performance.now() - t0 >= 295, `reconnected after ${performance.now() - t0} ms`);
  const { handshake, old } = await c.rebootLeavingOldConnectionOpen();
  assert.equal(handshake.ok, true);
  assert.equal(old.isOpen, true, 'the old connection was not closed');
  assert.notEqual(c.connection, old);
  assert.equal(server.wss.clients.size, 2);
  await c.disconnect();
  assert.equal(old.isOpen, false, 'disconnect closes the connection left behind too');
  server.wss.close();
});

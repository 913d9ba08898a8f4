import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { EmulatedChargePoint } from './emulated-charge-point';
import { WireLog } from '../../recording/wire-log';

/** A bare Central System numbering transactions from 41 and recording the requests it gets. */
async function csms() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => 'ocpp1.6' });
  await new Promise((r) => wss.once('listening', r));
  const received: Array<[string, Record<string, unknown>]> = [];
  let next = 41;
  wss.on('connection', (ws) => ws.on('message', (d) => {
    const [, id, action, payload] = JSON.parse(String(d)) as [number, string, string, Record<string, unknown>];
    received.push([action, payload]);
    const answer = action === 'StartTransaction' ? { transactionId: next++, idTagInfo: { status: 'Accepted' } } : {};
    ws.send(JSON.stringify([3, id, answer]));
  }));
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ocpp`, wss, received };
}

const rule = { rule: 'OCPP 1.6 §4.8' };

test('a transaction started and stopped carries the id the Central System gave, meter and reason', async () => {
  const server = await csms();
  const cp = new EmulatedChargePoint({ csmsUrl: server.url, identity: 'CP-S', connectors: 2, log: new WireLog(), defaultTimeoutMs: 500, onFinding: (f) => assert.fail(f.message), onHarnessError: assert.fail });
  await cp.connect();
  await cp.sessions.start(2, 'TAG-1', rule);
  assert.equal(cp.sessions.session(2).transactionId, 41);
  assert.ok(cp.model.transactions.has(41));
  await cp.sessions.stop(2, 'Remote', rule);
  assert.deepEqual(server.received[1]?.[0], 'StopTransaction');
  assert.equal(server.received[1]?.[1]['transactionId'], 41);
  assert.equal(server.received[1]?.[1]['reason'], 'Remote');
  assert.ok((server.received[1]?.[1]['meterStop'] as number) > (server.received[0]?.[1]['meterStart'] as number));
  assert.throws(() => cp.sessions.session(2));
  await cp.disconnect();
  server.wss.close();
});

test('offline transaction messages wait in order and keep the time they happened (§3.6)', async () => {
  const server = await csms();
  const cp = new EmulatedChargePoint({ csmsUrl: server.url, identity: 'CP-O', connectors: 1, log: new WireLog(), defaultTimeoutMs: 500, onFinding: (f) => assert.fail(f.message), onHarnessError: assert.fail });
  cp.sessions.startOffline(1, 'TAG-2');
  cp.sessions.stopOffline(1, 'Local');
  await cp.connect();
  await assert.rejects(cp.sessions.sendQueued('StopTransaction', rule), /first in its queue/);
  await cp.sessions.sendQueued('StartTransaction', rule);
  await cp.sessions.sendQueued('StopTransaction', rule);
  assert.deepEqual(server.received.map(([a]) => a), ['StartTransaction', 'StopTransaction']);
  assert.equal(server.received[1]?.[1]['transactionId'], 41);
  assert.ok(String(server.received[1]?.[1]['timestamp']) >= String(server.received[0]?.[1]['timestamp']));
  await cp.disconnect();
  server.wss.close();
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { EmulatedChargePoint } from './emulated-charge-point';
import type { Connectivity } from './csms-handshake';
import { expectHandshakeAnswered, expectSubprotocolRefused } from './central-system-checks';
import { WireLog } from '../../recording/wire-log';
import { ConformanceAssertionError, HarnessError } from '../../reporting/errors';

/**
 * A Central System that resets the TCP connection (no HTTP response) of every upgrade `resets(offered)` picks, and
 * otherwise selects ocpp1.6 and answers BootNotification; `closeAfterBoot` closes the socket after answering.
 */
async function resettingCsms(resets: (offered: string) => boolean, closeAfterBoot = false): Promise<{ url: string; http: Server }> {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (p) => (p.has('ocpp1.6') ? 'ocpp1.6' : false) });
  const http = createServer();
  http.on('upgrade', (req, socket, head) => {
    if (resets(String(req.headers['sec-websocket-protocol'] ?? ''))) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (d) => {
        const [, id] = JSON.parse(String(d)) as [number, string];
        ws.send(JSON.stringify([3, id, { status: 'Accepted', currentTime: new Date().toISOString(), interval: 30 }]));
        if (closeAfterBoot) ws.close(1011, 'bye');
      });
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return { url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/ocpp`, http };
}

function cp(url: string, connectivity: Connectivity = { connectedOnce: false }): EmulatedChargePoint {
  return new EmulatedChargePoint({ csmsUrl: url, identity: 'EMU-R', log: new WireLog(), defaultTimeoutMs: 1000, onFinding: (f) => assert.fail(f.message), onHarnessError: assert.fail, connectivity });
}

const stop = (http: Server): void => {
  http.closeAllConnections();
  http.close();
};

test('a reset when offered only a foreign subprotocol is a refusal, warned for the missing HTTP response, even as the first connection', async () => {
  const { url, http } = await resettingCsms((offered) => !offered.includes('ocpp1.6'));
  const connectivity = { connectedOnce: false };
  const outcome = await cp(url, connectivity).connect(1000, ['ocpp0.1']);
  assert.equal(outcome.ok, false);
  assert.ok(!outcome.ok && outcome.noResponse, JSON.stringify(outcome));
  assert.equal(connectivity.connectedOnce, true, 'the ocpp1.6 probe reached the Central System');
  const rule = { rule: 'OCPP-J 1.6 §3.2', level: 'SHOULD' as const };
  assert.doesNotThrow(() => expectSubprotocolRefused(outcome, ['ocpp0.1'], rule));
  assert.throws(() => expectHandshakeAnswered(outcome, ['ocpp0.1'], rule),
    (e: unknown) => e instanceof ConformanceAssertionError && e.detail.rule === 'OCPP-J 1.6 §3.2' && e.detail.level === 'SHOULD' && /without any HTTP response/.test(e.message));
  stop(http);
});

test('an HTTP refusal or an accepted connection gives no "no HTTP response" warning', () => {
  for (const outcome of [{ ok: false as const, status: 400, message: 'HTTP 400' }, { ok: true as const, subprotocol: 'ocpp1.6' }]) {
    assert.doesNotThrow(() => expectHandshakeAnswered(outcome, ['ocpp0.1'], { rule: 'OCPP-J 1.6 §3.2' }));
  }
});

test('a reset before any connection succeeded, of a plain ocpp1.6 offer, is "cannot reach" (a harness error)', async () => {
  const { url, http } = await resettingCsms(() => true);
  await assert.rejects(cp(url).connect(), (e: unknown) => e instanceof HarnessError && /cannot reach the Central System .*ECONNRESET/.test(e.message));
  await assert.rejects(cp(url).connect(1000, ['ocpp0.1']), HarnessError, 'the probe found nobody there either');
  stop(http);
});

test('once the Central System was reached, a refused TCP connection is its refusal, and connectOrFail fails the rule', async () => {
  const { url, http } = await resettingCsms(() => false);
  const connectivity = { connectedOnce: false };
  const first = cp(url, connectivity);
  assert.equal((await first.connect()).ok, true);
  await first.disconnect();
  stop(http);
  await new Promise((r) => setTimeout(r, 50));
  const later = cp(url, connectivity);
  const outcome = await later.connect();
  assert.ok(!outcome.ok && outcome.noResponse && /ECONNREFUSED/.test(outcome.message), JSON.stringify(outcome));
  await assert.rejects(later.connectOrFail({ rule: 'OCPP 1.6 §4.2' }), (e: unknown) => e instanceof ConformanceAssertionError && e.detail.rule === 'OCPP 1.6 §4.2');
});

test('a connection the Central System closed fails the next send for its rule; one the harness closed is a harness error', async () => {
  const { url, http } = await resettingCsms(() => false, true);
  const c = cp(url);
  await c.connectOrFail({ rule: 'OCPP-J 1.6 §3.2' });
  await c.boot({ rule: 'OCPP 1.6 §4.2' });
  await new Promise((r) => setTimeout(r, 100));
  await assert.rejects(c.send('Heartbeat', {}, { rule: 'OCPP 1.6 §4.6' }),
    (e: unknown) => e instanceof ConformanceAssertionError && e.detail.rule === 'OCPP 1.6 §4.6' && /closed the connection of EMU-R \(code 1011 "bye"\)/.test(e.message));
  const own = cp(url);
  await own.connectOrFail({ rule: 'OCPP-J 1.6 §3.2' });
  await own.disconnect();
  await assert.rejects(own.send('Heartbeat', {}, { rule: 'OCPP 1.6 §4.6' }), HarnessError);
  stop(http);
});

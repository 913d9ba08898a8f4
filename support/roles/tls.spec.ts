import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { EmulatedCentralSystem } from './central-system/emulated-central-system';
import { centralSystemHandlers } from './central-system/central-system-handlers';
import { EmulatedChargePoint } from './charge-point/emulated-charge-point';
import { IdTagRegistry } from './id-tag-registry';
import { WireLog } from '../recording/wire-log';
import { HarnessError } from '../reporting/errors';

// OCPP-J 1.6 §6.2 (OCPP-J over TLS) and the OCPP 1.6 security whitepaper's profile 2 (TLS + Basic auth): the
// emulated Central System serves wss from a certificate and key; the emulated Charge Point trusts a given CA.

const cert = join(__dirname, 'testdata', 'localhost-cert.pem');
const key = join(__dirname, 'testdata', 'localhost-key.pem');

async function wssCentralSystem() {
  const log = new WireLog();
  const policy = { registration: 'Accepted' as const, interval: 30, idTags: new IdTagRegistry(), dataTransferVendorIds: new Set<string>() };
  const cs = new EmulatedCentralSystem({
    host: '127.0.0.1', port: 0, path: '/ocpp', tls: { certFile: cert, keyFile: key }, basicAuth: { 'TLS-CP': 'pa55word' },
    log, handlers: centralSystemHandlers(policy), defaultTimeoutMs: 2000, onFinding: (f) => assert.fail(f.message), onHarnessError: assert.fail,
  });
  return { cs, url: await cs.start(), log };
}

function chargePoint(url: string, tls: { caFile?: string; rejectUnauthorized?: boolean }, password = 'pa55word') {
  return new EmulatedChargePoint({
    csmsUrl: url, identity: 'TLS-CP', tls, basicAuth: { password }, log: new WireLog(), defaultTimeoutMs: 2000, onFinding: (f) => assert.fail(f.message), onHarnessError: assert.fail,
  });
}

test('security profile 2: wss with Basic auth, the Charge Point trusting the CA', async () => {
  const { cs, url } = await wssCentralSystem();
  assert.match(url, /^wss:\/\/127\.0\.0\.1:\d+\/ocpp$/);
  const cp = chargePoint(url, { caFile: cert });
  assert.deepEqual(await cp.connect(), { ok: true, subprotocol: 'ocpp1.6' });
  const boot = await cp.boot({ rule: 'OCPP 1.6 §4.2' });
  assert.ok(boot.kind === 'result' && boot.payload['status'] === 'Accepted');
  await cp.disconnect();
  await cs.stop();
});

test('a certificate the Charge Point does not trust is refused, naming the address', async () => {
  const { cs, url } = await wssCentralSystem();
  await assert.rejects(chargePoint(url, {}).connect(), (e: unknown) => e instanceof HarnessError && e.message.includes(`${url}/TLS-CP`));
  await cs.stop();
});

test('over TLS a wrong Basic-auth password still gets HTTP 401', async () => {
  const { cs, url } = await wssCentralSystem();
  const outcome = await chargePoint(url, { caFile: cert }, 'wrong').connect();
  assert.deepEqual({ ok: outcome.ok, status: outcome.ok ? 0 : outcome.status }, { ok: false, status: 401 });
  await cs.stop();
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { WireLog } from '../../recording/wire-log';
import { createRoot, createTestPki, issue } from '../../security/pki';
import { IdTagRegistry } from '../id-tag-registry';
import { centralSystemHandlers } from './central-system-handlers';
import { EmulatedCentralSystem } from './emulated-central-system';
import { SecurityTransport } from './security-transport';

// Security whitepaper §2.3–§2.5 on the emulated Central System's one port: ws and wss, Basic credentials, client
// certificates, never below a profile reached (A05.FR.09), the server certificate swapped for a bad one.

const ID = 'SEC-CP';
const PASSWORD = Buffer.from('ReferencePassword01');

async function serve(profile = 1) {
  const pki = await createTestPki({ chargePointIdentity: ID, cpoName: 'Test CPO' });
  const transport = new SecurityTransport({ pki, identity: ID, serialNumber: ID, profile, password: PASSWORD });
  const policy = { registration: 'Accepted' as const, interval: 30, idTags: new IdTagRegistry(), dataTransferVendorIds: new Set<string>() };
  const cs = new EmulatedCentralSystem({
    host: '127.0.0.1', port: 0, path: '/ocpp', log: new WireLog(), handlers: centralSystemHandlers(policy), defaultTimeoutMs: 2000,
    onFinding: () => undefined, onHarnessError: assert.fail, security: transport,
  });
  const url = await cs.start();
  return { cs, transport, pki, port: new URL(url).port };
}

function open(url: string, options: WebSocket.ClientOptions): Promise<{ ok: true } | { ok: false; status?: number; error?: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, ['ocpp1.6'], options);
    ws.once('open', () => {
      ws.close();
      resolve({ ok: true });
    });
    ws.once('unexpected-response', (_req, res) => resolve({ ok: false, status: res.statusCode }));
    ws.once('error', (e) => resolve({ ok: false, error: (e as NodeJS.ErrnoException).code ?? e.message }));
  });
}

/** Why the last connection was refused ('' when it was admitted). */
function refusalOf(transport: SecurityTransport): string {
  const last = transport.admissions.at(-1);
  return last && !last.ok ? last.why : '';
}

const basic = (password: Buffer): Record<string, string> => ({ authorization: `Basic ${Buffer.concat([Buffer.from(`${ID}:`), password]).toString('base64')}` });

test('profile 1 and 2 on one port: Basic credentials checked, TLS recorded, never back below a profile reached', async () => {
  const { cs, transport, pki, port } = await serve(1);
  try {
    assert.deepEqual(await open(`ws://127.0.0.1:${port}/ocpp/${ID}`, { headers: basic(Buffer.from('wrong')) }), { ok: false, status: 401 });
    assert.match(refusalOf(transport), /A00\.FR\.205/);
    assert.deepEqual(await open(`ws://127.0.0.1:${port}/ocpp/${ID}`, {}), { ok: false, status: 401 }, 'profile 0 below the charger\'s 1');
    assert.deepEqual(await open(`ws://127.0.0.1:${port}/ocpp/${ID}`, { headers: basic(PASSWORD) }), { ok: true });
    assert.deepEqual(await open(`wss://127.0.0.1:${port}/ocpp/${ID}`, { headers: basic(PASSWORD), ca: pki.centralSystemRoot.certPem }), { ok: true });
    const admitted = transport.admissions.at(-1)!;
    assert.ok(admitted.ok && admitted.profile === 2 && /^TLSv1\.[23]$/.test(admitted.handshake?.protocol ?? ''));
    assert.equal(transport.minimumProfile, 2);
    assert.deepEqual(await open(`ws://127.0.0.1:${port}/ocpp/${ID}`, { headers: basic(PASSWORD) }), { ok: false, status: 401 }, 'A05.FR.09');
    transport.lowerFloor(1);
    assert.deepEqual(await open(`ws://127.0.0.1:${port}/ocpp/${ID}`, { headers: basic(PASSWORD) }), { ok: true }, 'out of band (A00.FR.005)');
  } finally {
    await cs.stop();
  }
});

test('profile 3: the client certificate must verify against the Central System root and carry the serial number as CN', async () => {
  const { cs, transport, pki, port } = await serve(3);
  try {
    const url = `wss://127.0.0.1:${port}/ocpp/${ID}`;
    assert.deepEqual(await open(url, { ca: pki.centralSystemRoot.certPem, cert: pki.chargePointClient.certPem, key: pki.chargePointClient.keyPem }), { ok: true });
    const admitted = transport.admissions.at(-1)!;
    assert.ok(admitted.ok && admitted.profile === 3 && admitted.clientCertificate?.includes('BEGIN CERTIFICATE'));
    const stranger = await issue(await createRoot({ subject: 'CN=Other CA' }), { subject: `CN=${ID}`, usage: 'client' });
    assert.deepEqual(await open(url, { ca: pki.centralSystemRoot.certPem, cert: stranger.certPem, key: stranger.keyPem }), { ok: false, status: 401 });
    assert.match(refusalOf(transport), /A00\.FR\.403/);
    assert.deepEqual(await open(url, { ca: pki.centralSystemRoot.certPem }), { ok: false, status: 401 }, 'no certificate at all (A00.FR.401)');
  } finally {
    await cs.stop();
  }
});

test('a bad server certificate swapped in is refused by a verifying client, and the refusal is recorded', async () => {
  const { cs, transport, pki, port } = await serve(2);
  try {
    const url = `wss://127.0.0.1:${port}/ocpp/${ID}`;
    transport.presentServerCertificate(await issue(await createRoot({ subject: 'CN=Unknown CA' }), { subject: 'CN=127.0.0.1', ipAddresses: ['127.0.0.1'], usage: 'server' }));
    const refused = await open(url, { headers: basic(PASSWORD), ca: pki.centralSystemRoot.certPem });
    assert.equal(refused.ok, false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(transport.tlsFailures.length > 0, 'the server saw the client break off the handshake');
    transport.restoreServerCertificate();
    assert.deepEqual(await open(url, { headers: basic(PASSWORD), ca: pki.centralSystemRoot.certPem }), { ok: true });
  } finally {
    await cs.stop();
  }
});

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createCsr, createRoot, createTestPki, issueFor, parseCertificate } from '../../security/pki';
import { HandlerTable } from '../../ocpp/handler-table';
import { publicKeyDerOf, securityHandlers, signedCertificateProblem } from './security-handlers';
import { chargePointCertificate } from './security-pki';
import { ChargePointSecurity } from './security-transport';

const settings = (profile: number, extra: Partial<ConstructorParameters<typeof ChargePointSecurity>[0]> = {}): ConstructorParameters<typeof ChargePointSecurity>[0] => ({
  profile, endpoints: { 1: 'ws://127.0.0.1:1/ocpp', 2: 'wss://127.0.0.1:2/ocpp', 3: 'wss://127.0.0.1:3/ocpp' }, password: Buffer.from('key-0001-key-0001'), centralSystemRoots: ['ROOT'], ...extra,
});
const decoded = (h: Record<string, string>): string => Buffer.from((h['Authorization'] ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');

describe('the emulated Charge Point\'s security profiles as a client (white paper §2)', () => {
  it('profile 1: Basic auth with the id and the password bytes, no TLS, the profile\'s endpoint', async () => {
    const s = new ChargePointSecurity(settings(1));
    const c = await s.connection('CP1');
    assert.equal(decoded(c.headers), 'CP1:key-0001-key-0001');
    assert.equal(c.tls, undefined);
    assert.equal(s.endpoint('ws://base'), 'ws://127.0.0.1:1/ocpp');
  });

  it('profile 2: Basic auth and TLS with the CentralSystemRootCertificates; an offer changes one connection only', async () => {
    const s = new ChargePointSecurity(settings(2));
    s.offerOnce({ username: 'OTHER', maxVersion: 'TLSv1.1', minVersion: 'TLSv1' });
    const first = await s.connection('CP1');
    assert.equal(decoded(first.headers), 'OTHER:key-0001-key-0001');
    assert.equal(first.tls?.maxVersion, 'TLSv1.1');
    assert.match(first.tls?.ciphers ?? '', /@SECLEVEL=0/);
    const second = await s.connection('CP1');
    assert.equal(decoded(second.headers), 'CP1:key-0001-key-0001');
    assert.deepEqual(second.tls?.ca, ['ROOT']);
    assert.equal(second.tls?.maxVersion, undefined);
  });

  it('profile 3: its certificate, no Basic auth; "none" leaves the certificate out', async () => {
    let issued = 0;
    const s = new ChargePointSecurity(settings(3, { certificate: async () => (issued++, { cert: 'CERT', key: 'KEY' }) }));
    const c = await s.connection('CP1');
    assert.equal(c.headers['Authorization'], undefined);
    assert.equal(c.tls?.cert, 'CERT');
    s.offerOnce({ certificate: 'none' });
    assert.equal((await s.connection('CP1')).tls?.cert, undefined);
    await s.connection('CP1');
    assert.equal(issued, 1, 'issued once, then kept');
  });

  it('applies an Accepted AuthorizationKey and SecurityProfile at the reconnection, remembering the old ones', () => {
    const s = new ChargePointSecurity(settings(1));
    s.nextPassword = Buffer.from('OCA_OCTT_admin_test');
    s.nextProfile = 2;
    s.applyChanges();
    assert.equal(s.password?.toString(), 'OCA_OCTT_admin_test');
    assert.equal(s.previousPassword?.toString(), 'key-0001-key-0001');
    assert.equal(s.profile, 2);
    assert.equal(s.previousProfile, 1);
    assert.ok(s.tlsRefusal('ECONNRESET') === false, 'no connection yet');
  });
});

describe('the emulated Charge Point\'s check of CertificateSigned.req (A02.FR.06)', () => {
  it('accepts a certificate of the CPO root for its CSR key, CN = serial and O = CpoName; rejects the rest', async () => {
    const pki = await createTestPki({ chargePointIdentity: 'CP1', cpoName: 'CPO' });
    const s = new ChargePointSecurity(settings(3, { centralSystemRoots: [pki.centralSystemRoot.certPem] }));
    const csr = await createCsr('CN=CP1, O=CPO');
    s.pendingKey = { keyPem: csr.keyPem, publicKeyDer: publicKeyDerOf(csr.keyPem) };
    const good = await issueFor(pki.centralSystemRoot, csr.keys.publicKey, { subject: 'CN=CP1, O=CPO', usage: 'client' });
    assert.equal(await signedCertificateProblem(good.toString('pem'), s, { cpoName: 'CPO' }, 'CP1'), undefined);
    const otherCn = await issueFor(pki.centralSystemRoot, csr.keys.publicKey, { subject: 'CN=CP2, O=CPO', usage: 'client' });
    assert.match(await signedCertificateProblem(otherCn.toString('pem'), s, { cpoName: 'CPO' }, 'CP1') ?? '', /A00\.FR\.511/);
    const stranger = await createRoot({ subject: 'CN=Stranger' });
    const foreign = await issueFor(stranger, csr.keys.publicKey, { subject: 'CN=CP1, O=CPO', usage: 'client' });
    assert.match(await signedCertificateProblem(foreign.toString('pem'), s, { cpoName: 'CPO' }, 'CP1') ?? '', /does not verify/);
    const otherKey = await chargePointCertificate(pki.centralSystemRoot, 'CP1', 'CPO');
    assert.match(await signedCertificateProblem(otherKey.cert, s, { cpoName: 'CPO' }, 'CP1') ?? '', /another key/);
  });

  it('answers the handlers: installs a root, lists it by hash data, deletes it; rejects what is not a CA', async () => {
    const pki = await createTestPki({ chargePointIdentity: 'CP1', cpoName: 'CPO' });
    const s = new ChargePointSecurity(settings(2, { centralSystemRoots: [pki.centralSystemRoot.certPem] }));
    const table = new HandlerTable();
    securityHandlers(table, s, { cpoName: 'CPO' }, 'CP1');
    const call = (action: string, payload: Record<string, unknown>) => Promise.resolve(table.get(action)!({ id: '1', action, payload, connection: 'c' }));
    const root2 = await createRoot({ subject: 'CN=Root 2, O=CPO' });
    assert.deepEqual(await call('InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: root2.certPem }), { result: { status: 'Accepted' } });
    assert.deepEqual(await call('InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: pki.chargePointClient.certPem }), { result: { status: 'Rejected' } });
    const listed = await call('GetInstalledCertificateIds', { certificateType: 'CentralSystemRootCertificate' }) as { result: { certificateHashData: Array<Record<string, string>> } };
    assert.equal(listed.result.certificateHashData.length, 2);
    const hash = listed.result.certificateHashData.find((h) => h['serialNumber']?.toUpperCase() === parseCertificate(root2.certPem).serialNumber.replace(/^0+/, '').toUpperCase());
    assert.ok(hash);
    assert.deepEqual(await call('DeleteCertificate', { certificateHashData: hash }), { result: { status: 'Accepted' } });
    assert.deepEqual(await call('DeleteCertificate', { certificateHashData: hash }), { result: { status: 'NotFound' } });
    assert.deepEqual(await call('ChangeConfiguration', { key: 'SecurityProfile', value: '1' }), { result: { status: 'Rejected' } }, 'A05.FR.01: not downwards');
    assert.deepEqual(await call('ChangeConfiguration', { key: 'AuthorizationKey', value: 'abc' }), { result: { status: 'Rejected' } });
  });
});

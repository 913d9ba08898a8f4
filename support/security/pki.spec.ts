import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tls from 'node:tls';
import { once } from 'node:events';
import {
  certificateHashData, chainProblem, createCsr, createRoot, createTestPki, describeCertificate, issue, parseCsr, sameCertificate,
  signCsr, signFirmware, splitPem, verifyFirmware,
} from './pki';
import { renderTlsHandshake, tlsHandshake } from './tls-evidence';

test('the run PKI: a server certificate node:tls accepts for 127.0.0.1 with the root as CA, and mutual TLS with the client certificate', async () => {
  const pki = await createTestPki({ chargePointIdentity: 'CP-PKI-1', cpoName: 'Test CPO' });
  const server = tls.createServer({ cert: pki.centralSystemServer.certPem, key: pki.centralSystemServer.keyPem, ca: pki.centralSystemRoot.certPem, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2' }, (s) => s.end('ok'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  const socket = tls.connect({ host: '127.0.0.1', port, ca: pki.centralSystemRoot.certPem, cert: pki.chargePointClient.certPem, key: pki.chargePointClient.keyPem });
  await once(socket, 'secureConnect');
  assert.equal(socket.authorized, true);
  assert.equal(socket.getPeerCertificate().subject.CN, '127.0.0.1');
  socket.destroy();
  server.close();
  assert.match(describeCertificate(pki.chargePointClient.certPem).subject, /CN=CP-PKI-1, O=Test CPO/);
  assert.equal(JSON.stringify(describeCertificate(pki.chargePointClient.certPem)).includes('PRIVATE'), false);
});

test('a CSR is parsed with its subject fields, signed by the CA, and the result validates to the root', async () => {
  const root = await createRoot({ subject: 'CN=Root, O=Test CPO' });
  const csr = await parseCsr((await createCsr('CN=CP-7, O=Test CPO')).pem);
  assert.deepEqual([csr.commonName, csr.organization, csr.signatureValid, csr.keyBits], ['CP-7', 'Test CPO', true, 256]);
  const cert = await signCsr(root, csr);
  assert.equal(await chainProblem([cert.toString('pem')], [root.certPem]), undefined);
  await assert.rejects(parseCsr('not a csr'), /PKCS#10/);
});

test('chain problems: expired, unknown issuer, not yet valid', async () => {
  const root = await createRoot({ subject: 'CN=Root' });
  const other = await createRoot({ subject: 'CN=Other' });
  const expired = await issue(root, { subject: 'CN=x', notBefore: new Date(Date.now() - 3e9), notAfter: new Date(Date.now() - 1e9) });
  assert.equal((await chainProblem([expired.certPem], [root.certPem]))?.problem, 'expired');
  const stranger = await issue(other, { subject: 'CN=y' });
  assert.equal((await chainProblem([stranger.certPem], [root.certPem]))?.problem, 'unknown-issuer');
  const forged = await issue(root, { subject: 'CN=z', forgeSignature: true });
  assert.equal((await chainProblem([forged.certPem], [root.certPem]))?.problem, 'bad-signature');
  assert.equal(splitPem(`${root.certPem}${other.certPem}`).length, 2);
});

test('certificate hash data identifies a certificate by issuer name, issuer key and serial (white paper §6.1)', async () => {
  const root = await createRoot({ subject: 'CN=Root' });
  const a = certificateHashData(root.certPem);
  assert.match(a.issuerNameHash, /^[0-9a-f]{64}$/);
  assert.ok(sameCertificate(a, { ...a, serialNumber: `00${a.serialNumber.toUpperCase()}` }));
  const leaf = await issue(root, { subject: 'CN=leaf' });
  const b = certificateHashData(leaf.certPem, root.certPem);
  assert.equal(b.issuerKeyHash, a.issuerKeyHash);
  assert.ok(!sameCertificate(a, b));
});

test('firmware signatures verify with the signing certificate and fail for another file', async () => {
  const pki = await createTestPki({ chargePointIdentity: 'CP', cpoName: 'CPO' });
  const file = Buffer.from('firmware image');
  const signature = signFirmware(file, pki.firmwareSigning);
  assert.equal(verifyFirmware(file, signature, pki.firmwareSigning.certPem), true);
  assert.equal(verifyFirmware(Buffer.from('tampered'), signature, pki.firmwareSigning.certPem), false);
  const rsa = await createRoot({ subject: 'CN=RSA', algorithm: 'RSA-2048' });
  assert.equal(verifyFirmware(file, signFirmware(file, rsa), rsa.certPem), true);
});

test('the TLS handshake evidence names version, cipher and the certificate subjects, and no key', async () => {
  const pki = await createTestPki({ chargePointIdentity: 'CP-EV-1', cpoName: 'Test CPO' });
  let serverSide: ReturnType<typeof tlsHandshake> | undefined;
  const server = tls.createServer({ cert: pki.centralSystemServer.certPem, key: pki.centralSystemServer.keyPem, ca: pki.centralSystemRoot.certPem, requestCert: true }, (s) => {
    serverSide = tlsHandshake(s);
    s.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket = tls.connect({ host: '127.0.0.1', port: (server.address() as { port: number }).port, ca: pki.centralSystemRoot.certPem, cert: pki.chargePointClient.certPem, key: pki.chargePointClient.keyPem });
  await once(socket, 'secureConnect');
  const clientSide = tlsHandshake(socket);
  await once(socket, 'end');
  socket.destroy();
  server.close();
  assert.match(clientSide.protocol ?? '', /^TLSv1\.[23]$/);
  assert.equal(clientSide.peerAuthorized, true);
  assert.match(clientSide.peerCertificates[0]?.subject ?? '', /CN=127\.0\.0\.1/);
  assert.match(serverSide?.peerCertificates[0]?.subject ?? '', /CN=CP-EV-1/);
  const md = renderTlsHandshake('Charge Point → Central System', clientSide);
  assert.match(md, /cipher suite \| TLS_/);
  assert.doesNotMatch(md, /PRIVATE KEY/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainProblem, createRoot, issue, signFirmware, verifyFirmware } from '../../security/pki';
import { ConfigError } from '../../reporting/errors';
import type { SutConfig } from '../../sut/sut-config';
import { createSecurityTransport } from './security-setup';

function sut(pki: SutConfig['security']['pki']): SutConfig {
  return {
    file: '/x/sut.json',
    chargePoint: { identity: 'FILE-CP', supportedProfiles: ['Core', 'Security'], security: { basicAuthPassword: 'ReferencePassword01' } },
    security: { profile: 2, profiles: [2], features: [], pki, cpoName: 'File CPO', newAuthorizationKey: '00', host: '127.0.0.1' },
  } as unknown as SutConfig;
}

test('a generated PKI per run: the server certificate chains to the run root', async () => {
  const t = await createSecurityTransport(sut('generate'));
  assert.equal(await chainProblem([t.pki.centralSystemServer.certPem], [t.pki.centralSystemRoot.certPem]), undefined);
  assert.equal(t.minimumProfile, 2);
});

test('the SUT file\'s CAs: the server and client certificates are issued by the given root, firmware signed by the given manufacturer', async () => {
  const root = await createRoot({ subject: 'CN=File Root, O=File CPO' });
  const maker = await createRoot({ subject: 'CN=File Maker' });
  const t = await createSecurityTransport(sut({
    centralSystemRoot: { certFile: 'root.pem', cert: root.certPem, keyFile: 'root.key', key: root.keyPem },
    manufacturerRoot: { certFile: 'maker.pem', cert: maker.certPem, keyFile: 'maker.key', key: maker.keyPem },
  }));
  assert.equal(await chainProblem([t.pki.centralSystemServer.certPem], [root.certPem]), undefined);
  assert.equal(await chainProblem([t.pki.chargePointClient.certPem], [root.certPem]), undefined);
  assert.equal(await chainProblem([t.pki.firmwareSigning.certPem], [maker.certPem]), undefined);
  const file = Buffer.from('firmware');
  assert.ok(verifyFirmware(file, signFirmware(file, t.pki.firmwareSigning), t.pki.firmwareSigning.certPem));
});

test('a root without its key cannot sign the harness\'s certificates: a configuration error', async () => {
  const root = await createRoot({ subject: 'CN=Keyless' });
  await assert.rejects(createSecurityTransport(sut({ centralSystemRoot: { certFile: 'root.pem', cert: root.certPem } })), (e: unknown) => e instanceof ConfigError && /without a key/.test((e as Error).message));
  const maker = await createRoot({ subject: 'CN=Maker' });
  const signing = await issue(maker, { subject: 'CN=Signer', usage: 'code-signing' });
  const t = await createSecurityTransport(sut({ manufacturerRoot: { certFile: 'm.pem', cert: maker.certPem }, firmwareSigning: { certFile: 's.pem', cert: signing.certPem, keyFile: 's.key', key: signing.keyPem } }));
  assert.equal(await chainProblem([t.pki.firmwareSigning.certPem], [t.pki.manufacturerRoot.certPem]), undefined);
});

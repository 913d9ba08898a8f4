/**
 * The run's security set-up for a Charge Point under test (security white paper cases, `@feature-profile:Security`):
 * the test PKI made per run in memory, and the emulated Central System's transport for the charger's profile.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { ConfigError } from '../../reporting/errors';
import { createTestPki, generateKeys, issue, type Credential, type KeyAlgorithm, type TestPki } from '../../security/pki';
import type { PemPair, SutConfig } from '../../sut/sut-config';
import { SecurityTransport } from './security-transport';

/** Whether the SUT file asks for the security cases (Security in chargePoint.supportedProfiles). */
export function wantsSecurity(sut: SutConfig): boolean {
  return sut.chargePoint?.supportedProfiles.includes('Security') === true;
}

export async function createSecurityTransport(sut: SutConfig): Promise<SecurityTransport> {
  const cp = sut.chargePoint!;
  const s = sut.security;
  const serialNumber = s.serialNumber ?? cp.identity;
  const options = { chargePointIdentity: serialNumber, cpoName: s.cpoName, centralSystemHost: s.host };
  const pki = s.pki === 'generate' ? await createTestPki(options) : await pkiFromFiles(sut, s.pki, options);
  const password = cp.security.basicAuthPassword === undefined ? undefined : Buffer.from(cp.security.basicAuthPassword, 'utf8');
  return new SecurityTransport({ pki, identity: cp.identity, serialNumber, profile: s.profile, ...(password ? { password } : {}) });
}

const DAY = 86_400_000;

/** The key algorithm of a certificate's public key, as pki.ts names it. */
function algorithmOf(cert: x509.X509Certificate): KeyAlgorithm {
  const a = cert.publicKey.algorithm as { name: string; namedCurve?: string; modulusLength?: number };
  if (a.name === 'ECDSA' || a.name === 'EC') return a.namedCurve === 'P-384' ? 'ECDSA-P384' : 'ECDSA-P256';
  return `RSA-${a.modulusLength ?? 2048}` as KeyAlgorithm;
}

/**
 * A certificate from the SUT file with its private key, as a Credential. Without a key (allowed where the harness
 * only hands the certificate out, e.g. a manufacturer root with its firmware signing pair given), the key pair is a
 * placeholder that is never used to sign.
 */
async function credentialOf(sut: SutConfig, name: string, pair: PemPair, keyNeeded: boolean): Promise<Credential> {
  const certificate = new x509.X509Certificate(pair.cert.trim());
  const algorithm = algorithmOf(certificate);
  if (!pair.key) {
    if (keyNeeded) throw new ConfigError(`the SUT file ${sut.file} gives /security/pki/${name} without a key; the harness signs with it (${name === 'centralSystemRoot' ? 'its server certificate and the Charge Point certificates' : 'the firmware signing certificate'})`);
    return { certificate, keys: await generateKeys(algorithm), certPem: certificate.toString('pem'), keyPem: '', algorithm };
  }
  const der = Buffer.from(pair.key.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const params = algorithm.startsWith('ECDSA') ? { name: 'ECDSA', namedCurve: algorithm === 'ECDSA-P384' ? 'P-384' : 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  let privateKey: webcrypto.CryptoKey;
  try {
    privateKey = await webcrypto.subtle.importKey('pkcs8', der, params, true, ['sign']);
  } catch (e) {
    throw new ConfigError(`the SUT file ${sut.file} gives /security/pki/${name}/key, which is not a PKCS#8 key for its certificate: ${(e as Error).message}`);
  }
  const publicKey = (await certificate.publicKey.export(params as never, ['verify'], webcrypto as never)) as unknown as webcrypto.CryptoKey;
  return { certificate, keys: { privateKey, publicKey }, certPem: certificate.toString('pem'), keyPem: pair.key, algorithm };
}

/**
 * The run's PKI from the CAs the SUT file names (a real charger on profile 2 or 3 trusts them before the run): the
 * server and client certificates are issued per run by the given Central System root; what is not given is made.
 */
async function pkiFromFiles(sut: SutConfig, files: Exclude<SutConfig['security']['pki'], 'generate'>, o: { chargePointIdentity: string; cpoName: string; centralSystemHost: string }): Promise<TestPki> {
  const generated = await createTestPki(o);
  const centralSystemRoot = files.centralSystemRoot ? await credentialOf(sut, 'centralSystemRoot', files.centralSystemRoot, true) : generated.centralSystemRoot;
  const manufacturerRoot = files.manufacturerRoot ? await credentialOf(sut, 'manufacturerRoot', files.manufacturerRoot, !files.firmwareSigning) : generated.manufacturerRoot;
  const firmwareSigning = files.firmwareSigning
    ? await credentialOf(sut, 'firmwareSigning', files.firmwareSigning, true)
    : files.manufacturerRoot ? await issue(manufacturerRoot, { subject: 'CN=Firmware Signing (test), O=Test Manufacturer', usage: 'code-signing', algorithm: manufacturerRoot.algorithm }) : generated.firmwareSigning;
  if (!files.centralSystemRoot) return { ...generated, manufacturerRoot, firmwareSigning };
  const algorithm = centralSystemRoot.algorithm;
  const [centralSystemServer, chargePointClient] = await Promise.all([
    issue(centralSystemRoot, { subject: `CN=${o.centralSystemHost}, O=${o.cpoName}`, dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], usage: 'server', algorithm, notAfter: new Date(Date.now() + DAY) }),
    issue(centralSystemRoot, { subject: `CN=${o.chargePointIdentity}, O=${o.cpoName}`, usage: 'client', algorithm }),
  ]);
  return { centralSystemRoot, centralSystemServer, chargePointClient, manufacturerRoot, firmwareSigning };
}


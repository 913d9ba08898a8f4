/**
 * A test PKI made per run, in memory, with real cryptography (`@peculiar/x509` on Node's WebCrypto): the
 * certificate kinds of the security white paper (§2.6, Table 10) and the operations a Central System or a Charge
 * Point performs with them (signing a CSR, hashing a certificate for CertificateHashDataType, signing firmware).
 *
 * Nothing here is written to disk or put in a report: `describeCertificate()` gives what evidence may show (subject,
 * issuer, validity, serial, fingerprint), never a key. Keys are exported as PEM only for `node:tls`.
 *
 * Rules applied (white paper edition 3, cited in what uses them):
 * - A00.FR.501–503: RSA ≥ 2048 bits or EC ≥ 224 bits (P-256 by default here, RSA 2048 on request).
 * - A00.FR.504–506: SHA-256 signatures.
 * - A00.FR.507: PEM-encoded X.509.
 * - A00.FR.508–511: a serial number; O = the owner's organisation; a Central System certificate's CN = its FQDN;
 *   a Charge Point certificate's CN = its unique serial number (the harness uses its identity).
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign as nodeSign, verify as nodeVerify, webcrypto } from 'node:crypto';

// The DOM's WebCrypto types under Node's names (the project compiles without the DOM lib).
type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
type Algorithm = webcrypto.Algorithm;
type RsaHashedKeyGenParams = webcrypto.RsaHashedKeyGenParams;
type RsaHashedKeyAlgorithm = webcrypto.RsaHashedKeyAlgorithm;
type EcKeyGenParams = webcrypto.EcKeyGenParams;
type EcKeyAlgorithm = webcrypto.EcKeyAlgorithm;
type X509Crypto = Parameters<typeof x509.cryptoProvider.set>[0];

x509.cryptoProvider.set(webcrypto as unknown as X509Crypto);

export type KeyAlgorithm = 'ECDSA-P256' | 'ECDSA-P384' | 'RSA-2048' | 'RSA-3072' | 'RSA-1024';

/** A certificate with its private key (in memory only). */
export interface Credential {
  readonly certificate: x509.X509Certificate;
  readonly keys: CryptoKeyPair;
  /** PEM of the certificate. */
  readonly certPem: string;
  /** PKCS#8 PEM of the private key, for node:tls. */
  readonly keyPem: string;
  readonly algorithm: KeyAlgorithm;
}

export interface IssueOptions {
  /** Distinguished name, e.g. `CN=CP001, O=Test CPO`. */
  readonly subject: string;
  /** DNS names and IP addresses for subjectAltName (server certificates). */
  readonly dnsNames?: readonly string[];
  readonly ipAddresses?: readonly string[];
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** A CA certificate (basicConstraints cA, keyCertSign). */
  readonly ca?: boolean;
  readonly pathLength?: number;
  /** Extended key usage: serverAuth, clientAuth or codeSigning. */
  readonly usage?: 'server' | 'client' | 'code-signing';
  readonly algorithm?: KeyAlgorithm;
  /** Sign with these keys instead of the issuer's (a certificate whose signature does not verify). */
  readonly forgeSignature?: boolean;
}

const DAY = 86_400_000;

function algorithmParams(algorithm: KeyAlgorithm): RsaHashedKeyGenParams | EcKeyGenParams & { hash: string } {
  switch (algorithm) {
    case 'ECDSA-P256':
      return { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    case 'ECDSA-P384':
      return { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' };
    default: {
      const modulusLength = Number(algorithm.slice(4));
      return { name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
    }
  }
}

function signingParams(algorithm: KeyAlgorithm): Algorithm & { hash: string } {
  return algorithm.startsWith('ECDSA') ? { name: 'ECDSA', hash: algorithm === 'ECDSA-P384' ? 'SHA-384' : 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

export async function generateKeys(algorithm: KeyAlgorithm = 'ECDSA-P256'): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(algorithmParams(algorithm), true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

async function keyPem(keys: CryptoKeyPair): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as webcrypto.CryptoKey));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
}

function serial(): string {
  const bytes = randomBytes(12);
  bytes[0] = bytes[0]! & 0x7f; // a positive INTEGER
  return bytes.toString('hex');
}

function extensionsFor(options: IssueOptions, publicKey: CryptoKey, issuerKey?: CryptoKey): Promise<x509.Extension[]> {
  const list: Array<x509.Extension | Promise<x509.Extension>> = [];
  if (options.ca) {
    list.push(new x509.BasicConstraintsExtension(true, options.pathLength, true));
    list.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true));
  } else {
    list.push(new x509.BasicConstraintsExtension(false, undefined, true));
    list.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | (options.usage === 'code-signing' ? 0 : x509.KeyUsageFlags.keyAgreement | x509.KeyUsageFlags.keyEncipherment), true));
    const eku = options.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : options.usage === 'client' ? x509.ExtendedKeyUsage.clientAuth : options.usage === 'code-signing' ? x509.ExtendedKeyUsage.codeSigning : undefined;
    if (eku) list.push(new x509.ExtendedKeyUsageExtension([eku], false));
  }
  const names: x509.JsonGeneralName[] = [
    ...(options.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(options.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  if (names.length > 0) list.push(new x509.SubjectAlternativeNameExtension(names, false));
  list.push(x509.SubjectKeyIdentifierExtension.create(publicKey));
  if (issuerKey) list.push(x509.AuthorityKeyIdentifierExtension.create(issuerKey));
  return Promise.all(list);
}

async function credential(certificate: x509.X509Certificate, keys: CryptoKeyPair, algorithm: KeyAlgorithm): Promise<Credential> {
  return { certificate, keys, certPem: certificate.toString('pem'), keyPem: await keyPem(keys), algorithm };
}

/** A self-signed root (a CA unless `ca: false`). */
export async function createRoot(options: IssueOptions): Promise<Credential> {
  const algorithm = options.algorithm ?? 'ECDSA-P256';
  const keys = await generateKeys(algorithm);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(), name: options.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY), notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    keys, signingAlgorithm: signingParams(algorithm),
    extensions: await extensionsFor({ ca: true, ...options }, keys.publicKey),
  });
  return credential(certificate, keys, algorithm);
}

/** A certificate issued by `issuer` for a fresh key pair. */
export async function issue(issuer: Credential, options: IssueOptions): Promise<Credential> {
  const algorithm = options.algorithm ?? 'ECDSA-P256';
  const keys = await generateKeys(algorithm);
  return credential(await issueFor(issuer, keys.publicKey, options), keys, algorithm);
}

/** A certificate issued by `issuer` for a given public key (as a CA does for a CSR). */
export async function issueFor(issuer: Credential, publicKey: CryptoKey, options: IssueOptions): Promise<x509.X509Certificate> {
  const signer = options.forgeSignature ? await generateKeys(issuer.algorithm) : issuer.keys;
  return x509.X509CertificateGenerator.create({
    serialNumber: serial(), subject: options.subject, issuer: issuer.certificate.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY), notAfter: options.notAfter ?? new Date(Date.now() + 30 * DAY),
    publicKey, signingKey: signer.privateKey, signingAlgorithm: signingParams(issuer.algorithm),
    extensions: await extensionsFor(options, publicKey, issuer.keys.publicKey),
  });
}

/** The fields of a CSR a Central System checks before signing it (white paper A02.FR.13, A03.FR.13). */
export interface CsrSummary {
  readonly subject: string;
  readonly commonName: string | undefined;
  readonly organization: string | undefined;
  readonly publicKeyAlgorithm: string;
  /** RSA modulus bits or EC curve size. */
  readonly keyBits: number | undefined;
  /** The CSR's self-signature verifies (RFC 2986 §3: proof of possession). */
  readonly signatureValid: boolean;
  readonly request: x509.Pkcs10CertificateRequest;
}

function nameField(dn: x509.Name | string, field: string): string | undefined {
  const name = typeof dn === 'string' ? new x509.Name(dn) : dn;
  return name.getField(field)[0];
}

function keyBits(algorithm: Algorithm): number | undefined {
  const a = algorithm as Partial<RsaHashedKeyAlgorithm & EcKeyAlgorithm>;
  if (a.modulusLength) return a.modulusLength;
  if (a.namedCurve) return Number(/\d+/.exec(a.namedCurve)?.[0]);
  return undefined;
}

/** Parses a PEM CSR (RFC 2986); throws with one sentence when it is not one. */
export async function parseCsr(pem: string): Promise<CsrSummary> {
  let request: x509.Pkcs10CertificateRequest;
  try {
    request = new x509.Pkcs10CertificateRequest(pem.trim());
  } catch (e) {
    throw new Error(`not a PEM-encoded PKCS#10 certificate signing request (RFC 2986): ${(e as Error).message}`);
  }
  let signatureValid = false;
  try {
    signatureValid = await request.verify();
  } catch {
    signatureValid = false;
  }
  return {
    subject: request.subject, commonName: nameField(request.subjectName, 'CN'), organization: nameField(request.subjectName, 'O'),
    publicKeyAlgorithm: request.publicKey.algorithm.name, keyBits: keyBits(request.publicKey.algorithm), signatureValid, request,
  };
}

/** A CSR made by a Charge Point for a fresh key pair (A02.FR.02): subject `CN=<serial>, O=<CpoName>`. */
export async function createCsr(subject: string, algorithm: KeyAlgorithm = 'ECDSA-P256'): Promise<{ pem: string; keys: CryptoKeyPair; keyPem: string }> {
  const keys = await generateKeys(algorithm);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: subject, keys, signingAlgorithm: signingParams(algorithm) });
  return { pem: csr.toString('pem'), keys, keyPem: await keyPem(keys) };
}

/** Signs a parsed CSR with a CA, keeping its subject (as a CSMS's CA does for SignCertificate.req). */
export async function signCsr(ca: Credential, csr: CsrSummary, options: Omit<IssueOptions, 'subject'> = {}): Promise<x509.X509Certificate> {
  const publicKey = await csr.request.publicKey.export(webcrypto as unknown as X509Crypto) as unknown as CryptoKey;
  return issueFor(ca, publicKey, { usage: 'client', ...options, subject: csr.subject });
}

export type HashAlgorithm = 'SHA256' | 'SHA384' | 'SHA512';

/** CertificateHashDataType (white paper §6.1 / edition 3 §10): what identifies a certificate in the M03/M04 messages. */
export interface CertificateHashData {
  readonly hashAlgorithm: HashAlgorithm;
  readonly issuerNameHash: string;
  readonly issuerKeyHash: string;
  readonly serialNumber: string;
}

/**
 * The hash data of `certificate`: the hash of its issuer's DER-encoded distinguished name, the hash of the issuer's
 * public key (the subjectPublicKey BIT STRING's value, as OCSP's CertID, RFC 6960 §4.1.1), and its serial number
 * in hex without leading zeroes. A self-signed root is its own issuer.
 */
export function certificateHashData(certificate: x509.X509Certificate | string, issuer?: x509.X509Certificate | string, hashAlgorithm: HashAlgorithm = 'SHA256'): CertificateHashData {
  const cert = typeof certificate === 'string' ? new x509.X509Certificate(certificate) : certificate;
  const by = issuer === undefined ? cert : typeof issuer === 'string' ? new x509.X509Certificate(issuer) : issuer;
  const hash = (data: ArrayBuffer | Uint8Array): string => createHash(hashAlgorithm.replace('SHA', 'sha')).update(Buffer.from(data as ArrayBuffer)).digest('hex');
  const spki = createPublicKey({ key: Buffer.from(by.publicKey.rawData), format: 'der', type: 'spki' }).export({ format: 'der', type: 'spki' });
  return {
    hashAlgorithm,
    issuerNameHash: hash(cert.issuerName.toArrayBuffer()),
    issuerKeyHash: hash(subjectPublicKeyBits(spki)),
    serialNumber: cert.serialNumber.replace(/^0+(?=.)/, '').toLowerCase(),
  };
}

/** The contents of the subjectPublicKey BIT STRING of a DER SubjectPublicKeyInfo (without the unused-bits byte). */
function subjectPublicKeyBits(spki: Buffer): Buffer {
  // SEQUENCE { SEQUENCE algorithm, BIT STRING subjectPublicKey }
  let at = 0;
  const readLength = (): number => {
    const first = spki[at++]!;
    if (first < 0x80) return first;
    let length = 0;
    for (let i = 0; i < (first & 0x7f); i++) length = (length << 8) | spki[at++]!;
    return length;
  };
  at++; // outer SEQUENCE
  readLength();
  at++; // algorithm SEQUENCE
  const algorithmLength = readLength();
  at += algorithmLength;
  if (spki[at++] !== 0x03) throw new Error('SubjectPublicKeyInfo without a BIT STRING');
  const length = readLength();
  return spki.subarray(at + 1, at + length);
}

/** True when two hash data name the same certificate (hex compared case-insensitively, serial without leading 0s). */
export function sameCertificate(a: CertificateHashData, b: CertificateHashData): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/^0+(?=.)/, '');
  return a.hashAlgorithm === b.hashAlgorithm && a.issuerNameHash.toLowerCase() === b.issuerNameHash.toLowerCase()
    && a.issuerKeyHash.toLowerCase() === b.issuerKeyHash.toLowerCase() && norm(a.serialNumber) === norm(b.serialNumber);
}

/**
 * The firmware signature of the white paper's L01 (SignedUpdateFirmware.req `firmware.signature`): base64 of the
 * signature over the file's SHA-256 digest with the firmware signing key (RSA PKCS#1 v1.5 or ECDSA).
 */
export function signFirmware(file: Buffer, signer: Credential): string {
  return nodeSign('sha256', file, createPrivateKey(signer.keyPem)).toString('base64');
}

/** Verifies a firmware signature against the signing certificate's public key. */
export function verifyFirmware(file: Buffer, signatureBase64: string, signingCertificate: string | x509.X509Certificate): boolean {
  const cert = typeof signingCertificate === 'string' ? new x509.X509Certificate(signingCertificate) : signingCertificate;
  const key = createPublicKey({ key: Buffer.from(cert.publicKey.rawData), format: 'der', type: 'spki' });
  try {
    return nodeVerify('sha256', file, key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** Splits a PEM bundle into its certificates (CertificateSigned.req's chain, a CA file). */
export function splitPem(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)?.map((p) => `${p}\n`) ?? [];
}

/** Parses one PEM certificate; throws with one sentence when it is not one. */
export function parseCertificate(pem: string): x509.X509Certificate {
  try {
    return new x509.X509Certificate(pem.trim());
  } catch (e) {
    throw new Error(`not a PEM-encoded X.509 certificate: ${(e as Error).message}`);
  }
}

export type ChainProblem = 'malformed' | 'expired' | 'not-yet-valid' | 'unknown-issuer' | 'bad-signature' | 'not-a-ca';

/**
 * Checks `certificate` (and the intermediates after it in `chain`) up to one of `anchors`: each certificate in its
 * validity period and signed by the next, the last signed by a trusted anchor that is a CA (a simplified RFC 5280 §6
 * path validation: enough to tell the white paper's invalid-certificate cases apart). Undefined when valid.
 */
export async function chainProblem(chain: readonly string[], anchors: readonly string[], at: Date = new Date()): Promise<{ problem: ChainProblem; detail: string } | undefined> {
  let certs: x509.X509Certificate[];
  let roots: x509.X509Certificate[];
  try {
    certs = chain.map((p) => new x509.X509Certificate(p.trim()));
    roots = anchors.map((p) => new x509.X509Certificate(p.trim()));
  } catch (e) {
    return { problem: 'malformed', detail: (e as Error).message };
  }
  if (certs.length === 0) return { problem: 'malformed', detail: 'no certificate' };
  for (const c of certs) {
    if (c.notAfter.getTime() < at.getTime()) return { problem: 'expired', detail: `${c.subject} expired ${c.notAfter.toISOString()}` };
    if (c.notBefore.getTime() > at.getTime()) return { problem: 'not-yet-valid', detail: `${c.subject} is valid from ${c.notBefore.toISOString()}` };
  }
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i]!;
    const next = certs[i + 1];
    if (next) {
      if (!(await verifiesWith(c, next))) return { problem: 'bad-signature', detail: `${c.subject} is not signed by ${next.subject}` };
      if (!isCa(next)) return { problem: 'not-a-ca', detail: `${next.subject} is not a CA` };
      continue;
    }
    const anchor = roots.find((r) => r.subject === c.issuer) ?? roots.find((r) => r.subject === c.subject && r.serialNumber === c.serialNumber);
    if (!anchor) return { problem: 'unknown-issuer', detail: `${c.subject} is issued by ${c.issuer}, which is not a trusted root` };
    if (anchor.notAfter.getTime() < at.getTime()) return { problem: 'expired', detail: `the root ${anchor.subject} expired ${anchor.notAfter.toISOString()}` };
    if (!(await verifiesWith(c, anchor))) return { problem: 'bad-signature', detail: `${c.subject} does not verify with the root ${anchor.subject}` };
  }
  return undefined;
}

async function verifiesWith(cert: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  try {
    return await cert.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

export function isCa(cert: x509.X509Certificate): boolean {
  return cert.getExtension(x509.BasicConstraintsExtension)?.ca === true;
}

/** What a report may show of a certificate: never a key. */
export interface CertificateDescription {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly sha256Fingerprint: string;
  readonly publicKey: string;
}

export function describeCertificate(pem: string | x509.X509Certificate): CertificateDescription {
  const c = typeof pem === 'string' ? new x509.X509Certificate(pem.trim()) : pem;
  const alg = c.publicKey.algorithm as Partial<RsaHashedKeyAlgorithm & EcKeyAlgorithm> & Algorithm;
  return {
    subject: c.subject, issuer: c.issuer, serialNumber: c.serialNumber, notBefore: c.notBefore.toISOString(), notAfter: c.notAfter.toISOString(),
    sha256Fingerprint: createHash('sha256').update(Buffer.from(c.rawData)).digest('hex'),
    publicKey: `${alg.name}${alg.modulusLength ? ` ${alg.modulusLength}` : ''}${alg.namedCurve ? ` ${alg.namedCurve}` : ''}`,
  };
}

/** The certificates of a run (white paper §2.6, Table 10), made by `createTestPki()`. */
export interface TestPki {
  /** The CPO's root: trust anchor for the Central System certificate (the CP's CentralSystemRootCertificate), and the CA of Charge Point certificates. */
  readonly centralSystemRoot: Credential;
  /** The Central System's TLS server certificate: CN = host, SAN for 127.0.0.1 and localhost (A00.FR.510). */
  readonly centralSystemServer: Credential;
  /** The Charge Point's TLS client certificate: CN = its identity as serial number, O = CpoName (A00.FR.509/511). */
  readonly chargePointClient: Credential;
  /** The manufacturer's root (ManufacturerRootCertificate). */
  readonly manufacturerRoot: Credential;
  /** Signed directly by the manufacturer root (no intermediates, L01 remarks). */
  readonly firmwareSigning: Credential;
}

export interface TestPkiOptions {
  readonly chargePointIdentity: string;
  readonly cpoName: string;
  /** The Central System's host name (its certificate's CN). Default 127.0.0.1. */
  readonly centralSystemHost?: string;
  readonly algorithm?: KeyAlgorithm;
}

/** Made per run: a few milliseconds with P-256 keys. */
export async function createTestPki(options: TestPkiOptions): Promise<TestPki> {
  const algorithm = options.algorithm ?? 'ECDSA-P256';
  const host = options.centralSystemHost ?? '127.0.0.1';
  const centralSystemRoot = await createRoot({ subject: `CN=${options.cpoName} Central System Root CA (test), O=${options.cpoName}`, algorithm });
  const manufacturerRoot = await createRoot({ subject: 'CN=Manufacturer Root CA (test), O=Test Manufacturer', algorithm });
  const [centralSystemServer, chargePointClient, firmwareSigning] = await Promise.all([
    issue(centralSystemRoot, { subject: `CN=${host}, O=${options.cpoName}`, dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], usage: 'server', algorithm, notAfter: new Date(Date.now() + DAY) }),
    issue(centralSystemRoot, { subject: `CN=${options.chargePointIdentity}, O=${options.cpoName}`, usage: 'client', algorithm }),
    issue(manufacturerRoot, { subject: 'CN=Firmware Signing (test), O=Test Manufacturer', usage: 'code-signing', algorithm }),
  ]);
  return { centralSystemRoot, centralSystemServer, chargePointClient, manufacturerRoot, firmwareSigning };
}

/** A Credential from PEM texts (a CA given in files), for signing CSRs and issuing certificates. */
export async function credentialFromPem(certPem: string, keyPem: string): Promise<Credential> {
  const certificate = new x509.X509Certificate(certPem);
  const algo = certificate.publicKey.algorithm as { name: string; namedCurve?: string; modulusLength?: number };
  const algorithm: KeyAlgorithm = algo.name === 'ECDSA' ? (algo.namedCurve === 'P-384' ? 'ECDSA-P384' : 'ECDSA-P256') : 'RSA-2048';
  const importParams = algo.name === 'ECDSA' ? { name: 'ECDSA', namedCurve: algo.namedCurve ?? 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const der = Buffer.from(keyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const privateKey = await webcrypto.subtle.importKey('pkcs8', der, importParams, true, ['sign']) as CryptoKey;
  const publicKey = await certificate.publicKey.export(importParams, ['verify']) as unknown as CryptoKey;
  return { certificate, keys: { privateKey, publicKey }, certPem, keyPem, algorithm };
}

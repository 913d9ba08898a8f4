/**
 * Judgements on a Central System under test in the security white paper's cases: whether it let a connection in or
 * refused it, what its TLS session and server certificate showed (A00.FR.312, A00.FR.501–510), which of the four
 * TLS 1.2 suites it negotiates (A00.FR.317), and the fields of its white paper requests (AuthorizationKey in hex,
 * §7.2; certificate types, M03–M05; hash data, M04.FR.07; GetLog, N01; SignedUpdateFirmware, L01.FR.11). Pure
 * functions; each failure is a conformance failure of the rule passed in.
 */
import type { FindingCategory } from '../../recording/finding';
import { ConformanceAssertionError } from '../../reporting/errors';
import { certificateHashData, isCa, parseCertificate, splitPem, type CertificateHashData } from '../../security/pki';
import type { RuleContext } from '../ocpp-connection';
import type { HandshakeOutcome } from './emulated-charge-point';
import type { HandshakeEvidence } from './security-transport';

function fail(rule: RuleContext, category: FindingCategory, message: string, expected: string, actual: string): never {
  throw new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category, message, expected, actual });
}

const refusal = (h: HandshakeOutcome): string => (h.ok ? `open (${h.subprotocol})` : h.status ? `HTTP ${h.status}` : h.message);

/** The connection was let in (WebSocket open with ocpp1.6). */
export function expectLetIn(handshake: HandshakeOutcome, what: string, rule: RuleContext): void {
  if (handshake.ok) return;
  fail(rule, 'behaviour', `the Central System refused ${what}: ${handshake.message}`, 'the WebSocket upgrade', refusal(handshake));
}

/** The connection was refused: an HTTP status other than 101, a failed TLS handshake, or a closed TCP connection. */
export function expectRefused(handshake: HandshakeOutcome, what: string, rule: RuleContext): void {
  if (!handshake.ok) return;
  fail(rule, 'behaviour', `the Central System let in ${what}`, 'the connection refused (an HTTP 4xx, a TLS alert or a closed connection)', refusal(handshake));
}

/** The white paper's TLS 1.2 suites (A00.FR.317): IANA name → OpenSSL name and the key type of the certificate it needs. */
export const WHITE_PAPER_SUITES = [
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', openssl: 'ECDHE-ECDSA-AES128-GCM-SHA256', key: 'EC' },
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', openssl: 'ECDHE-ECDSA-AES256-GCM-SHA384', key: 'EC' },
  { iana: 'TLS_RSA_WITH_AES_128_GCM_SHA256', openssl: 'AES128-GCM-SHA256', key: 'RSA' },
  { iana: 'TLS_RSA_WITH_AES_256_GCM_SHA384', openssl: 'AES256-GCM-SHA384', key: 'RSA' },
] as const;

export interface SuiteProbe {
  readonly iana: string;
  readonly negotiated: boolean;
  readonly detail: string;
}

/** Every one of the four suites negotiated (A00.FR.317: the Central System supports all four). */
export function expectWhitePaperSuites(probes: readonly SuiteProbe[], rule: RuleContext): void {
  const missing = probes.filter((p) => !p.negotiated);
  if (missing.length === 0) return;
  const rsaOnly = missing.every((p) => p.iana.startsWith('TLS_RSA'));
  const hint = rsaOnly ? ' (the TLS_RSA suites need an RSA server certificate besides the ECDSA one)' : missing.every((p) => p.iana.includes('ECDSA')) ? ' (the ECDHE_ECDSA suites need an ECDSA server certificate besides the RSA one)' : '';
  fail(rule, 'behaviour', `the Central System did not negotiate ${missing.map((p) => p.iana).join(', ')} with a charge point offering only that suite over TLS 1.2${hint}`,
    WHITE_PAPER_SUITES.map((s) => s.iana).join(', '), missing.map((p) => `${p.iana}: ${p.detail}`).join('; '));
}

/**
 * The TLS session of a connection that opened: TLS 1.2 or newer (A00.FR.312), a server certificate that verified,
 * with a serial number (A00.FR.508), a key of at least 2048 (RSA) or 224 (EC) bits (A00.FR.501–503) and a CN that is
 * the endpoint's host (A00.FR.510). `rules` names each rule.
 */
export function expectWhitePaperTls(evidence: HandshakeEvidence | undefined, host: string, rules: { version: RuleContext; certificate: RuleContext }): void {
  const h = evidence?.handshake;
  if (!h) return fail(rules.version, 'behaviour', 'the connection had no TLS session', 'a TLS session', evidence?.error ?? 'none');
  if (h.protocol !== 'TLSv1.2' && h.protocol !== 'TLSv1.3') fail(rules.version, 'behaviour', `the Central System negotiated ${h.protocol ?? 'no protocol'}, older than TLS 1.2`, 'TLSv1.2 or TLSv1.3', String(h.protocol));
  if (!h.peerAuthorized) fail(rules.certificate, 'behaviour', `the Central System's certificate does not verify against the CentralSystemRootCertificate: ${h.peerAuthorizationError ?? ''}`, 'a chain to the root', String(h.peerAuthorizationError));
  const pem = evidence?.peerPem;
  if (!pem) return fail(rules.certificate, 'behaviour', 'the Central System presented no certificate', 'a server certificate', 'none');
  const cert = parseCertificate(pem);
  if (!/[1-9a-f]/i.test(cert.serialNumber)) fail(rules.certificate, 'behaviour', 'the server certificate has no serial number', 'a serial number (A00.FR.508)', cert.serialNumber);
  const alg = cert.publicKey.algorithm as { name: string; namedCurve?: string; modulusLength?: number };
  const bits = alg.modulusLength ?? Number(/\d+/.exec(alg.namedCurve ?? '')?.[0] ?? 0);
  const min = alg.name === 'ECDSA' || alg.name === 'ECDH' ? 224 : 2048;
  if (bits < min) fail(rules.certificate, 'behaviour', `the server certificate's ${alg.name} key has ${bits} bits, fewer than ${min}`, `≥ ${min} bits (A00.FR.501–503)`, `${bits}`);
  const cn = cert.subjectName.getField('CN')[0];
  if (cn?.toLowerCase() !== host.toLowerCase()) fail(rules.certificate, 'behaviour', `the server certificate's CN is ${JSON.stringify(cn)}, not the host of the endpoint ${host}`, `CN=${host} (A00.FR.510)`, String(cn));
}

/** ChangeConfiguration.req sets `key` to 32–40 hex digits (white paper §7.2). */
export function expectAuthorizationKeyValue(payload: Record<string, unknown>, expectedHex: string, rule: RuleContext): void {
  const value = payload['value'];
  if (typeof value !== 'string' || !/^(?:[0-9A-Fa-f]{2}){16,20}$/.test(value)) {
    fail(rule, 'behaviour', `the Central System sent AuthorizationKey ${JSON.stringify(value)}, not 16 to 20 bytes in hex`, '32 to 40 hex digits', JSON.stringify(value));
  }
  if (value.toUpperCase() !== expectedHex.toUpperCase()) fail(rule, 'behaviour', 'the Central System sent another AuthorizationKey than the operator set', expectedHex, value);
}

/** A field of a request has the value the case needs. */
export function expectField(payload: Record<string, unknown>, action: string, field: string, expected: unknown, rule: RuleContext): void {
  if (JSON.stringify(payload[field]) === JSON.stringify(expected)) return;
  fail(rule, 'behaviour', `the Central System sent ${action}.req with ${field} ${JSON.stringify(payload[field])}`, JSON.stringify(expected), JSON.stringify(payload[field]));
}

/** A PEM root CA certificate (TC_075: the case must be run with a root CA certificate). */
export function expectRootCertificate(pem: unknown, action: string, rule: RuleContext): void {
  let problem: string | undefined;
  try {
    const cert = parseCertificate(String(pem));
    if (!isCa(cert)) problem = 'it is not a CA certificate';
    else if (cert.subject !== cert.issuer) problem = `it is issued by ${cert.issuer}, not self-signed`;
  } catch (e) {
    problem = `it is not a PEM X.509 certificate (${(e as Error).message})`;
  }
  if (problem) fail(rule, 'behaviour', `the certificate of ${action}.req is not a root certificate: ${problem}`, 'a PEM root CA certificate (A00.FR.507)', String(pem).slice(0, 60));
}

/** DeleteCertificate.req names `pem` by the hash data the charge point computes (M04.FR.07; hex case-insensitive). */
export function expectHashDataOf(sent: unknown, pem: string, rule: RuleContext): void {
  const given = (sent ?? {}) as Partial<CertificateHashData>;
  const own = certificateHashData(parseCertificate(pem), undefined, given.hashAlgorithm ?? 'SHA256');
  const wrong = (['hashAlgorithm', 'issuerNameHash', 'issuerKeyHash', 'serialNumber'] as const).filter((f) => String(given[f] ?? '').toUpperCase() !== own[f].toUpperCase());
  if (wrong.length === 0) return;
  fail(rule, 'behaviour', `the Central System's certificateHashData does not name the certificate: ${wrong.map((f) => `${f} ${JSON.stringify(given[f])} instead of ${own[f]}`).join(', ')}`,
    JSON.stringify(own), JSON.stringify(given));
}

/** A location the charge point can transfer to or from: an absolute URI. */
export function expectAbsoluteUri(value: unknown, what: string, rule: RuleContext): string {
  if (typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) && URL.canParse(value)) return value;
  return fail(rule, 'schema violation', `${what} is ${JSON.stringify(value)}, not an absolute URI`, 'an absolute URI', JSON.stringify(value));
}

/** SignedUpdateFirmware.req carries a PEM signing certificate and a base64 signature (L01.FR.11). */
export function expectSignedFirmwareRequest(firmware: Record<string, unknown>, rule: RuleContext): void {
  try {
    parseCertificate(String(firmware['signingCertificate']));
  } catch (e) {
    fail(rule, 'behaviour', `the signingCertificate of SignedUpdateFirmware.req is not a PEM X.509 certificate: ${(e as Error).message}`, 'the PEM firmware signing certificate', String(firmware['signingCertificate']).slice(0, 60));
  }
  const signature = String(firmware['signature'] ?? '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature) || Buffer.from(signature, 'base64').length === 0) {
    fail(rule, 'behaviour', 'the signature of SignedUpdateFirmware.req is not base64', 'base64 of the signature', signature.slice(0, 60));
  }
}

/** The signature verifies (TC_080) or does not (TC_081) as the case expects. */
export function expectSignature(verifies: boolean, expected: boolean, rule: RuleContext): void {
  if (verifies === expected) return;
  fail(rule, 'behaviour', expected ? 'the firmware signature the Central System sent does not verify over the firmware file with its signing certificate' : 'the firmware signature verifies although the case asked for an invalid one',
    expected ? 'a signature over the file downloaded' : 'an invalid signature', verifies ? 'verifies' : 'does not verify');
}

/** CertificateSigned.req carries a PEM chain whose certificates parse (A00.FR.507). */
export function expectPemChain(chain: unknown, rule: RuleContext): void {
  const pems = splitPem(String(chain ?? ''));
  try {
    if (pems.length === 0) throw new Error('no PEM certificate in it');
    pems.forEach((p) => parseCertificate(p));
  } catch (e) {
    fail(rule, 'behaviour', `the certificateChain of CertificateSigned.req is not PEM X.509: ${(e as Error).message}`, 'PEM certificates', String(chain).slice(0, 60));
  }
}

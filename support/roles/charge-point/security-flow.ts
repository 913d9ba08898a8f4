/**
 * What the emulated Charge Point does in the security white paper's Central System cases, one function per step:
 * connecting on a profile (with what a negative case changes), reconnecting after an AuthorizationKey or
 * SecurityProfile change or a new certificate, the A02 flow (CSR with a fresh key, SignCertificate.req), the
 * requests it receives and their checks, the security log upload (N01) and the signed firmware (L01), and the probe
 * of the four TLS 1.2 suites (A00.FR.317). The judgements are in security-checks.ts.
 */
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { ReceivedCall } from '../../recording/mailbox';
import { HarnessError, NotApplicable, OperatorTimeout } from '../../reporting/errors';
import { createCsr, parseCertificate, verifyFirmware } from '../../security/pki';
import { downloadFile, TransferFailed, uploadFile } from '../../transfer/transfer-client';
import { ConformanceAssertionError } from '../../reporting/errors';
import type { SutConfig } from '../../sut/sut-config';
import type { RuleContext } from '../ocpp-connection';
import type { EmulatedChargePoint, HandshakeOutcome } from './emulated-charge-point';
import { expectAbsoluteUri, expectSignedFirmwareRequest, WHITE_PAPER_SUITES, type SuiteProbe } from './security-checks';
import { chargePointCertificate, type CentralSystemTestPki } from './security-pki';
import { publicKeyDerOf } from './security-handlers';
import type { ChargePointSecurity, ConnectionOffer } from './security-transport';

/** The charge point's security state; a harness error when the SUT file declares no Security profile. */
export function securityOf(cp: EmulatedChargePoint): ChargePointSecurity {
  if (!cp.security) throw new HarnessError(`the emulated Charge Point ${cp.identity} has no security settings: the SUT file does not list "Security" in centralSystem.supportedProfiles`);
  return cp.security;
}

/** The profile of `wanted` the SUT declares, preferring the one in use; N/A when it declares none of them. */
export function pickProfile(sut: SutConfig, wanted: readonly number[]): number {
  const { profile, profiles } = sut.security;
  if (wanted.includes(profile)) return profile;
  const found = wanted.find((p) => profiles.includes(p));
  if (found === undefined) throw new NotApplicable(`the case needs security profile ${wanted.join(' or ')}; the SUT file's /security/profiles lists ${profiles.join(', ')}`);
  return found;
}

/** Profile 3 needs the CA of charge point certificates; N/A without it. */
export function requireChargePointCa(pki: CentralSystemTestPki | undefined): NonNullable<CentralSystemTestPki['chargePointCa']> {
  if (!pki?.chargePointCa) throw new NotApplicable('security profile 3 needs the CA that signs the Charge Point certificates the CSMS trusts (/security/pki/chargePointCa with its key)');
  return pki.chargePointCa;
}

/** One connection, with `offer` for it; the outcome. */
export async function connectWith(cp: EmulatedChargePoint, offer: ConnectionOffer = {}): Promise<HandshakeOutcome> {
  securityOf(cp).offerOnce(offer);
  return cp.connect();
}

/** Closes the connection, applies the AuthorizationKey / SecurityProfile it Accepted and connects again. */
export async function reconnectWithChanges(cp: EmulatedChargePoint): Promise<HandshakeOutcome> {
  await cp.disconnect();
  securityOf(cp).applyChanges();
  return cp.connect();
}

/** A certificate for this charge point that the CSMS must refuse: from an unknown CA, or for another serial number. */
export async function wrongCertificate(cp: EmulatedChargePoint, sut: SutConfig, pki: CentralSystemTestPki, kind: 'unknown-ca' | 'other-name'): Promise<ConnectionOffer> {
  const serial = sut.security.serialNumber ?? cp.identity;
  const certificate = kind === 'unknown-ca'
    ? await chargePointCertificate(pki.unknownCa, serial, sut.security.cpoName)
    : await chargePointCertificate(requireChargePointCa(pki), `${serial}-OTHER`, sut.security.cpoName);
  return { profile: 3, certificate };
}

/** SignCertificate.req with a CSR for a fresh key (A02.FR.02), or a CSR the CSMS must reject. */
export async function sendSignCertificate(cp: EmulatedChargePoint, sut: SutConfig, rule: RuleContext, kind: 'valid' | 'wrong-organization' | 'malformed' = 'valid'): Promise<void> {
  const security = securityOf(cp);
  const serial = sut.security.serialNumber ?? cp.identity;
  let csr: string;
  if (kind === 'malformed') {
    csr = '-----BEGIN CERTIFICATE REQUEST-----\nTm90IGEgY2VydGlmaWNhdGUgc2lnbmluZyByZXF1ZXN0\n-----END CERTIFICATE REQUEST-----\n';
  } else {
    const o = kind === 'wrong-organization' ? `${sut.security.cpoName} Elsewhere` : sut.security.cpoName;
    const made = await createCsr(`CN=${serial}, O=${o}`);
    csr = made.pem;
    if (kind === 'valid') security.pendingKey = { keyPem: made.keyPem, publicKeyDer: publicKeyDerOf(made.keyPem) };
  }
  await cp.send('SignCertificate', { csr }, rule);
}

/** Waits for a request of the Central System and returns it. */
export function receiveRequest(cp: EmulatedChargePoint, action: string, withinMs: number, rule: RuleContext, payload?: Record<string, unknown>): Promise<ReceivedCall> {
  return cp.receive(payload ? { action, payload } : { action }, withinMs, rule);
}

/** CertificateSigned.req, and the verdict of the charge point's check of it (A02.FR.06): why it is not valid. */
export async function receiveSignedCertificate(cp: EmulatedChargePoint, withinMs: number, rule: RuleContext): Promise<{ why: string | undefined; chain: unknown }> {
  const call = await cp.receive({ action: 'CertificateSigned' }, withinMs, rule);
  return { why: (await securityOf(cp).signedVerdict)?.why, chain: call.payload['certificateChain'] };
}

/** The security log upload to the GetLog.req location (N01.FR.02). */
export async function uploadSecurityLog(location: string, timeoutMs: number, rule: RuleContext): Promise<void> {
  try {
    await uploadFile(location, 'emulated-charge-point-security.log', `${new Date().toISOString()} StartupOfTheDevice\n`, { timeoutMs });
  } catch (e) {
    if (!(e instanceof TransferFailed)) throw e;
    throw new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level: 'SHALL', category: 'behaviour',
      message: `the security log could not be uploaded to the remoteLocation of GetLog.req: ${e.message}`, expected: 'the upload taken', actual: e.reason });
  }
}

/** Checks SignedUpdateFirmware.req (L01.FR.11) and returns its firmware section. */
export function signedFirmwareOf(call: ReceivedCall, rule: RuleContext): Record<string, unknown> {
  const firmware = (call.payload['firmware'] ?? {}) as Record<string, unknown>;
  expectAbsoluteUri(firmware['location'], 'firmware.location of SignedUpdateFirmware.req', rule);
  expectSignedFirmwareRequest(firmware, rule);
  return firmware;
}

/** Downloads the firmware of SignedUpdateFirmware.req. */
export async function downloadSignedFirmware(firmware: Record<string, unknown>, timeoutMs: number, rule: RuleContext): Promise<Buffer> {
  try {
    return await downloadFile(String(firmware['location']), { timeoutMs });
  } catch (e) {
    if (!(e instanceof TransferFailed)) throw e;
    throw new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level: 'SHALL', category: 'behaviour',
      message: `the firmware could not be downloaded from the location of SignedUpdateFirmware.req: ${e.message}`, expected: 'the firmware file', actual: e.reason });
  }
}

/** Whether the signature verifies over `image` with the signing certificate; for TC_081 a valid one means the operator sent no invalid one. */
export function firmwareSignatureVerifies(firmware: Record<string, unknown>, image: Buffer, expectValid: boolean): boolean {
  let verifies = false;
  try {
    verifies = verifyFirmware(image, String(firmware['signature']), String(firmware['signingCertificate']));
  } catch {
    verifies = false;
  }
  if (!expectValid && verifies) throw new OperatorTimeout('the CSMS operator was asked to send an invalid firmware signature, but the signature sent verifies over the firmware');
  return verifies;
}

/**
 * One TLS 1.2 handshake per white paper suite with the Central System's endpoint of `profile`, offering only that
 * suite (A00.FR.317); which were negotiated.
 */
export async function probeWhitePaperSuites(cp: EmulatedChargePoint, profile: number, timeoutMs: number): Promise<SuiteProbe[]> {
  const security = securityOf(cp);
  const url = new URL(security.endpoint('wss://127.0.0.1', profile));
  if (url.protocol !== 'wss:') throw new HarnessError(`the endpoint of security profile ${profile} is ${url.href}, not wss://`);
  const cert = profile === 3 ? (security.credential ?? undefined) : undefined;
  const out: SuiteProbe[] = [];
  for (const suite of WHITE_PAPER_SUITES) {
    const options: ConnectionOptions = {
      host: url.hostname, port: Number(url.port || 443), servername: /^\d+\.\d+\.\d+\.\d+$/.test(url.hostname) ? undefined : url.hostname,
      ca: security.roots.get('CentralSystemRootCertificate'), maxVersion: 'TLSv1.2', ciphers: suite.openssl, rejectUnauthorized: false,
      ...(cert ? { cert: cert.cert, key: cert.key } : {}),
    };
    out.push(await new Promise<SuiteProbe>((resolve) => {
      const socket = tlsConnect(options, () => {
        const name = socket.getCipher()?.standardName ?? '';
        resolve({ iana: suite.iana, negotiated: name === suite.iana, detail: `${socket.getProtocol()} ${name}` });
        socket.destroy();
      });
      socket.setTimeout(timeoutMs, () => {
        resolve({ iana: suite.iana, negotiated: false, detail: `no handshake within ${timeoutMs} ms` });
        socket.destroy();
      });
      socket.on('error', (e) => resolve({ iana: suite.iana, negotiated: false, detail: e.message.split('\n')[0] as string }));
    }));
  }
  return out;
}

/** The evidence table of the probe, for tls-handshake.md. */
export function renderSuiteProbe(probes: readonly SuiteProbe[]): string {
  return ['### TLS 1.2 cipher suites offered one at a time (A00.FR.317)', '', '| suite | negotiated | handshake |', '| --- | --- | --- |',
    ...probes.map((p) => `| ${p.iana} | ${p.negotiated ? 'yes' : 'no'} | ${p.detail.replace(/\|/g, '\\|')} |`), ''].join('\n');
}

/** The host of the endpoint of `profile` (the name the server certificate must carry, A00.FR.510). */
export function endpointHost(cp: EmulatedChargePoint, profile: number): string {
  return new URL(securityOf(cp).endpoint('wss://127.0.0.1', profile)).hostname;
}

/** The subject of a PEM certificate, for messages. */
export function subjectOf(pem: string): string {
  return parseCertificate(pem).subject;
}

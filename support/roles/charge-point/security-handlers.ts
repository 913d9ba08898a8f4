/**
 * The emulated Charge Point's answers to the security white paper's CALLs of a Central System under test, as a
 * conformant charge point gives them:
 * - ExtendedTriggerMessage (§5.5): SignChargePointCertificate Accepted (the scenario sends SignCertificate.req);
 *   BootNotification, Heartbeat, StatusNotification, MeterValues Accepted and sent; others NotImplemented.
 * - CertificateSigned (A02.FR.06/07): the chain must verify up to a CPO root it trusts, the leaf must be in its
 *   validity period, carry CN = its serial number and O = CpoName, and certify the key of its last CSR: then
 *   Accepted and used from the next connection on; otherwise Rejected.
 * - InstallCertificate (M05): a PEM CA certificate in its validity period is installed (Accepted), anything else
 *   Rejected. GetInstalledCertificateIds (M03) and DeleteCertificate (M04) work on that store, with the hash data of
 *   support/security/pki.ts (SHA256).
 * - GetLog (N01): Accepted with a file name; SignedUpdateFirmware (L01): the signing certificate must verify against
 *   a ManufacturerRootCertificate it holds (L01.FR.23/24), else InvalidCertificate.
 * - ChangeConfiguration of AuthorizationKey (A01: 16–20 bytes in hex, §7.2), SecurityProfile (A05: only upwards,
 *   A05.FR.01, with its prerequisites A05.FR.02–04) and CpoName; other keys as before.
 * Scenario switches on ChargePointSecurity make it reject every signed or installed certificate (TC_077, TC_078).
 */
import { createPublicKey } from 'node:crypto';
import { callError, result, type HandlerTable } from '../../ocpp/handler-table';
import { certificateHashData, chainProblem, isCa, parseCertificate, sameCertificate, splitPem, type CertificateHashData } from '../../security/pki';
import type { ChargePointSecurity } from './security-transport';

export interface SecurityContext {
  readonly cpoName: string;
  /** The CN its certificate carries (A00.FR.511); default its identity. */
  readonly serialNumber?: string;
  readonly manufacturerRoot?: string;
  /** The CA of charge point certificates (anchor for CertificateSigned besides the CentralSystemRootCertificates). */
  readonly chargePointCa?: string;
}

const AUTHORIZATION_KEY_HEX = /^(?:[0-9A-Fa-f]{2}){16,20}$/;
const TRIGGERED_CORE = new Set(['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues']);

/** Why `chain` is not a valid certificate for this charge point (A02.FR.06), or undefined. */
export async function signedCertificateProblem(chain: string, security: ChargePointSecurity, context: SecurityContext, identity: string): Promise<string | undefined> {
  const pems = splitPem(chain);
  if (pems.length === 0) return 'the certificateChain holds no PEM certificate';
  const anchors = [...(security.roots.get('CentralSystemRootCertificate') ?? []), ...(context.chargePointCa ? [context.chargePointCa] : [])];
  const problem = await chainProblem(pems, anchors);
  if (problem) return `the chain does not verify (${problem.problem}: ${problem.detail})`;
  const leaf = parseCertificate(pems[0] as string);
  const cn = leaf.subjectName.getField('CN')[0];
  const o = leaf.subjectName.getField('O')[0];
  const serial = context.serialNumber ?? identity;
  if (cn !== serial) return `its CN is ${JSON.stringify(cn)}, not the serial number ${serial} (Security whitepaper A00.FR.511)`;
  if (o !== context.cpoName) return `its O is ${JSON.stringify(o)}, not the CpoName ${JSON.stringify(context.cpoName)} (Security whitepaper A00.FR.509)`;
  const pending = security.pendingKey;
  if (!pending) return 'no SignCertificate.req of this charge point awaits a certificate';
  if (!Buffer.from(leaf.publicKey.rawData).equals(pending.publicKeyDer)) return 'it certifies another key than the one of the charge point\'s CSR';
  return undefined;
}

export function securityHandlers(table: HandlerTable, security: ChargePointSecurity, context: SecurityContext, identity: string): void {
  const changeConfiguration = table.get('ChangeConfiguration');
  table
    .setDefault('ExtendedTriggerMessage', ({ payload }) => {
      const requested = String(payload['requestedMessage']);
      if (requested === 'SignChargePointCertificate') return result({ status: 'Accepted' });
      if (TRIGGERED_CORE.has(requested)) {
        const trigger = table.get('TriggerMessage');
        if (trigger) return trigger({ id: '', action: 'TriggerMessage', payload, connection: '' });
      }
      return result({ status: 'NotImplemented' });
    })
    .setDefault('CertificateSigned', ({ payload }) => {
      const verdict = (async (): Promise<{ status: 'Accepted' | 'Rejected'; why?: string }> => {
        const why = security.rejectSignedCertificates ? 'the scenario makes it reject every certificate' : await signedCertificateProblem(String(payload['certificateChain']), security, context, identity);
        if (!why && security.pendingKey) {
          security.credential = { cert: String(payload['certificateChain']), key: security.pendingKey.keyPem };
          security.pendingKey = undefined;
        }
        return why ? { status: 'Rejected', why } : { status: 'Accepted' };
      })();
      // Set before the first await: the step that waits for the request reads it.
      security.signedVerdict = verdict;
      return verdict.then((v) => result({ status: v.status }));
    })
    .setDefault('InstallCertificate', async ({ payload }) => {
      const type = String(payload['certificateType']);
      const pem = String(payload['certificate']);
      if (security.rejectInstalls) return result({ status: 'Rejected' });
      let valid = false;
      try {
        valid = isCa(parseCertificate(pem)) && (await chainProblem([pem], [pem])) === undefined;
      } catch {
        valid = false;
      }
      if (!valid) return result({ status: 'Rejected' });
      const list = security.roots.get(type) ?? [];
      if (!list.some((c) => c.trim() === pem.trim())) list.push(pem.trim());
      security.roots.set(type, list);
      return result({ status: 'Accepted' });
    })
    .setDefault('GetInstalledCertificateIds', ({ payload }) => {
      const list = security.roots.get(String(payload['certificateType'])) ?? [];
      if (list.length === 0) return result({ status: 'NotFound' });
      return result({ status: 'Accepted', certificateHashData: list.map((pem) => certificateHashData(parseCertificate(pem))) });
    })
    .setDefault('DeleteCertificate', ({ payload }) => {
      const wanted = payload['certificateHashData'] as CertificateHashData;
      for (const [type, list] of security.roots) {
        const i = list.findIndex((pem) => sameCertificate(certificateHashData(parseCertificate(pem), undefined, wanted.hashAlgorithm), wanted));
        if (i < 0) continue;
        list.splice(i, 1);
        security.roots.set(type, list);
        return result({ status: 'Accepted' });
      }
      return result({ status: 'NotFound' });
    })
    .setDefault('GetLog', () => result({ status: 'Accepted', filename: 'emulated-charge-point-security.log' }))
    .setDefault('SignedUpdateFirmware', async ({ payload }) => {
      const firmware = payload['firmware'] as Record<string, unknown>;
      const problem = await chainProblem([String(firmware['signingCertificate'])], security.roots.get('ManufacturerRootCertificate') ?? []).catch(() => ({ problem: 'malformed' }));
      return result({ status: problem ? 'InvalidCertificate' : 'Accepted' });
    })
    .setDefault('ChangeConfiguration', async (call) => {
      const key = String(call.payload['key']);
      const value = String(call.payload['value']);
      if (key === 'AuthorizationKey') {
        if (!AUTHORIZATION_KEY_HEX.test(value)) return result({ status: 'Rejected' });
        security.nextPassword = Buffer.from(value, 'hex');
        return result({ status: 'Accepted' });
      }
      if (key === 'SecurityProfile') {
        const profile = Number(value);
        // A05.FR.01: only upwards; A05.FR.02–04: a password for 1/2, a root for 2/3, a certificate for 3.
        if (!Number.isInteger(profile) || profile <= security.profile || profile > 3) return result({ status: 'Rejected' });
        if (profile <= 2 && !security.password) return result({ status: 'Rejected' });
        if (profile >= 2 && (security.roots.get('CentralSystemRootCertificate') ?? []).length === 0) return result({ status: 'Rejected' });
        security.nextProfile = profile;
        return result({ status: 'Accepted' });
      }
      if (key === 'CpoName') return result({ status: 'Accepted' });
      return changeConfiguration ? changeConfiguration(call) : callError('NotSupported');
    });
}

/** The SubjectPublicKeyInfo DER of a PEM private key's public half (to match a signed certificate to the CSR). */
export function publicKeyDerOf(keyPem: string): Buffer {
  return createPublicKey(keyPem).export({ format: 'der', type: 'spki' });
}

/**
 * The certificates the emulated Charge Points of a Central System under test use (white paper §2.6), made once per
 * worker: with `security.pki: "generate"` a test PKI in memory (support/security/pki.ts) whose CPO root signs an
 * ECDSA and an RSA server certificate (A00.FR.317 needs both key types) for the reference Central System and the
 * charge point certificates; with PEM files, the CA of the CSMS's server certificate (`centralSystemRoot`) and the CA
 * that signs the charge point certificates it trusts (`chargePointCa`, with its key). Nothing is written to disk.
 */
import { createRoot, createTestPki, credentialFromPem, issue, type Credential } from '../../security/pki';
import type { SutConfig } from '../../sut/sut-config';

export interface PemCredential {
  readonly cert: string;
  readonly key: string;
}

export interface CentralSystemTestPki {
  /** Trust anchor of the CSMS's server certificate (the CentralSystemRootCertificate). */
  readonly centralSystemRoot: string;
  /** The CA of charge point certificates the CSMS trusts; undefined when the SUT file gives none (profile 3 N/A). */
  readonly chargePointCa?: Credential;
  /** The ManufacturerRootCertificate and the firmware signing certificate it issued. */
  readonly manufacturerRoot?: string;
  readonly firmwareSigning?: PemCredential;
  /** Generated only: the server certificates of the reference Central System (ECDSA, RSA). */
  readonly serverCertificates?: readonly PemCredential[];
  /** A CA nobody trusts, for the refusals (EXT_SEC_205). */
  readonly unknownCa: Credential;
}

/** Makes (or reads) the PKI of the run; the host is the name in the reference's server certificates. */
export async function centralSystemTestPki(sut: SutConfig): Promise<CentralSystemTestPki> {
  const { pki, cpoName } = sut.security;
  const unknownCa = await createRoot({ subject: `CN=Unknown CA (test), O=${cpoName}` });
  if (pki === 'generate') {
    const host = new URL(sut.centralSystem?.url ?? 'ws://127.0.0.1').hostname;
    const made = await createTestPki({ chargePointIdentity: 'unused', cpoName, centralSystemHost: host });
    const rsa = await issue(made.centralSystemRoot, { subject: `CN=${host}, O=${cpoName}`, dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], usage: 'server', algorithm: 'RSA-2048' });
    return {
      centralSystemRoot: made.centralSystemRoot.certPem,
      chargePointCa: made.centralSystemRoot,
      manufacturerRoot: made.manufacturerRoot.certPem,
      firmwareSigning: { cert: made.firmwareSigning.certPem, key: made.firmwareSigning.keyPem },
      serverCertificates: [
        { cert: made.centralSystemServer.certPem, key: made.centralSystemServer.keyPem },
        { cert: rsa.certPem, key: rsa.keyPem },
      ],
      unknownCa,
    };
  }
  const files = pki as Record<string, { cert: string; key?: string } | undefined>;
  const caFile = files['chargePointCa'];
  return {
    centralSystemRoot: files['centralSystemRoot']?.cert ?? '',
    ...(caFile?.key ? { chargePointCa: await credentialFromPem(caFile.cert, caFile.key) } : {}),
    ...(files['manufacturerRoot'] ? { manufacturerRoot: files['manufacturerRoot'].cert } : {}),
    ...(files['firmwareSigning']?.key ? { firmwareSigning: { cert: files['firmwareSigning'].cert, key: files['firmwareSigning'].key } } : {}),
    unknownCa,
  };
}

/** A charge point certificate (A00.FR.509/511): CN = its serial number, O = CpoName, from `ca`. */
export async function chargePointCertificate(ca: Credential, commonName: string, organization: string): Promise<PemCredential> {
  const c = await issue(ca, { subject: `CN=${commonName}, O=${organization}`, usage: 'client' });
  return { cert: `${c.certPem}\n${ca.certPem}`, key: c.keyPem };
}

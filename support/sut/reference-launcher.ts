/**
 * Starts the bundled reference SUT a SUT file asks for (its `reference` section), in this process: the reference
 * Charge Point pointed at the harness's emulated Central System, or the reference Central System on a free port.
 * The harness talks to it only over the network (OCPP-J, and its control or operator API), as to any SUT.
 */
import { startReferenceCentralSystem } from '../../fixtures/reference/central-system';
import { startReferenceChargePoint } from '../../fixtures/reference/charge-point';
import type { ReferenceSecurityOptions, SecurityProfile } from '../../fixtures/reference/central-system/security';
import { ConfigError } from '../reporting/errors';
import type { CentralSystemTestPki } from '../roles/charge-point/security-pki';
import type { SutConfig } from './sut-config';
import type { TestPki } from '../security/pki';

export interface RunningReference {
  /** The reference's control (Charge Point) or operator (Central System) API. */
  readonly apiUrl: string;
  /** The reference Central System's OCPP-J endpoint URL. */
  readonly csmsUrl?: string;
  /** The reference Central System's endpoint per security profile it serves. */
  readonly securityUrls?: Readonly<Record<number, string>>;
  stop(): Promise<void>;
}

function rethrowAsConfig(e: unknown, what: string): never {
  throw new ConfigError(`cannot start the reference ${what}: ${(e as Error).message}`);
}

/**
 * The reference's security options from the run PKI, in memory: the white paper's keys, and what a charger starting
 * on its profile must hold already (a CentralSystemRootCertificate from profile 2, its certificate on profile 3);
 * below that it gets them over OCPP, as a real charger does (InstallCertificate, A02).
 */
function chargePointReferenceSecurity(sut: SutConfig, pki: TestPki): Record<string, unknown> {
  const s = sut.security;
  return {
    profile: s.profile, cpoName: s.cpoName,
    ...(s.certificateSignedMaxChainSize === undefined ? {} : { certificateSignedMaxChainSize: s.certificateSignedMaxChainSize }),
    ...(s.profile >= 2 ? { centralSystemRoots: [pki.centralSystemRoot.certPem] } : {}),
    ...(s.profile === 3 ? { chargePointCertificate: { cert: pki.chargePointClient.certPem, key: pki.chargePointClient.keyPem } } : {}),
  };
}

/** Reference Charge Point connecting to `csmsUrl` (the emulated Central System); with `pki`, with the security white paper. */
export async function launchReferenceChargePoint(sut: SutConfig, csmsUrl: string, log?: (line: string) => void, pki?: TestPki): Promise<RunningReference> {
  const cp = sut.chargePoint;
  if (!cp || !sut.reference) throw new ConfigError(`the SUT file ${sut.file} has no chargePoint or reference section`);
  try {
    const running = await startReferenceChargePoint({
      ...(sut.reference.options as object),
      csmsUrl,
      identity: cp.identity,
      connectors: cp.connectors,
      fixedCable: cp.fixedCable,
      faults: [...sut.reference.faults],
      basicAuthPassword: cp.security.basicAuthPassword,
      ...(pki ? { security: chargePointReferenceSecurity(sut, pki) } : {}),
      log,
    });
    return { apiUrl: running.controlUrl, stop: () => running.stop() };
  } catch (e) {
    return rethrowAsConfig(e, 'Charge Point');
  }
}

const EXPIRED = '2020-01-01T00:00:00Z';

/**
 * The reference's security section from the run's PKI (in memory): the TLS ports of the profiles 2 and 3 the SUT
 * file declares, its ECDSA and RSA server certificates, the charge point CA with its key (it signs CSRs), the roots
 * it installs and the firmware signing credential.
 */
function centralSystemReferenceSecurity(sut: SutConfig, pki: CentralSystemTestPki): ReferenceSecurityOptions {
  const ca = pki.chargePointCa;
  return {
    profiles: sut.security.profiles.filter((p): p is SecurityProfile => p === 2 || p === 3),
    serverCertificates: pki.serverCertificates ?? [],
    ...(ca ? { chargePointCa: { cert: ca.certPem, key: ca.keyPem } } : {}),
    centralSystemRoot: pki.centralSystemRoot,
    ...(pki.manufacturerRoot ? { manufacturerRoot: pki.manufacturerRoot } : {}),
    ...(pki.firmwareSigning ? { firmwareSigning: pki.firmwareSigning } : {}),
    cpoName: sut.security.cpoName,
  };
}

/**
 * Reference Central System on the port of the SUT file's URL (0: a free one), knowing the SUT file's idTags; with
 * `pki` (a SUT file with the Security profile), also on a TLS port per security profile 2 and 3.
 */
export async function launchReferenceCentralSystem(sut: SutConfig, log?: (line: string) => void, pki?: CentralSystemTestPki): Promise<RunningReference> {
  const cs = sut.centralSystem;
  if (!cs || !sut.reference) throw new ConfigError(`the SUT file ${sut.file} has no centralSystem or reference section`);
  const url = new URL(cs.url);
  const t = sut.idTags;
  const options = sut.reference.options as Record<string, unknown>;
  try {
    const running = await startReferenceCentralSystem({
      registration: [],
      ...options,
      port: Number(url.port || 0),
      path: url.pathname === '/' ? '/ocpp' : url.pathname,
      idTags: [
        { idTag: t.valid, status: 'Accepted' },
        { idTag: t.valid2, status: 'Accepted' },
        { idTag: t.blocked, status: 'Blocked' },
        { idTag: t.expired, status: 'Expired', expiryDate: EXPIRED },
        { idTag: t.parent, status: 'Accepted' },
        { idTag: t.child, status: 'Accepted', parentIdTag: t.parent },
        { idTag: t.child2, status: 'Accepted', parentIdTag: t.parent },
        ...((options['idTags'] as []) ?? []),
      ],
      faults: [...sut.reference.faults],
      ...(pki ? { security: centralSystemReferenceSecurity(sut, pki) } : {}),
      log,
    });
    return { apiUrl: running.operatorUrl, csmsUrl: running.url, ...(running.securityUrls ? { securityUrls: running.securityUrls } : {}), stop: () => running.stop() };
  } catch (e) {
    return rethrowAsConfig(e, 'Central System');
  }
}

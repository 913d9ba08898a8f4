/**
 * The test bench of one worker process: the SUT file, the wire log and protocol monitor, the actuator, and the
 * long-lived side of the system under test — the emulated Central System a Charge Point under test connects to
 * (it stays up between scenarios, as a real charger stays connected), or the URL of the Central System under test.
 * With a `reference` section it also starts the bundled reference SUT. Scenarios borrow it; the World adds what is
 * per scenario (emulated Charge Points, overrides) and gives it back clean. What happens outside the scenarios that
 * the reader should know (a stranger refused, a teardown that had to force something) becomes a run note.
 */
import { join } from 'node:path';
import { WireLog } from '../recording/wire-log';
import { ProtocolMonitor } from '../recording/protocol-monitor';
import { StatusTransitionCheck } from '../recording/checks/status-transitions';
import type { Finding } from '../recording/finding';
import { IdTagRegistry } from './id-tag-registry';
import { EmulatedCentralSystem, STOP_GRACE_MS, type StopReport, type StrangerRefusal } from './central-system/emulated-central-system';
import { centralSystemHandlers, type CentralSystemPolicy } from './central-system/central-system-handlers';
import { EmulatedChargePoint, type ChargePointClientOptions } from './charge-point/emulated-charge-point';
import type { Actuator } from '../sut/actuators/actuator';
import { createActuator } from '../sut/actuators/create-actuator';
import { IdentityAllocator } from '../sut/identity-allocator';
import { launchReferenceCentralSystem, launchReferenceChargePoint, type RunningReference } from '../sut/reference-launcher';
import { supportedProfiles, type SutConfig } from '../sut/sut-config';
import { centralSystemTestPki, chargePointCertificate, type CentralSystemTestPki } from './charge-point/security-pki';
import { type DeadlineEnd, withinDeadline } from './deadline';
import { RunNotes } from '../reporting/run-notes';
import { createSecurityTransport, wantsSecurity } from './central-system/security-setup';
import type { SecurityTransport } from './central-system/security-transport';

export interface BenchOptions {
  /** Where traces go (`<reportsDir>/traces`). */
  readonly reportsDir: string;
  /** Worker id, for file names and identities. */
  readonly worker: string;
  /** Where a teardown line goes (default stderr). */
  readonly say?: (line: string) => void;
}

/**
 * The deadline of each teardown step. The AfterAll hook's own timeout must exceed their sum (`TEARDOWN_MS`): a
 * teardown problem is said in one line and never becomes Cucumber's hook timeout.
 */
export const TEARDOWN_DEADLINES_MS = {
  reference: 5000,
  centralSystem: STOP_GRACE_MS + 2000,
  actuator: 2000,
  wireLog: 1000,
} as const;
export const TEARDOWN_MS = Object.values(TEARDOWN_DEADLINES_MS).reduce((a, b) => a + b, 0);

type StepEnd<T> = DeadlineEnd<T> | { readonly ended: 'failed'; readonly message: string };

/** Runs one teardown step with its own deadline; never throws. */
async function bounded<T>(ms: number, step: () => Promise<T> | T): Promise<StepEnd<T>> {
  try {
    return await withinDeadline(ms, Promise.resolve().then(step));
  } catch (e) {
    // One line, whatever the error carried (no stack, no second line).
    return { ended: 'failed', message: String((e as Error)?.message ?? e).replace(/\s*\n\s*/g, ' ') };
  }
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/**
 * The one line for what the Central System's stop had to force, or undefined when it forced nothing. A reconnection
 * refused while stopping forced nothing (a charger reconnects; that is what it should do).
 */
export function describeForcedStop(r: StopReport): string | undefined {
  const parts: string[] = [];
  if (r.terminated > 0) parts.push(`still had ${r.terminated} connection${r.terminated === 1 ? '' : 's'} after ${seconds(r.graceMs)}; closed ${r.terminated === 1 ? 'it' : 'them'} forcibly`);
  if (r.destroyed > 0) parts.push(`dropped ${r.destroyed} connection${r.destroyed === 1 ? '' : 's'} still in the WebSocket handshake`);
  return parts.length > 0 ? `the emulated Central System ${parts.join('; ')}` : undefined;
}

export class Bench {
  readonly log: WireLog;
  readonly monitor = new ProtocolMonitor();
  /** Harness errors raised outside a step (a failing handler, an invalid answer): the scenario is ERROR. */
  private harnessErrors: string[] = [];
  actuator!: Actuator;
  /** Charge Point under test: the emulated Central System and its policy. */
  centralSystem?: EmulatedCentralSystem;
  policy?: CentralSystemPolicy;
  /** Charge Point under test with the security cases: the run PKI and the profile transport (security-transport.ts). */
  security?: SecurityTransport;
  /** Central System under test: its OCPP-J endpoint URL. */
  csmsUrl?: string;
  readonly identities: IdentityAllocator;
  /** Central System under test: whether any emulated Charge Point of this worker has reached it (before: "cannot reach" is ours). */
  readonly connectivity = { connectedOnce: false };
  private reference?: RunningReference;
  private readonly referenceLog: string[] = [];
  /** Run notes of this worker (shown in summary.md and at the console's end). */
  readonly notes: RunNotes;
  /** Central System under test with the Security profile: the run's PKI and the endpoint per security profile. */
  securityPki?: CentralSystemTestPki;
  securityEndpoints: Readonly<Record<string, string>> = {};

  private constructor(readonly sut: SutConfig, readonly options: BenchOptions) {
    this.log = new WireLog(join(options.reportsDir, 'traces', `worker-${options.worker}.jsonl`));
    this.log.subscribe((r) => this.monitor.observe(r));
    this.notes = new RunNotes(options.reportsDir, options.worker);
    this.identities = new IdentityAllocator(sut.centralSystem?.chargePoints ?? {}, undefined, undefined, `the SUT file ${sut.file}`);
  }

  /** Opens the bench: starts the emulated Central System or reaches for the CSMS, and the reference if asked. */
  static async open(sut: SutConfig, options: BenchOptions): Promise<Bench> {
    const bench = new Bench(sut, options);
    try {
      if (sut.role === 'charge-point') await bench.openForChargePoint();
      else await bench.openForCentralSystem();
    } catch (e) {
      await bench.close();
      throw e;
    }
    return bench;
  }

  private referenceLogger = (line: string): void => {
    this.referenceLog.push(line);
    if (this.referenceLog.length > 500) this.referenceLog.splice(0, 250);
  };

  private async openForChargePoint(): Promise<void> {
    const cp = this.sut.chargePoint!;
    // OCPP 1.6 §4.9: every StatusNotification.req of the charger, in every scenario, against the transition table.
    const statusCheck = new StatusTransitionCheck();
    this.log.subscribe((r) => statusCheck.observeHarness(r));
    this.monitor.addCheck(statusCheck.check);
    const idTags = new IdTagRegistry();
    const t = this.sut.idTags;
    idTags.set(t.valid, { status: 'Accepted' }).set(t.valid2, { status: 'Accepted' }).set(t.blocked, { status: 'Blocked' })
      .set(t.expired, { status: 'Expired', expiryDate: '2020-01-01T00:00:00.000Z' }).set(t.invalid, { status: 'Invalid' })
      .set(t.parent, { status: 'Accepted' }).set(t.child, { status: 'Accepted', parentIdTag: t.parent })
      .set(t.child2, { status: 'Accepted', parentIdTag: t.parent });
    this.policy = {
      registration: 'Accepted',
      interval: Number(cp.configuration['HeartbeatInterval'] ?? 60),
      idTags,
      dataTransferVendorIds: new Set(),
    };
    if (wantsSecurity(this.sut)) this.security = await createSecurityTransport(this.sut);
    this.centralSystem = new EmulatedCentralSystem({
      host: cp.listen.host,
      port: cp.listen.port,
      path: cp.listen.path,
      tls: cp.security.tls && { certFile: cp.security.tls.cert, keyFile: cp.security.tls.key },
      basicAuth: cp.security.basicAuthPassword ? { [cp.identity]: cp.security.basicAuthPassword } : undefined,
      log: this.log,
      handlers: centralSystemHandlers(this.policy),
      defaultTimeoutMs: this.sut.timeouts.responseMs,
      onFinding: (f) => this.report(f),
      onHarnessError: (m) => this.harnessError(m),
      // OCPP-J 1.6 §3.2: only the charge point the SUT file names may connect.
      identities: [cp.identity],
      onStranger: (r) => this.strangerRefused(r),
      ...(this.security ? { security: this.security } : {}),
    });
    const url = await this.centralSystem.start();
    if (this.sut.reference) this.reference = await launchReferenceChargePoint(this.sut, url, this.referenceLogger, this.security?.pki);
    this.actuator = createActuator(this.sut, this.reference?.apiUrl);
  }

  private async openForCentralSystem(): Promise<void> {
    // The security white paper's cases need certificates: made once per worker, only when the SUT declares Security.
    if (supportedProfiles(this.sut).includes('Security')) this.securityPki = await centralSystemTestPki(this.sut);
    if (this.sut.reference) {
      this.reference = await launchReferenceCentralSystem(this.sut, this.referenceLogger, this.securityPki);
      this.csmsUrl = this.reference.csmsUrl;
    } else {
      this.csmsUrl = this.sut.centralSystem!.url;
    }
    this.securityEndpoints = { [String(this.sut.security.profile)]: this.csmsUrl!, ...this.sut.security.endpoints, ...this.reference?.securityUrls };
    this.actuator = createActuator(this.sut, this.reference?.apiUrl);
  }

  /** A new emulated Charge Point connecting to the Central System under test (not yet connected). */
  chargePoint(identity: string, overrides: Partial<ChargePointClientOptions> = {}): EmulatedChargePoint {
    const cs = this.sut.centralSystem!;
    const password = cs.security.basicAuth?.[identity] ?? cs.security.basicAuth?.['*'];
    return new EmulatedChargePoint({
      csmsUrl: this.csmsUrl!,
      identity,
      connectors: cs.connectors,
      rebootTimeMs: cs.rebootTimeMs,
      basicAuth: password !== undefined ? { password } : undefined,
      tls: cs.security.tls && { caFile: cs.security.tls.ca, rejectUnauthorized: cs.security.tls.rejectUnauthorized },
      log: this.log,
      defaultTimeoutMs: this.sut.timeouts.responseMs,
      onFinding: (f) => this.report(f),
      onHarnessError: (m) => this.harnessError(m),
      connectivity: this.connectivity,
      ...(this.securityPki ? { security: this.chargePointSecurity(identity, password) } : {}),
      ...overrides,
    });
  }

  /** An emulated Charge Point's security settings (white paper §2): the SUT's profile, its endpoints and the run's PKI. */
  private chargePointSecurity(identity: string, password: string | undefined): NonNullable<ChargePointClientOptions['security']> {
    const pki = this.securityPki!;
    const { profile, cpoName, serialNumber } = this.sut.security;
    const ca = pki.chargePointCa;
    return {
      profile,
      endpoints: this.securityEndpoints,
      ...(password !== undefined ? { password: Buffer.from(password, 'utf8') } : {}),
      centralSystemRoots: pki.centralSystemRoot ? [pki.centralSystemRoot] : [],
      ...(ca ? { certificate: () => chargePointCertificate(ca, serialNumber ?? identity, cpoName), chargePointCa: ca.certPem } : {}),
      cpoName,
      ...(serialNumber ? { serialNumber } : {}),
      ...(pki.manufacturerRoot ? { manufacturerRoot: pki.manufacturerRoot } : {}),
    };
  }

  report(finding: Finding): void {
    this.monitor.report(finding);
  }

  harnessError(message: string): void {
    this.harnessErrors.push(message);
  }

  /** Harness errors since the last call. */
  takeHarnessErrors(): string[] {
    const out = this.harnessErrors;
    this.harnessErrors = [];
    return out;
  }

  /** The reference's own log lines (diagnostics for the report), most recent last. */
  referenceLines(): readonly string[] {
    return this.referenceLog;
  }

  /** A charge point the SUT file does not name tried to connect: one run note per identity, counted. */
  private strangerRefused(r: StrangerRefusal): void {
    const caseOnly = r.expected.find((e) => e.toLowerCase() === r.identity.toLowerCase());
    const hint = caseOnly ? ` (it differs from "${caseOnly}" in case only: check the charger's identity)` : '';
    this.notes.note('stranger-refused', `stranger-refused:${r.identity}`,
      `the emulated Central System refused charge point "${r.identity}" from ${r.from} with HTTP 404 (OCPP-J 1.6 §3.2): the SUT file names only ${r.expected.map((e) => `"${e}"`).join(', ')}${hint}; nothing it sent reached a test case`);
  }

  /**
   * Closes everything the bench opened, each step within its own deadline (TEARDOWN_DEADLINES_MS), and never throws:
   * what had to be forced, or did not stop in time, is said in one line (and kept as a run note), so that the run's
   * results still come out.
   */
  async close(): Promise<void> {
    const say = (line: string): void => {
      this.notes.note('teardown', `teardown:${line}`, line);
      (this.options.say ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
    };
    const end = <T>(what: string, ms: number, r: StepEnd<T>): T | undefined => {
      if (r.ended === 'timeout') say(`teardown: ${what} did not stop within ${seconds(ms)}; left behind`);
      if (r.ended === 'failed') say(`teardown: ${what} failed to stop: ${r.message}`);
      return r.ended === 'done' ? r.value : undefined;
    };
    const d = TEARDOWN_DEADLINES_MS;
    if (this.reference) end('the reference SUT', d.reference, await bounded(d.reference, () => this.reference?.stop()));
    if (this.centralSystem) {
      const cs = this.centralSystem;
      const report = end('the emulated Central System', d.centralSystem, await bounded(d.centralSystem, () => cs.stop()));
      const forced = report && describeForcedStop(report);
      if (forced) say(`teardown: ${forced}`);
    }
    if (this.actuator) end(`the ${this.actuator.kind} actuator`, d.actuator, await bounded(d.actuator, () => this.actuator.close()));
    end('the wire log', d.wireLog, await bounded(d.wireLog, () => this.log.close()));
  }
}

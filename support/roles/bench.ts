/**
 * The test bench of one worker process: the SUT file, the wire log and protocol monitor, the actuator, and the
 * long-lived side of the system under test — the emulated Central System a Charge Point under test connects to
 * (it stays up between scenarios, as a real charger stays connected), or the URL of the Central System under test.
 * With a `reference` section it also starts the bundled reference SUT. Scenarios borrow it; the World adds what is
 * per scenario (emulated Charge Points, overrides) and gives it back clean.
 */
import { join } from 'node:path';
import { WireLog } from '../recording/wire-log';
import { ProtocolMonitor } from '../recording/protocol-monitor';
import { StatusTransitionCheck } from '../recording/checks/status-transitions';
import type { Finding } from '../recording/finding';
import { IdTagRegistry } from './id-tag-registry';
import { EmulatedCentralSystem } from './central-system/emulated-central-system';
import { centralSystemHandlers, type CentralSystemPolicy } from './central-system/central-system-handlers';
import { EmulatedChargePoint, type ChargePointClientOptions } from './charge-point/emulated-charge-point';
import type { Actuator } from '../sut/actuators/actuator';
import { createActuator } from '../sut/actuators/create-actuator';
import { IdentityAllocator } from '../sut/identity-allocator';
import { launchReferenceCentralSystem, launchReferenceChargePoint, type RunningReference } from '../sut/reference-launcher';
import type { SutConfig } from '../sut/sut-config';

export interface BenchOptions {
  /** Where traces go (`<reportsDir>/traces`). */
  readonly reportsDir: string;
  /** Worker id, for file names and identities. */
  readonly worker: string;
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
  /** Central System under test: its OCPP-J endpoint URL. */
  csmsUrl?: string;
  readonly identities: IdentityAllocator;
  /** Central System under test: whether any emulated Charge Point of this worker has reached it (before: "cannot reach" is ours). */
  readonly connectivity = { connectedOnce: false };
  private reference?: RunningReference;
  private readonly referenceLog: string[] = [];

  private constructor(readonly sut: SutConfig, readonly options: BenchOptions) {
    this.log = new WireLog(join(options.reportsDir, 'traces', `worker-${options.worker}.jsonl`));
    this.log.subscribe((r) => this.monitor.observe(r));
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
    });
    const url = await this.centralSystem.start();
    if (this.sut.reference) this.reference = await launchReferenceChargePoint(this.sut, url, this.referenceLogger);
    this.actuator = createActuator(this.sut, this.reference?.apiUrl);
  }

  private async openForCentralSystem(): Promise<void> {
    if (this.sut.reference) {
      this.reference = await launchReferenceCentralSystem(this.sut, this.referenceLogger);
      this.csmsUrl = this.reference.csmsUrl;
    } else {
      this.csmsUrl = this.sut.centralSystem!.url;
    }
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
      ...overrides,
    });
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

  async close(): Promise<void> {
    await this.reference?.stop().catch(() => undefined);
    await this.centralSystem?.stop().catch(() => undefined);
    await this.actuator?.close().catch(() => undefined);
    this.log.close();
  }
}

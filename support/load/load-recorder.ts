/**
 * What a load run counts, read from the same records the conformance suites judge: every frame passes through the
 * RPC endpoint (framing, schema validation) into a wire log, and the recorder and the protocol monitor listen to it.
 * The log keeps no file and drops its records at each tick, so memory stays flat however long the run.
 *
 * A worker thread owns one recorder; every second it hands the main thread a `WorkerTick`: its counters so far, the
 * latencies filed since the last tick, and its connected charge points. The main thread sums them.
 */
import type { TraceRecord } from '../recording/frame-record';
import { type Finding, formatFinding } from '../recording/finding';
import type { ProtocolMonitor } from '../recording/protocol-monitor';
import { type HistogramData, LatencyHistogram } from './statistics';

type Tally = Record<string, number>;

export interface LoadCounters {
  connects: { attempted: number; ok: number; failed: number; failures: Tally };
  /** Handshakes that failed for a limit of the harness's machine (file descriptors, ports), not of the CSMS. */
  harnessLimited: number;
  /** Connections closed before the end of the run by the CSMS or the network. */
  dropped: number;
  boots: { accepted: number; pending: number; rejected: number };
  /** Charge points Accepted at least once, and those that never were (including failed connections). */
  chargePoints: { accepted: number; failed: number };
  /** CALLs sent per action. */
  calls: Tally;
  /** CALLRESULTs per action. */
  answers: Tally;
  /** CALLERRORs per `action code`. */
  callErrors: Tally;
  /** CALLs not answered within timeouts.response, per action. */
  timeouts: Tally;
  /** Answers against the SUT file (a boot Rejected, a load idTag not Accepted), per action. */
  unexpected: Tally;
  /** Findings of the protocol monitor (schema and protocol violations) per `level category rule`. */
  findings: Tally;
  /** CALLs of the CSMS per action (answered from the emulated charge point's handler table). */
  received: Tally;
  sessions: { started: number; completed: number };
  harnessErrors: number;
}

export function emptyCounters(): LoadCounters {
  return {
    connects: { attempted: 0, ok: 0, failed: 0, failures: {} },
    harnessLimited: 0,
    dropped: 0,
    boots: { accepted: 0, pending: 0, rejected: 0 },
    chargePoints: { accepted: 0, failed: 0 },
    calls: {},
    answers: {},
    callErrors: {},
    timeouts: {},
    unexpected: {},
    findings: {},
    received: {},
    sessions: { started: 0, completed: 0 },
    harnessErrors: 0,
  };
}

/** Adds `b` into `a` (field by field; tallies key by key); returns `a`. */
export function addCounters(a: LoadCounters, b: LoadCounters): LoadCounters {
  addInto(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>);
  return a;
}

function addInto(x: Record<string, unknown>, y: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(y)) {
    if (typeof value === 'number') x[key] = ((x[key] as number | undefined) ?? 0) + value;
    else addInto((x[key] ??= {}) as Record<string, unknown>, value as Record<string, unknown>);
  }
}

export function sumTally(t: Tally): number {
  return Object.values(t).reduce((s, v) => s + v, 0);
}

/** One piece of evidence: what happened, and the frame that shows it. */
export interface Sample {
  readonly kind: string;
  readonly message: string;
  readonly raw?: string;
}

export interface WorkerTick {
  readonly worker: number;
  /** Epoch ms when the tick was taken. */
  readonly at: number;
  readonly connected: number;
  readonly counters: LoadCounters;
  /** Latencies filed since the previous tick, per action (`connect` for the WebSocket handshake). */
  readonly latency: Readonly<Record<string, HistogramData>>;
  readonly samples: readonly Sample[];
  /** Epoch ms of the worker's first handshake and of its last BootNotification.conf Accepted (0: none yet). */
  readonly firstConnectAt: number;
  readonly lastAcceptedAt: number;
  /** Share of the worker's time its event loop was busy since the previous tick (0..1). */
  readonly utilization: number;
  /** The worker's event loop delay since the previous tick, ms. */
  readonly loopDelayP99Ms: number;
  /** Every charge point of the worker has started (in service, refused, or still booting after an answer). */
  readonly allStarted: boolean;
  /**
   * Growth of the worker's live JavaScript heap (after a full GC) from before its first connection to when all its
   * charge points had started, and the connections open then: memory per charge point. 0 until measured.
   */
  readonly heapGrowthBytes: number;
  readonly heapConnections: number;
}

const SAMPLES_PER_KIND = 5;
const bump = (t: Tally, key: string, by = 1): void => {
  t[key] = (t[key] ?? 0) + by;
};

export class LoadRecorder {
  readonly counters = emptyCounters();
  private latency = new Map<string, LatencyHistogram>();
  private samples: Sample[] = [];
  private readonly sampled = new Map<string, number>();
  private firstConnectAt = 0;
  private lastAcceptedAt = 0;

  constructor(private readonly monitor: ProtocolMonitor) {}

  /** Listens to the wire log: every frame and event of every connection of the worker. */
  observe(record: TraceRecord): void {
    const c = this.counters;
    if (record.type === 'event') {
      const kind = record.detail['kind'];
      if (kind === 'call-timeout') bump(c.timeouts, String(record.detail['action'] ?? '?'));
      else if (kind === 'handler-error' || kind === 'invalid-outgoing') this.harnessError(`${String(kind)}: ${JSON.stringify(record.detail)}`);
      return;
    }
    const action = record.action ?? '?';
    if (record.direction === 'out') {
      if (record.kind === 'CALL') bump(c.calls, action);
      return;
    }
    switch (record.kind) {
      case 'CALL':
        bump(c.received, action);
        break;
      case 'CALLRESULT':
        bump(c.answers, action);
        if (record.latencyMs !== undefined) this.file(action, record.latencyMs);
        break;
      case 'CALLERROR':
        bump(c.callErrors, `${action} ${record.errorCode ?? '?'}`);
        if (record.latencyMs !== undefined) this.file(action, record.latencyMs);
        this.sample('CALLERROR', `${action}.req answered with CALLERROR ${record.errorCode ?? '?'} on ${record.connection}`, record.raw);
        break;
      default:
        break;
    }
  }

  /** Files a latency, ms. */
  file(action: string, ms: number): void {
    let h = this.latency.get(action);
    if (!h) this.latency.set(action, (h = new LatencyHistogram()));
    h.add(ms);
  }

  /** A handshake begins. */
  connecting(): void {
    if (this.firstConnectAt === 0) this.firstConnectAt = Date.now();
  }

  /** A BootNotification.conf Accepted arrived. */
  accepted(): void {
    this.counters.boots.accepted += 1;
    this.counters.chargePoints.accepted += 1;
    this.lastAcceptedAt = Date.now();
  }

  connected(handshakeMs: number): void {
    this.counters.connects.attempted += 1;
    this.counters.connects.ok += 1;
    this.file('connect', handshakeMs);
  }

  connectFailed(reason: string, harnessLimit: boolean): void {
    this.counters.connects.attempted += 1;
    this.counters.connects.failed += 1;
    bump(this.counters.connects.failures, reason);
    if (harnessLimit) this.counters.harnessLimited += 1;
  }

  /** An answer that is valid OCPP but not what the SUT file promises. */
  unexpected(action: string, message: string, raw?: string): void {
    bump(this.counters.unexpected, action);
    this.sample('unexpected answer', message, raw);
  }

  harnessError(message: string): void {
    this.counters.harnessErrors += 1;
    this.sample('harness error', message);
  }

  /** A finding made outside the monitor (e.g. at the handshake). */
  report(finding: Finding): void {
    this.monitor.report(finding);
  }

  /** The tick for the main thread; starts the next latency interval. */
  tick(worker: number, connected: number, utilization: number, loopDelayP99Ms: number, allStarted: boolean, heap = { growth: 0, connections: 0 }): WorkerTick {
    for (const f of this.monitor.takeFindings()) {
      bump(this.counters.findings, `${f.level} ${f.category} ${f.rule}`);
      this.sample(f.category, formatFinding(f), f.raw);
    }
    const latency = Object.fromEntries([...this.latency].map(([action, h]) => [action, h.toData()]));
    this.latency = new Map();
    const samples = this.samples;
    this.samples = [];
    return {
      worker, at: Date.now(), connected, counters: structuredClone(this.counters), latency, samples,
      firstConnectAt: this.firstConnectAt, lastAcceptedAt: this.lastAcceptedAt, utilization, loopDelayP99Ms, allStarted,
      heapGrowthBytes: heap.growth, heapConnections: heap.connections,
    };
  }

  private sample(kind: string, message: string, raw?: string): void {
    const n = this.sampled.get(kind) ?? 0;
    if (n >= SAMPLES_PER_KIND) return;
    this.sampled.set(kind, n + 1);
    this.samples.push({ kind, message, raw });
  }
}

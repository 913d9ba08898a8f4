/**
 * The main thread's view of a load run: the ticks of every worker summed into totals (counters, one latency
 * histogram per action) and into a time series of one point per second (connected charge points, latency per
 * action), which the table, load.json and the chart of load.html are made from.
 */
import { addCounters, emptyCounters, type LoadCounters, type Sample, type WorkerTick } from './load-recorder';
import { LatencyHistogram, type Summary } from './statistics';

export interface SeriesPoint {
  /** Seconds since the run started. */
  readonly t: number;
  readonly connected: number;
  /** Answers per action in this second, with their latency. */
  readonly latency: Readonly<Record<string, Summary>>;
}

export interface WorkerHealth {
  readonly worker: number;
  /** Highest and mean share of time the worker's event loop was busy, per second. */
  readonly utilizationMax: number;
  readonly utilizationMean: number;
  /** Highest per-second p99 event loop delay, ms: the harness's own lateness in answering and timing. */
  readonly loopDelayP99MaxMs: number;
}

const MAX_SAMPLES = 40;

interface Second {
  readonly connected: Map<number, number>;
  readonly latency: Map<string, LatencyHistogram>;
}

export class LoadAggregate {
  private readonly counters = new Map<number, LoadCounters>();
  private readonly totalsLatency = new Map<string, LatencyHistogram>();
  private readonly seconds = new Map<number, Second>();
  private readonly connectedNow = new Map<number, number>();
  private readonly health = new Map<number, { utilization: number[]; loopDelay: number[] }>();
  readonly samples: Sample[] = [];
  private readonly heap = new Map<number, { growth: number; connections: number }>();
  firstConnectAt = 0;
  lastAcceptedAt = 0;

  constructor(readonly startedAt: number) {}

  add(tick: WorkerTick): void {
    this.counters.set(tick.worker, tick.counters);
    this.connectedNow.set(tick.worker, tick.connected);
    const second = this.second(Math.max(0, Math.floor((tick.at - this.startedAt) / 1000)));
    second.connected.set(tick.worker, tick.connected);
    for (const [action, data] of Object.entries(tick.latency)) {
      obtain(this.totalsLatency, action).merge(data);
      obtain(second.latency, action).merge(data);
    }
    for (const s of tick.samples) if (this.samples.length < MAX_SAMPLES) this.samples.push(s);
    if (tick.firstConnectAt > 0 && (this.firstConnectAt === 0 || tick.firstConnectAt < this.firstConnectAt)) this.firstConnectAt = tick.firstConnectAt;
    if (tick.lastAcceptedAt > this.lastAcceptedAt) this.lastAcceptedAt = tick.lastAcceptedAt;
    let h = this.health.get(tick.worker);
    if (!h) this.health.set(tick.worker, (h = { utilization: [], loopDelay: [] }));
    h.utilization.push(tick.utilization);
    h.loopDelay.push(tick.loopDelayP99Ms);
    if (tick.heapConnections > 0) this.heap.set(tick.worker, { growth: tick.heapGrowthBytes, connections: tick.heapConnections });
  }

  /** Live JavaScript heap per connected charge point, bytes, over the workers that measured it. */
  heapPerChargePoint(): number {
    const all = [...this.heap.values()];
    const connections = sum(all.map((h) => h.connections));
    return connections > 0 ? Math.max(0, sum(all.map((h) => h.growth))) / connections : 0;
  }

  private second(t: number): Second {
    let s = this.seconds.get(t);
    if (!s) this.seconds.set(t, (s = { connected: new Map(), latency: new Map() }));
    return s;
  }

  /** Every worker's counters summed. */
  totals(): LoadCounters {
    const total = emptyCounters();
    for (const c of this.counters.values()) addCounters(total, c);
    return total;
  }

  latency(): Map<string, LatencyHistogram> {
    return this.totalsLatency;
  }

  connected(): number {
    return [...this.connectedNow.values()].reduce((s, v) => s + v, 0);
  }

  /** One point per second; a worker without a tick in some second counts with its last known value. */
  series(): SeriesPoint[] {
    const last = new Map<number, number>();
    return [...this.seconds.keys()].sort((a, b) => a - b).map((t) => {
      const s = this.seconds.get(t) as Second;
      for (const [w, n] of s.connected) last.set(w, n);
      const connected = [...last.values()].reduce((sum, v) => sum + v, 0);
      const latency = Object.fromEntries([...s.latency].map(([action, h]) => [action, h.summary()]));
      return { t, connected, latency };
    });
  }

  workerHealth(): WorkerHealth[] {
    return [...this.health].sort(([a], [b]) => a - b).map(([worker, h]) => ({
      worker,
      utilizationMax: Math.max(...h.utilization),
      utilizationMean: h.utilization.reduce((s, v) => s + v, 0) / h.utilization.length,
      loopDelayP99MaxMs: Math.max(...h.loopDelay),
    }));
  }
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function obtain(map: Map<string, LatencyHistogram>, key: string): LatencyHistogram {
  let h = map.get(key);
  if (!h) map.set(key, (h = new LatencyHistogram()));
  return h;
}

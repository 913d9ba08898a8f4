/**
 * Benchmark 1, the harness's overhead: sequential CALL/CALLRESULT round trips of StatusNotification.req through the
 * emulated roles (an EmulatedChargePoint against an EmulatedCentralSystem, in one process), with validation, the
 * wire log written to a file and the protocol monitor on, as in a conformance run; against a bare `ws` client and
 * server exchanging the same JSON text. Both run in the same process, alternately in blocks, so that drift of a
 * shared machine hits both alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';
import { ProtocolMonitor } from '../../recording/protocol-monitor';
import { WireLog } from '../../recording/wire-log';
import { EmulatedCentralSystem } from '../../roles/central-system/emulated-central-system';
import { centralSystemHandlers } from '../../roles/central-system/central-system-handlers';
import { EmulatedChargePoint } from '../../roles/charge-point/emulated-charge-point';
import { IdTagRegistry } from '../../roles/id-tag-registry';
import { HarnessError } from '../../reporting/errors';
import { type Summary, summarize } from '../statistics';

export interface OverheadResult {
  readonly calls: number;
  readonly action: string;
  /** Per call, µs. */
  readonly harness: Summary;
  readonly bare: Summary;
  /** harness / bare, at p50 and p99. */
  readonly ratioP50: number;
  readonly ratioP99: number;
}

const RULE = { rule: 'OCPP 1.6 §4.9' };
const BLOCK = 250;
/**
 * Round trips per side before the measured ones: the JIT needs about 1,500 before the harness's path runs at its
 * steady speed (per-block medians of 170 → 40 µs over the first six blocks); a conformance or load run is past that
 * within its first scenarios, so warm-up samples would measure the compiler, not the judge.
 */
const WARM_UP = 3000;

function statusPayload(): Record<string, unknown> {
  return { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() };
}

/** The harness side: both emulated roles, recording to a file, judged by the monitor. */
async function harnessPair(traceDir: string): Promise<{ roundTrip: () => Promise<void>; close: () => Promise<void> }> {
  const log = new WireLog(join(traceDir, 'overhead.jsonl'));
  const monitor = new ProtocolMonitor();
  log.subscribe((r) => monitor.observe(r));
  const errors: string[] = [];
  const cs = new EmulatedCentralSystem({
    host: '127.0.0.1', port: 0, path: '/ocpp', log,
    handlers: centralSystemHandlers({ registration: 'Accepted', interval: 60, idTags: new IdTagRegistry(), dataTransferVendorIds: new Set() }),
    defaultTimeoutMs: 5000, onFinding: (f) => monitor.report(f), onHarnessError: (m) => errors.push(m),
  });
  const url = await cs.start();
  const cp = new EmulatedChargePoint({
    csmsUrl: url, identity: 'BENCH-1', log, defaultTimeoutMs: 5000, onFinding: (f) => monitor.report(f), onHarnessError: (m) => errors.push(m),
  });
  await cp.connectOrFail(RULE);
  let sinceReset = 0;
  return {
    roundTrip: async () => {
      const outcome = await cp.send('StatusNotification', statusPayload(), RULE);
      if (outcome.kind !== 'result' || errors.length > 0) throw new HarnessError(`the overhead benchmark's round trip failed: ${errors.join('; ') || outcome.kind}`);
      // A scenario's records are kept for its report; start a new "scenario" now and then so memory stays flat.
      if (++sinceReset >= 1000) {
        sinceReset = 0;
        log.beginScenario();
        cs.drainMailboxes();
        if (monitor.takeFindings().length > 0) throw new HarnessError('the overhead benchmark produced findings');
      }
    },
    close: async () => {
      await cp.disconnect();
      await cs.stop();
      log.close();
    },
  };
}

/** The bare side: `ws` on both ends, JSON.parse and a Map of pending ids, nothing else. */
async function barePair(): Promise<{ roundTrip: () => Promise<void>; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, handleProtocols: () => 'ocpp1.6' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      const [, id] = JSON.parse(data.toString()) as [number, string];
      socket.send(JSON.stringify([3, id, {}]));
    });
  });
  const { port } = server.address() as AddressInfo;
  const client = new WebSocket(`ws://127.0.0.1:${port}/ocpp/BARE-1`, ['ocpp1.6'], { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    client.once('open', () => resolve());
    client.once('error', reject);
  });
  const pending = new Map<string, () => void>();
  client.on('message', (data) => {
    const [, id] = JSON.parse(data.toString()) as [number, string];
    pending.get(id)?.();
    pending.delete(id);
  });
  let next = 0;
  return {
    roundTrip: () => new Promise<void>((resolve) => {
      const id = String(++next);
      pending.set(id, resolve);
      client.send(JSON.stringify([2, id, 'StatusNotification', statusPayload()]));
    }),
    close: async () => {
      client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function timeBlock(roundTrip: () => Promise<void>, n: number, into: number[]): Promise<void> {
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await roundTrip();
    into.push((performance.now() - t) * 1000);
  }
}

/** Runs `calls` measured round trips per side (after a warm-up of `WARM_UP` each), alternating in blocks. */
export async function benchOverhead(calls = 5000): Promise<OverheadResult> {
  const traceDir = mkdtempSync(join(tmpdir(), 'ocpp-bench-'));
  const harness = await harnessPair(traceDir);
  const bare = await barePair();
  const h: number[] = [];
  const b: number[] = [];
  try {
    await timeBlock(harness.roundTrip, WARM_UP, []);
    await timeBlock(bare.roundTrip, WARM_UP, []);
    for (let done = 0; done < calls; done += BLOCK) {
      const n = Math.min(BLOCK, calls - done);
      await timeBlock(harness.roundTrip, n, h);
      await timeBlock(bare.roundTrip, n, b);
    }
  } finally {
    await harness.close();
    await bare.close();
    rmSync(traceDir, { recursive: true, force: true });
  }
  const hs = summarize(h);
  const bs = summarize(b);
  return { calls, action: 'StatusNotification', harness: hs, bare: bs, ratioP50: hs.p50 / bs.p50, ratioP99: hs.p99 / bs.p99 };
}

/**
 * Benchmark 3, load: a boot storm of n emulated charge points against the reference Central System, which runs in
 * its own process (`ocpp-conformance reference central-system`, as a real CSMS would), then all of them held for
 * the hold time. Reports how many were held, the boot storm rate, memory per connection on both sides, and who
 * was busy during the storm, which says where the limit comes from.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT as ROOT } from '../../cli/package-root';
import { HarnessError } from '../../reporting/errors';
import type { LoadReport } from '../load-report';
import { writeLoadReports } from '../load-report';
import { MAX_STARTING_PER_WORKER, runLoad } from '../load-run';
import { ProcessSampler } from './process-sampler';

export interface LoadBenchOptions {
  readonly chargePoints: number;
  readonly holdMs: number;
  readonly workers: number;
  /** Where the run's own load.json and load.html go. */
  readonly reportsDir: string;
  readonly progress: (line: string) => void;
}

export interface LoadBenchResult {
  readonly target: number;
  readonly workers: number;
  readonly holdMs: number;
  readonly peakConnected: number;
  /** Connected at the peak and still connected when the hold ended. */
  readonly held: number;
  readonly failed: number;
  readonly dropped: number;
  readonly storm: {
    readonly bootsPerSecond: number;
    readonly bestSecond: number;
    readonly windowMs: number;
    readonly bootP99Ms: number;
    readonly connectP99Ms: number;
    /** CPU per charge point started (handshake, BootNotification, StatusNotifications), ms. */
    readonly harnessCpuMsPerChargePoint: number;
    readonly referenceCpuMsPerChargePoint: number;
  };
  readonly harness: {
    readonly heapKbPerChargePoint: number;
    readonly rssPeakMb: number;
    readonly workerBusyMax: readonly number[];
    readonly cpuCoresDuringStorm: number;
  };
  readonly reference: { readonly kbPerChargePoint: number; readonly rssPeakMb: number; readonly cpuCoresDuringStorm: number; readonly cpuCoresDuringHold: number };
  /** Cores the whole machine was busy during the storm: beyond harness and reference, the kernel's and others'. */
  readonly machineCoresDuringStorm: number;
  /** Cores the machine was busy in the seconds before the run: how quiet it was. */
  readonly machineCoresBefore: number;
  readonly verdict: string;
  /** Where the limit comes from, in one sentence. */
  readonly limit: string;
}

/** How long the machine's CPU is sampled before the run, to say how quiet it was. */
const QUIET_SAMPLE_MS = 3000;

/** Starts the reference Central System in its own process; resolves with its OCPP-J endpoint URL. */
function startReference(configFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'ocpp-conformance.js'), 'reference', 'central-system', '--port', '0', '--config', configFile], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new HarnessError(`the reference Central System did not start within 30 s: ${out}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(ws:\/\/\S+?)\/<chargePointId>/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] as string });
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new HarnessError(`the reference Central System exited with code ${code}: ${out}`));
    });
  });
}

function stopReference(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Who ran out of CPU during the storm, from the CPU time both processes used (from /proc, so it is exact). */
function explainLimit(r: LoadReport, referenceStorm: number, harnessStorm: number, machineStorm: number, cores: number): string {
  const rest = Math.max(0, machineStorm - referenceStorm - harnessStorm);
  const parts = `during the storm the harness used ${harnessStorm.toFixed(2)} core(s), the reference ${referenceStorm.toFixed(2)}, the kernel's loopback networking and other processes ${rest.toFixed(2)}, of the ${cores}`;
  if (referenceStorm >= 0.85) return `the reference Central System: its one thread was saturated (${parts}); ocpp-rpc's handshakes and the dispatch run on one core`;
  if (harnessStorm >= 0.85 * r.run.workers) return `the harness: its ${r.run.workers} worker thread(s) were saturated (${parts})`;
  if (machineStorm >= 0.85 * cores) return `the shared CPU (${parts}): harness and reference share the cores and neither had more to give`;
  return `neither side saturated (${parts}): the ${MAX_STARTING_PER_WORKER} start-ups in flight per worker over their latency set the pace`;
}

export async function benchLoad(options: LoadBenchOptions): Promise<LoadBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-load-bench-'));
  const config = join(dir, 'reference.json');
  writeFileSync(config, JSON.stringify({ registration: [{ match: '/^LOAD-/', status: 'Accepted', interval: 60 }], idTags: [], heartbeatInterval: 60 }));
  const { child, url } = await startReference(config);
  const sutFile = join(dir, 'sut.json');
  writeFileSync(sutFile, JSON.stringify({
    name: 'Reference Central System (own process)', role: 'central-system',
    centralSystem: { url, connectors: 1, chargePoints: { accepted: { pattern: 'LOAD-{n}' } } },
    timeouts: { response: '30s', connect: '30s' },
  }));
  const machine = new ProcessSampler(0);
  await new Promise((resolve) => setTimeout(resolve, QUIET_SAMPLE_MS));
  const machineBefore = machine.cpuShare(0, Date.now());
  const reference = new ProcessSampler(child.pid as number);
  const harness = new ProcessSampler(process.pid);
  let report: LoadReport;
  try {
    report = await runLoad({
      sutFile, chargePoints: options.chargePoints, rampPerSecond: Number.POSITIVE_INFINITY, durationMs: options.holdMs, profile: 'boot-storm',
      shard: { index: 1, count: 1 }, workers: options.workers, reportsDir: options.reportsDir, quiet: false,
    }, { progress: options.progress });
  } finally {
    reference.stop();
    harness.stop();
    machine.stop();
    await stopReference(child);
    rmSync(dir, { recursive: true, force: true });
  }
  writeLoadReports(report, options.reportsDir);
  const stormFrom = report.bootRate.fromEpochMs;
  const stormTo = stormFrom + Math.max(1000, report.bootRate.windowMs);
  const holdTo = Date.parse(report.run.startedAt) + report.run.wallMs;
  const referenceStorm = reference.cpuShare(stormFrom, stormTo);
  const harnessStorm = harness.cpuShare(stormFrom, stormTo);
  const machineStorm = machine.cpuShare(stormFrom, stormTo);
  const peak = report.peakConnected;
  const perBoot = (cores: number): number => Math.round(((cores * (stormTo - stormFrom)) / Math.max(1, report.totals.boots.accepted)) * 100) / 100;
  const kb = (bytes: number): number => (peak > 0 ? Math.round(bytes / peak / 1024) : 0);
  return {
    target: options.chargePoints,
    workers: report.run.workers,
    holdMs: options.holdMs,
    peakConnected: peak,
    held: peak - report.totals.dropped,
    failed: report.totals.chargePoints.failed,
    dropped: report.totals.dropped,
    storm: {
      bootsPerSecond: report.bootRate.perSecond, bestSecond: report.bootRate.peakSecond, windowMs: report.bootRate.windowMs,
      bootP99Ms: report.latency['BootNotification']?.p99 ?? Number.NaN, connectP99Ms: report.latency['connect']?.p99 ?? Number.NaN,
      harnessCpuMsPerChargePoint: perBoot(harnessStorm), referenceCpuMsPerChargePoint: perBoot(referenceStorm),
    },
    harness: {
      heapKbPerChargePoint: report.harness.heapKbPerChargePoint, rssPeakMb: report.harness.rssPeakMb,
      workerBusyMax: report.harness.workers.map((w) => Math.round(w.utilizationMax * 100) / 100), cpuCoresDuringStorm: harnessStorm,
    },
    reference: {
      kbPerChargePoint: kb(reference.peakRss() - reference.firstRss()), rssPeakMb: Math.round(reference.peakRss() / 2 ** 20),
      cpuCoresDuringStorm: referenceStorm, cpuCoresDuringHold: reference.cpuShare(stormTo, holdTo),
    },
    machineCoresDuringStorm: machineStorm,
    machineCoresBefore: machineBefore,
    verdict: `${report.verdict.verdict}: ${report.verdict.reason}`,
    limit: explainLimit(report, referenceStorm, harnessStorm, machineStorm, report.machine.cores) +
      (machineBefore >= 0.2 ? `; the machine was already busy with ${machineBefore.toFixed(2)} core(s) of other work before the run, so the figures are low` : ''),
  };
}

/**
 * `npm run bench` (`ocpp-conformance bench`): the three benchmarks that keep the harness fast, printed as a table
 * and written to `<reports>/bench.json` with the machine they ran on. A script, not a timed test: it judges
 * nothing and exits 0 unless it could not run (3).
 *
 *   overhead   sequential round trips through the emulated roles vs bare ws (per call µs, p50/p99, ratio)
 *   suites     each suite's wall time against the reference SUTs vs the protocol waits of its scenarios
 *   load       a boot storm against the reference Central System in its own process, then a hold
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type FlagSpec, helpText, parseArgs } from '../../cli/args';
import { PACKAGE_ROOT as ROOT } from '../../cli/package-root';
import { runSuite } from '../../cli/run-command';
import { ConfigError } from '../../reporting/errors';
import { formatDuration, parseDuration } from '../../sut/duration';
import { formatMs } from '../load-verdict';
import { describeMachine, machineInfo, type MachineInfo } from '../machine';
import { benchLoad, type LoadBenchResult } from './load-bench';
import { benchOverhead, type OverheadResult } from './overhead-bench';
import { suiteEfficiency, type SuiteEfficiency, WAIT_GAP_MS } from './suite-bench';

const BENCHES = ['overhead', 'suites', 'load'] as const;
const REFERENCE_SUTS = ['reference-charge-point.json', 'reference-central-system.json'];

export const BENCH_FLAGS: Record<string, FlagSpec> = {
  only: { kind: 'list', placeholder: 'names', description: `Run only these benchmarks: ${BENCHES.join(', ')} (default all).` },
  calls: { kind: 'number', placeholder: 'n', description: 'overhead: measured round trips per side (default 5000).' },
  'suites-from': { kind: 'string', placeholder: 'dir', description: 'suites: read the results of an earlier run from this reports folder instead of running the suites.' },
  parallel: { kind: 'number', placeholder: 'n', description: 'suites: worker processes per suite (default 2, as npm start).' },
  'charge-points': { kind: 'number', placeholder: 'n', description: 'load: charge points of the boot storm (default 10000).' },
  hold: { kind: 'string', placeholder: 'time', description: 'load: how long they are held once all are up (default 60s).' },
  workers: { kind: 'number', placeholder: 'n', description: 'load: worker threads of the harness (default one per core).' },
  reports: { kind: 'string', placeholder: 'dir', description: 'Reports folder (default reports): bench.json, bench/.' },
};

export const BENCH_HELP = helpText('ocpp-conformance bench [options]', 'Measures the harness: its overhead per CALL, the efficiency of the suites, and the load it can generate.', BENCH_FLAGS);

export interface BenchReport {
  readonly machine: MachineInfo;
  readonly startedAt: string;
  readonly overhead?: OverheadResult;
  readonly suites?: { readonly source: string; readonly parallel: number; readonly waitGapMs: number; readonly suites: readonly SuiteEfficiency[] };
  readonly load?: LoadBenchResult;
}

async function runSuites(reportsDir: string, parallel: number): Promise<Record<string, number>> {
  const wall: Record<string, number> = {};
  for (const [i, file] of REFERENCE_SUTS.entries()) {
    const t = performance.now();
    const outcome = await runSuite({ sutFile: join(ROOT, 'fixtures', 'sut', file), reportsDir, parallel, quiet: true, keepReports: i > 0 });
    const name = outcome.results[0]?.sut;
    if (name) wall[name] = performance.now() - t;
  }
  return wall;
}

const us = (x: number): string => `${x.toFixed(0)} µs`;

export function formatBench(r: BenchReport): string {
  const lines = [`Benchmarks on ${describeMachine(r.machine)}`, ''];
  if (r.overhead) {
    const o = r.overhead;
    lines.push(`1. Harness overhead: ${o.calls} sequential ${o.action} CALL/CALLRESULT round trips per side`);
    lines.push(`   ${'side'.padEnd(44)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'mean'.padStart(9)}`);
    lines.push(`   ${'emulated roles (validation, wire log, monitor)'.padEnd(44)} ${us(o.harness.p50).padStart(9)} ${us(o.harness.p99).padStart(9)} ${us(o.harness.mean).padStart(9)}`);
    lines.push(`   ${'bare ws client and server'.padEnd(44)} ${us(o.bare.p50).padStart(9)} ${us(o.bare.p99).padStart(9)} ${us(o.bare.mean).padStart(9)}`);
    lines.push(`   ratio: ${o.ratioP50.toFixed(1)}× at p50, ${o.ratioP99.toFixed(1)}× at p99`, '');
  }
  if (r.suites) {
    lines.push(`2. Suite efficiency (${r.suites.source}; --parallel ${r.suites.parallel}; a wait is a silence of ≥ ${r.suites.waitGapMs} ms in a scenario's trace)`);
    lines.push(`   ${'suite'.padEnd(28)} ${'cases'.padStart(5)} ${'wall'.padStart(8)} ${'span'.padStart(8)} ${'Σ cases'.padStart(8)} ${'Σ waits'.padStart(8)} ${'Σcases/Σwaits'.padStart(13)} ${'wall/Σwaits'.padStart(11)}`);
    for (const s of r.suites.suites) {
      lines.push(`   ${s.suite.slice(0, 28).padEnd(28)} ${String(s.scenarios).padStart(5)} ${formatDuration(s.wallMs).padStart(8)} ${formatDuration(s.spanMs).padStart(8)} ${formatDuration(s.scenarioMs).padStart(8)} ${formatDuration(s.waitMs).padStart(8)} ${s.ratio.toFixed(2).padStart(13)} ${(s.wallMs / s.waitMs).toFixed(2).padStart(11)}`);
      lines.push(`   ${''.padEnd(28)} most time beyond waits: ${s.slowest.map((x) => `${x.id} ${formatDuration(x.durationMs - x.waitMs)}`).join(', ')}`);
    }
    lines.push('');
  }
  if (r.load) {
    const l = r.load;
    lines.push(`3. Load against the reference Central System in its own process (${l.workers} harness worker thread(s))`);
    lines.push(`   held for ${formatDuration(l.holdMs)}: ${l.held.toLocaleString('en-US')} of ${l.target.toLocaleString('en-US')} charge points (peak ${l.peakConnected.toLocaleString('en-US')}, ${l.failed} failed, ${l.dropped} dropped)`);
    lines.push(`   boot storm: ${l.storm.bootsPerSecond.toLocaleString('en-US')} boots accepted/s over ${formatDuration(l.storm.windowMs)} (best second ${l.storm.bestSecond.toLocaleString('en-US')}); p99 connect ${formatMs(l.storm.connectP99Ms)}, BootNotification ${formatMs(l.storm.bootP99Ms)}`);
    lines.push(`   CPU per charge point started: harness ${l.storm.harnessCpuMsPerChargePoint} ms, reference ${l.storm.referenceCpuMsPerChargePoint} ms`);
    lines.push(`   memory per connection: harness ${l.harness.heapKbPerChargePoint} KB of live JS heap (RSS peak ${l.harness.rssPeakMb} MB with start-up); reference ${l.reference.kbPerChargePoint} KB of RSS growth (RSS peak ${l.reference.rssPeakMb} MB)`);
    lines.push(`   CPU during the storm: harness ${l.harness.cpuCoresDuringStorm.toFixed(2)} core(s), reference ${l.reference.cpuCoresDuringStorm.toFixed(2)}, whole machine ${l.machineCoresDuringStorm.toFixed(2)} (${l.machineCoresBefore.toFixed(2)} before the run); during the hold: reference ${l.reference.cpuCoresDuringHold.toFixed(2)}`);
    lines.push(`   limit: ${l.limit}`);
    lines.push(`   verdict of the run: ${l.verdict}`, '');
  }
  return `${lines.join('\n')}\n`;
}

export async function benchCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  if (argv.includes('--help')) {
    out.write(BENCH_HELP);
    return 0;
  }
  const { flags, positionals } = parseArgs(argv, BENCH_FLAGS, 'ocpp-conformance bench');
  if (positionals.length > 0) throw new ConfigError(`ocpp-conformance bench: unexpected argument "${positionals[0]}"`);
  const only = (flags['only'] as string[] | undefined) ?? [...BENCHES];
  const unknown = only.find((b) => !(BENCHES as readonly string[]).includes(b));
  if (unknown) throw new ConfigError(`ocpp-conformance bench: --only takes ${BENCHES.join(', ')}, not "${unknown}"`);
  const holdMs = flags['hold'] === undefined ? 60_000 : parseDuration(flags['hold']);
  if (holdMs === undefined) throw new ConfigError(`ocpp-conformance bench: --hold takes a time such as 60s, not "${String(flags['hold'])}"`);
  const reportsDir = resolve((flags['reports'] as string | undefined) ?? 'reports');
  const parallel = (flags['parallel'] as number | undefined) ?? 2;
  const log = (line: string): void => void out.write(`${line}\n`);

  const machine = machineInfo();
  const report: { -readonly [K in keyof BenchReport]: BenchReport[K] } = { machine, startedAt: new Date().toISOString() };
  if (only.includes('overhead')) {
    log('overhead: round trips through the emulated roles and through bare ws…');
    report.overhead = await benchOverhead((flags['calls'] as number | undefined) ?? 5000);
  }
  if (only.includes('suites')) {
    const from = flags['suites-from'] as string | undefined;
    const dir = from ? resolve(from) : join(reportsDir, 'bench', 'suites');
    log(from ? `suites: reading the results in ${dir}…` : 'suites: running both suites against the reference SUTs…');
    const wall = from ? {} : await runSuites(dir, parallel);
    const suites = suiteEfficiency(dir, wall);
    if (suites.length === 0) throw new ConfigError(`ocpp-conformance bench: no scenario results in ${join(dir, 'results')}`);
    report.suites = { source: from ? `results in ${relative(process.cwd(), dir) || '.'}` : 'suites run now', parallel, waitGapMs: WAIT_GAP_MS, suites };
  }
  if (only.includes('load')) {
    const chargePoints = (flags['charge-points'] as number | undefined) ?? 10_000;
    log(`load: boot storm of ${chargePoints.toLocaleString('en-US')} charge points, then a hold of ${formatDuration(holdMs)}…`);
    report.load = await benchLoad({
      chargePoints, holdMs, workers: (flags['workers'] as number | undefined) ?? availableParallelism(),
      reportsDir: join(reportsDir, 'bench', 'load'), progress: log,
    });
  }
  mkdirSync(reportsDir, { recursive: true });
  const file = join(reportsDir, 'bench.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  out.write(`\n${formatBench(report)}Written to ${relative(process.cwd(), file)}\n`);
  return 0;
}

/**
 * The report of a load run: one JSON document (`<reports>/load.json`) from which the terminal table and the HTML
 * chart are made. It keeps the latency histograms too, so that the reports of several shards can be combined.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadAggregate, SeriesPoint, WorkerHealth } from './load-aggregate';
import type { LoadCounters, Sample } from './load-recorder';
import type { Profile } from './load-options';
import { loadHtml } from './load-html';
import { errorRate, formatMs, type LoadVerdict } from './load-verdict';
import type { MachineInfo } from './machine';
import { describeMachine } from './machine';
import type { HistogramData, Summary } from './statistics';

export interface LoadReport {
  readonly sut: { readonly name: string; readonly file: string; readonly url: string; readonly reference: boolean };
  readonly run: {
    readonly profile: Profile;
    /** The whole run's charge points, and the numbers this shard ran. */
    readonly chargePoints: number;
    readonly shard: string;
    readonly first: number;
    readonly size: number;
    readonly workers: number;
    /** null: as fast as the Central System let them in. */
    readonly rampPerSecond: number | null;
    readonly durationMs: number;
    readonly startedAt: string;
    readonly wallMs: number;
    /** Ended by Ctrl-C before the duration was over: the figures cover what ran. */
    readonly interrupted?: boolean;
  };
  readonly machine: MachineInfo;
  readonly totals: LoadCounters;
  readonly latency: Readonly<Record<string, Summary>>;
  readonly histograms: Readonly<Record<string, HistogramData>>;
  readonly peakConnected: number;
  /** Boots accepted per second from the first handshake to the last boot accepted, and the best single second. */
  readonly bootRate: { readonly perSecond: number; readonly peakSecond: number; readonly windowMs: number; readonly fromEpochMs: number };
  readonly series: readonly SeriesPoint[];
  readonly harness: {
    readonly workers: readonly WorkerHealth[];
    /** The main thread's busy share: the in-process reference Central System's, when there is one. */
    readonly mainThreadUtilizationMax: number;
    readonly rssBaselineMb: number;
    readonly rssPeakMb: number;
    /**
     * Memory per charge point: growth of the live JavaScript heap (after a full GC) of the threads that run the
     * charge points, from before the first connection to all started, per connection. RSS growth is no measure
     * here: the start-up (ts-node) leaves freed heap behind that the first connections reuse.
     */
    readonly heapKbPerChargePoint: number;
  };
  readonly verdict: LoadVerdict;
  readonly samples: readonly Sample[];
}

export interface ReportContext {
  readonly sut: LoadReport['sut'];
  readonly run: LoadReport['run'];
  readonly machine: MachineInfo;
  readonly verdict: LoadVerdict;
  readonly mainThreadUtilizationMax: number;
  readonly rss: { readonly baseline: number; readonly peak: number };
}

export function buildLoadReport(aggregate: LoadAggregate, ctx: ReportContext): LoadReport {
  const series = aggregate.series();
  const peakConnected = Math.max(0, ...series.map((p) => p.connected));
  const totals = aggregate.totals();
  const windowMs = aggregate.lastAcceptedAt > 0 ? aggregate.lastAcceptedAt - aggregate.firstConnectAt : 0;
  const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
  return {
    sut: ctx.sut,
    run: ctx.run,
    machine: ctx.machine,
    totals,
    latency: Object.fromEntries([...aggregate.latency()].map(([a, h]) => [a, h.summary()])),
    histograms: Object.fromEntries([...aggregate.latency()].map(([a, h]) => [a, h.toData()])),
    peakConnected,
    bootRate: {
      perSecond: windowMs > 0 ? Math.round((totals.boots.accepted / windowMs) * 1000) : 0,
      peakSecond: Math.max(0, ...series.map((p) => p.latency['BootNotification']?.count ?? 0)),
      windowMs,
      fromEpochMs: aggregate.firstConnectAt,
    },
    series,
    harness: {
      workers: aggregate.workerHealth(),
      mainThreadUtilizationMax: ctx.mainThreadUtilizationMax,
      rssBaselineMb: mb(ctx.rss.baseline),
      rssPeakMb: mb(ctx.rss.peak),
      heapKbPerChargePoint: Math.round((aggregate.heapPerChargePoint() / 1024) * 10) / 10,
    },
    verdict: ctx.verdict,
    samples: aggregate.samples,
  };
}

/** Writes load.json and load.html; returns their paths. */
export function writeLoadReports(report: LoadReport, reportsDir: string): { json: string; html: string } {
  mkdirSync(reportsDir, { recursive: true });
  const json = join(reportsDir, 'load.json');
  const html = join(reportsDir, 'load.html');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(html, loadHtml(report));
  return { json, html };
}

const n = (x: number): string => x.toLocaleString('en-US');
const pct = (x: number): string => `${Math.round(x * 100)} %`;

/** Actions in the order a charge point sends them, `connect` first. */
export function actionRows(report: LoadReport): string[] {
  const order = ['connect', 'BootNotification', 'StatusNotification', 'Heartbeat', 'Authorize', 'StartTransaction', 'MeterValues', 'StopTransaction'];
  const seen = new Set([...Object.keys(report.latency), ...Object.keys(report.totals.calls)]);
  return [...order.filter((a) => seen.has(a)), ...[...seen].filter((a) => !order.includes(a)).sort()];
}

/** Number of CALLERRORs of an action (tallied per `action code`). */
export function callErrorsOf(totals: LoadCounters, action: string): number {
  return Object.entries(totals.callErrors).filter(([k]) => k.startsWith(`${action} `)).reduce((s, [, v]) => s + v, 0);
}

/** The terminal table. */
export function formatLoadTable(r: LoadReport): string {
  const t = r.totals;
  const lines: string[] = [];
  const ramp = r.run.rampPerSecond === null ? 'as fast as possible' : `${n(r.run.rampPerSecond)}/s`;
  lines.push(`Load run against ${r.sut.name} (${r.sut.url}${r.sut.reference ? ', reference started by the harness' : ''})`);
  lines.push(`  profile ${r.run.profile}, ${n(r.run.size)} of ${n(r.run.chargePoints)} charge points (shard ${r.run.shard}), ramp ${ramp}, held ${formatMs(r.run.durationMs)}, ${r.run.workers} worker thread(s), ${formatMs(r.run.wallMs)} in all`);
  lines.push(`  machine: ${describeMachine(r.machine)}`);
  lines.push('');
  lines.push(`  connects      ${n(t.connects.ok)} ok, ${n(t.connects.failed)} failed${t.connects.failed ? ` (${Object.entries(t.connects.failures).map(([k, v]) => `${k}: ${n(v)}`).join(', ')})` : ''}; peak ${n(r.peakConnected)} connected; ${n(t.dropped)} dropped during the run`);
  lines.push(`  boots         ${n(t.boots.accepted)} accepted, ${n(t.boots.pending)} pending, ${n(t.boots.rejected)} rejected; ${n(r.bootRate.perSecond)} accepted/s over ${formatMs(r.bootRate.windowMs)} (best second ${n(r.bootRate.peakSecond)})`);
  if (r.run.profile === 'sessions') lines.push(`  sessions      ${n(t.sessions.started)} started, ${n(t.sessions.completed)} completed`);
  const { errors, calls, rate } = errorRate(t);
  lines.push(`  CALLs         ${n(calls)} sent, ${n(errors)} errors (${(rate * 100).toFixed(3)} %)${Object.keys(t.received).length ? `; CSMS CALLs answered: ${Object.entries(t.received).map(([k, v]) => `${k} ${n(v)}`).join(', ')}` : ''}`);
  lines.push('');
  const head = ['action', 'CALLs', 'answers', 'CALLERROR', 'timeouts', 'unexpected', 'p50', 'p95', 'p99', 'max'];
  const rows = actionRows(r).map((a) => {
    const s = r.latency[a];
    const isConnect = a === 'connect';
    return [
      a,
      n(isConnect ? t.connects.attempted : t.calls[a] ?? 0),
      n(isConnect ? t.connects.ok : t.answers[a] ?? 0),
      isConnect ? '–' : n(callErrorsOf(t, a)),
      isConnect ? '–' : n(t.timeouts[a] ?? 0),
      isConnect ? n(t.connects.failed) : n(t.unexpected[a] ?? 0),
      ...(s ? [formatMs(s.p50), formatMs(s.p95), formatMs(s.p99), formatMs(s.max)] : ['–', '–', '–', '–']),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const fmt = (row: string[]): string => `  ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')}`;
  lines.push(fmt(head));
  for (const row of rows) lines.push(fmt(row));
  lines.push('');
  const findings = Object.entries(t.findings);
  lines.push(`  findings      ${findings.length === 0 ? 'none' : findings.map(([k, v]) => `${k} ×${n(v)}`).join('; ')}`);
  const workers = r.harness.workers.map((w) => `worker ${w.worker} busy ≤ ${pct(w.utilizationMax)} (mean ${pct(w.utilizationMean)}), loop delay p99 ≤ ${formatMs(w.loopDelayP99MaxMs)}`).join('; ');
  lines.push(`  harness       ${workers}`);
  lines.push(`                main thread${r.sut.reference ? ' (in-process reference CSMS)' : ''} busy ≤ ${pct(r.harness.mainThreadUtilizationMax)}; ${r.harness.heapKbPerChargePoint} KB of live JS heap per charge point; RSS ${n(r.harness.rssBaselineMb)} → ${n(r.harness.rssPeakMb)} MB${r.sut.reference ? ' (harness and reference together)' : ''}`);
  lines.push('');
  for (const check of r.verdict.checks) {
    lines.push(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.actual} (limit ${check.limit})${check.rule ? ` [${check.rule}]` : ''}`);
  }
  lines.push('');
  lines.push(`${r.verdict.verdict} — ${r.verdict.reason}${r.run.interrupted ? ' (interrupted: the figures cover what ran)' : ''}`);
  return `${lines.join('\n')}\n`;
}

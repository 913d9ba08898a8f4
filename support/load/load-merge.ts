/**
 * Combines the `load.json` of the shards of one run (`--shard i/n` on several machines) into one report and one
 * verdict: counters add up, latency histograms merge exactly, connected charge points add up second by second (by
 * wall clock, so the machines' clocks should agree to within a second). Per-second latency cannot be merged from
 * the shards' summaries: a merged second shows the highest p95, p99 and max of the shards and the count-weighted p50.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../reporting/errors';
import type { SutConfig } from '../sut/sut-config';
import type { SeriesPoint } from './load-aggregate';
import { addCounters, emptyCounters } from './load-recorder';
import type { LoadReport } from './load-report';
import { judgeLoad, type LoadCheck, type LoadVerdict } from './load-verdict';
import { type HistogramData, LatencyHistogram, type Summary } from './statistics';

export function readLoadReport(file: string): LoadReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`cannot read the load report ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const r = data as Partial<LoadReport>;
  if (!r.run || !r.totals || !r.histograms || !r.series) throw new ConfigError(`${file} is not a load.json written by ocpp-conformance load`);
  return data as LoadReport;
}

function mergeSecond(points: readonly SeriesPoint[], t: number, connected: number): SeriesPoint {
  const actions = new Set(points.flatMap((p) => Object.keys(p.latency)));
  const latency: Record<string, Summary> = {};
  for (const a of actions) {
    const parts = points.map((p) => p.latency[a]).filter((s): s is Summary => s !== undefined);
    const count = parts.reduce((s, p) => s + p.count, 0);
    latency[a] = {
      count,
      p50: parts.reduce((s, p) => s + p.p50 * p.count, 0) / count,
      p95: Math.max(...parts.map((p) => p.p95)),
      p99: Math.max(...parts.map((p) => p.p99)),
      max: Math.max(...parts.map((p) => p.max)),
      mean: parts.reduce((s, p) => s + p.mean * p.count, 0) / count,
    };
  }
  return { t, connected, latency };
}

/** A per-charge-point figure of the shards, weighted by their peak connections. */
function weighted(reports: readonly LoadReport[], figure: (r: LoadReport) => number): number {
  const connections = reports.reduce((s, r) => s + r.peakConnected, 0);
  return Math.round((reports.reduce((s, r) => s + figure(r) * r.peakConnected, 0) / Math.max(1, connections)) * 10) / 10;
}

/** A merge that lacks shards says nothing about their charge points: ERROR, as a harness or operator failure. */
function withShardCheck(verdict: LoadVerdict, merged: number, expected: number): LoadVerdict {
  if (merged >= expected) return verdict;
  const check: LoadCheck = { name: 'shards merged', limit: String(expected), actual: String(merged), ok: false, kind: 'harness' };
  return { verdict: 'ERROR', checks: [check, ...verdict.checks], reason: `only ${merged} of ${expected} shards merged; ${verdict.reason}` };
}

export function mergeLoadReports(reports: readonly LoadReport[], sut: SutConfig): LoadReport {
  const first = reports[0];
  if (!first) throw new ConfigError('--merge needs the load.json of at least one shard');
  for (const r of reports) {
    if (r.run.chargePoints !== first.run.chargePoints || r.run.profile !== first.run.profile || r.run.shard.split('/')[1] !== first.run.shard.split('/')[1]) {
      throw new ConfigError(`the load reports are not shards of one run: ${first.run.shard} of ${first.run.chargePoints} (${first.run.profile}) and ${r.run.shard} of ${r.run.chargePoints} (${r.run.profile})`);
    }
  }
  const shards = reports.map((r) => r.run.shard);
  const twice = shards.find((s, i) => shards.indexOf(s) !== i);
  if (twice) throw new ConfigError(`shard ${twice} is given twice`);

  const totals = emptyCounters();
  const histograms = new Map<string, LatencyHistogram>();
  for (const r of reports) {
    addCounters(totals, r.totals);
    for (const [a, data] of Object.entries(r.histograms) as Array<[string, HistogramData]>) {
      const h = histograms.get(a) ?? new LatencyHistogram();
      h.merge(data);
      histograms.set(a, h);
    }
  }
  const start = Math.min(...reports.map((r) => Date.parse(r.run.startedAt)));
  const end = Math.max(...reports.map((r) => Date.parse(r.run.startedAt) + r.run.wallMs));
  // Each shard's points by wall-clock second; a shard without a point in some second counts with its last value.
  const bySecond = new Map<number, Map<number, SeriesPoint>>();
  reports.forEach((r, shard) => {
    const offset = Math.floor((Date.parse(r.run.startedAt) - start) / 1000);
    for (const p of r.series) {
      const at = bySecond.get(p.t + offset) ?? new Map<number, SeriesPoint>();
      at.set(shard, p);
      bySecond.set(p.t + offset, at);
    }
  });
  const lastConnected = new Map<number, number>();
  const series = [...bySecond.keys()].sort((a, b) => a - b).map((t) => {
    const at = bySecond.get(t) as Map<number, SeriesPoint>;
    for (const [shard, p] of at) lastConnected.set(shard, p.connected);
    return mergeSecond([...at.values()], t, [...lastConnected.values()].reduce((s, v) => s + v, 0));
  });
  const latency = new Map([...histograms].map(([a, h]) => [a, h.summary()]));
  const size = reports.reduce((s, r) => s + r.run.size, 0);
  const from = Math.min(...reports.map((r) => r.bootRate.fromEpochMs).filter((t) => t > 0));
  const to = Math.max(...reports.map((r) => r.bootRate.fromEpochMs + r.bootRate.windowMs));
  const peakConnected = Math.max(0, ...series.map((p) => p.connected));
  const missing = Number(first.run.shard.split('/')[1]) - reports.length;
  return {
    sut: { ...first.sut, name: sut.name, file: sut.file },
    run: {
      ...first.run,
      shard: `${reports.length} of ${first.run.shard.split('/')[1]} shards merged${missing > 0 ? ` (${missing} missing)` : ''}`,
      first: Math.min(...reports.map((r) => r.run.first)),
      size,
      workers: reports.reduce((s, r) => s + r.run.workers, 0),
      startedAt: new Date(start).toISOString(),
      wallMs: end - start,
    },
    machine: first.machine,
    totals,
    latency: Object.fromEntries(latency),
    histograms: Object.fromEntries([...histograms].map(([a, h]) => [a, h.toData()])),
    peakConnected,
    bootRate: {
      perSecond: to > from ? Math.round((totals.boots.accepted / (to - from)) * 1000) : 0,
      peakSecond: Math.max(0, ...series.map((p) => p.latency['BootNotification']?.count ?? 0)),
      windowMs: Math.max(0, to - from),
      fromEpochMs: Number.isFinite(from) ? from : 0,
    },
    series,
    harness: {
      workers: reports.flatMap((r, shard) => r.harness.workers.map((w) => ({ ...w, worker: shard * 1000 + w.worker }))),
      mainThreadUtilizationMax: Math.max(...reports.map((r) => r.harness.mainThreadUtilizationMax)),
      rssBaselineMb: reports.reduce((s, r) => s + r.harness.rssBaselineMb, 0),
      rssPeakMb: reports.reduce((s, r) => s + r.harness.rssPeakMb, 0),
      heapKbPerChargePoint: weighted(reports, (r) => r.harness.heapKbPerChargePoint),
    },
    verdict: withShardCheck(judgeLoad({ counters: totals, latency, thresholds: sut.load.thresholds, chargePoints: size }), reports.length, Number(first.run.shard.split('/')[1])),
    samples: reports.flatMap((r) => r.samples).slice(0, 40),
  };
}

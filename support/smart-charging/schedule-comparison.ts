// Compares a reported composite schedule (GetCompositeSchedule.conf, OCPP 1.6 §6.22) with the oracle's, tolerating
// what the spec leaves open: another period split, limit rounding, startSchedule vs scheduleStart (errata §3.57).
import { type ChargingRateUnit, type ChargingSchedule, DEFAULT_NUMBER_PHASES, epochSeconds, isoOf } from './charging-profiles';
import type { ExpectedComposite } from './composite-schedule';

export interface ReportedComposite {
  /** GetCompositeSchedule.conf scheduleStart. */
  scheduleStart?: string;
  chargingSchedule: ChargingSchedule;
}

/** One piece of the compared window where neither schedule changes; times in epoch seconds. */
export interface Row {
  start: number;
  end: number;
  expectedLimit: number | null;
  expectedPhases: number;
  reportedLimit: number | undefined;
  reportedPhases: number | undefined;
  ok: boolean;
}

export type Difference =
  | { kind: 'limit'; startPeriod: number; at: string; endPeriod: number; expectedLimit: number | null; reportedLimit: number | undefined;
    expectedPhases: number; reportedPhases: number | undefined }
  | { kind: 'unit'; expected: ChargingRateUnit; reported: ChargingRateUnit }
  | { kind: 'duration'; expected: number; reported: number };

export interface Comparison {
  equal: boolean;
  differences: Difference[];
  rows: Row[];
  /** Start of the compared window (the expected scheduleStart), epoch seconds. */
  origin: number;
}

interface Piece { start: number; end: number; limit: number; numberPhases: number }

/** The reported schedule as absolute pieces: each period lasts until the next one or the end of the duration. */
function reportedPieces(reported: ReportedComposite, fallbackStart: string, fallbackDuration: number): Piece[] {
  const schedule = reported.chargingSchedule;
  const start = epochSeconds(schedule.startSchedule ?? reported.scheduleStart ?? fallbackStart);
  const end = start + (schedule.duration ?? fallbackDuration);
  const periods = [...schedule.chargingSchedulePeriod].sort((a, b) => a.startPeriod - b.startPeriod);
  return periods.map((p, i) => ({
    start: start + p.startPeriod,
    end: i + 1 < periods.length ? start + periods[i + 1].startPeriod : end,
    limit: p.limit,
    numberPhases: p.numberPhases ?? DEFAULT_NUMBER_PHASES, // errata §3.68
  })).filter(p => p.end > p.start);
}

/**
 * Expected vs reported, over the expected window. A limit matches within `tolerance` (default 0.1, the schema's
 * multipleOf); numberPhases must match (absent = 3). Where the oracle expects no limit (null) any report matches.
 * A change of limit may come up to `timeTolerance` seconds early or late (default 1: a charger that counts whole
 * seconds from its own scheduleStart rounds the boundaries): a differing stretch that short is not a difference.
 */
export function compareSchedules(expected: ExpectedComposite, reported: ReportedComposite, tolerance = 0.1, timeTolerance = 1): Comparison {
  const origin = epochSeconds(expected.scheduleStart);
  const end = origin + expected.duration;
  const differences: Difference[] = [];
  const unit = reported.chargingSchedule.chargingRateUnit;
  if (unit !== expected.chargingRateUnit) differences.push({ kind: 'unit', expected: expected.chargingRateUnit, reported: unit });
  const duration = reported.chargingSchedule.duration;
  if (duration !== undefined && duration !== expected.duration) differences.push({ kind: 'duration', expected: expected.duration, reported: duration });
  const pieces = reportedPieces(reported, expected.scheduleStart, expected.duration);
  const edges = [...new Set([origin, end, ...expected.segments.map(s => s.start), ...pieces.flatMap(p => [p.start, p.end])])]
    .filter(t => t >= origin && t <= end).sort((a, b) => a - b);
  const rows: Row[] = [];
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const at = edges[i];
    const want = expected.segments.find(s => s.start <= at && at < s.end);
    const got = pieces.find(p => p.start <= at && at < p.end);
    const expectedLimit = want?.limit ?? null;
    const expectedPhases = want?.numberPhases ?? DEFAULT_NUMBER_PHASES;
    const ok = expectedLimit === null || unit !== expected.chargingRateUnit || edges[i + 1] - at <= timeTolerance + 1e-9
      || (got !== undefined && Math.abs(got.limit - expectedLimit) <= tolerance + 1e-9 && got.numberPhases === expectedPhases);
    const row: Row = { start: at, end: edges[i + 1], expectedLimit, expectedPhases, reportedLimit: got?.limit, reportedPhases: got?.numberPhases, ok };
    const last = rows.at(-1);
    const same = last !== undefined && last.ok === row.ok && last.expectedLimit === row.expectedLimit && last.expectedPhases === row.expectedPhases
      && last.reportedLimit === row.reportedLimit && last.reportedPhases === row.reportedPhases;
    if (same) last.end = row.end; else rows.push(row);
  }
  for (const r of rows.filter(row => !row.ok)) {
    differences.push({ kind: 'limit', startPeriod: Math.round(r.start - origin), at: isoOf(r.start), endPeriod: Math.round(r.end - origin),
      expectedLimit: r.expectedLimit, reportedLimit: r.reportedLimit, expectedPhases: r.expectedPhases, reportedPhases: r.reportedPhases });
  }
  return { equal: differences.length === 0, differences, rows, origin };
}

/** One line per difference, for a failure message (OCPP 1.6 §5.7). */
export function describeDifferences(comparison: Comparison): string[] {
  return comparison.differences.map(describeDifference);
}

function describeDifference(d: Difference): string {
  switch (d.kind) {
    case 'unit': return `chargingRateUnit: expected ${d.expected}, reported ${d.reported}`;
    case 'duration': return `duration: expected ${d.expected} s, reported ${d.reported} s`;
    case 'limit': return `from ${d.startPeriod} s (${d.at}) to ${d.endPeriod} s: expected limit ${d.expectedLimit ?? 'none'}`
      + ` (numberPhases ${d.expectedPhases}), reported ${d.reportedLimit ?? 'no period'}`
      + (d.reportedPhases === undefined ? '' : ` (numberPhases ${d.reportedPhases})`);
  }
}

const cell = (limit: number | null | undefined, phases: number | undefined) =>
  limit === undefined ? '—' : limit === null ? 'no limit' : `${limit} (${phases}φ)`;

/** A Markdown table of expected vs reported pieces, for an Allure attachment. */
export function renderComparisonTable(comparison: Comparison, unit: ChargingRateUnit): string {
  const lines = [`| from (s) | to (s) | time (UTC) | expected ${unit} | reported ${unit} | |`, '|---:|---:|---|---:|---:|---|'];
  for (const r of comparison.rows) {
    lines.push(`| ${Math.round(r.start - comparison.origin)} | ${Math.round(r.end - comparison.origin)} | ${isoOf(r.start)} `
      + `| ${cell(r.expectedLimit, r.expectedPhases)} | ${cell(r.reportedLimit, r.reportedPhases)} | ${r.ok ? 'ok' : '**differs**'} |`);
  }
  const others = comparison.differences.filter(d => d.kind !== 'limit').map(d => `\n${describeDifference(d)}`);
  return [...lines, ...others].join('\n');
}

/** A small inline SVG step chart of both schedules (expected solid, reported dashed), no limit drawn as a gap. */
export function renderStepChart(comparison: Comparison, width = 480, height = 160): string {
  const { rows, origin } = comparison;
  const span = Math.max(1, (rows.at(-1)?.end ?? origin) - origin);
  const top = Math.max(1, ...rows.flatMap(r => [r.expectedLimit ?? 0, r.reportedLimit ?? 0]));
  const x = (t: number) => ((t - origin) / span * (width - 20) + 10).toFixed(1);
  const y = (v: number) => (height - 10 - v / top * (height - 20)).toFixed(1);
  const path = (limit: (r: Row) => number | null | undefined) => rows
    .map(r => { const v = limit(r); return v === null || v === undefined ? '' : `M${x(r.start)},${y(v)}H${x(r.end)}`; }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
    + `<path d="${path(r => r.expectedLimit)}" stroke="#2a6" stroke-width="3" fill="none"/>`
    + `<path d="${path(r => r.reportedLimit)}" stroke="#c33" stroke-width="1.5" stroke-dasharray="4 3" fill="none"/>`
    + `<text x="10" y="12" font-size="10">max ${top}</text></svg>`;
}

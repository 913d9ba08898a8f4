/**
 * `load.html`: one self-contained page (inline SVG and CSS, no script, no network) with the verdict, the charts
 * (connected charge points over time; p50 and p99 latency per action over time) and the tables of the run.
 */
import { actionRows, callErrorsOf, type LoadReport } from './load-report';
import { formatMs } from './load-verdict';
import { describeMachine } from './machine';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number): string => x.toLocaleString('en-US');

export interface ChartLine {
  readonly name: string;
  readonly color: string;
  readonly dashed?: boolean;
  readonly points: ReadonlyArray<readonly [number, number]>;
}

/** A line chart as inline SVG; `logY` for latencies, which span orders of magnitude. */
export function lineChart(title: string, yLabel: string, lines: readonly ChartLine[], options: { logY?: boolean; formatY?: (v: number) => string; xMax?: number } = {}): string {
  const W = 900;
  const H = 300;
  const L = 70;
  const R = 170;
  const T = 30;
  const B = 40;
  const all = lines.flatMap((l) => l.points).filter(([, y]) => Number.isFinite(y));
  if (all.length === 0) return `<p>${esc(title)}: no data.</p>`;
  const xMax = Math.max(1, options.xMax ?? 0, ...all.map(([x]) => x));
  const ys = all.map(([, y]) => y);
  const logY = options.logY === true;
  const yMin = logY ? Math.max(0.01, 10 ** Math.floor(Math.log10(Math.max(0.01, Math.min(...ys))))) : 0;
  const step = niceStep(Math.max(1, ...ys) / 4);
  const yMax = logY ? 10 ** Math.ceil(Math.log10(Math.max(yMin * 10, ...ys))) : step * Math.ceil(Math.max(1, ...ys) / step);
  const fy = (y: number): number => {
    const f = logY ? (Math.log10(Math.max(y, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin)) : y / yMax;
    return T + (H - T - B) * (1 - f);
  };
  const fx = (x: number): number => L + ((W - L - R) * x) / xMax;
  const fmtY = options.formatY ?? ((v: number) => n(Math.round(v)));
  const ticks = logY
    ? Array.from({ length: Math.round(Math.log10(yMax / yMin)) + 1 }, (_, i) => yMin * 10 ** i)
    : Array.from({ length: Math.round(yMax / step) + 1 }, (_, i) => step * i);
  const grid = ticks.map((v) => `<line x1="${L}" x2="${W - R}" y1="${fy(v).toFixed(1)}" y2="${fy(v).toFixed(1)}" stroke="#ddd"/><text x="${L - 6}" y="${(fy(v) + 4).toFixed(1)}" text-anchor="end">${esc(fmtY(v))}</text>`).join('');
  const xTicks = Array.from({ length: 6 }, (_, i) => (xMax * i) / 5).map((x) => `<text x="${fx(x).toFixed(1)}" y="${H - B + 16}" text-anchor="middle">${Math.round(x)} s</text>`).join('');
  const paths = lines.map((l) => {
    const d = l.points.filter(([, y]) => Number.isFinite(y)).map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${fx(x).toFixed(1)},${fy(y).toFixed(1)}`).join('');
    return `<path d="${d}" fill="none" stroke="${l.color}" stroke-width="1.6"${l.dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
  }).join('');
  const legend = lines.map((l, i) => `<line x1="${W - R + 12}" x2="${W - R + 32}" y1="${T + 8 + i * 16}" y2="${T + 8 + i * 16}" stroke="${l.color}" stroke-width="2"${l.dashed ? ' stroke-dasharray="4 3"' : ''}/><text x="${W - R + 36}" y="${T + 12 + i * 16}">${esc(l.name)}</text>`).join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}" font-size="11" font-family="sans-serif">
<text x="${L}" y="16" font-size="13" font-weight="bold">${esc(title)}</text>
<text x="14" y="${(H / 2).toFixed(0)}" transform="rotate(-90 14 ${(H / 2).toFixed(0)})" text-anchor="middle">${esc(yLabel)}</text>
${grid}${xTicks}<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#888"/>${paths}${legend}</svg>`;
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

export function loadHtml(r: LoadReport): string {
  const actions = actionRows(r);
  const xMax = Math.max(1, ...r.series.map((p) => p.t));
  const connected = lineChart('Connected charge points', 'charge points', [
    { name: 'connected', color: COLORS[0] as string, points: r.series.map((p) => [p.t, p.connected] as const) },
  ], { xMax });
  const latencyLines = actions.flatMap((a, i) => {
    const color = COLORS[i % COLORS.length] as string;
    const points = (key: 'p50' | 'p99'): Array<readonly [number, number]> => r.series.filter((p) => p.latency[a]).map((p) => [p.t, (p.latency[a] as { p50: number; p99: number })[key]] as const);
    return [{ name: `${a} p99`, color, points: points('p99') }, { name: `${a} p50`, color, dashed: true, points: points('p50') }];
  }).filter((l) => l.points.length > 0);
  const latency = lineChart('Latency per action (per second; solid p99, dashed p50)', 'ms (log scale)', latencyLines, { logY: true, formatY: (v) => formatMs(v), xMax });
  const t = r.totals;
  const actionTable = table(['action', 'CALLs', 'answers', 'CALLERROR', 'timeouts', 'unexpected', 'p50', 'p95', 'p99', 'max'], actions.map((a) => {
    const s = r.latency[a];
    const c = a === 'connect';
    return [
      a, n(c ? t.connects.attempted : t.calls[a] ?? 0), n(c ? t.connects.ok : t.answers[a] ?? 0), c ? '–' : n(callErrorsOf(t, a)),
      c ? '–' : n(t.timeouts[a] ?? 0), c ? n(t.connects.failed) : n(t.unexpected[a] ?? 0),
      ...(s ? [formatMs(s.p50), formatMs(s.p95), formatMs(s.p99), formatMs(s.max)] : ['–', '–', '–', '–']),
    ];
  }));
  const checks = table(['', 'check', 'actual', 'limit'], r.verdict.checks.map((k) => [k.ok ? 'ok' : 'FAIL', `${k.name}${k.rule ? ` [${k.rule}]` : ''}`, k.actual, k.limit]));
  const samples = r.samples.length === 0 ? '<p>None.</p>' : table(['kind', 'what', 'frame'], r.samples.map((s) => [s.kind, s.message, s.raw ?? '']));
  const harness = table(['thread', 'busy (max)', 'busy (mean)', 'event loop delay p99 (max)'], [
    ...r.harness.workers.map((w) => [`worker ${w.worker}`, `${Math.round(w.utilizationMax * 100)} %`, `${Math.round(w.utilizationMean * 100)} %`, formatMs(w.loopDelayP99MaxMs)]),
    [`main${r.sut.reference ? ' (reference CSMS)' : ''}`, `${Math.round(r.harness.mainThreadUtilizationMax * 100)} %`, '', ''],
  ]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Load run: ${esc(r.sut.name)} — ${r.verdict.verdict}</title>
<style>
body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
.verdict{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;background:${r.verdict.verdict === 'PASS' ? '#2a7d2a' : r.verdict.verdict === 'WARN' ? '#b8860b' : '#b22222'}}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child,td:nth-child(2),th:nth-child(2){text-align:left}
code{font-size:12px}
</style></head><body>
<h1>Load run: ${esc(r.sut.name)} <span class="verdict">${r.verdict.verdict}</span></h1>
<p>${esc(r.verdict.reason)}</p>
<p>${esc(r.sut.url)}${r.sut.reference ? ' (reference started by the harness)' : ''} — profile <b>${r.run.profile}</b>, ${n(r.run.size)} of ${n(r.run.chargePoints)} charge points (shard ${esc(r.run.shard)}),
ramp ${r.run.rampPerSecond === null ? 'as fast as possible' : `${n(r.run.rampPerSecond)}/s`}, held ${formatMs(r.run.durationMs)}, ${r.run.workers} worker thread(s); started ${esc(r.run.startedAt)}, ${formatMs(r.run.wallMs)} in all.<br>
Machine: ${esc(describeMachine(r.machine))}.</p>
<p>Peak ${n(r.peakConnected)} connected; ${n(t.boots.accepted)} boots accepted, ${n(r.bootRate.perSecond)}/s over ${formatMs(r.bootRate.windowMs)} (best second ${n(r.bootRate.peakSecond)}); ${n(t.dropped)} connections dropped during the run.</p>
${connected}
${latency}
<h2>Per action</h2>${actionTable}
<h2>Checks</h2>${checks}
<h2>Evidence (first findings, CALLERRORs and unexpected answers)</h2>${samples}
<h2>Harness</h2>${harness}
<p>${r.harness.heapKbPerChargePoint} KB of live JavaScript heap per charge point; RSS ${n(r.harness.rssBaselineMb)} → ${n(r.harness.rssPeakMb)} MB${r.sut.reference ? ' (harness and in-process reference together)' : ''}.</p>
</body></html>
`;
}

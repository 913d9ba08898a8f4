/**
 * A scenario's wire trace drawn as a sequence diagram (self-contained SVG, no script, no external reference): the
 * harness on the left (one lifeline per emulated Charge Point when a Central System is under test), the system
 * under test on the right; one arrow per frame with its time, sequence number, action and status; connection events
 * as notes; the frames a finding points at drawn in red (SHALL) or orange (SHOULD) with the finding beneath.
 */
import type { ConnectionEventRecord, FrameRecord, TraceRecord } from '../recording/frame-record';

export interface Highlight {
  readonly level: 'SHALL' | 'SHOULD';
  readonly message: string;
}

export interface DiagramOptions {
  readonly role: 'charge-point' | 'central-system';
  readonly title: string;
  /** The SUT's name, under its lifeline's title. */
  readonly sutName?: string;
  /** Frames to highlight, by sequence number. */
  readonly highlights?: ReadonlyMap<number, Highlight>;
  /** Rows drawn at most; the rest is left to the JSONL trace. */
  readonly maxRows?: number;
}

const WIDTH = 1040;
const TIME_COLUMN = 150;
const SUT_X = 920;
const ROW = 40;
const NOTE_ROW = 18;
const HEAD = 98;
const COLOURS = { SHALL: '#c62828', SHOULD: '#ef6c00', normal: '#263238', muted: '#607d8b', lane: '#90a4ae' };
const MAX_LANES = 5;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The emulated Charge Point's name without the `#n` of a reconnection. */
function baseConnection(connection: string): string {
  return connection.replace(/#\d+$/, '');
}

/** The status-like value of a payload worth showing on the arrow. */
function statusOf(payload: unknown): string | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const p = payload as Record<string, unknown>;
  if (typeof p['status'] === 'string') return p['status'];
  const info = p['idTagInfo'] as Record<string, unknown> | undefined;
  if (info && typeof info['status'] === 'string') return info['status'];
  return undefined;
}

/** Label above the arrow, detail beneath it. */
export function describeFrame(f: FrameRecord): { label: string; detail: string } {
  const payload = f.payload === undefined ? '' : truncate(JSON.stringify(f.payload), 96);
  switch (f.kind) {
    case 'CALL':
      return { label: `${f.action ?? '?'}.req`, detail: payload };
    case 'CALLRESULT': {
      const status = statusOf(f.payload);
      const latency = f.latencyMs !== undefined ? ` after ${Math.round(f.latencyMs)} ms` : '';
      return { label: `${f.action ?? '?'}.conf${status ? ` ${status}` : ''}`, detail: `${payload}${latency}` };
    }
    case 'CALLERROR':
      return { label: `CALLERROR ${f.errorCode ?? '?'}${f.action ? ` (${f.action})` : ''}`, detail: truncate(f.errorDescription ?? '', 96) };
    default:
      return { label: `${f.kind} frame`, detail: truncate(f.problems.map((p) => p.message).join('; ') || f.raw, 96) };
  }
}

function describeEvent(e: ConnectionEventRecord): string {
  const d = e.detail;
  switch (e.event) {
    case 'handshake':
      return `WebSocket handshake${d['selected'] ? ` (${String(d['selected'])})` : ''}`;
    case 'close':
      return `connection closed${d['code'] !== undefined ? ` (${String(d['code'])}${d['reason'] ? ` ${String(d['reason'])}` : ''})` : ''}`;
    case 'refused':
      return `connection refused${d['status'] !== undefined ? ` (${String(d['status'])})` : ''}`;
    default: {
      const text = Object.entries(d).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ');
      return truncate(`${e.event}${text ? ` ${text}` : ''}`, 90);
    }
  }
}

function clock(r: TraceRecord): string {
  return r.time.slice(11, 23);
}

export function renderSequenceDiagram(records: readonly TraceRecord[], options: DiagramOptions): string {
  const highlights = options.highlights ?? new Map<number, Highlight>();
  const maxRows = options.maxRows ?? 400;
  const shown = records.slice(0, maxRows);
  const connections = [...new Set(records.map((r) => baseConnection(r.connection)))];
  const perConnection = options.role === 'central-system' && connections.length <= MAX_LANES;
  const lanes = options.role === 'central-system'
    ? (perConnection && connections.length > 0 ? connections.map((c) => ['Emulated Charge Point', c]) : [['Emulated Charge Points', 'of the harness']])
    : [['Harness', '(emulated Central System)']];
  const laneX = lanes.map((_, i) => (lanes.length === 1 ? 300 : 240 + (i * 400) / (lanes.length - 1)));
  const laneOf = (connection: string): number => (perConnection ? Math.max(0, connections.indexOf(baseConnection(connection))) : 0);
  const showConnection = !perConnection && connections.length > 1;
  const sutTitle = options.role === 'charge-point' ? 'Charge Point under test' : 'Central System under test';
  const t0 = records[0]?.mono ?? 0;

  const body: string[] = [];
  let y = HEAD + 20;
  for (const r of shown) {
    const mark = r.type === 'frame' ? highlights.get(r.seq) ?? unflaggedProblem(r) : undefined;
    const colour = mark ? COLOURS[mark.level] : COLOURS.normal;
    body.push(`<text x="8" y="${y + 4}" class="t">${escapeXml(clock(r))}</text>`);
    body.push(`<text x="8" y="${y + 17}" class="m">#${r.seq} +${Math.round(r.mono - t0)} ms</text>`);
    const x = laneX[laneOf(r.connection)] as number;
    if (r.type === 'event') {
      const text = `${showConnection ? `${r.connection}: ` : ''}${describeEvent(r)}`;
      body.push(`<rect x="${x - 6}" y="${y - 10}" width="${Math.min(SUT_X - x + 12, text.length * 6.4 + 16)}" height="20" rx="4" class="note"/>`);
      body.push(`<text x="${x + 2}" y="${y + 4}" class="e">${escapeXml(text)}</text>`);
      y += ROW - 8;
      continue;
    }
    const { label, detail } = describeFrame(r);
    const [from, to] = r.direction === 'out' ? [x, SUT_X] : [SUT_X, x];
    const mid = (x + SUT_X) / 2;
    const tip = to > from ? to - 8 : to + 8;
    const dashed = r.kind === 'CALL' ? '' : ' stroke-dasharray="6 4"';
    body.push(`<g${mark ? ' class="hl"' : ''}><title>${escapeXml(`#${r.seq} ${r.direction === 'out' ? 'harness → SUT' : 'SUT → harness'} ${r.raw}`)}</title>`);
    body.push(`<line x1="${from}" y1="${y}" x2="${tip}" y2="${y}" stroke="${colour}" stroke-width="${mark ? 2.5 : 1.4}"${dashed}/>`);
    body.push(`<polygon points="${to},${y} ${tip},${y - 5} ${tip},${y + 5}" fill="${colour}"/>`);
    const prefix = mark ? (mark.level === 'SHALL' ? '✖ ' : '⚠ ') : '';
    body.push(`<text x="${mid}" y="${y - 6}" class="l" style="fill:${colour}">${escapeXml(`${prefix}${showConnection ? `${r.connection}: ` : ''}${label}`)}</text>`);
    body.push(`<text x="${mid}" y="${y + 14}" class="d">${escapeXml(detail)}</text></g>`);
    if (mark) {
      // The finding beneath the arrow, from the leftmost lifeline, cut to the width left.
      y += NOTE_ROW;
      const left = Math.min(from, to);
      const room = Math.floor((WIDTH - left - 8) / 6.4);
      body.push(`<text x="${left}" y="${y + 14}" class="f" style="fill:${colour}">${escapeXml(truncate(`${mark.level}: ${mark.message}`, room))}</text>`);
    }
    y += ROW;
  }
  if (records.length > shown.length) {
    body.push(`<text x="8" y="${y}" class="m">… ${records.length - shown.length} more records: see the JSONL wire trace.</text>`);
    y += ROW;
  }
  if (records.length === 0) {
    body.push(`<text x="8" y="${y}" class="m">No frame was exchanged in this scenario.</text>`);
    y += ROW;
  }
  const height = y + 10;

  const head: string[] = [];
  head.push(`<text x="8" y="22" class="h">${escapeXml(truncate(options.title, 120))}</text>`);
  head.push(`<text x="8" y="40" class="m">solid: CALL · dashed: CALLRESULT / CALLERROR · red: a SHALL finding points at the frame · orange: a SHOULD finding</text>`);
  const laneHead = (x: number, [name, sub]: readonly string[], extra = ''): void => {
    head.push(`<rect x="${x - 105}" y="48" width="210" height="36" rx="5" class="box${extra}"/>`);
    head.push(`<text x="${x}" y="63" class="n">${escapeXml(truncate(name ?? '', 32))}</text><text x="${x}" y="78" class="s">${escapeXml(truncate(sub ?? '', 34))}</text>`);
    head.push(`<line x1="${x}" y1="84" x2="${x}" y2="${height}" class="life"/>`);
  };
  for (const [i, name] of lanes.entries()) laneHead(laneX[i] as number, name);
  laneHead(SUT_X, [sutTitle, options.sutName ?? ''], ' sut');

  const style = [
    'text{font-family:"DejaVu Sans",Arial,sans-serif;font-size:12px;fill:#263238}',
    '.h{font-size:15px;font-weight:bold}',
    '.t{font-family:"DejaVu Sans Mono",monospace;font-size:12px}',
    `.m{font-size:10.5px;fill:${COLOURS.muted}}`,
    '.n{text-anchor:middle;font-weight:bold}',
    `.s{text-anchor:middle;font-size:11px;fill:${COLOURS.muted}}`,
    '.l{text-anchor:middle;font-weight:bold}',
    `.d{text-anchor:middle;font-family:"DejaVu Sans Mono",monospace;font-size:10px;fill:${COLOURS.muted}}`,
    '.f{font-size:11px;font-weight:bold}',
    '.e{font-size:11px;fill:#37474f}',
    '.box{fill:#eceff1;stroke:#78909c}',
    '.sut{fill:#e3f2fd}',
    `.life{stroke:${COLOURS.lane};stroke-dasharray:3 4}`,
    '.note{fill:#fffde7;stroke:#d4c26a}',
  ].join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<style>${style}</style>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<line x1="${TIME_COLUMN}" y1="84" x2="${TIME_COLUMN}" y2="${height}" stroke="#eceff1"/>`,
    ...head,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** A frame of the SUT with framing problems or schema violations is marked even when no finding names it. */
function unflaggedProblem(f: FrameRecord): Highlight | undefined {
  if (f.direction !== 'in' || f.deliberate) return undefined;
  const problem = f.problems.find((p) => p.level !== 'NOTE');
  if (problem) return { level: problem.level === 'SHOULD' ? 'SHOULD' : 'SHALL', message: problem.message };
  const violation = f.violations[0];
  return violation ? { level: 'SHALL', message: violation.message } : undefined;
}

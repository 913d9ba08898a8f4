/**
 * One line of a trace file: the JSON of a record. Frame records, the bulk of any trace, are written field by field
 * (their shape is fixed by FrameRecord), which is about twice as fast as `JSON.stringify` of the whole record; the
 * strings and nested values inside still go through `JSON.stringify`, so the text is the same JSON (keys in the
 * order below). Connection events, and any record with a field FrameRecord does not declare, go through
 * `JSON.stringify` whole.
 */
import type { FrameRecord, TraceRecord } from './frame-record';

const q = JSON.stringify;

/** Every field of FrameRecord: a record with others is serialised generically, so nothing is ever dropped. */
const FRAME_FIELDS = new Set([
  'type', 'seq', 'time', 'mono', 'connection', 'direction', 'raw', 'kind', 'id', 'action', 'payload', 'errorCode',
  'errorDescription', 'errorDetails', 'problems', 'violations', 'latencyMs', 'deliberate',
]);
const MAX_FIELDS = FRAME_FIELDS.size;

const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');
const list = (a: readonly unknown[]): string => (a.length === 0 ? '[]' : q(a));

function hasOnlyFrameFields(r: FrameRecord): boolean {
  let n = 0;
  for (const key in r) {
    if (++n > MAX_FIELDS || !FRAME_FIELDS.has(key)) return false;
  }
  return true;
}

export function traceLine(record: TraceRecord): string {
  if (record.type !== 'frame' || !hasOnlyFrameFields(record)) return q(record);
  const r = record;
  let s = `{"type":"frame","seq":${num(r.seq)},"time":${q(r.time)},"mono":${num(r.mono)},"connection":${q(r.connection)},"direction":${q(r.direction)},"raw":${q(r.raw)},"kind":${q(r.kind)}`;
  if (r.id !== undefined) s += `,"id":${q(r.id)}`;
  if (r.action !== undefined) s += `,"action":${q(r.action)}`;
  if (r.payload !== undefined) s += `,"payload":${q(r.payload)}`;
  if (r.errorCode !== undefined) s += `,"errorCode":${q(r.errorCode)}`;
  if (r.errorDescription !== undefined) s += `,"errorDescription":${q(r.errorDescription)}`;
  if (r.errorDetails !== undefined) s += `,"errorDetails":${q(r.errorDetails)}`;
  s += `,"problems":${list(r.problems)},"violations":${list(r.violations)}`;
  if (r.latencyMs !== undefined) s += `,"latencyMs":${num(r.latencyMs)}`;
  if (r.deliberate !== undefined) s += `,"deliberate":${q(r.deliberate)}`;
  return `${s}}`;
}

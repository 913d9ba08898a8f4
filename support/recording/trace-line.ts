/**
 * One line of a trace file: the JSON of a record. Frame records, the bulk of any trace, are written field by field
 * (their shape is fixed by FrameRecord), which is about twice as fast as `JSON.stringify` of the whole record; the
 * strings and nested values inside still go through `JSON.stringify` (keys in the order below). The payload, when
 * its JSON text is known already — the text the harness serialised it to, or the payload's own text inside a frame
 * received (`PAYLOAD_IN_RAW`) — is copied rather than serialised again: the same JSON value, as JSON.parse reads it.
 * Connection events, and any record with a field FrameRecord does not declare, go through `JSON.stringify` whole.
 */
import { CALL, CALLRESULT, payloadText } from '../ocpp/frame';
import type { FrameRecord, TraceRecord } from './frame-record';
import { quotedTime } from './wall-clock';

const q = JSON.stringify;

/** The payload's JSON text is the last element of the record's `raw` (a frame `parseFrame` accepted so: `payloadLast`). */
export const PAYLOAD_IN_RAW: unique symbol = Symbol('payload in raw');
/** What is known of a frame record's payload text: the text itself, or where to find it. */
export type PayloadJson = string | typeof PAYLOAD_IN_RAW | undefined;

/** Every field of FrameRecord: a record with others is serialised generically, so nothing is ever dropped. */
const FRAME_FIELDS = new Set([
  'type', 'seq', 'time', 'mono', 'connection', 'direction', 'raw', 'kind', 'id', 'action', 'payload', 'errorCode',
  'errorDescription', 'errorDetails', 'problems', 'violations', 'latencyMs', 'deliberate',
]);
const MAX_FIELDS = FRAME_FIELDS.size;

/** The JSON of the few values `direction` and `kind` take (anything else is serialised). */
function word(value: string): string {
  switch (value) {
    case 'in': return '"in"';
    case 'out': return '"out"';
    case 'CALL': return '"CALL"';
    case 'CALLRESULT': return '"CALLRESULT"';
    case 'CALLERROR': return '"CALLERROR"';
    case 'INVALID': return '"INVALID"';
    case 'IGNORED': return '"IGNORED"';
    default: return q(value);
  }
}

const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');

/**
 * A time in ms: one kept to the µs (`monoNow`, `roundMs`) is written as its integer µs with the decimal point put in,
 * which reads back as the same number (both are the double nearest to that decimal); any other through `String`.
 */
function ms(n: number): string {
  const us = Math.round(n * 1000);
  if (!(us >= 0 && us <= Number.MAX_SAFE_INTEGER && us / 1000 === n)) return num(n);
  const whole = Math.floor(us / 1000);
  const frac = us - whole * 1000;
  if (frac === 0) return String(whole);
  return `${whole}.${frac < 10 ? '00' : frac < 100 ? '0' : ''}${frac}`;
}
const list = (a: readonly unknown[]): string => (a.length === 0 ? '[]' : q(a));

/** Connection labels as JSON strings: a trace has few, each on thousands of lines. */
const quotedLabels = new Map<string, string>();
function label(connection: string): string {
  let s = quotedLabels.get(connection);
  if (s === undefined) {
    if (quotedLabels.size >= 4096) quotedLabels.clear(); // a load run's thousands of charge points: stay small
    s = q(connection);
    quotedLabels.set(connection, s);
  }
  return s;
}

function hasOnlyFrameFields(r: FrameRecord): boolean {
  let n = 0;
  for (const key in r) {
    if (++n > MAX_FIELDS || !FRAME_FIELDS.has(key)) return false;
  }
  return true;
}

function payloadJson(r: FrameRecord, known: PayloadJson): string {
  if (typeof known === 'string') return known;
  if (known === PAYLOAD_IN_RAW && (r.kind === 'CALL' || r.kind === 'CALLRESULT')) {
    const text = payloadText(r.raw, r.kind === 'CALL' ? CALL : CALLRESULT);
    if (text !== undefined) return text;
  }
  return q(r.payload);
}

/** @param known the payload's JSON text when the recorder has it (WireLog.frame's second argument). */
export function traceLine(record: TraceRecord, known?: PayloadJson): string {
  if (record.type !== 'frame' || !hasOnlyFrameFields(record)) return q(record);
  const r = record;
  let s = `{"type":"frame","seq":${num(r.seq)},"time":${quotedTime(r.time)},"mono":${ms(r.mono)},"connection":${label(r.connection)},"direction":${word(r.direction)},"raw":${q(r.raw)},"kind":${word(r.kind)}`;
  if (r.id !== undefined) s += `,"id":${q(r.id)}`;
  if (r.action !== undefined) s += `,"action":${q(r.action)}`;
  if (r.payload !== undefined) s += `,"payload":${payloadJson(r, known)}`;
  if (r.errorCode !== undefined) s += `,"errorCode":${q(r.errorCode)}`;
  if (r.errorDescription !== undefined) s += `,"errorDescription":${q(r.errorDescription)}`;
  if (r.errorDetails !== undefined) s += `,"errorDetails":${q(r.errorDetails)}`;
  s += `,"problems":${list(r.problems)},"violations":${list(r.violations)}`;
  if (r.latencyMs !== undefined) s += `,"latencyMs":${ms(r.latencyMs)}`;
  if (r.deliberate !== undefined) s += `,"deliberate":${q(r.deliberate)}`;
  return `${s}}`;
}

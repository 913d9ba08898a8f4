/**
 * What the harness records of every frame and connection event, in both directions. One JSON object per line in
 * the trace files (`reports/traces/*.jsonl`); the same objects feed the mailbox, the protocol monitor and the
 * sequence diagram of the report.
 */
import type { FrameProblem } from '../ocpp/frame';
import type { SchemaViolation } from '../schemas/schema-validator';

/** `in`: from the system under test to the harness; `out`: from the harness to the system under test. */
export type Direction = 'in' | 'out';

export type FrameKind = 'CALL' | 'CALLRESULT' | 'CALLERROR' | 'INVALID' | 'IGNORED';

export interface FrameRecord {
  readonly type: 'frame';
  seq: number;
  /** Wall-clock time, ISO 8601 UTC. */
  readonly time: string;
  /** Monotonic milliseconds (performance.now()), for durations and intervals. */
  readonly mono: number;
  /** The connection label: the charge point identity, `#n` appended from the second connection on. */
  readonly connection: string;
  readonly direction: Direction;
  readonly raw: string;
  readonly kind: FrameKind;
  readonly id?: string;
  /** The CALL's action; for a response, the action of the CALL it answers (when known). */
  readonly action?: string;
  /** CALL or CALLRESULT payload as parsed. */
  readonly payload?: unknown;
  readonly errorCode?: string;
  readonly errorDescription?: string;
  readonly errorDetails?: unknown;
  /** Framing problems (OCPP-J 1.6 §4). */
  readonly problems: FrameProblem[];
  /** Schema violations of the payload (OCPP 1.6 §6 via the JSON schemas). */
  readonly violations: SchemaViolation[];
  /** For a response: milliseconds since its CALL was sent or received. */
  latencyMs?: number;
  /** The harness sent this frame malformed on purpose (a negative test): not a harness error. */
  readonly deliberate?: boolean;
}

export type ConnectionEventKind = 'listening' | 'handshake' | 'refused' | 'open' | 'close' | 'error' | 'note';

export interface ConnectionEventRecord {
  readonly type: 'event';
  seq: number;
  readonly time: string;
  readonly mono: number;
  readonly connection: string;
  readonly event: ConnectionEventKind;
  readonly detail: Record<string, unknown>;
}

export type TraceRecord = FrameRecord | ConnectionEventRecord;

/** Human-readable one-line summary, used in timeout messages and leftovers. */
export function summarize(record: TraceRecord): string {
  const clock = record.time.slice(11, 23);
  if (record.type === 'event') return `${clock} ${record.connection} ${record.event} ${JSON.stringify(record.detail)}`;
  const arrow = record.direction === 'in' ? '←' : '→';
  const body = (() => {
    switch (record.kind) {
      case 'CALL':
        return `${record.action}.req ${truncate(JSON.stringify(record.payload))}`;
      case 'CALLRESULT':
        return `${record.action ?? '?'}.conf ${truncate(JSON.stringify(record.payload))}`;
      case 'CALLERROR':
        return `CALLERROR ${record.errorCode} for ${record.action ?? '?'} "${record.errorDescription ?? ''}"`;
      default:
        return `${record.kind} ${truncate(record.raw)}`;
    }
  })();
  return `${clock} ${arrow} ${record.connection} ${body}`;
}

function truncate(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

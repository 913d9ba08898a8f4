/**
 * The protocol monitor watches every record of every connection during a scenario and flags what the system under
 * test does wrong at the OCPP-J level, whatever the steps are checking: malformed frames, schema violations,
 * duplicate message ids, a second CALL while one is unanswered, responses to unknown ids, timestamps without an
 * offset or before 2000, CALLERROR codes outside the OCPP 1.6 table. It judges only the SUT's frames (`in`).
 */
import type { Finding, FindingCategory } from './finding';
import type { ConnectionEventRecord, FrameRecord, TraceRecord } from './frame-record';
import type { SchemaViolation } from '../schemas/schema-validator';

/** Extra checks plug in here (e.g. the §4.9 status transition table); they see SUT frames only. */
export type FrameCheck = (record: FrameRecord) => Finding[];

interface ConnectionState {
  /** Message ids of CALLs the SUT sent on this connection (OCPP-J 1.6 §4.1.4: unique per sender and connection). */
  readonly sutCallIds: Set<string>;
  /** CALLs from the SUT the harness has not answered yet (id → action), and those it holds the answer to on purpose. */
  readonly unanswered: Map<string, string>;
  readonly held: Set<string>;
  /** CALLs the harness sent that await an answer, and those that timed out. */
  readonly harnessPending: Map<string, string>;
  readonly harnessTimedOut: Map<string, string>;
}

const EARLIEST_PLAUSIBLE = Date.parse('2000-01-01T00:00:00Z');
const DATE_TIME_FIELDS = new Set([
  'timestamp', 'currentTime', 'expiryDate', 'startSchedule', 'validFrom', 'validTo', 'retrieveDate', 'startTime', 'stopTime', 'scheduleStart',
]);

function categoryOf(problemRule: string): FindingCategory {
  return problemRule.includes('§4.2.3') ? 'wrong CALLERROR' : 'protocol violation';
}

export class ProtocolMonitor {
  private readonly connections = new Map<string, ConnectionState>();
  private findingsList: Finding[] = [];
  private readonly checks: FrameCheck[] = [];

  /** Adds a check run on every SUT frame (for instance the §4.9 status transitions). */
  addCheck(check: FrameCheck): void {
    this.checks.push(check);
  }

  /** Findings since the last `takeFindings()`. */
  findings(): readonly Finding[] {
    return this.findingsList;
  }

  /** Returns the findings so far and starts a new list (one list per scenario). */
  takeFindings(): Finding[] {
    const out = this.findingsList;
    this.findingsList = [];
    return out;
  }

  /** Adds a finding made elsewhere (a step, a role) so that the scenario's verdict sees it. */
  report(finding: Finding): void {
    this.findingsList.push(finding);
  }

  observe(record: TraceRecord): void {
    if (record.type === 'event') {
      this.observeEvent(record);
      return;
    }
    const state = this.state(record.connection);
    if (record.direction === 'out') {
      this.observeOwn(record, state);
      return;
    }
    this.observeSut(record, state);
  }

  private state(connection: string): ConnectionState {
    let s = this.connections.get(connection);
    if (!s) {
      s = { sutCallIds: new Set(), unanswered: new Map(), held: new Set(), harnessPending: new Map(), harnessTimedOut: new Map() };
      this.connections.set(connection, s);
    }
    return s;
  }

  private observeEvent(record: ConnectionEventRecord): void {
    const state = this.state(record.connection);
    const kind = record.detail['kind'];
    const id = record.detail['id'];
    if (typeof id !== 'string') return;
    if (kind === 'call-timeout') {
      const action = state.harnessPending.get(id);
      state.harnessPending.delete(id);
      state.harnessTimedOut.set(id, action ?? String(record.detail['action'] ?? '?'));
    } else if (kind === 'reply-held') {
      if (state.unanswered.has(id)) state.held.add(id);
    }
  }

  private observeOwn(record: FrameRecord, state: ConnectionState): void {
    if (record.kind === 'CALL' && record.id !== undefined) state.harnessPending.set(record.id, record.action ?? '?');
    // A deliberate frame of an unknown message type may be ignored or answered (OCPP-J 1.6 §4.1.3): an answer to
    // its id is not a response to nothing.
    if (record.kind === 'INVALID' && record.deliberate && record.id !== undefined) state.harnessPending.set(record.id, 'a malformed frame');
    if ((record.kind === 'CALLRESULT' || record.kind === 'CALLERROR') && record.id !== undefined && state.unanswered.delete(record.id)) state.held.delete(record.id);
  }

  private observeSut(record: FrameRecord, state: ConnectionState): void {
    for (const p of record.problems) {
      if (p.level !== 'NOTE') this.add(record, p.level, record.kind === 'INVALID' || record.kind === 'IGNORED' ? 'protocol violation' : categoryOf(p.rule), p.rule, p.message);
    }
    for (const v of record.violations) this.add(record, 'SHALL', 'schema violation', ruleOf(v), schemaMessage(record, v));
    if (record.kind === 'CALL' && record.id !== undefined) {
      if (state.sutCallIds.has(record.id)) {
        this.add(record, 'SHALL', 'protocol violation', 'OCPP-J 1.6 §4.1.4', `message id "${record.id}" of this ${record.action}.req was already used by an earlier CALL on this connection`);
      }
      state.sutCallIds.add(record.id);
      const waiting = state.unanswered.size === 0 ? undefined : firstNotHeld(state);
      if (waiting) {
        this.add(record, 'SHOULD', 'protocol violation', 'OCPP-J 1.6 §4.1.1', `${record.action}.req was sent while ${waiting[1]}.req ("${waiting[0]}") was still unanswered`);
      }
      state.held.delete(record.id);
      state.unanswered.set(record.id, record.action ?? '?');
    }
    if ((record.kind === 'CALLRESULT' || record.kind === 'CALLERROR') && record.id !== undefined) {
      if (state.harnessPending.has(record.id)) {
        state.harnessPending.delete(record.id);
      } else if (!state.harnessTimedOut.has(record.id)) {
        this.add(record, 'SHALL', 'protocol violation', 'OCPP-J 1.6 §4.1.4', `${record.kind} with message id "${record.id}" answers no CALL the harness sent on this connection`);
      }
    }
    if (record.kind === 'CALL' || record.kind === 'CALLRESULT') this.checkTimestamps(record, record.payload, '');
    for (const check of this.checks) {
      const found = check(record);
      for (const f of found) this.findingsList.push(f);
    }
  }

  private add(record: FrameRecord, level: Finding['level'], category: FindingCategory, rule: string, message: string): void {
    this.findingsList.push({ level, category, rule, message, seq: record.seq, connection: record.connection, raw: record.raw });
  }

  /** OCPP 1.6 §4.2: a date-time before 2000 means the clock was never set. Walks the payload once, in place. */
  private checkTimestamps(record: FrameRecord, node: unknown, pointer: string): void {
    if (node === null || typeof node !== 'object') return;
    const isArray = Array.isArray(node);
    const object = node as Record<string, unknown>;
    for (const key in object) {
      const value = object[key];
      if (typeof value === 'string') {
        if (isArray || !DATE_TIME_FIELDS.has(key)) continue;
        if (isAfter2000(value)) continue;
        const here = `${pointer}/${key}`;
        const t = Date.parse(value);
        const formatBroken = record.violations.some((v) => v.pointer === here && v.keyword === 'format');
        if (!formatBroken && Number.isFinite(t) && t < EARLIEST_PLAUSIBLE) {
          this.add(record, 'SHOULD', 'behaviour', 'OCPP 1.6 §4.2', `${here} = "${value}" lies before 2000: the clock was not synchronised with the Central System's currentTime`);
        }
      } else if (typeof value === 'object' && value !== null) {
        this.checkTimestamps(record, value, `${pointer}/${key}`);
      }
    }
  }
}

/**
 * A date-time that starts with a year from 2001 on ("2026-…") cannot lie before 2000, whatever follows (an offset
 * moves it by less than a day): no need to parse it. Anything else is parsed.
 */
function isAfter2000(value: string): boolean {
  if (value.length < 5 || value.charCodeAt(4) !== 0x2d) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = value.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return false;
    year = year * 10 + d;
  }
  return year > 2000;
}

/** The first CALL of the SUT still unanswered whose answer the harness does not hold on purpose. */
function firstNotHeld(state: ConnectionState): [string, string] | undefined {
  for (const entry of state.unanswered) if (!state.held.has(entry[0])) return entry;
  return undefined;
}

/** A broken date-time format (§3.15), as opposed to another format such as the `uri` of a location (§6.25, §6.55). */
function isDateTimeFormat(v: SchemaViolation): boolean {
  return v.keyword === 'format' && DATE_TIME_FIELDS.has(v.pointer.slice(v.pointer.lastIndexOf('/') + 1));
}

function ruleOf(v: SchemaViolation): string {
  return isDateTimeFormat(v) ? `OCPP 1.6 §3.15, ${v.rule}` : v.rule;
}

function schemaMessage(record: FrameRecord, v: SchemaViolation): string {
  const what = record.kind === 'CALL' ? `${record.action}.req` : `${record.action ?? 'response'}.conf`;
  const dateHint = isDateTimeFormat(v) ? ' (RFC 3339 date-time with a time-zone offset required)' : '';
  return `${what}: ${v.message}${dateHint} [pointer ${v.pointer || '/'}, keyword ${v.keyword}]`;
}

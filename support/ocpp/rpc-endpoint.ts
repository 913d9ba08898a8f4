/**
 * The OCPP-J RPC endpoint of one WebSocket connection (OCPP-J 1.6 §4), transport-agnostic: it is handed each text
 * message received and a function to send one. It records every frame in both directions, validates every payload,
 * answers the peer's CALLs from a handler table, and matches responses to the harness's own pending CALLs.
 *
 * As a judge it never drops anything: a frame it cannot parse is recorded with its problem; a response with an
 * unknown id is recorded (the monitor flags it). As a role it behaves like a conformant peer: CALLERROR with the
 * code Table 7 prescribes for a bad CALL, one CALL of its own in flight at a time (OCPP-J 1.6 §4.1.1).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { canReceive, isKnownAction, messageName } from './actions';
import { codeForSchemaKeyword, type CallErrorCode } from './call-error-codes';
import { CALL, CALLERROR, CALLRESULT, callResultText, callText, type Frame, type FrameProblem, type ParseResult, parseFrame, serializeFrame } from './frame';
import type { CallHandler, HandlerReply, HandlerTable, IncomingCall } from './handler-table';
import { ResponseDeadlines } from './response-deadlines';
import { SchemaValidator, type SchemaViolation, type ValidationResult, formatViolations } from '../schemas/schema-validator';
import type { FrameRecord } from '../recording/frame-record';
import { PAYLOAD_IN_RAW, type PayloadJson } from '../recording/trace-line';
import { monoNow, roundMs, wallClock } from '../recording/wall-clock';
import type { WireLog } from '../recording/wire-log';
import { HarnessError } from '../reporting/errors';

export type Role = 'ChargePoint' | 'CentralSystem';

export interface CallOptions {
  /** Deadline for the response, ms. */
  readonly timeoutMs?: number;
  /** The payload is invalid on purpose (a negative test): send it anyway and do not blame the harness. */
  readonly deliberate?: boolean;
  /** Send without waiting for the harness's previous CALL to be answered (a deliberate §4.1.1 breach). */
  readonly concurrent?: boolean;
  /** Use this message id instead of a fresh one (e.g. to repeat an id on purpose). */
  readonly messageId?: string;
}

export type CallOutcome =
  | { readonly kind: 'result'; readonly payload: Record<string, unknown>; readonly request: FrameRecord; readonly response: FrameRecord }
  | {
      readonly kind: 'error';
      readonly code: string;
      readonly description: string;
      readonly details: unknown;
      readonly request: FrameRecord;
      readonly response: FrameRecord;
    };

/** The peer did not answer a CALL of the harness in time. */
export class ResponseTimeout extends Error {
  constructor(
    readonly action: string,
    readonly messageId: string,
    readonly waitedMs: number,
    readonly request: FrameRecord,
  ) {
    super(`no response to ${action}.req ("${messageId}") within ${(waitedMs / 1000).toFixed(1)} s`);
    this.name = 'ResponseTimeout';
  }
}

/** The connection closed while a CALL of the harness awaited its response. */
export class ConnectionClosed extends Error {
  constructor(readonly action: string, readonly reason: string) {
    super(`the connection closed (${reason}) while ${action}.req awaited its response`);
    this.name = 'ConnectionClosed';
  }
}

interface Pending {
  readonly action: string;
  readonly sentAt: number;
  readonly request: FrameRecord;
  readonly resolve: (o: CallOutcome) => void;
  readonly reject: (e: Error) => void;
  /** Ends the CALL's turn (OCPP-J 1.6 §4.1.1) as it settles: called once, before resolve or reject. */
  readonly release: () => void;
}

const NO_TURN = (): void => undefined;

/** What a caller makes of a failed CALL (e.g. a conformance failure of its rule); by default the error itself. */
export type ExplainError = (e: unknown) => unknown;
const asIs: ExplainError = (e) => e;

export interface EndpointOptions {
  /** Connection label in the records (the charge point identity). */
  readonly connection: string;
  /** The role the harness plays on this connection. */
  readonly plays: Role;
  readonly log: WireLog;
  readonly send: (raw: string) => void;
  readonly handlers: HandlerTable;
  readonly defaultTimeoutMs: number;
  /** Called for each CALL from the peer after it is recorded, before it is answered. */
  readonly onCall?: (call: IncomingCall, record: FrameRecord) => void;
  /** Called with the answer the harness sent to a CALL of the peer. */
  readonly onAnswer?: (callId: string, answer: FrameRecord) => void;
  /** Called when the harness itself misbehaved (an invalid answer, a failing handler): the scenario is ERROR. */
  readonly onHarnessError?: (message: string) => void;
}

export class RpcEndpoint {
  private readonly pending = new Map<string, Pending>();
  private readonly validator = SchemaValidator.shared();
  /** Keyed by the pending CALL itself: a message id repeated on purpose does not cancel the first one's deadline. */
  private readonly deadlines = new ResponseDeadlines<Pending>();
  /** OCPP-J 1.6 §4.1.1: whether a CALL of the harness is in flight, and the CALLs waiting for their turn. */
  private busy = false;
  private readonly turns: Array<() => void> = [];
  private closed: string | undefined;

  constructor(private readonly options: EndpointOptions) {}

  get connection(): string {
    return this.options.connection;
  }

  /** Handles one text message from the peer. Never throws. */
  receive(raw: string): void {
    const receivedAt = monoNow();
    const parsed = parseFrame(raw);
    const { log, connection } = this.options;
    if (!parsed.ok) {
      log.frame({
        connection, direction: 'in', raw, kind: parsed.ignored ? 'IGNORED' : 'INVALID', id: parsed.id ?? parsed.replyTo,
        problems: [parsed.problem], violations: [],
      });
      if (parsed.replyTo !== undefined && parsed.replyCode) {
        this.sendError(parsed.replyTo, parsed.replyCode, parsed.problem.message, receivedAt);
      }
      return;
    }
    const frame = parsed.frame;
    const problems = parsed.problems.length === 0 ? [] : [...parsed.problems];
    const payloadJson = parsed.payloadLast ? PAYLOAD_IN_RAW : undefined;
    if (frame.type === CALL) this.receiveCall(frame.id, frame.action, frame.payload as Record<string, unknown>, raw, problems, receivedAt, payloadJson);
    else this.receiveResponse(frame, raw, problems, receivedAt, payloadJson);
  }

  private receiveCall(id: string, action: string, payload: Record<string, unknown>, raw: string, problems: FrameProblem[], receivedAt: number, payloadJson: PayloadJson): void {
    const { log, connection, plays } = this.options;
    let violations: SchemaViolation[] = [];
    let reply: HandlerReply | undefined;
    if (!isKnownAction(action)) {
      problems.push({ level: 'NOTE', rule: 'OCPP-J 1.6 §4.2.3', message: `"${action}" is not an OCPP 1.6 action; answered NotImplemented` });
      reply = { error: { code: 'NotImplemented', description: `Unknown action ${action}` } };
    } else if (!canReceive(plays, action)) {
      problems.push({ level: 'NOTE', rule: 'OCPP-J 1.6 §4.2.3', message: `${action} is not sent to a ${plays === 'CentralSystem' ? 'Central System' : 'Charge Point'}; answered NotSupported` });
      reply = { error: { code: 'NotSupported', description: `${action} is not supported by a ${plays}` } };
    } else {
      violations = violationsOf(this.validator.validate(action, 'req', payload));
      const first = violations[0];
      if (first) reply = { error: { code: codeForSchemaKeyword(first.keyword), description: first.message, details: { pointer: first.pointer, keyword: first.keyword } } };
    }
    const record = log.frameRecord({
      type: 'frame', seq: 0, time: wallClock(), mono: receivedAt, connection, direction: 'in', raw, kind: 'CALL', id, action, payload, problems, violations,
    }, payloadJson);
    const call: IncomingCall = { id, action, payload, connection };
    this.options.onCall?.(call, record);
    if (reply) {
      this.answer(id, action, reply, receivedAt);
      return;
    }
    const handler: CallHandler | undefined = this.options.handlers.get(action);
    if (!handler) {
      this.answer(id, action, { error: { code: 'NotSupported', description: `${action} is not supported by the harness's emulated ${plays}` } }, receivedAt);
      return;
    }
    // A handler that answers at once is answered at once; only a promise is awaited.
    let answer: HandlerReply | Promise<HandlerReply>;
    try {
      answer = handler(call);
    } catch (e) {
      this.handlerFailed(id, action, e, receivedAt);
      return;
    }
    if (isPromise(answer)) {
      answer.then((r) => this.answer(id, action, r, receivedAt), (e: unknown) => this.handlerFailed(id, action, e, receivedAt));
      return;
    }
    // Answered after the frames that came with this one (one microtask, no promise chain): a CALL the SUT sent
    // before it could have seen this answer is then seen while this CALL is still unanswered (OCPP-J 1.6 §4.1.1).
    const ready = answer;
    queueMicrotask(() => this.answer(id, action, ready, receivedAt));
  }

  private handlerFailed(id: string, action: string, e: unknown, receivedAt: number): void {
    const message = (e as Error)?.message ?? String(e);
    this.options.log.event(this.options.connection, 'error', { kind: 'handler-error', action, id, message });
    this.options.onHarnessError?.(`the harness's ${action} handler failed: ${message}`);
    this.answer(id, action, { error: { code: 'InternalError', description: 'the harness failed to build its answer' } }, receivedAt);
  }

  private answer(id: string, action: string, reply: HandlerReply, receivedAt: number): void {
    if ('noReply' in reply) {
      this.options.log.event(this.options.connection, 'note', { kind: 'reply-held', id, action, reason: reply.noReply });
      return;
    }
    if ('error' in reply) {
      this.sendError(id, reply.error.code, reply.error.description ?? '', receivedAt, reply.error.details ?? {}, action);
      return;
    }
    const check = this.validator.validate(action, 'conf', reply.result);
    if (!check.valid) {
      // The harness must never send an invalid frame by accident: this is our bug, not the SUT's.
      const violations = formatViolations(check.violations);
      this.options.log.event(this.options.connection, 'error', { kind: 'invalid-outgoing', action, violations });
      this.options.onHarnessError?.(`the harness answered ${action}.req with an invalid ${action}.conf: ${violations}`);
    }
    const payloadJson = JSON.stringify(reply.result);
    const raw = callResultText(id, payloadJson);
    const now = monoNow();
    this.transmit({
      type: 'frame', seq: 0, time: wallClock(), mono: now, connection: this.options.connection, direction: 'out', raw, kind: 'CALLRESULT', id, action,
      payload: reply.result, problems: [], violations: violationsOf(check), latencyMs: roundMs(now - receivedAt),
    }, payloadJson);
  }

  private sendError(id: string, code: CallErrorCode, description: string, receivedAt: number, details: Record<string, unknown> = {}, action?: string): void {
    const raw = serializeFrame({ type: CALLERROR, id, code, description, details });
    const record = this.outgoing(raw, { kind: 'CALLERROR', id, action, errorCode: code, errorDescription: description, errorDetails: details, violations: [] });
    record.latencyMs = roundMs(record.mono - receivedAt);
    this.transmit(record);
  }

  /** The record of a frame the harness sends, stamped now. */
  private outgoing(raw: string, fields: Omit<FrameRecord, 'type' | 'seq' | 'time' | 'mono' | 'connection' | 'direction' | 'raw' | 'problems'>): FrameRecord {
    return { type: 'frame', seq: 0, time: wallClock(), mono: monoNow(), connection: this.options.connection, direction: 'out', raw, problems: [], ...fields };
  }

  /** Records the frame (before it is on the wire: a crash in between still leaves the record) and sends it. */
  private transmit(record: FrameRecord, payloadJson?: PayloadJson): FrameRecord | undefined {
    const { log, connection } = this.options;
    log.frameRecord(record, payloadJson);
    try {
      this.options.send(record.raw);
    } catch (e) {
      log.event(connection, 'error', { kind: 'send-failed', seq: record.seq, message: (e as Error).message });
      return undefined;
    }
    if (record.kind !== 'CALL' && record.id !== undefined) this.options.onAnswer?.(record.id, record);
    return record;
  }

  private receiveResponse(frame: Exclude<Frame, { type: typeof CALL }>, raw: string, problems: FrameProblem[], receivedAt: number, payloadJson: PayloadJson): void {
    const { log, connection } = this.options;
    const pending = this.pending.get(frame.id);
    const action = pending?.action;
    let violations: SchemaViolation[] = [];
    if (frame.type === CALLRESULT && action) {
      violations = violationsOf(this.validator.validate(action, 'conf', frame.payload));
    }
    const record = log.frameRecord({
      type: 'frame', seq: 0, time: wallClock(), mono: receivedAt,
      connection, direction: 'in', raw, kind: frame.type === CALLRESULT ? 'CALLRESULT' : 'CALLERROR', id: frame.id, action,
      payload: frame.type === CALLRESULT ? frame.payload : undefined,
      errorCode: frame.type === CALLERROR ? frame.code : undefined,
      errorDescription: frame.type === CALLERROR ? frame.description : undefined,
      errorDetails: frame.type === CALLERROR ? frame.details : undefined,
      problems, violations, latencyMs: pending ? roundMs(receivedAt - pending.sentAt) : undefined,
    }, payloadJson);
    if (!pending) return; // recorded; the protocol monitor judges an unknown or late id
    this.pending.delete(frame.id);
    this.deadlines.delete(pending);
    pending.release();
    if (frame.type === CALLRESULT) {
      pending.resolve({ kind: 'result', payload: frame.payload as Record<string, unknown>, request: pending.request, response: record });
    } else {
      pending.resolve({ kind: 'error', code: frame.code, description: frame.description, details: frame.details, request: pending.request, response: record });
    }
  }

  /**
   * Sends a CALL and waits for its CALLRESULT or CALLERROR. The payload is validated first: an invalid payload is a
   * harness error unless `deliberate`. Rejects with `ResponseTimeout` or `ConnectionClosed`, or with what
   * `explain` makes of them (the caller's conformance failure), without a promise chained to translate them.
   */
  call(action: string, payload: Record<string, unknown>, options: CallOptions = {}, explain: ExplainError = asIs): Promise<CallOutcome> {
    // Not `async`: the promise returned is the response's own, without the extra turns an async wrapper costs.
    let violations: SchemaViolation[] = [];
    if (isKnownAction(action)) {
      violations = violationsOf(this.validator.validate(action, 'req', payload));
      if (violations.length > 0 && !options.deliberate) {
        return Promise.reject(explain(new HarnessError(`the harness built an invalid ${messageName(action, 'req')}: ${formatViolations(violations)}`)));
      }
    } else if (!options.deliberate) {
      return Promise.reject(explain(new HarnessError(`the harness tried to send "${action}", which is not an OCPP 1.6 action`)));
    }
    const id = options.messageId ?? randomUUID();
    const payloadJson = JSON.stringify(payload) ?? 'null';
    const raw = callText(id, action, payloadJson);
    return this.inTurn(options, (release) => this.sendAndAwait(release, explain, raw, id, action, payload, violations, options, payloadJson));
  }

  /**
   * Sends a CALL given as raw text (possibly malformed on purpose) and waits for the response to its message id (or
   * to `options.messageId`). Used by negative tests.
   */
  async callRaw(raw: string, action: string, options: CallOptions = {}): Promise<CallOutcome> {
    const parsed = parseFrame(raw);
    const id = options.messageId ?? (parsed.ok ? parsed.frame.id : parsed.id);
    if (id === undefined) throw new HarnessError('callRaw needs a frame with a message id, or options.messageId');
    return this.inTurn(options, (release) => this.sendAndAwait(release, asIs, raw, id, action, payloadOf(parsed), [], options));
  }

  /**
   * Runs `send` once the harness's previous CALL is answered (OCPP-J 1.6 §4.1.1), unless `concurrent`. `send` gets
   * the function that ends its turn and calls it once, as its outcome settles (no promise chained for it).
   */
  private inTurn(options: CallOptions, send: (release: () => void) => Promise<CallOutcome>): Promise<CallOutcome> {
    if (options.concurrent) return send(NO_TURN);
    if (!this.busy) {
      this.busy = true;
      return send(this.nextTurn);
    }
    return new Promise<void>((resolve) => this.turns.push(resolve)).then(() => send(this.nextTurn));
  }

  private readonly nextTurn = (): void => {
    const next = this.turns.shift();
    if (next) next();
    else this.busy = false;
  };

  private sendAndAwait(release: () => void, explain: ExplainError, raw: string, id: string, action: string, payload: unknown, violations: SchemaViolation[], options: CallOptions, payloadJson?: string): Promise<CallOutcome> {
    if (this.closed !== undefined || (this.pending.has(id) && !options.deliberate)) {
      release();
      return Promise.reject(explain(this.closed !== undefined ? new ConnectionClosed(action, this.closed) : new HarnessError(`message id "${id}" is already pending`)));
    }
    const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs;
    return new Promise<CallOutcome>((resolve, rejectAsIs) => {
      const reject = explain === asIs ? rejectAsIs : (e: Error): void => rejectAsIs(explain(e));
      const record = this.transmit({
        type: 'frame', seq: 0, time: wallClock(), mono: monoNow(), connection: this.options.connection, direction: 'out', raw, kind: 'CALL', id, action,
        payload, problems: [], violations, deliberate: options.deliberate,
      }, payloadJson);
      if (!record) {
        release();
        reject(new ConnectionClosed(action, 'the frame could not be sent'));
        return;
      }
      const sentAt = record.mono;
      const entry: Pending = { action, sentAt, request: record, resolve, reject, release };
      this.pending.set(id, entry);
      this.deadlines.add(entry, timeoutMs, () => {
        this.pending.delete(id);
        this.options.log.event(this.options.connection, 'note', { kind: 'call-timeout', id, action, timeoutMs });
        release();
        reject(new ResponseTimeout(action, id, performance.now() - sentAt, record));
      });
    });
  }

  /** Sends any text without waiting for anything (malformed frames, raw responses). Recorded as deliberate. */
  sendRaw(raw: string): FrameRecord | undefined {
    const parsed = parseFrame(raw);
    const kind = parsed.ok ? (parsed.frame.type === CALL ? 'CALL' : parsed.frame.type === CALLRESULT ? 'CALLRESULT' : 'CALLERROR') : 'INVALID';
    const id = parsed.ok ? parsed.frame.id : parsed.id;
    const action = parsed.ok && parsed.frame.type === CALL ? parsed.frame.action : undefined;
    return this.transmit(this.outgoing(raw, { kind, id, action, violations: [], deliberate: true, payload: payloadOf(parsed) }));
  }

  /** Number of the harness's CALLs awaiting a response. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Fails every pending CALL; later calls reject at once. */
  close(reason: string): void {
    this.closed = reason;
    this.deadlines.clear();
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.release();
      p.reject(new ConnectionClosed(p.action, reason));
    }
  }
}

/** A record's own list of violations (none: a new empty one, not the validator's shared frozen one). */
function violationsOf(result: ValidationResult): SchemaViolation[] {
  return result.valid ? [] : [...result.violations];
}

function isPromise<T>(x: T | Promise<T>): x is Promise<T> {
  return typeof (x as { then?: unknown } | null)?.then === 'function';
}

function payloadOf(parsed: ParseResult): unknown {
  if (!parsed.ok) return undefined;
  return parsed.frame.type === CALLERROR ? undefined : parsed.frame.payload;
}

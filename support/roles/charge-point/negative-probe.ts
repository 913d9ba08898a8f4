/**
 * The RPC-level negative tests of a Central System under test (OCPP-J 1.6 §4), played by one emulated Charge Point
 * on its open connection: send a malformed frame, judge the answer (the CALLERROR code of Table 7, or silence where
 * §4.1.3 says to ignore), repeat a message id, cross a CALL of the Central System, and check after each that the
 * Central System is still alive on the same connection. It observes and reports; it never repairs.
 */
import { performance } from 'node:perf_hooks';
import type { WireLog } from '../../recording/wire-log';
import type { TraceRecord } from '../../recording/frame-record';
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import { acceptableCodesForSchemaKeyword, FOREIGN_SPELLINGS, isCallErrorCode } from '../../ocpp/call-error-codes';
import type { CallHandler } from '../../ocpp/handler-table';
import { ConformanceAssertionError, HarnessError } from '../../reporting/errors';
import type { FindingCategory } from '../../recording/finding';
import { expectConf } from '../expectations';
import type { OcppConnection, RuleContext } from '../ocpp-connection';
import type { EmulatedChargePoint } from './emulated-charge-point';
import { type MalformedFrame, negativeMessageId } from './negative-frames';
import { type NegativeContext, remembered } from './negative-context';

/** What the probe did last: the frame (or exchange) and the connection it went over. */
interface Probe {
  readonly what: string;
  readonly connection: OcppConnection;
  readonly at: number;
  readonly frame?: MalformedFrame;
  /** The Central System's answer to a malformed CALL. */
  outcome?: CallOutcome;
  /** Answers to a CALL sent twice with one message id, or to the CALL that crossed the Central System's. */
  answers?: CallOutcome[];
}

const WHO = 'the Central System';

function fail(rule: RuleContext, category: FindingCategory, message: string, expected?: string, actual?: string, evidence?: number[]): ConformanceAssertionError {
  return new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category, message, expected, actual, evidence });
}

/** `"A, B or C"` → `['A', 'B', 'C']`, each a CALLERROR code of OCPP-J 1.6 §4.2.3 (a harness error otherwise). */
export function parseCodes(text: string): string[] {
  const codes = text.split(/\s*,\s*|\s+or\s+/).map((s) => s.trim()).filter(Boolean);
  const foreign = codes.filter((c) => !isCallErrorCode(c));
  if (codes.length === 0 || foreign.length > 0) throw new HarnessError(`"${text}" names no CALLERROR code of OCPP-J 1.6 §4.2.3 Table 7 (${foreign.join(', ')})`);
  return codes;
}

export class NegativeProbe {
  private last: Probe | undefined;

  /** The scenario's probe, played by the emulated Charge Point named `name`. */
  static of(ctx: NegativeContext, name = 'default'): NegativeProbe {
    return remembered(ctx, `negative-probe:${name}`, () => new NegativeProbe(ctx.chargePointNamed(name), ctx.bench.log, ctx.sut.timeouts.responseMs));
  }

  constructor(
    private readonly cp: EmulatedChargePoint,
    private readonly log: WireLog,
    private readonly responseMs: number,
  ) {}

  /** Sends a frame the Central System has no message id to answer, or must ignore (§4.1.3); awaits nothing. */
  sendUnanswerable(frame: MalformedFrame, rule: RuleContext): void {
    const connection = this.cp.openConnection(rule, frame.what);
    connection.sendRaw(frame.raw);
    this.last = { what: frame.what, connection, at: performance.now(), frame };
  }

  /** Sends a malformed CALL and waits for the answer to its id; silence or a closed connection fails `rule`. */
  async callMalformed(frame: MalformedFrame, rule: RuleContext): Promise<void> {
    if (frame.id === undefined) throw new HarnessError(`${frame.what} has no message id to await an answer to`);
    const connection = this.cp.openConnection(rule, frame.what);
    this.last = { what: frame.what, connection, at: performance.now(), frame };
    this.last.outcome = await connection.callRaw(frame.raw, frame.action, rule, { messageId: frame.id, timeoutMs: this.responseMs });
  }

  /**
   * The answer to the malformed CALL is a CALLERROR with one of `codes` (OCPP-J 1.6 §4.2.3). For a payload that
   * breaks a schema keyword the scenario's list must be the one `acceptableCodesForSchemaKeyword` gives, so that
   * feature files and the code table cannot drift apart.
   */
  expectCallError(codes: readonly string[], rule: RuleContext): void {
    const { frame, outcome } = this.probe();
    if (!frame || !outcome) throw new HarnessError('no malformed CALL has been sent in this scenario');
    if (frame.keyword) {
      const table = acceptableCodesForSchemaKeyword(frame.keyword);
      if (table.length !== codes.length || table.some((c) => !codes.includes(c))) {
        throw new HarnessError(`the scenario expects ${codes.join(', ')} for a "${frame.keyword}" violation, but the code table allows ${table.join(', ')}`);
      }
    }
    const expected = `CALLERROR ${codes.join(' or ')}`;
    const evidence = [outcome.request.seq, outcome.response.seq];
    if (outcome.kind === 'result') {
      throw fail(rule, 'wrong CALLERROR', `${WHO} answered ${frame.what} with a CALLRESULT, as if it were valid [frame #${outcome.response.seq}]`,
        expected, outcome.response.raw, evidence);
    }
    if (!codes.includes(outcome.code)) {
      const spelling = FOREIGN_SPELLINGS[outcome.code] ? ` ("${outcome.code}" is not an OCPP 1.6 code; 1.6 spells it "${FOREIGN_SPELLINGS[outcome.code]}")` : '';
      throw fail(rule, 'wrong CALLERROR', `${WHO} answered ${frame.what} with CALLERROR ${outcome.code}${spelling} [frame #${outcome.response.seq}]`,
        expected, outcome.response.raw, evidence);
    }
  }

  /** Nothing answers the last frame's message id within `withinMs` of sending it (§4.1.3: the receiver ignores it). */
  async expectNoAnswer(withinMs: number, rule: RuleContext): Promise<void> {
    const { frame, connection, at, what } = this.probe();
    const id = frame?.id;
    if (id === undefined) throw new HarnessError(`${what} carries no message id an answer could quote`);
    const isAnswer = (r: TraceRecord): boolean => r.type === 'frame' && r.direction === 'in' && r.connection === connection.label && r.id === id;
    const answer = await new Promise<TraceRecord | undefined>((resolve) => {
      const earlier = this.log.scenarioTrace().find(isAnswer);
      if (earlier) {
        resolve(earlier);
        return;
      }
      const done = (r: TraceRecord | undefined): void => {
        clearTimeout(timer);
        unsubscribe();
        resolve(r);
      };
      const unsubscribe = this.log.subscribe((r) => isAnswer(r) && done(r));
      const timer = setTimeout(() => done(undefined), Math.max(0, withinMs - (performance.now() - at)));
    });
    if (answer && answer.type === 'frame') {
      throw fail(rule, 'unexpected message', `${WHO} answered ${what}, which it must ignore [frame #${answer.seq}]`,
        `no answer to message id "${id}" within ${(withinMs / 1000).toFixed(1)} s`, answer.raw, [answer.seq]);
    }
  }

  /**
   * The connection the last frame went over is still open, and the Central System answers Heartbeat.req on it
   * with Heartbeat.conf (OCPP 1.6 §4.6): a frame it cannot process is reported with a CALLERROR or ignored
   * (OCPP-J 1.6 §4.2.3, §4.1.3, OCPP-J errata §3.2), never a reason to drop the Charge Point.
   */
  async expectStillAlive(rule: RuleContext): Promise<void> {
    const { connection, what } = this.probe();
    const closedFailure = (closed: { code: number; reason: string }): ConformanceAssertionError =>
      fail(rule, 'behaviour', `${WHO} closed the connection (code ${closed.code}${closed.reason ? ` "${closed.reason}"` : ''}) after ${what}`,
        'the connection stays open and Heartbeat.req is answered', `closed with code ${closed.code}`);
    if (connection.closed) throw closedFailure(connection.closed);
    let outcome: CallOutcome;
    try {
      outcome = await connection.call('Heartbeat', {}, rule, { timeoutMs: this.responseMs });
    } catch (e) {
      throw connection.closed ? closedFailure(connection.closed) : e;
    }
    expectConf(outcome, 'Heartbeat', {}, rule, `${WHO}, after ${what},`);
  }

  /** Sends `action` twice on one connection with one message id, the second after the first is answered. */
  async callTwiceWithOneId(action: string, payload: Record<string, unknown>, rule: RuleContext): Promise<void> {
    const connection = this.cp.openConnection(rule, `${action}.req`);
    const messageId = negativeMessageId();
    this.last = { what: `a second ${action}.req reusing the message id "${messageId}"`, connection, at: performance.now(), answers: [] };
    for (let i = 0; i < 2; i++) {
      const outcome = await connection.call(action, payload, rule, { messageId, timeoutMs: this.responseMs, deliberate: i === 1 });
      this.last.answers?.push(outcome);
    }
  }

  /**
   * Both CALLs with one message id were answered (their absence already failed `callTwiceWithOneId`): the first
   * with its CALLRESULT, the repeated one with a CALLRESULT or a CALLERROR (§4.2.3 names a repeated id as a reason
   * for one); the codes themselves are judged by the protocol monitor.
   */
  expectBothAnswered(action: string, rule: RuleContext): void {
    const [first, second] = this.probe().answers ?? [];
    if (!first || !second) throw new HarnessError('no CALL has been sent twice with one message id in this scenario');
    expectConf(first, action, {}, rule, WHO);
  }

  /**
   * Has the Central System send a CALL (via `trigger`, an operator step) and, while it awaits the answer, sends
   * Heartbeat.req from the emulated Charge Point on the same connection; the Charge Point answers the Central
   * System's CALL only after its own has been answered or has timed out (OCPP-J 1.6 §4.1.1: CALLs may cross).
   */
  async crossCall(action: string, trigger: () => Promise<unknown>, rule: RuleContext): Promise<void> {
    const connection = this.cp.openConnection(rule, 'Heartbeat.req');
    const original = this.cp.handlers.get(action) as CallHandler | undefined;
    if (!original) throw new HarnessError(`the emulated Charge Point has no answer for ${action}.req`);
    const probe: Probe = { what: `Heartbeat.req crossing the Central System's ${action}.req`, connection, at: performance.now(), answers: [] };
    this.last = probe;
    let crossing: Promise<CallOutcome> | undefined;
    this.cp.handlers.override(action, async (call) => {
      crossing ??= connection.call('Heartbeat', {}, rule, { timeoutMs: this.responseMs });
      await crossing.catch(() => undefined);
      return original(call);
    });
    const [acted] = await Promise.allSettled([trigger()]);
    if (!crossing) {
      if (acted.status === 'rejected') throw acted.reason;
      throw new HarnessError(`the operator step did not make the Central System send ${action}.req to ${this.cp.identity}`);
    }
    const answer = await crossing; // a missing answer is a conformance failure and outranks the operator step's error
    probe.answers?.push(answer);
    if (acted.status === 'rejected') throw acted.reason;
    await this.cp.mailbox.take({ action }, 0).catch(() => undefined); // judged here, not a leftover
  }

  /** The Central System answered the crossing Heartbeat.req with Heartbeat.conf while its own CALL was pending. */
  expectCrossingAnswered(rule: RuleContext): void {
    const [answer] = this.probe().answers ?? [];
    if (!answer) throw new HarnessError('no CALL has crossed a CALL of the Central System in this scenario');
    expectConf(answer, 'Heartbeat', {}, rule, WHO);
  }

  private probe(): Probe {
    if (!this.last) throw new HarnessError('the negative test has sent nothing yet in this scenario');
    return this.last;
  }
}

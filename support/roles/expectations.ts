/**
 * Waits on a charge point's mailbox, turning a wait's failure into a conformance failure of the rule at stake:
 * what was awaited, for how long, and what arrived instead. A charge point's mailbox outlives its connections, so a
 * wait spans a reconnection (a reboot, a network drop).
 */
import { type CallMatcher, type Mailbox, type ReceivedCall, UnexpectedCall, WaitTimeout, describeMatcher } from '../recording/mailbox';
import type { FindingCategory } from '../recording/finding';
import { type CallOutcome, ConnectionClosed, ResponseTimeout } from '../ocpp/rpc-endpoint';
import { describePattern, matches, type PayloadPattern } from '../recording/payload-pattern';
import { ConformanceAssertionError } from '../reporting/errors';

/** The rule a wait or call guards, for its failure message. */
export interface RuleContext {
  /** e.g. `OCPP 1.6 §4.9` */
  readonly rule: string;
  /** e.g. `TC_003_CS step 7` */
  readonly step?: string;
  /** Defaults to SHALL. */
  readonly level?: 'SHALL' | 'SHOULD';
}

/** Turns a wait's or a call's failure into a conformance failure of `rule`; anything else passes through. */
export function explain(e: unknown, rule: RuleContext, awaited: string, who: string): unknown {
  const level = rule.level ?? 'SHALL';
  const fail = (category: FindingCategory, message: string, expected?: string, actual?: string, evidence?: number[]): ConformanceAssertionError =>
    new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level, category, message, expected, actual, evidence });
  if (e instanceof WaitTimeout) {
    return fail('missing message', `${who} did not send ${e.awaited} within ${(e.waitedMs / 1000).toFixed(1)} s`, e.awaited,
      e.meanwhile.length ? `arrived meanwhile:\n    ${e.meanwhile.join('\n    ')}` : 'nothing arrived');
  }
  if (e instanceof UnexpectedCall) {
    return fail('unexpected message', `${who} sent ${e.forbidden} ${(e.afterMs / 1000).toFixed(1)} s into a period in which it must not [frame #${e.call.record.seq}]`,
      `no ${e.forbidden}`, e.call.record.raw, [e.call.record.seq]);
  }
  if (e instanceof ResponseTimeout) {
    return fail('missing message', `${who} did not answer ${e.action}.req within ${(e.waitedMs / 1000).toFixed(1)} s [frame #${e.request.seq}]`,
      awaited, 'no response', [e.request.seq]);
  }
  if (e instanceof ConnectionClosed) {
    return fail('missing message', `${who} closed the connection before sending ${awaited}: ${e.reason}`, awaited, e.message);
  }
  return e;
}

export class Expectations {
  constructor(
    readonly mailbox: Mailbox,
    /** Who the SUT is, for messages: `the Charge Point CP-1`, `the Central System`. */
    readonly who: string,
  ) {}

  /** Waits for a CALL from the SUT matching `matcher`; frames that arrived before the wait count. */
  async expectCall(matcher: CallMatcher, withinMs: number, rule: RuleContext): Promise<ReceivedCall> {
    try {
      return await this.mailbox.take(matcher, withinMs);
    } catch (e) {
      throw explain(e, rule, describeMatcher(matcher), this.who);
    }
  }

  /** Waits for one CALL per matcher, in any order, with one deadline for all. */
  async expectCallsInAnyOrder(matchers: readonly CallMatcher[], withinMs: number, rule: RuleContext): Promise<ReceivedCall[]> {
    try {
      return await this.mailbox.takeAll(matchers, withinMs);
    } catch (e) {
      throw explain(e, rule, matchers.map(describeMatcher).join(' and '), this.who);
    }
  }

  /** Waits for whichever CALL matching one of `matchers` the SUT sends first; returns it and the matcher's index. */
  async expectFirstOf(matchers: readonly CallMatcher[], withinMs: number, rule: RuleContext): Promise<{ index: number; call: ReceivedCall }> {
    try {
      return await this.mailbox.takeFirst(matchers, withinMs);
    } catch (e) {
      throw explain(e, rule, matchers.map(describeMatcher).join(' or '), this.who);
    }
  }

  /** Fails as soon as a CALL matching `matcher` arrives within `duringMs` (or is already waiting). */
  async expectNoCall(matcher: CallMatcher, duringMs: number, rule: RuleContext): Promise<void> {
    try {
      await this.mailbox.expectNone(matcher, duringMs);
    } catch (e) {
      throw explain(e, rule, describeMatcher(matcher), this.who);
    }
  }
}

/**
 * Checks the answer to a CALL of the harness: a CALLRESULT whose payload matches `pattern`. A CALLERROR or a payload
 * that does not match is a conformance failure of `rule` (schema violations of the payload are the monitor's).
 */
export function expectConf(outcome: CallOutcome, action: string, pattern: PayloadPattern, rule: RuleContext, who: string): Record<string, unknown> {
  const level = rule.level ?? 'SHALL';
  if (outcome.kind === 'error') {
    throw new ConformanceAssertionError({
      rule: rule.rule, step: rule.step, level, category: 'wrong CALLERROR',
      message: `${who} answered ${action}.req with CALLERROR ${outcome.code} "${outcome.description}" [frame #${outcome.response.seq}]`,
      expected: `${action}.conf${describePattern(pattern) ? ` with ${describePattern(pattern)}` : ''}`,
      actual: outcome.response.raw, evidence: [outcome.request.seq, outcome.response.seq],
    });
  }
  if (!matches(outcome.payload, pattern)) {
    throw new ConformanceAssertionError({
      rule: rule.rule, step: rule.step, level, category: 'behaviour',
      message: `${who} answered ${action}.req with a ${action}.conf that does not have ${describePattern(pattern)} [frame #${outcome.response.seq}]`,
      expected: describePattern(pattern), actual: JSON.stringify(outcome.payload), evidence: [outcome.request.seq, outcome.response.seq],
    });
  }
  return outcome.payload;
}

/**
 * The Central System's requests to the Charge Point under test (OCPP 1.6 §5) as the test cases send them: each
 * request is sent in a `When` step and its answer kept for the `Then` step that judges it, so that a scenario reads
 * as the test case document does (step n: the Central System sends; step n+1: the Charge Point responds).
 */
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import { matches, oneOf, type PayloadPattern } from '../../recording/payload-pattern';
import { HarnessError } from '../../reporting/errors';
import { expectConf } from '../expectations';
import type { RuleContext } from '../ocpp-connection';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';

const key = (action: string): string => `answer:${action}`;

export class CentralSystemRequests {
  constructor(private readonly ctx: ScenarioContext) {}

  /** Sends `action` and keeps the answer; no answer within the response timeout fails with `rule`. */
  async send(action: string, payload: Record<string, unknown>, rule: RuleContext, deliberate = false): Promise<CallOutcome> {
    const outcome = await this.ctx.chargePoint.call(action, payload, rule, { deliberate });
    this.ctx.memory.set(key(action), outcome);
    return outcome;
  }

  /**
   * ChangeAvailability.req of a test case step; a connector (or the Charge Point) made Inoperative is made Operative
   * again when the scenario ends.
   */
  async changeAvailability(connectorId: number, type: string, rule: RuleContext): Promise<void> {
    await this.send('ChangeAvailability', { connectorId, type }, rule);
    if (type === 'Inoperative') {
      this.ctx.cleanups.push(async () => {
        await this.ctx.chargePoint.call('ChangeAvailability', { connectorId, type: 'Operative' }, this.ctx.rule('OCPP 1.6 §5.2', 'clean-up: available again'));
      });
    }
  }

  /** The answer to the last `action` request of this scenario. */
  lastAnswer(action: string): CallOutcome {
    const outcome = this.ctx.memory.get(key(action)) as CallOutcome | undefined;
    if (!outcome) throw new HarnessError(`no ${action}.req was sent in this scenario before its answer was judged`);
    return outcome;
  }

  /** The last answer is a CALLRESULT matching `pattern`; returns its payload. */
  expectConf(action: string, pattern: PayloadPattern, rule: RuleContext): Record<string, unknown> {
    return expectConf(this.lastAnswer(action), action, pattern, rule, this.ctx.chargePoint.who);
  }

  /**
   * The last answer is a CALLRESULT with `field` one of `values`, or (where the test case allows it) a CALLERROR
   * with one of `errorCodes` (`'*'`: any code).
   */
  expectStatusOrError(action: string, field: string, values: readonly unknown[], errorCodes: readonly string[] | '*', rule: RuleContext): void {
    const outcome = this.lastAnswer(action);
    const anyError = errorCodes === '*';
    const errors = anyError ? ' or a CALLERROR' : errorCodes.length > 0 ? ` or the CALLERROR ${errorCodes.join(' or ')}` : '';
    const wanted = `${action}.conf with ${field} ${values.map((v) => JSON.stringify(v)).join(' or ')}${errors}`;
    if (outcome.kind === 'error') {
      if (anyError || errorCodes.includes(outcome.code)) return;
      throw failure(rule, 'wrong CALLERROR', `${this.ctx.chargePoint.who} answered ${action}.req with CALLERROR ${outcome.code} [frame #${outcome.response.seq}]`, {
        expected: wanted, actual: outcome.response.raw,
      });
    }
    const pattern: PayloadPattern = { [field]: (v: unknown) => values.includes(v) };
    if (matches(outcome.payload, pattern)) return;
    throw failure(rule, 'behaviour', `${this.ctx.chargePoint.who} answered ${action}.req with ${field} ${JSON.stringify(outcome.payload[field])} [frame #${outcome.response.seq}]`, {
      expected: wanted, actual: outcome.response.raw,
    });
  }

  /** The message a TriggerMessage.req asked for, with one of `statuses`, if the Charge Point accepted to send it (§5.17). */
  async expectTriggeredIfAccepted(action: string, statuses: readonly string[], rule: RuleContext): Promise<void> {
    const answer = this.lastAnswer('TriggerMessage');
    if (answer.kind !== 'result' || answer.payload['status'] !== 'Accepted') return;
    await this.ctx.chargePoint.expect(action, { status: oneOf(...statuses) }, rule);
  }

  /** Sends `action` and requires a CALLRESULT matching `pattern` at once (for set-up and clean-up). */
  async request(action: string, payload: Record<string, unknown>, pattern: PayloadPattern, rule: RuleContext): Promise<Record<string, unknown>> {
    await this.send(action, payload, rule);
    return this.expectConf(action, pattern, rule);
  }
}

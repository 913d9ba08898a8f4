/**
 * Registration of the Charge Point under test (OCPP 1.6 §4.2, errata §3.11, §3.22) as the test cases see it: the
 * Central System's answer to BootNotification.req, the BootNotification.req after a (re)boot with nothing before it,
 * the retry not before the interval while Rejected or Pending with nothing else in between, and the statuses of
 * connector 0 and every connector once Accepted.
 */
import { result } from '../../ocpp/handler-table';
import type { ReceivedCall } from '../../recording/mailbox';
import { ConformanceAssertionError, HarnessError } from '../../reporting/errors';
import { formatDuration } from '../../sut/duration';
import type { RuleContext } from '../ocpp-connection';
import { callsBefore, forgetCallsBefore } from './call-waits';
import { now } from './central-system-handlers';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';

export type Registration = 'Accepted' | 'Pending' | 'Rejected';

/** What a connector must report after a boot, and the clause a different status breaks. */
export interface StatusAfterBoot {
  readonly statuses: readonly string[];
  readonly rule: RuleContext;
}

export class BootFlows {
  constructor(private readonly ctx: ScenarioContext) {}

  private get cp() {
    return this.ctx.chargePoint;
  }

  /**
   * The Central System's answer to BootNotification.req from now on: Accepted with the heartbeat interval of the SUT
   * file, Rejected or Pending with its boot retry interval.
   */
  answerWith(status: Registration): void {
    const heartbeat = Number(this.ctx.sut.chargePoint?.configuration['HeartbeatInterval'] ?? 60);
    const interval = status === 'Accepted' ? heartbeat : Math.round(this.cp.options.bootRetryIntervalMs / 1000);
    this.cp.answer('BootNotification', () => result({ status, currentTime: now(), interval }));
  }

  /**
   * BootNotification.req after a power cycle or reset, within the connect and message timeouts. Nothing may precede
   * it on its connection (§4.2: no other request before the registration completes); the unconsumed CALLs of the
   * charger's previous life are forgotten.
   */
  async expectBoot(rule: RuleContext, withinMs = this.ctx.sut.timeouts.connectMs + this.ctx.sut.timeouts.messageMs): Promise<ReceivedCall> {
    return this.acceptBoot(await this.cp.expect('BootNotification', {}, rule, withinMs), rule);
  }

  /** Judges a BootNotification.req already taken: nothing before it on its connection; older CALLs forgotten. */
  acceptBoot(boot: ReceivedCall, rule: RuleContext): ReceivedCall {
    const before = callsBefore(this.cp, boot.record.seq, (c) => c.record.connection === boot.record.connection);
    if (before.length > 0) {
      throw failure({ ...rule, rule: 'OCPP 1.6 §4.2' }, 'unexpected message',
        `${this.cp.who} sent ${before.map((c) => `${c.action}.req`).join(', ')} on the new connection before its BootNotification.req`, {
          expected: 'BootNotification.req first, nothing else before the Central System accepts it', calls: before,
        });
    }
    forgetCallsBefore(this.cp, boot.record.seq);
    this.ctx.memory.set('boot', boot);
    return boot;
  }

  /** BootNotification.req if the charger reboots within the connect and message timeouts (a soft reset need not). */
  async maybeBoot(rule: RuleContext): Promise<ReceivedCall | undefined> {
    try {
      return await this.expectBoot(rule);
    } catch (e) {
      if (e instanceof ConformanceAssertionError && e.detail.category === 'missing message' && /BootNotification\.req/.test(e.detail.message)) return undefined;
      throw e;
    }
  }

  /** The last BootNotification.req of this scenario, answered. */
  private lastBoot(): { call: ReceivedCall; status: string; intervalMs: number; answeredAt: number } {
    const call = this.ctx.memory.get('boot') as ReceivedCall | undefined;
    const answer = call?.answer?.payload as { status?: string; interval?: number } | undefined;
    if (!call || !answer) throw new HarnessError('no answered BootNotification.req in this scenario');
    return { call, status: String(answer.status), intervalMs: Number(answer.interval) * 1000, answeredAt: (call.answer as { mono: number }).mono };
  }

  /**
   * After Rejected or Pending: the next BootNotification.req comes, not before the interval of the answer (within
   * the SUT file's tolerance), and the charger sends no other request in between (§4.2; while Pending only what a
   * TriggerMessage.req asks for, which the harness does not send).
   */
  async expectRetry(rule: RuleContext): Promise<ReceivedCall> {
    const first = this.lastBoot();
    const { messageMs } = this.ctx.sut.timeouts;
    const next = await this.cp.expect('BootNotification', {}, rule, first.intervalMs + messageMs);
    const between = callsBefore(this.cp, next.record.seq, (c) => c.record.seq > first.call.record.seq);
    if (between.length > 0) {
      throw failure(rule, 'unexpected message', `${this.cp.who} sent ${between.map((c) => `${c.action}.req`).join(', ')} while ${first.status}, before its next BootNotification.req`, {
        expected: `nothing but BootNotification.req while ${first.status}`, calls: between,
      });
    }
    const waited = next.record.mono - first.answeredAt;
    const tolerance = this.ctx.sut.tolerances.intervalMs;
    if (waited < first.intervalMs - tolerance) {
      throw failure(rule, 'timing', `${this.cp.who} sent its next BootNotification.req ${formatDuration(waited)} after the ${first.status} answer, before the interval of ${formatDuration(first.intervalMs)}`, {
        expected: `not before ${formatDuration(first.intervalMs)} (tolerance ${formatDuration(tolerance)})`, calls: [next],
      });
    }
    forgetCallsBefore(this.cp, next.record.seq);
    this.ctx.memory.set('boot', next);
    return next;
  }

  /**
   * One StatusNotification.req for connector 0 and every connector after the boot (errata §3.22, `presence`), each
   * with a status `expected` allows for that connector.
   */
  async expectStatusesAfterBoot(presence: RuleContext, expected: (connectorId: number) => StatusAfterBoot): Promise<ReceivedCall[]> {
    const calls = await this.cp.expectStatusOfEveryConnector(presence);
    for (const call of calls) {
      const connectorId = Number(call.payload['connectorId']);
      const { statuses, rule } = expected(connectorId);
      const status = String(call.payload['status']);
      if (!statuses.includes(status)) {
        throw failure(rule, 'behaviour', `after booting ${this.cp.who} reported connector ${connectorId} ${status}`, {
          expected: `status ${statuses.map((s) => `"${s}"`).join(' or ')}`, calls: [call],
        });
      }
    }
    return calls;
  }
}

/**
 * Registration discipline of the Charge Point under test (OCPP 1.6 §4.2): after a reboot BootNotification.req comes
 * first and nothing else is sent until it is answered Accepted or Pending; after Rejected the charger neither sends
 * nor answers anything until the interval has passed, and its next BootNotification.req waits for the interval.
 * The harness reboots the charger with Reset.req (§5.14) and shapes the Central System's next answer.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { result } from '../../ocpp/handler-table';
import { ConnectionClosed, ResponseTimeout } from '../../ocpp/rpc-endpoint';
import type { ReceivedCall } from '../../recording/mailbox';
import type { FrameRecord } from '../../recording/frame-record';
import { ConformanceAssertionError, HarnessError } from '../../reporting/errors';
import { formatDuration } from '../../sut/duration';
import type { SutConfig } from '../../sut/sut-config';
import { expectConf, type RuleContext } from '../expectations';
import { now } from './central-system-handlers';
import type { EmulatedCentralSystem } from './emulated-central-system';
import type { ScenarioCalls } from './ext-scenario-calls';

export const BOOT_RULE = 'OCPP 1.6 §4.2';

/** How the Central System answers the first BootNotification.req after a reboot; every later one is Accepted. */
export interface NextBootAnswer {
  readonly status: 'Accepted' | 'Pending' | 'Rejected';
  /** BootNotification.conf interval, seconds. */
  readonly intervalS: number;
  /** Hold the answer this long (to see what the charger sends before it is answered). */
  readonly holdMs?: number;
}

export class BootDiscipline {
  constructor(
    private readonly cs: EmulatedCentralSystem,
    private readonly calls: ScenarioCalls,
    private readonly sut: SutConfig,
    /** BootNotification.conf interval once Accepted: the heartbeat interval of the bench's policy. */
    private readonly acceptedIntervalS: number,
  ) {}

  private get who(): string {
    return `the Charge Point ${this.sut.chargePoint!.identity}`;
  }

  private fail(rule: RuleContext, message: string, expected: string, actual: string, evidence: number[] = []): never {
    throw new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'unexpected message', message, expected, actual, evidence });
  }

  /** Shapes the answer to the next BootNotification.req (until the scenario ends). */
  private answerNextBoot(answer: NextBootAnswer): void {
    let first = true;
    this.cs.handlers.override('BootNotification', async () => {
      if (!first) return result({ status: 'Accepted', currentTime: now(), interval: this.acceptedIntervalS });
      first = false;
      if (answer.holdMs) await delay(answer.holdMs);
      return result({ status: answer.status, currentTime: now(), interval: answer.intervalS });
    });
  }

  /**
   * Reset.req (§5.14); the charger must accept it and boot again. `nextBoot` shapes the answer to the boot that
   * follows: it is installed once Reset.conf is in, so a BootNotification.req already on its way is not taken for it.
   * Resolves with Reset.conf as recorded: the reboot's BootNotification.req comes after it.
   */
  async reboot(type: 'Hard' | 'Soft', rule: RuleContext, nextBoot?: NextBootAnswer): Promise<FrameRecord> {
    const connection = await this.cs.waitForConnection(this.sut.chargePoint!.identity, this.sut.timeouts.connectMs);
    if (!connection) throw new HarnessError(`the Charge Point ${this.sut.chargePoint!.identity} is not connected`);
    const outcome = await connection.call('Reset', { type }, rule);
    expectConf(outcome, 'Reset', { status: 'Accepted' }, rule, this.who);
    if (nextBoot) this.answerNextBoot(nextBoot);
    return outcome.response;
  }

  /** Waits for the BootNotification.req of this scenario (after the reboot) and for the harness's answer to it. */
  async expectBoot(rule: RuleContext, after?: FrameRecord): Promise<{ boot: ReceivedCall; answer: FrameRecord }> {
    const within = this.sut.timeouts.connectMs + this.sut.timeouts.messageMs;
    const boot = await this.calls.expect({ action: 'BootNotification' }, within, rule, after);
    const answer = await this.cs.view(this.sut.chargePoint!.identity).answerTo(boot, within);
    return { boot, answer };
  }

  /** CALLs of the charger other than `except`, recorded after `from` and before `until` (sequence numbers), on `connection` if given. */
  private callsBetween(from: number, until: number, except: string, connection?: string): FrameRecord[] {
    return this.calls.frames((r) => r.direction === 'in' && r.kind === 'CALL' && (connection === undefined || r.connection === connection) &&
      r.seq > from && r.seq < until && r.action !== except);
  }

  /** §4.2: on the new connection, no request but BootNotification.req until it was answered. */
  expectNothingBeforeBootAnswered(boot: ReceivedCall, answer: FrameRecord, rule: RuleContext): void {
    const early = this.callsBetween(0, answer.seq, 'BootNotification', boot.record.connection);
    const [first] = early;
    if (first) {
      this.fail(rule, `${this.who} sent ${early.map((r) => `${r.action}.req [frame #${r.seq}]`).join(', ')} after its reboot before BootNotification.req [frame #${boot.record.seq}] was answered [frame #${answer.seq}]`,
        'no request but BootNotification.req until BootNotification.conf', first.raw, [first.seq, boot.record.seq, answer.seq]);
    }
  }

  /**
   * §4.2 while Rejected: the charger answers no request of the Central System and sends nothing but (later) its next
   * BootNotification.req, until `intervalS` after the Rejected answer (less the SUT file's tolerance).
   */
  async expectSilenceWhileRejected(boot: ReceivedCall, answer: FrameRecord, intervalS: number, rule: RuleContext): Promise<void> {
    const windowEnd = answer.mono + intervalS * 1000 - this.sut.tolerances.intervalMs;
    const connection = this.cs.connection(this.sut.chargePoint!.identity);
    if (connection && connection.label === boot.record.connection && windowEnd - performance.now() > 0) {
      // The charger must leave this request unanswered: its timeout ends the observation window.
      try {
        const outcome = await connection.endpoint.call('GetConfiguration', { key: ['HeartbeatInterval'] }, { timeoutMs: windowEnd - performance.now() });
        this.fail(rule, `${this.who} answered GetConfiguration.req [frame #${outcome.request.seq}] while Rejected [frame #${answer.seq}]`,
          'no answer while Rejected', outcome.response.raw, [answer.seq, outcome.request.seq, outcome.response.seq]);
      } catch (e) {
        if (!(e instanceof ResponseTimeout) && !(e instanceof ConnectionClosed)) throw e;
      }
    }
    if (windowEnd - performance.now() > 0) {
      // The charger closed its channel (§4.2 allows it): watch the rest of the window for a reconnection that talks.
      await delay(windowEnd - performance.now());
    }
    const spoke = this.callsBetween(answer.seq, Number.MAX_SAFE_INTEGER, 'BootNotification').filter((r) => r.mono < windowEnd);
    const [first] = spoke;
    if (first) {
      this.fail(rule, `${this.who} sent ${spoke.map((r) => `${r.action}.req [frame #${r.seq}]`).join(', ')} while Rejected, before the interval of ${intervalS} s had passed`,
        'nothing sent while Rejected', first.raw, [answer.seq, first.seq]);
    }
  }

  /**
   * The next BootNotification.req after `answer`; with `notBeforeS`, it must not come before that interval (less the
   * tolerance) after `answer` (§4.2: after Rejected, interval is the minimum wait).
   */
  async expectRetry(answer: FrameRecord, rule: RuleContext, notBeforeS?: number): Promise<{ boot: ReceivedCall; answer: FrameRecord }> {
    const next = await this.expectBoot(rule, answer);
    const after = next.boot.record.mono - answer.mono;
    if (notBeforeS !== undefined && after < notBeforeS * 1000 - this.sut.tolerances.intervalMs) {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'timing',
        message: `${this.who} sent BootNotification.req again [frame #${next.boot.record.seq}] ${formatDuration(after)} after it was Rejected with interval ${notBeforeS} s [frame #${answer.seq}]`,
        expected: `not before ${notBeforeS} s (tolerance ${formatDuration(this.sut.tolerances.intervalMs)})`, actual: formatDuration(after),
        evidence: [answer.seq, next.boot.record.seq],
      });
    }
    return next;
  }

  /** After BootNotification.conf Accepted: a StatusNotification.req for connectorId 0 and every connector (errata §3.22). */
  async expectEveryConnectorAfter(answer: FrameRecord, rule: RuleContext): Promise<void> {
    const ids = Array.from({ length: this.sut.chargePoint!.connectors + 1 }, (_, i) => i);
    for (const connectorId of ids) {
      await this.calls.expect({ action: 'StatusNotification', payload: { connectorId } }, this.sut.timeouts.messageMs, rule, answer);
    }
  }
}

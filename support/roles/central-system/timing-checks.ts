/**
 * Checks of the Charge Point's protocol timers on the wire, each judged with the SUT file's interval tolerance:
 * heartbeats at the interval of BootNotification.conf (§4.2, §4.6, §9.1.10), and an incipient session cancelled
 * after ConnectionTimeOut counted from the start of Preparing (§9.1.6, errata §3.21, §3.76).
 */
import { performance } from 'node:perf_hooks';
import type { ReceivedCall } from '../../recording/mailbox';
import { HarnessError } from '../../reporting/errors';
import { formatDuration } from '../../sut/duration';
import type { RuleContext } from '../ocpp-connection';
import { callsBefore } from './call-waits';
import { ChargerConfiguration } from './charger-configuration';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';

export class TimingChecks {
  constructor(private readonly ctx: ScenarioContext) {}

  private get cp() {
    return this.ctx.chargePoint;
  }

  private get tolerance(): number {
    return this.ctx.sut.tolerances.intervalMs;
  }

  /**
   * `count` heartbeats after the last accepted boot: each one not before the interval has passed since the previous
   * heartbeat (or the acceptance), and each one within the interval and the tolerance.
   */
  async expectHeartbeats(rule: RuleContext, count = 2): Promise<void> {
    const boot = this.ctx.memory.get('boot') as ReceivedCall | undefined;
    const interval = Number((boot?.answer?.payload as { interval?: unknown } | undefined)?.interval) * 1000;
    if (!boot?.answer || !Number.isFinite(interval) || interval <= 0) throw new HarnessError('no BootNotification.conf with a heartbeat interval in this scenario');
    let previous = boot.answer.mono;
    for (let i = 0; i < count; i++) {
      const heartbeat = await this.cp.expect('Heartbeat', {}, rule, previous + interval + this.tolerance - performance.now());
      const gap = heartbeat.record.mono - previous;
      if (gap < interval - this.tolerance) {
        throw failure(rule, 'timing', `${this.cp.who} sent Heartbeat.req ${formatDuration(gap)} after the previous one (or the acceptance), before the interval of ${formatDuration(interval)}`, {
          expected: `every ${formatDuration(interval)} (tolerance ${formatDuration(this.tolerance)})`, calls: [heartbeat],
        });
      }
      previous = heartbeat.record.mono;
    }
  }

  /**
   * StatusNotification.req Available for the connector under test once ConnectionTimeOut has expired, counted from
   * the start of Preparing: not earlier (unless `earlierAllowed`, e.g. the driver ended the session) and not later
   * than the timeout and the tolerance; no StartTransaction.req meanwhile.
   */
  async expectConnectionTimeout(rule: RuleContext, earlierAllowed = false): Promise<void> {
    const c = this.cp.connectorUnderTest;
    const timeoutMs = (await new ChargerConfiguration(this.ctx).seconds('ConnectionTimeOut', rule)) * 1000;
    const preparing = this.ctx.memory.get(`status:${c}:Preparing`) as ReceivedCall | undefined;
    if (!preparing) throw new HarnessError(`this scenario saw no Preparing of connector ${c}, so ConnectionTimeOut cannot be measured`);
    const deadline = preparing.record.mono + timeoutMs + this.tolerance;
    const available = await this.cp.expect('StatusNotification', { connectorId: c, status: 'Available' }, rule, Math.max(0, deadline - performance.now()));
    const started = callsBefore(this.cp, available.record.seq, (call) => call.action === 'StartTransaction' && call.payload['connectorId'] === c);
    if (started.length > 0) {
      throw failure(rule, 'unexpected message', `${this.cp.who} started a transaction although no cable was plugged in before ConnectionTimeOut`, { calls: started });
    }
    const elapsed = available.record.mono - preparing.record.mono;
    if (!earlierAllowed && elapsed < timeoutMs - this.tolerance) {
      throw failure(rule, 'timing', `${this.cp.who} gave up the session ${formatDuration(elapsed)} after Preparing, before ConnectionTimeOut (${formatDuration(timeoutMs)})`, {
        expected: `Available after ${formatDuration(timeoutMs)} (tolerance ${formatDuration(this.tolerance)})`, calls: [available],
      });
    }
  }
}

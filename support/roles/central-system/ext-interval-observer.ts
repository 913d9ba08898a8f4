/**
 * Measures on the wire how often the Charge Point under test sends a message it sends by itself at a configured
 * interval (Heartbeat.req every HeartbeatInterval, §4.6 / §9.1.10; sampled MeterValues.req every
 * MeterValueSampleInterval, §9.1.19, errata §3.15). Times are the harness's monotonic receive times; the SUT file's
 * interval tolerance absorbs network and timer jitter in both directions.
 */
import { performance } from 'node:perf_hooks';
import type { CallMatcher, ReceivedCall } from '../../recording/mailbox';
import type { FrameRecord } from '../../recording/frame-record';
import { ConformanceAssertionError } from '../../reporting/errors';
import { formatDuration } from '../../sut/duration';
import type { RuleContext } from '../expectations';
import type { ScenarioCalls } from './ext-scenario-calls';

export interface Cadence {
  /** What is measured, for messages: `Heartbeat.req`, `sampled MeterValues.req`. */
  readonly what: string;
  /** The configuration it follows, for messages: `HeartbeatInterval = 2`. */
  readonly setting: string;
  readonly intervalMs: number;
  /** The frame from which the first message is due (the ChangeConfiguration.conf, the StartTransaction.req). */
  readonly from: FrameRecord;
  /** How long after `from` the first may come, at most (tolerance excluded). */
  readonly firstWithinMs: number;
  /** How many messages to observe. */
  readonly count: number;
}

export class IntervalObserver {
  constructor(
    private readonly calls: ScenarioCalls,
    private readonly toleranceMs: number,
    private readonly who: string,
  ) {}

  /** Takes `count` CALLs matching `matcher` and requires each to follow the previous one by the interval ± tolerance. */
  async expectCadence(matcher: CallMatcher, cadence: Cadence, rule: RuleContext): Promise<ReceivedCall[]> {
    const { intervalMs, from } = cadence;
    const tol = this.toleranceMs;
    const taken: ReceivedCall[] = [];
    let previous: FrameRecord = from;
    for (let i = 0; i < cadence.count; i++) {
      const latest = i === 0 ? cadence.firstWithinMs + tol : intervalMs + tol;
      const after = i === 0 ? `frame #${from.seq}` : `the previous one [frame #${previous.seq}]`;
      const waitMs = previous.mono + latest - performance.now();
      let call: ReceivedCall;
      try {
        call = await this.calls.expect(matcher, waitMs, rule, previous);
      } catch (e) {
        if (!(e instanceof ConformanceAssertionError)) throw e;
        throw this.failure(rule, `${this.who} sent no ${cadence.what} within ${formatDuration(latest)} of ${after} (${cadence.setting}, tolerance ${formatDuration(tol)})`,
          `${cadence.what} ${i === 0 ? `within ${formatDuration(latest)}` : `every ${formatDuration(intervalMs)} ± ${formatDuration(tol)}`}`, e.detail.actual, [from.seq, previous.seq]);
      }
      const gap = call.record.mono - previous.mono;
      if (i > 0 && gap < intervalMs - tol) {
        throw this.failure(rule, `${this.who} sent ${cadence.what} [frame #${call.record.seq}] ${formatDuration(gap)} after ${after}, sooner than ${cadence.setting} allows (tolerance ${formatDuration(tol)})`,
          `every ${formatDuration(intervalMs)} ± ${formatDuration(tol)}`, `${formatDuration(gap)}`, [previous.seq, call.record.seq]);
      }
      taken.push(call);
      previous = call.record;
    }
    return taken;
  }

  private failure(rule: RuleContext, message: string, expected: string, actual: string | undefined, evidence: number[]): ConformanceAssertionError {
    return new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'timing', message, expected, actual, evidence });
  }
}

/** A MeterValues.req meterValue list holding a periodic sample (context Sample.Periodic, the default, §7.45). */
export const periodicSample = Object.assign(
  (meterValue: unknown): boolean => Array.isArray(meterValue) && meterValue.some((mv: { sampledValue?: Array<{ context?: string }> }) =>
    Array.isArray(mv?.sampledValue) && mv.sampledValue.some((sv) => sv?.context === undefined || sv.context === 'Sample.Periodic')),
  { describe: 'holding a Sample.Periodic value' },
);

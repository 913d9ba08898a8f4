/**
 * Meter values of a running transaction on the wire (OCPP 1.6 §4.7, §3.7, errata §3.13–§3.15): sampled values every
 * MeterValueSampleInterval from the start of the transaction, clock-aligned values at multiples of
 * ClockAlignedDataInterval from midnight, each with the measurands configured, and the values taken while offline
 * delivered afterwards, oldest first. Timestamps are the charger's; spacing is judged with the SUT file's tolerance.
 */
import { performance } from 'node:perf_hooks';
import type { ReceivedCall } from '../../recording/mailbox';
import { formatDuration } from '../../sut/duration';
import type { RuleContext } from '../ocpp-connection';
import { ChargerConfiguration } from './charger-configuration';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';

/** §7.43: a sampledValue without a measurand is Energy.Active.Import.Register; so is an empty measurand list (errata §3.13). */
const DEFAULT_MEASURAND = 'Energy.Active.Import.Register';
const INTERVAL_RULE = 'OCPP 1.6 errata §3.15';

export interface MeterValueKind {
  readonly intervalKey: 'MeterValueSampleInterval' | 'ClockAlignedDataInterval';
  readonly measurandsKey: 'MeterValuesSampledData' | 'MeterValuesAlignedData';
  readonly context: 'Sample.Periodic' | 'Sample.Clock';
}

export const SAMPLED: MeterValueKind = { intervalKey: 'MeterValueSampleInterval', measurandsKey: 'MeterValuesSampledData', context: 'Sample.Periodic' };
export const CLOCK_ALIGNED: MeterValueKind = { intervalKey: 'ClockAlignedDataInterval', measurandsKey: 'MeterValuesAlignedData', context: 'Sample.Clock' };

interface SampledValue {
  readonly context?: string;
  readonly measurand?: string;
}

function timestampOf(call: ReceivedCall): number {
  const values = call.payload['meterValue'] as Array<{ timestamp?: string }> | undefined;
  return Date.parse(values?.[0]?.timestamp ?? '');
}

function sampledValues(call: ReceivedCall): SampledValue[] {
  const values = (call.payload['meterValue'] ?? []) as Array<{ sampledValue?: SampledValue[] }>;
  return values.flatMap((v) => v.sampledValue ?? []);
}

export class MeterValueChecks {
  constructor(private readonly ctx: ScenarioContext) {}

  private get cp() {
    return this.ctx.chargePoint;
  }

  private get tolerance(): number {
    return this.ctx.sut.tolerances.intervalMs;
  }

  /**
   * Three MeterValues.req of `kind` for the connector under test, each within the interval and the tolerance, with
   * timestamps one interval apart (clock-aligned ones on a multiple of the interval), the context of `kind`, and a
   * sampledValue for every measurand configured.
   */
  async expectPeriodic(kind: MeterValueKind, rule: RuleContext, count = 3): Promise<void> {
    const config = new ChargerConfiguration(this.ctx);
    const intervalMs = (await config.seconds(kind.intervalKey, rule)) * 1000;
    const measurands = ((await config.current(kind.measurandsKey, rule)) ?? '').split(',').map((m) => m.trim()).filter(Boolean);
    const calls: ReceivedCall[] = [];
    for (let i = 0; i < count; i++) {
      const previous = calls.at(-1)?.record.mono ?? performance.now();
      calls.push(await this.cp.expect('MeterValues', { connectorId: this.cp.connectorUnderTest }, rule, previous + intervalMs + this.tolerance - performance.now()));
    }
    this.checkSpacing(calls, intervalMs, rule);
    for (const call of calls) {
      this.checkContent(call, kind, measurands.length > 0 ? measurands : [DEFAULT_MEASURAND], rule);
      const offset = timestampOf(call) % intervalMs;
      if (kind === CLOCK_ALIGNED && Math.min(offset, intervalMs - offset) > this.tolerance) {
        throw failure(rule, 'timing', `${this.cp.who} sent a clock-aligned MeterValues.req whose timestamp is ${formatDuration(offset)} past a multiple of ${formatDuration(intervalMs)}`, {
          expected: 'timestamps at multiples of ClockAlignedDataInterval from midnight', calls: [call],
        });
      }
    }
  }

  /**
   * After the charger was offline between `offlineAt` and `onlineAt` (wall clock, ms): at least `count` MeterValues.req
   * taken while offline, delivered before any new one, oldest first (§3.7), MeterValueSampleInterval apart.
   */
  async expectQueued(offlineAt: number, onlineAt: number, count = 3): Promise<void> {
    const queueRule = this.ctx.rule('OCPP 1.6 §3.7', 'step 1');
    const intervalRule = this.ctx.rule(INTERVAL_RULE, 'step 1');
    const intervalMs = (await new ChargerConfiguration(this.ctx).seconds('MeterValueSampleInterval', intervalRule)) * 1000;
    const calls: ReceivedCall[] = [];
    while (calls.length < count) {
      const call = await this.cp.expect('MeterValues', { connectorId: this.cp.connectorUnderTest }, calls.length === 0 ? intervalRule : queueRule);
      const at = timestampOf(call);
      if (at < offlineAt - this.tolerance || at > onlineAt + this.tolerance) {
        throw failure(queueRule, 'behaviour', `${this.cp.who} sent a MeterValues.req stamped ${new Date(at).toISOString()} after ${calls.length} of the values it took while offline`, {
          expected: `first the ${count} or more values sampled while offline (${new Date(offlineAt).toISOString()} to ${new Date(onlineAt).toISOString()}), oldest first`, calls: [call],
        });
      }
      calls.push(call);
    }
    const times = calls.map(timestampOf);
    const backwards = times.findIndex((t, i) => i > 0 && t <= (times[i - 1] as number));
    if (backwards > 0) {
      throw failure(queueRule, 'behaviour', `${this.cp.who} delivered the queued MeterValues.req out of chronological order`, {
        expected: 'oldest first', calls: [calls[backwards - 1] as ReceivedCall, calls[backwards] as ReceivedCall],
      });
    }
    this.checkSpacing(calls, intervalMs, intervalRule);
  }

  private checkSpacing(calls: readonly ReceivedCall[], intervalMs: number, rule: RuleContext): void {
    for (let i = 1; i < calls.length; i++) {
      const gap = timestampOf(calls[i] as ReceivedCall) - timestampOf(calls[i - 1] as ReceivedCall);
      if (!Number.isFinite(gap) || Math.abs(gap - intervalMs) > this.tolerance) {
        throw failure(rule, 'timing', `${this.cp.who} sent MeterValues.req ${Number.isFinite(gap) ? formatDuration(gap) : 'an unknown time'} apart`, {
          expected: `${formatDuration(intervalMs)} apart (tolerance ${formatDuration(this.tolerance)})`, calls: [calls[i - 1] as ReceivedCall, calls[i] as ReceivedCall],
        });
      }
    }
  }

  private checkContent(call: ReceivedCall, kind: MeterValueKind, measurands: readonly string[], rule: RuleContext): void {
    const values = sampledValues(call);
    const wrong = values.find((v) => (v.context ?? 'Sample.Periodic') !== kind.context);
    if (wrong) {
      throw failure({ ...rule, rule: 'OCPP 1.6 §7.35' }, 'behaviour', `${this.cp.who} sent a sampledValue with context ${JSON.stringify(wrong.context ?? 'Sample.Periodic (default)')}`, {
        expected: `context "${kind.context}"`, calls: [call],
      });
    }
    const reported = new Set(values.map((v) => v.measurand ?? DEFAULT_MEASURAND));
    const missing = measurands.filter((m) => !reported.has(m));
    if (missing.length > 0) {
      throw failure({ ...rule, rule: 'OCPP 1.6 errata §3.13' }, 'behaviour', `${this.cp.who} sent a MeterValues.req without ${missing.join(', ')}, configured in ${kind.measurandsKey}`, {
        expected: `a sampledValue for each of ${measurands.join(', ')}`, calls: [call],
      });
    }
  }
}

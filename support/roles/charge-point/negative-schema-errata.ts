/**
 * Requests that were invalid under the original OCPP 1.6 JSON schemas and are valid under the errata set
 * (`urn:OCPP:1.6:2019:12`): a Central System still validating against the old schemas refuses them. OCPP-J errata
 * §2.1 adds the unit spelling "Celsius" beside the typo "Celcius"; §2.5 makes StopTransaction.req `reason` optional.
 */
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import { HarnessError } from '../../reporting/errors';
import { expectConf } from '../expectations';
import type { RuleContext } from '../ocpp-connection';
import type { EmulatedChargePoint } from './emulated-charge-point';
import { type NegativeContext, remembered } from './negative-context';

export class NegativeSchemaErrata {
  private last: { readonly action: string; readonly what: string; readonly outcome: CallOutcome } | undefined;

  static of(ctx: NegativeContext): NegativeSchemaErrata {
    return remembered(ctx, 'negative-schema-errata', () => new NegativeSchemaErrata());
  }

  /** MeterValues.req with one temperature sample in `unit` ("Celsius" or "Celcius"). */
  async sendTemperature(cp: EmulatedChargePoint, unit: string, rule: RuleContext): Promise<void> {
    const sampledValue = [{ value: '21.5', context: 'Sample.Periodic', measurand: 'Temperature', location: 'Body', unit }];
    const outcome = await cp.send('MeterValues', { connectorId: 0, meterValue: [{ timestamp: new Date().toISOString(), sampledValue }] }, rule);
    this.last = { action: 'MeterValues', what: `MeterValues.req with a temperature in unit "${unit}"`, outcome };
  }

  /** Starts a transaction on connector 1 and stops it with a StopTransaction.req that has no `reason`. */
  async stopWithoutReason(cp: EmulatedChargePoint, idTag: string, rule: RuleContext): Promise<void> {
    const started = await cp.send('StartTransaction', { connectorId: 1, idTag, meterStart: 0, timestamp: new Date().toISOString() }, rule);
    const { transactionId } = expectConf(started, 'StartTransaction', {}, rule, 'the Central System');
    const outcome = await cp.send('StopTransaction', { transactionId, idTag, meterStop: 1200, timestamp: new Date().toISOString() }, rule);
    this.last = { action: 'StopTransaction', what: 'StopTransaction.req without reason', outcome };
  }

  /** The Central System answered the last request, of `action`, with its CALLRESULT, not a CALLERROR. */
  expectAccepted(action: string, rule: RuleContext): void {
    if (this.last?.action !== action) throw new HarnessError(`no ${action}.req of the schema errata has been sent in this scenario`);
    expectConf(this.last.outcome, this.last.action, {}, rule, `the Central System, given ${this.last.what},`);
  }
}

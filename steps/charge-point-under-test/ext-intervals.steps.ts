// Charge Point under test, beyond the test case document: intervals set with ChangeConfiguration, measured on the
// wire within the SUT file's tolerance (heartbeats §4.6, §9.1.10; sampled meter values §9.1.19, errata §3.15).
import { Then } from '../../support/cucumber/define';
import type { HarnessWorld } from '../../support/cucumber/world';
import type { ChangeOutcome } from '../../support/roles/central-system/ext-configuration-probe';
import { IntervalObserver, periodicSample } from '../../support/roles/central-system/ext-interval-observer';
import { ScenarioCalls } from '../../support/roles/central-system/ext-scenario-calls';
import type { ReceivedCall } from '../../support/recording/mailbox';
import { HarnessError } from '../../support/reporting/errors';

const observer = (w: HarnessWorld): IntervalObserver =>
  new IntervalObserver(new ScenarioCalls(w.chargePoint.expectations, w.bench.log), w.sut.tolerances.intervalMs, `the Charge Point ${w.chargePoint.identity}`);
const remembered = <T>(w: HarnessWorld, name: string): T => {
  if (!w.memory.has(name)) throw new HarnessError(`nothing was remembered as ${name} in this scenario`);
  return w.memory.get(name) as T;
};

Then('the Charge Point sends Heartbeat.req every {duration} from then on, {int} times in a row', async function (intervalMs: number, count: number) {
  const change = remembered<ChangeOutcome>(this, 'ext:change');
  // A heartbeat already scheduled at the old interval may still come first; after it the new interval holds.
  const firstWithinMs = Math.max(intervalMs, Number(change.before ?? 0) * 1000);
  await observer(this).expectCadence({ action: 'Heartbeat' }, {
    what: 'Heartbeat.req', setting: `HeartbeatInterval = ${change.value} accepted`, intervalMs, from: change.response, firstWithinMs, count,
  }, this.rule('OCPP 1.6 §5.3'));
});

Then('the Charge Point sends sampled MeterValues.req for the session every {duration}, {int} times in a row', async function (intervalMs: number, count: number) {
  const start = remembered<ReceivedCall>(this, 'ext:start');
  const connectorId = start.payload['connectorId'];
  await observer(this).expectCadence({ action: 'MeterValues', payload: { connectorId, meterValue: periodicSample } }, {
    what: `sampled MeterValues.req for connector ${String(connectorId)}`, setting: `MeterValueSampleInterval = ${intervalMs / 1000} from the start of the transaction`,
    intervalMs, from: start.record, firstWithinMs: intervalMs, count,
  }, this.rule('OCPP 1.6 errata §3.15'));
});

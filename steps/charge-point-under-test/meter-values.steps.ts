// Charge Point under test: meter values of a running transaction, online and queued while offline.
import { Then } from '../../support/cucumber/define';
import { CLOCK_ALIGNED, SAMPLED } from '../../support/roles/central-system/meter-value-checks';
import { meterValues, offline } from './flows';

Then('the Charge Point sends sampled MeterValues.req every MeterValueSampleInterval for three intervals{docStep}', async function (step?: string) {
  await meterValues(this).expectPeriodic(SAMPLED, this.rule('OCPP 1.6 errata §3.15', step));
});

Then('the Charge Point sends clock-aligned MeterValues.req every ClockAlignedDataInterval for three intervals{docStep}', async function (step?: string) {
  await meterValues(this).expectPeriodic(CLOCK_ALIGNED, this.rule('OCPP 1.6 errata §3.15', step));
});

Then('the Charge Point sends the MeterValues.req it queued while offline, oldest first and MeterValueSampleInterval apart{docStep}', async function (_step?: string) {
  await offline(this).expectQueuedMeterValues();
});

Then('the Charge Point sends StartTransaction.req for {idTag} and then StopTransaction.req with reason {choices} for that transaction{docStep}', async function (idTag: string, reasons: string[], step?: string) {
  await offline(this).expectStartThenStop(idTag, reasons, step);
});

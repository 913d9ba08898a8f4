// Charge Point under test: registration, heartbeats, resets and power failures (OCPP 1.6 §4.2, §4.6, §5.14).
import { Then } from '../../support/cucumber/define';
import type { RuleContext } from '../../support/roles/ocpp-connection';
import { boots, restarts, timing } from './flows';

Then('the Charge Point sends nothing but its next BootNotification.req, not before the interval has passed{docStep}', async function (step?: string) {
  await boots(this).expectRetry(this.rule('OCPP 1.6 §4.2', step));
});

Then('the Charge Point sends Heartbeat.req every heartbeat interval{docStep}', async function (step?: string) {
  await timing(this).expectHeartbeats(this.rule('OCPP 1.6 §4.6', step));
});

Then('the Charge Point sends StatusNotification.req for connector 0 and every connector with status {choices}{docStep}', async function (statuses: string[], step?: string) {
  const rule = this.rule('OCPP 1.6 errata §3.22', step);
  await boots(this).expectStatusesAfterBoot(rule, () => ({ statuses, rule }));
});

Then('the Charge Point sends StatusNotification.req for connector 0 and every connector with status {choices}, as ChangeAvailability asked{docStep}', async function (statuses: string[], step?: string) {
  const rule = this.rule('OCPP 1.6 §5.2', step);
  await boots(this).expectStatusesAfterBoot(rule, () => ({ statuses, rule }));
});

Then('the Charge Point reports the connector under test {choices} and every other connector {choices} after booting{docStep}', async function (underTest: string[], others: string[], step?: string) {
  await boots(this).expectStatusesAfterBoot(this.rule('OCPP 1.6 errata §3.22', step), (id) => statusAfterBoot(this, id, underTest, others, step));
});

Then('the Charge Point reports connector 0 and every connector {choices} after booting{docStep}', async function (statuses: string[], step?: string) {
  await boots(this).expectStatusesAfterBoot(this.rule('OCPP 1.6 errata §3.22', step), () => ({ statuses, rule: this.rule('OCPP 1.6 §4.9', step) }));
});

Then('if the Charge Point reboots, it sends BootNotification.req and reports the connector under test {choices} and every other connector {choices}{docStep}', async function (underTest: string[], others: string[], step?: string) {
  if (!(await boots(this).maybeBoot(this.rule('OCPP 1.6 §4.2', step)))) return;
  await boots(this).expectStatusesAfterBoot(this.rule('OCPP 1.6 errata §3.22', step), (id) => statusAfterBoot(this, id, underTest, others, step));
});

Then('the Charge Point sends StopTransaction.req with reason {choices} before or after its BootNotification.req, and StatusNotification.req with status "Finishing" if before{docStep}', async function (reasons: string[], step?: string) {
  await restarts(this).expectHardResetStop(reasons, this.rule('OCPP 1.6 §5.14', step));
});

Then('the Charge Point sends StopTransaction.req with reason {choices} and StatusNotification.req with status {choices} before it resets{docStep}', async function (reasons: string[], statuses: string[], step?: string) {
  await restarts(this).expectStopBeforeReset(reasons, statuses, this.rule('OCPP 1.6 §5.14', step));
});

Then('after booting the Charge Point ends the interrupted transaction: by itself with reason "PowerLoss", or resumed and stopped by the EV driver{docStep}', async function (step?: string) {
  await restarts(this).expectInterruptedTransactionEnded((clause) => this.rule(clause, step));
});

/** The connector under test keeps its session or an Unavailable set before the reboot (§4.9: it MUST persist). */
function statusAfterBoot(w: Parameters<typeof boots>[0], id: number, underTest: string[], others: string[], step?: string): { statuses: string[]; rule: RuleContext } {
  return { statuses: id === w.chargePoint.connectorUnderTest ? underTest : others, rule: w.rule('OCPP 1.6 §4.9', step) };
}

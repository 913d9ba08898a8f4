// Charge Point under test, beyond the test case document: registration discipline after a reboot (OCPP 1.6 §4.2).
// The harness reboots the charger with Reset.req and shapes its answer to the next BootNotification.req.
import { Given, Then, When } from '../../support/cucumber/define';
import type { HarnessWorld } from '../../support/cucumber/world';
import type { FrameRecord } from '../../support/recording/frame-record';
import type { ReceivedCall } from '../../support/recording/mailbox';
import { BOOT_RULE, BootDiscipline, type NextBootAnswer } from '../../support/roles/central-system/ext-boot-discipline';
import { ScenarioCalls } from '../../support/roles/central-system/ext-scenario-calls';
import { HarnessError } from '../../support/reporting/errors';

const discipline = (w: HarnessWorld): BootDiscipline => new BootDiscipline(
  w.centralSystem, new ScenarioCalls(w.chargePoint.expectations, w.bench.log), w.sut,
  w.bench.policy?.interval ?? Number(w.sut.chargePoint?.configuration['HeartbeatInterval'] ?? 60),
);
const remembered = <T>(w: HarnessWorld, name: string): T => {
  if (!w.memory.has(name)) throw new HarnessError(`nothing was remembered as ${name} in this scenario`);
  return w.memory.get(name) as T;
};

Given('the Central System will hold its answer to the BootNotification.req after the next reboot for {duration}', function (holdMs: number) {
  this.memory.set('ext:next-boot', { status: 'Accepted', intervalS: this.bench.policy?.interval ?? 60, holdMs } satisfies NextBootAnswer);
});

Given('the Central System will reject the BootNotification.req after the next reboot with interval {int} s', function (intervalS: number) {
  this.memory.set('ext:rejected-interval', intervalS);
  this.memory.set('ext:next-boot', { status: 'Rejected', intervalS } satisfies NextBootAnswer);
});

When('the Central System reboots the Charge Point with Reset.req {word}', async function (type: 'Hard' | 'Soft') {
  const nextBoot = this.memory.get('ext:next-boot') as NextBootAnswer | undefined;
  this.memory.set('ext:reset', await discipline(this).reboot(type, this.rule('OCPP 1.6 §5.14'), nextBoot));
});

Then('the Charge Point sends BootNotification.req after the reboot', async function () {
  const { boot, answer } = await discipline(this).expectBoot(this.rule(BOOT_RULE), remembered<FrameRecord>(this, 'ext:reset'));
  this.memory.set('ext:boot', boot);
  this.memory.set('ext:boot-answer', answer);
});

Then('it sent nothing else on the new connection before that BootNotification.req was answered', function () {
  discipline(this).expectNothingBeforeBootAnswered(remembered<ReceivedCall>(this, 'ext:boot'), remembered<FrameRecord>(this, 'ext:boot-answer'), this.rule(BOOT_RULE));
});

Then('while Rejected the Charge Point neither answers a request nor sends anything but BootNotification.req', async function () {
  await discipline(this).expectSilenceWhileRejected(remembered<ReceivedCall>(this, 'ext:boot'), remembered<FrameRecord>(this, 'ext:boot-answer'),
    remembered<number>(this, 'ext:rejected-interval'), this.rule(BOOT_RULE));
});

Then('the Charge Point sends BootNotification.req again', async function () {
  this.memory.set('ext:boot-answer', (await discipline(this).expectRetry(remembered<FrameRecord>(this, 'ext:boot-answer'), this.rule(BOOT_RULE))).answer);
});

Then('the Charge Point sends BootNotification.req again, not before the interval has passed', async function () {
  const retry = await discipline(this).expectRetry(remembered<FrameRecord>(this, 'ext:boot-answer'), this.rule(BOOT_RULE), remembered<number>(this, 'ext:rejected-interval'));
  this.memory.set('ext:boot-answer', retry.answer);
});

Then('once accepted the Charge Point reports connectorId 0 and every connector', async function () {
  await discipline(this).expectEveryConnectorAfter(remembered<FrameRecord>(this, 'ext:boot-answer'), this.rule('OCPP 1.6 errata §3.22'));
});

// Charge Point under test: the SmartCharging profile (OCPP 1.6 §3.13, §5.5, §5.7, §5.11, §5.16). The answers reuse
// "the Charge Point answers {message} with status …"; the profiles of each case are the test case document's §2.22
// memory states, in the SUT file's unit (limits × 1000 in W) and numberPhases.
import { Given, Then, When } from '../../support/cucumber/define';
import type { HarnessWorld } from '../../support/cucumber/world';
import { NotApplicable } from '../../support/reporting/errors';
import { ChargerConfiguration } from '../../support/roles/central-system/charger-configuration';
import { type ProfileSpec, SmartChargingFlows } from '../../support/roles/central-system/smart-charging-flows';
import { requests, session } from './flows';

const charging = (w: HarnessWorld): SmartChargingFlows =>
  new SmartChargingFlows(w, (fileName, content, mediaType) => w.attach(content, { mediaType, fileName }));

const SET = 'OCPP 1.6 §5.16';
const CLEAR = 'OCPP 1.6 §5.5';
const COMPOSITE = 'OCPP 1.6 §5.7';

/** TC_056/082_CS step 1: a TxDefaultProfile, Absolute, 6 A from 0, for the configured duration. */
const txDefaultOf6 = (w: HarnessWorld): ProfileSpec => ({ purpose: 'TxDefaultProfile', periods: [[0, 6]], duration: w.sut.smartCharging.duration });

Given('no charging profile is installed', async function () {
  await charging(this).clearEverything();
});

Given('the Charge Point can hold {int} charging profiles of {int} periods', async function (profiles: number, periods: number) {
  await charging(this).requireCapacity({ MaxChargingProfilesInstalled: profiles, ChargingScheduleMaxPeriods: periods });
});

Given('the ChargePointMaxProfile, TxDefaultProfile and TxProfile of TC_066_CS are installed', async function () {
  const flows = charging(this);
  await flows.install(0, { purpose: 'ChargePointMaxProfile', stackLevel: 0, duration: 86_400, periods: [[0, 10]] }, 'ChargingProfile 1');
  await flows.install(flows.connector, { purpose: 'TxDefaultProfile', stackLevel: 0, validFor: 401, duration: 300, periods: [[0, 6], [60, 10], [120, 8], [180, 15], [260, 8]] }, 'ChargingProfile 2');
  await flows.install(flows.connector, {
    purpose: 'TxProfile', stackLevel: 0, validFor: 401, duration: 260, transactionId: flows.transactionId(), periods: [[0, 8], [50, 11], [140, 16], [200, 6], [240, 12]],
  }, 'ChargingProfile 3');
});

Given('the two TxDefaultProfiles and the ChargePointMaxProfile of TC_067_CS are installed', async function () {
  const flows = charging(this);
  const first = await flows.install(flows.connector, { purpose: 'TxDefaultProfile', stackLevel: 1, duration: 400, periods: [[0, 6], [60, 8], [200, 10]] }, 'ChargingProfile 1');
  this.memory.set('sc:first', first);
  await flows.install(flows.connector, { purpose: 'TxDefaultProfile', stackLevel: 0, validFor: 401, duration: 400, periods: [[0, 7], [100, 9]] }, 'ChargingProfile 2');
  await flows.install(0, { purpose: 'ChargePointMaxProfile', stackLevel: 0, validFor: 401, duration: 86_400, periods: [[0, 11], [200, 12]] }, 'ChargingProfile 3');
});

Given('the two stacked TxDefaultProfiles of TC_072_CS are installed', async function () {
  const flows = charging(this);
  await flows.install(flows.connector, { purpose: 'TxDefaultProfile', stackLevel: 0, validFor: 401, duration: 400, periods: [[0, 6], [100, 8], [200, 10]] }, 'ChargingProfile 1');
  await flows.install(flows.connector, { purpose: 'TxDefaultProfile', stackLevel: 1, validFor: 401, duration: 150, periods: [[0, 7], [100, 9]] }, 'ChargingProfile 2');
});

Given('the extra stack of EXT_SC_001 is installed: a ChargePointMaxProfile, a Recurring Daily TxDefaultProfile, and a higher TxDefaultProfile valid for {int} seconds', async function (seconds: number) {
  const flows = charging(this);
  // A daily default that began 23 h 55 min ago: its day ends, and it recurs, 300 s into the window (OCPP 1.6 §3.13.4, errata §3.43).
  await flows.install(flows.connector, {
    purpose: 'TxDefaultProfile', stackLevel: 0, kind: 'Recurring', recurrencyKind: 'Daily', startedAgo: 86_100, duration: 86_400, periods: [[0, 9], [86_000, 7]],
  }, 'Recurring Daily default');
  await flows.install(0, { purpose: 'ChargePointMaxProfile', stackLevel: 0, duration: 86_400, periods: [[0, 16], [450, 8]] }, 'ChargePointMaxProfile');
  // Higher in the stack, but only valid for a while (§3.13.2 validTo): the default shows through after it.
  await flows.install(flows.connector, { purpose: 'TxDefaultProfile', stackLevel: 1, validFor: seconds, duration: 3600, periods: [[0, 12]] }, 'short-lived default');
});

Given('the Charge Point samples Current.Offered during transactions', async function () {
  await new ChargerConfiguration(this).set('MeterValuesSampledData', 'Energy.Active.Import.Register,Current.Offered');
});

When('the Central System sends SetChargingProfile.req with a TxDefaultProfile of 6 A for the configured duration{docStep}', async function (step?: string) {
  const flows = charging(this);
  await flows.set(flows.connector, flows.profile(txDefaultOf6(this)), this.rule(SET, step));
});

When('the Central System sends SetChargingProfile.req with a TxProfile of 6 A for the transaction{docStep}', async function (step?: string) {
  const flows = charging(this);
  this.memory.set('sc:since', Date.now());
  await flows.set(flows.connector, flows.profile({ purpose: 'TxProfile', periods: [[0, 6]], transactionId: flows.transactionId() }), this.rule(SET, step));
});

When('the Central System sends SetChargingProfile.req with a TxProfile for a transaction while none is running{docStep}', async function (step?: string) {
  const flows = charging(this);
  const transactionId = this.chargePoint.unknownTransactionId();
  await flows.set(flows.connector, flows.profile({ purpose: 'TxProfile', periods: [[0, 6]], transactionId }), this.rule(SET, step));
});

When('the Central System sends SetChargingProfile.req with a TxProfile without transactionId while no transaction is running', async function () {
  const flows = charging(this);
  await flows.set(flows.connector, flows.profile({ purpose: 'TxProfile', periods: [[0, 6]] }), this.rule(SET));
});

When('the Central System sends SetChargingProfile.req with a TxProfile for another transactionId than the one running{docStep}', async function (step?: string) {
  const flows = charging(this);
  const other = this.chargePoint.unknownTransactionId();
  await flows.set(flows.connector, flows.profile({ purpose: 'TxProfile', periods: [[0, 6]], transactionId: other }), this.rule(SET, step));
});

When('the Central System sends SetChargingProfile.req with a stackLevel above ChargeProfileMaxStackLevel', async function () {
  const flows = charging(this);
  const max = await new ChargerConfiguration(this).seconds('ChargeProfileMaxStackLevel', this.rule('OCPP 1.6 §9.4.1'));
  await flows.set(flows.connector, flows.profile({ ...txDefaultOf6(this), stackLevel: max + 1 }), this.rule(SET));
});

When('the Central System sends SetChargingProfile.req with more periods than ChargingScheduleMaxPeriods', async function () {
  const flows = charging(this);
  const max = await new ChargerConfiguration(this).seconds('ChargingScheduleMaxPeriods', this.rule('OCPP 1.6 §9.4.3'));
  const periods = Array.from({ length: max + 1 }, (_, i): [number, number] => [i * 60, 6 + (i % 2)]);
  await flows.set(flows.connector, flows.profile({ purpose: 'TxDefaultProfile', periods, duration: (max + 1) * 60 }), this.rule(SET));
});

When('the Central System sends as many different profiles as MaxChargingProfilesInstalled allows, each answered Accepted', async function () {
  const flows = charging(this);
  const config = new ChargerConfiguration(this);
  const max = await config.seconds('MaxChargingProfilesInstalled', this.rule('OCPP 1.6 §9.4.5'));
  const maxStack = await config.seconds('ChargeProfileMaxStackLevel', this.rule('OCPP 1.6 §9.4.1'));
  // Profiles that replace none of the others (§3.13.2): each its own connector, purpose and stackLevel.
  const slots: Array<{ connectorId: number; purpose: 'ChargePointMaxProfile' | 'TxDefaultProfile'; stackLevel: number }> = [];
  for (const connectorId of [0, ...this.chargePoint.connectorIds]) {
    for (const purpose of connectorId === 0 ? ['ChargePointMaxProfile', 'TxDefaultProfile'] as const : ['TxDefaultProfile'] as const) {
      for (let stackLevel = 0; stackLevel <= maxStack; stackLevel += 1) slots.push({ connectorId, purpose, stackLevel });
    }
  }
  if (slots.length <= max) throw new NotApplicable(`MaxChargingProfilesInstalled ${max} is more than the ${slots.length} profiles that do not replace each other with ChargeProfileMaxStackLevel ${maxStack}`);
  for (const { connectorId, purpose, stackLevel } of slots.slice(0, max)) {
    await flows.install(connectorId, { purpose, stackLevel, periods: [[0, 16]] }, `${purpose} stackLevel ${stackLevel} on connector ${connectorId}`);
  }
  this.memory.set('sc:next-slot', slots[max]);
});

When('the Central System sends SetChargingProfile.req with one profile more', async function () {
  const flows = charging(this);
  const slot = this.memory.get('sc:next-slot') as { connectorId: number; purpose: 'ChargePointMaxProfile' | 'TxDefaultProfile'; stackLevel: number };
  await flows.set(slot.connectorId, flows.profile({ purpose: slot.purpose, stackLevel: slot.stackLevel, periods: [[0, 16]] }), this.rule(SET));
});

When('the Central System sends SetChargingProfile.req with a TxDefaultProfile for a connector that does not exist', async function () {
  const flows = charging(this);
  await flows.set(this.chargePoint.connectorIds.length + 1, flows.profile(txDefaultOf6(this)), this.rule(SET));
});

When('the Central System sends GetCompositeSchedule.req for the configured duration{docStep}', async function (step?: string) {
  await charging(this).requestComposite(this.sut.smartCharging.duration, this.rule(COMPOSITE, step));
});

When('the Central System sends GetCompositeSchedule.req for {int} seconds{docStep}', async function (duration: number, step?: string) {
  await charging(this).requestComposite(duration, this.rule(COMPOSITE, step));
});

When('the Central System sends ClearChargingProfile.req with the id of the first profile{docStep}', async function (step?: string) {
  const first = this.memory.get('sc:first') as { chargingProfileId: number };
  await charging(this).clear({ id: first.chargingProfileId }, this.rule(CLEAR, step));
});

When('the Central System sends ClearChargingProfile.req with the purpose and stackLevel of the second profile{docStep}', async function (step?: string) {
  await charging(this).clear({ chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 0 }, this.rule(CLEAR, step));
});

When('the Central System sends ClearChargingProfile.req without fields{docStep}', async function (step?: string) {
  await charging(this).clear({}, this.rule(CLEAR, step));
});

When('the Central System sends ClearChargingProfile.req for connectorId 0 and purpose ChargePointMaxProfile', async function () {
  await charging(this).clear({ connectorId: 0, chargingProfilePurpose: 'ChargePointMaxProfile' }, this.rule(CLEAR));
});

When('the Central System sends ClearChargingProfile.req for the connector under test and stackLevel 0', async function () {
  const flows = charging(this);
  await flows.clear({ connectorId: flows.connector, stackLevel: 0 }, this.rule(CLEAR));
});

When('the Central System sends ClearChargingProfile.req for a chargingProfileId no profile has', async function () {
  const flows = charging(this);
  const taken = new Set(flows.installed.map((i) => i.profile.chargingProfileId));
  let id = 1_999_999_000;
  while (taken.has(id)) id += 1;
  await flows.clear({ id }, this.rule(CLEAR));
});

When('the Central System starts a transaction remotely with a TxProfile of 6 A, and the cable is plugged in{docStep}', async function (step?: string) {
  const flows = charging(this);
  const s = session(this);
  const idTag = this.sut.idTags.valid;
  const rule = this.rule('OCPP 1.6 §5.11', step);
  const authorize = await new ChargerConfiguration(this).current('AuthorizeRemoteTxRequests', this.rule('OCPP 1.6 §5.8', step));
  await s.plugIn();
  await s.expectStatus(['Preparing'], this.rule('OCPP 1.6 §4.9', step));
  await flows.remoteStartWith(idTag, flows.profile({ purpose: 'TxProfile', periods: [[0, 6]], duration: this.sut.smartCharging.duration }), rule);
  requests(this).expectConf('RemoteStartTransaction', { status: 'Accepted' }, rule);
  if (s.mustAuthorizeRemote(authorize, idTag)) await s.expectAuthorize(idTag, rule);
});

When('the Central System sends RemoteStartTransaction.req with a TxDefaultProfile as its chargingProfile{docStep}', async function (step?: string) {
  const flows = charging(this);
  await flows.remoteStartWith(this.sut.idTags.valid, flows.profile({ purpose: 'TxDefaultProfile', periods: [[0, 6]] }), this.rule('OCPP 1.6 §5.11', step));
});

Then('the Charge Point reports the composite schedule of the profiles installed{docStep}', function (step?: string) {
  charging(this).expectComposite(this.rule(COMPOSITE, step));
});

Then('the Charge Point reports Current.Offered at the limit of the profiles installed in its next MeterValues', async function () {
  const since = (this.memory.get('sc:since') as number | undefined) ?? Date.now();
  await charging(this).expectOffered('Current.Offered', since + 1000, this.rule('OCPP 1.6 §3.13'));
});

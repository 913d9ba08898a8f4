// Central System under test: smart charging (OCPP 1.6 §3.13, §5.5, §5.7, §5.16; test case document §3.19). The
// CSMS operator sets, clears and asks for charging profiles; the emulated Charge Point answers from the profiles it
// holds (charging-profile-handlers.ts) and the harness judges the requests (charging-profile-checks.ts).
import { Then, When } from '../../support/cucumber/define';
import type { HarnessWorld } from '../../support/cucumber/world';
import type { ReceivedCall } from '../../support/recording/mailbox';
import { caseInsensitive } from '../../support/recording/payload-pattern';
import { HarnessError } from '../../support/reporting/errors';
import {
  expectClearFilter, expectCompositeAsked, expectProfileAsked, expectRemoteStartProfile, expectTransactionNamed, expectValidityGiven, type ProfileAsked,
} from '../../support/roles/charge-point/charging-profile-checks';

type Payload = Record<string, unknown>;

/** The operator's set-charging-profile, remembered for the checks of the SetChargingProfile.req. */
async function setProfile(world: HarnessWorld, asked: ProfileAsked & { connectorId: number }): Promise<void> {
  world.memory.set('profile asked', asked);
  await world.act('set-charging-profile', { chargePointId: world.chargePointNamed('default').identity, ...asked });
}

/** The SetChargingProfile.req requests received so far in the scenario, oldest first. */
function profilesReceived(world: HarnessWorld): ReceivedCall[] {
  return (world.memory.get('SetChargingProfile requests') as ReceivedCall[] | undefined) ?? [];
}

function lastProfile(world: HarnessWorld): { call: ReceivedCall; profile: Payload } {
  const call = profilesReceived(world).at(-1);
  if (!call) throw new HarnessError('no SetChargingProfile.req has been received in this scenario');
  return { call, profile: call.payload['csChargingProfiles'] as Payload };
}

When('the CSMS operator sets a {word} on connector {int}: stack level {int}, {float} A from second {int} on {int} phases, for {int} seconds',
  async function (purpose: string, connectorId: number, stackLevel: number, limit: number, startPeriod: number, numberPhases: number, duration: number) {
    if (purpose !== 'TxDefaultProfile' && purpose !== 'TxProfile' && purpose !== 'ChargePointMaxProfile') throw new HarnessError(`"${purpose}" is not a chargingProfilePurpose (OCPP 1.6 §7.10)`);
    await setProfile(this, { purpose, connectorId, stackLevel, kind: 'Absolute', chargingRateUnit: 'A', limit, startPeriod, numberPhases, duration });
  });

Then('the emulated Charge Point receives SetChargingProfile.req with the profile the CSMS operator asked for{docStep}', async function (step?: string) {
  const rule = this.rule('OCPP 1.6 §5.16', step);
  const asked = this.memory.get('profile asked') as ProfileAsked & { connectorId: number };
  const call = await this.chargePointNamed('default').receive({ action: 'SetChargingProfile' }, this.sut.timeouts.messageMs, rule);
  this.memory.set('received SetChargingProfile', call);
  this.memory.set('SetChargingProfile requests', [...profilesReceived(this), call]);
  expectProfileAsked(call, call.payload['csChargingProfiles'] as Payload, asked, 'SetChargingProfile.req', rule);
});

Then('the profile is Absolute and says when it is valid and when its schedule starts{docStep}', function (step?: string) {
  const { call, profile } = lastProfile(this);
  expectValidityGiven(call, profile, this.rule('OCPP 1.6 §7.8', step));
});

Then('the TxProfile is for the transaction running on connector {int}{docStep}', function (connectorId: number, step?: string) {
  const { call, profile } = lastProfile(this);
  const transactionId = this.chargePointNamed('default').sessions.session(connectorId).transactionId;
  if (transactionId === undefined) throw new HarnessError(`no transaction runs on connector ${connectorId} of the emulated Charge Point`);
  expectTransactionNamed(call, profile, transactionId, this.rule('OCPP 1.6 §5.16', step));
});

When('the CSMS operator asks for the composite schedule of connector {int} for {int} seconds in {word}', async function (connectorId: number, duration: number, chargingRateUnit: string) {
  this.memory.set('composite asked', { connectorId, duration, chargingRateUnit });
  await this.act('get-composite-schedule', { chargePointId: this.chargePointNamed('default').identity, connectorId, duration, chargingRateUnit });
});

Then('the emulated Charge Point receives GetCompositeSchedule.req for the connector, duration and unit the CSMS operator chose{docStep}', async function (step?: string) {
  const rule = this.rule('OCPP 1.6 §5.7', step);
  const call = await this.chargePointNamed('default').receive({ action: 'GetCompositeSchedule' }, this.sut.timeouts.messageMs, rule);
  this.memory.set('received GetCompositeSchedule', call);
  expectCompositeAsked(call, this.memory.get('composite asked') as { connectorId: number; duration: number; chargingRateUnit?: string }, rule);
});

/** The operator's clear and the exact ClearChargingProfile.req fields it must give. */
async function clear(world: HarnessWorld, filter: Payload): Promise<void> {
  world.memory.set('clear asked', filter);
  await world.act('clear-charging-profile', { chargePointId: world.chargePointNamed('default').identity, ...filter });
}

When('the CSMS operator clears the first charging profile by its id', async function () {
  const first = profilesReceived(this)[0];
  if (!first) throw new HarnessError('no SetChargingProfile.req has been received in this scenario');
  await clear(this, { id: (first.payload['csChargingProfiles'] as Payload)['chargingProfileId'] });
});

When('the CSMS operator clears the {word} of stack level {int} on connector {int}', async function (chargingProfilePurpose: string, stackLevel: number, connectorId: number) {
  await clear(this, { connectorId, chargingProfilePurpose, stackLevel });
});

When('the CSMS operator clears all charging profiles', async function () {
  await clear(this, {});
});

Then('the emulated Charge Point receives ClearChargingProfile.req with exactly the fields of that clear{docStep}', async function (step?: string) {
  const rule = this.rule('OCPP 1.6 §5.5', step);
  const call = await this.chargePointNamed('default').receive({ action: 'ClearChargingProfile' }, this.sut.timeouts.messageMs, rule);
  this.memory.set('received ClearChargingProfile', call);
  expectClearFilter(call, this.memory.get('clear asked') as Payload, rule);
});

When('the CSMS operator starts a charge remotely on connector {int} for {idTag} with a Relative charging profile of {float} A', async function (connectorId: number, idTag: string, limit: number) {
  await this.act('remote-start', { chargePointId: this.chargePointNamed('default').identity, connectorId, idTag, chargingProfile: { kind: 'Relative', chargingRateUnit: 'A', limit } });
});

Then('the emulated Charge Point receives RemoteStartTransaction.req for {idTag} with a Relative TxProfile for the transaction to come{docStep}', async function (idTag: string, step?: string) {
  const rule = this.rule('OCPP 1.6 §5.16.2', step);
  const call = await this.chargePointNamed('default').receive({ action: 'RemoteStartTransaction', payload: { idTag: caseInsensitive(idTag) } }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.11', step));
  this.memory.set('received RemoteStartTransaction', call);
  const profile = expectRemoteStartProfile(call, this.rule('OCPP 1.6 errata §3.41', step));
  expectProfileAsked(call, profile, { purpose: 'TxProfile', kind: 'Relative', startPeriod: 0 }, 'the chargingProfile of RemoteStartTransaction.req', rule);
});

// Central System under test: reservations (OCPP 1.6 §5.13, §5.1; test case document §3.17). The CSMS operator
// reserves and cancels; the emulated Charge Point answers from its reservations (reservation-handlers.ts) and the
// harness judges the requests (reservation-checks.ts).
import { Then, When } from '../../support/cucumber/define';
import type { HarnessWorld } from '../../support/cucumber/world';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import type { ReceivedCall } from '../../support/recording/mailbox';
import { HarnessError } from '../../support/reporting/errors';
import { expectCancelOf, expectExpiryAsChosen, expectExpiryInFuture, expectNewReservationId, expectReservationAsked, type ReservationAsked } from '../../support/roles/charge-point/reservation-checks';
import { expireReservation } from '../../support/roles/charge-point/reservation-expiry';

/** How long a reservation the case goes on to use or cancel is asked for: it must not end first. */
const RESERVATION_S = 300;

/** The operator's reserve-now, remembered for the checks of the ReserveNow.req. */
async function reserve(world: HarnessWorld, asked: ReservationAsked): Promise<void> {
  world.memory.set('reservation asked', asked);
  await world.act('reserve-now', { chargePointId: world.chargePointNamed('default').identity, ...asked });
}

/** The ReserveNow.req of step 1. */
function reservation(world: HarnessWorld): ReceivedCall {
  const call = world.memory.get('received ReserveNow') as ReceivedCall | undefined;
  if (!call) throw new HarnessError('no ReserveNow.req has been received in this scenario');
  return call;
}

When('the CSMS operator reserves connector {int} for {idTag}', async function (connectorId: number, idTag: string) {
  await reserve(this, { connectorId, idTag, expiresIn: RESERVATION_S });
});

When('the CSMS operator reserves connector {int} for {idTag}, expiring in {int} seconds', async function (connectorId: number, idTag: string, expiresIn: number) {
  await reserve(this, { connectorId, idTag, expiresIn });
});

When('the CSMS operator reserves connector {int} for {idTag} with {idTag} as parentIdTag', async function (connectorId: number, idTag: string, parentIdTag: string) {
  await reserve(this, { connectorId, idTag, parentIdTag, expiresIn: RESERVATION_S });
});

When('the CSMS operator cancels the reservation', async function () {
  await this.act('cancel-reservation', { chargePointId: this.chargePointNamed('default').identity, reservationId: reservation(this).payload['reservationId'] });
});

When('the CSMS operator cancels a reservation the Charge Point does not have', async function () {
  const cp = this.chargePointNamed('default');
  await this.act('cancel-reservation', { chargePointId: cp.identity, reservationId: cp.reservations.idNotHeld(Number(reservation(this).payload['reservationId'])) });
});

Then('the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for{docStep}', async function (step?: string) {
  const call = await this.chargePointNamed('default').receive({ action: 'ReserveNow' }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.13', step));
  if (this.memory.has('received ReserveNow')) this.memory.set('earlier ReserveNow', this.memory.get('received ReserveNow'));
  this.memory.set('received ReserveNow', call);
  expectExpiryInFuture(call, this.rule('OCPP 1.6 §3.15', step), this.rule('OCPP 1.6 §5.13', step));
  expectReservationAsked(call, this.memory.get('reservation asked') as ReservationAsked, this.rule('OCPP 1.6 §5.13', step));
});

Then('its expiryDate is the time the CSMS operator chose{docStep}', function (step?: string) {
  const asked = this.memory.get('reservation asked') as ReservationAsked;
  expectExpiryAsChosen(reservation(this), asked.expiresIn, this.sut.tolerances.intervalMs, this.rule('OCPP 1.6 §5.13', step));
});

Then('the emulated Charge Point has answered {message} with status {string}{docStep}', function (message: MessageRef, status: string, step?: string) {
  this.rule(`OCPP 1.6 ${this.operationOf(message.action)}`, step);
  const answer = (this.memory.get(`received ${message.action}`) as ReceivedCall | undefined)?.answer;
  const sent = (answer?.payload as Record<string, unknown> | undefined)?.['status'];
  if (sent !== status) throw new HarnessError(`the emulated Charge Point answered ${message.action}.req with ${answer ? JSON.stringify(answer.payload ?? answer.errorCode) : 'nothing yet'}, not status "${status}" as the case needs`);
});

When('the emulated Charge Point charges on connector {int} with {idTag} using the reservation{docStep}', async function (connectorId: number, idTag: string, step?: string) {
  const rules = { start: this.rule('OCPP 1.6 §5.13', step), status: this.rule('OCPP 1.6 §4.9', step) };
  await this.chargePointNamed('default').sessions.charge(connectorId, idTag, rules, Number(reservation(this).payload['reservationId']));
});

When('the reservation expires and the emulated Charge Point sends StatusNotification.req with status "Available"{docStep}', async function (step?: string) {
  await expireReservation(this.chargePointNamed('default'), Number(reservation(this).payload['reservationId']), this.sut.timeouts.stepMs, this.rule('OCPP 1.6 §5.13', step));
});

Then('the emulated Charge Point receives CancelReservation.req for the reservation{docStep}', async function (step?: string) {
  const call = await this.chargePointNamed('default').receive({ action: 'CancelReservation' }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.1', step));
  this.memory.set('received CancelReservation', call);
  expectCancelOf(call, Number(reservation(this).payload['reservationId']), true, this.rule('OCPP 1.6 §5.1', step));
});

Then('the emulated Charge Point receives CancelReservation.req for a reservation it does not have{docStep}', async function (step?: string) {
  const call = await this.chargePointNamed('default').receive({ action: 'CancelReservation' }, this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.1', step));
  this.memory.set('received CancelReservation', call);
  expectCancelOf(call, Number(reservation(this).payload['reservationId']), false, this.rule('OCPP 1.6 §5.1', step));
});

Then('the Central System sends no CancelReservation.req for the reservation that was not made{docStep}', async function (step?: string) {
  await this.chargePointNamed('default').receiveNone({ action: 'CancelReservation' }, this.sut.timeouts.responseMs, this.rule('OCPP 1.6 §5.13', step));
});

Then('the second ReserveNow.req carries a reservationId of its own{docStep}', function (step?: string) {
  const earlier = this.memory.get('earlier ReserveNow') as ReceivedCall | undefined;
  if (!earlier) throw new HarnessError('only one ReserveNow.req has been received in this scenario');
  expectNewReservationId(reservation(this), earlier, this.rule('OCPP 1.6 §5.13', step));
});

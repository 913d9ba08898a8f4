// Charge Point under test: the Reservation profile (OCPP 1.6 §5.13 ReserveNow, §5.1 CancelReservation, §4.9 Reserved).
// The answers reuse "the Charge Point answers {message} with status …", the statuses "the Charge Point sends
// {message} with status …".
import { Given, Then, When } from '../../support/cucumber/define';
import type { HarnessWorld } from '../../support/cucumber/world';
import { ReservationFlows } from '../../support/roles/central-system/reservation-flows';
import { session } from './flows';

const reservations = (w: HarnessWorld): ReservationFlows => new ReservationFlows(w);

Given('the connectors other than the connector under test are Unavailable', async function () {
  await reservations(this).otherConnectorsUnavailable();
});

Given('the connector under test is Faulted', async function () {
  await reservations(this).connectorFaulted();
});

Given('the connector under test is Occupied', async function () {
  await session(this).plugIn();
  await session(this).expectStatus(['Preparing'], this.rule('OCPP 1.6 §4.9', 'reusable state SetConnectorOccupied'));
});

Given('the connector under test is Unavailable', async function () {
  await reservations(this).unavailable(this.chargePoint.connectorUnderTest, 'reusable state SetConnectorUnavailable');
});

Given('every connector is Occupied', async function () {
  await reservations(this).everyConnectorOccupied();
});

Given('the Charge Point is Faulted', async function () {
  await session(this).faultChargePoint();
  await this.chargePoint.expect('StatusNotification', { connectorId: 0, status: 'Faulted' }, this.rule('OCPP 1.6 §4.9', 'reusable state SetChargePointFaulted'));
});

Given('the Charge Point is Unavailable', async function () {
  await reservations(this).unavailable(0, 'reusable state SetChargePointUnavailable');
});

Given('the Charge Point supports reservations of connector 0', async function () {
  await reservations(this).requireConnectorZero();
});

Given('the connector under test is reserved for {idTag}', async function (idTag: string) {
  await reservations(this).reserved(idTag, 'reusable state Reserved');
});

When('the Central System sends ReserveNow.req for the connector under test and {idTag}{docStep}', async function (idTag: string, step?: string) {
  await reservations(this).reserve(this.chargePoint.connectorUnderTest, idTag, this.rule('OCPP 1.6 §5.13', step));
});

When('the Central System sends ReserveNow.req for the connector under test and {idTag}, with parentIdTag {idTag}{docStep}', async function (idTag: string, parentIdTag: string, step?: string) {
  await reservations(this).reserve(this.chargePoint.connectorUnderTest, idTag, this.rule('OCPP 1.6 §5.13', step), { parentIdTag });
});

When('the Central System sends ReserveNow.req for the connector under test and {idTag}, expiring in a few seconds{docStep}', async function (idTag: string, step?: string) {
  const flows = reservations(this);
  await flows.reserve(this.chargePoint.connectorUnderTest, idTag, this.rule('OCPP 1.6 §5.13', step), { expiresInMs: flows.shortExpiryMs });
});

When('the Central System sends ReserveNow.req for connectorId 0 and {idTag}{docStep}', async function (idTag: string, step?: string) {
  await reservations(this).reserve(0, idTag, this.rule('OCPP 1.6 §5.13', step));
});

When('the Central System reads ReserveConnectorZeroSupported', async function () {
  await reservations(this).readConnectorZeroKey(this.rule('OCPP 1.6 §9.3.1'));
});

When('the Central System sends CancelReservation.req for the reservation{docStep}', async function (step?: string) {
  await reservations(this).cancel(this.rule('OCPP 1.6 §5.1', step));
});

When('the Central System sends CancelReservation.req for a reservationId the Charge Point does not have{docStep}', async function (step?: string) {
  await reservations(this).cancel(this.rule('OCPP 1.6 §5.1', step), true);
});

When('the Central System starts a transaction for {idTag} on the connector under test remotely, and the cable is plugged in{docStep}', async function (idTag: string, step?: string) {
  await reservations(this).remoteStartAndPlugIn(idTag, step ?? 'remote start');
});

When('the EV driver is authorized with {idTag} at the reserved connector{docStep}', async function (idTag: string, step?: string) {
  await reservations(this).authorizedOnReservation(idTag, step ?? 'reusable state Authorized');
});

Then('the Charge Point sends StatusNotification.req with status "Available" for the cancelled reservation{docStep}', async function (step?: string) {
  await reservations(this).expectAvailableAfterCancel(this.rule('OCPP 1.6 §5.1', step));
});

Then('the Charge Point answers ReserveNow.conf for connectorId 0 as its ReserveConnectorZeroSupported says', function () {
  return reservations(this).expectConnectorZeroAsKeySays(this.rule('OCPP 1.6 §5.13'));
});

Then('the Charge Point sends StatusNotification.req with status "Available" once the reservation has expired{docStep}', async function (step?: string) {
  await reservations(this).expectAvailableAtExpiry(this.rule('OCPP 1.6 §5.13', step));
});

Then('the Charge Point refuses {idTag} on the reserved connector: no transaction, the connector stays Reserved{docStep}', async function (idTag: string, step?: string) {
  await reservations(this).expectRefused(idTag, this.rule('OCPP 1.6 §5.13', step ?? 'expected result'));
});

Then('the connector under test stays Reserved{docStep}', async function (step?: string) {
  await reservations(this).expectStillReserved(this.rule('OCPP 1.6 §5.1', step ?? 'expected result'));
});

Then('the Charge Point sends StartTransaction.req for {idTag} with the reservationId of the reservation, and StatusNotification.req with status "Charging"{docStep}', async function (idTag: string, step?: string) {
  // §5.13: the reservation admits its idTag (or its parentIdTag's): a missing start is the reservation's failure.
  await reservations(this).expectStart(idTag, 'uses', this.rule('OCPP 1.6 §5.13', step), this.rule('OCPP 1.6 §5.13', step));
});

Then('the Charge Point sends StartTransaction.req for {idTag} without a reservationId, and StatusNotification.req with status "Charging"{docStep}', async function (idTag: string, step?: string) {
  await reservations(this).expectStart(idTag, 'none', this.rule('OCPP 1.6 §4.8', step), this.rule('OCPP 1.6 §5.13', step));
});

// The emulated Charge Point's answers to ReserveNow.req and CancelReservation.req (OCPP 1.6 §5.13, §5.1), from the
// state of its connectors: what the Central System test cases TC_046_CSMS … TC_053_CSMS need it to say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HandlerTable } from '../../ocpp/handler-table';
import { defaultConfiguration } from './charge-point-configuration';
import type { ChargePointModel } from './charge-point-handlers';
import type { EmulatedChargePoint } from './emulated-charge-point';
import { EmulatedReservations, reservationHandlers } from './reservation-handlers';
import { expireReservation } from './reservation-expiry';

function model(connectors = 2): ChargePointModel {
  return {
    configuration: defaultConfiguration(connectors), localListVersion: 0, availability: new Map(), statuses: new Map(),
    transactions: new Map(), trigger: () => undefined, connectors,
  };
}

const request = (reservationId: number, connectorId: number) => ({ reservationId, connectorId, idTag: 'TAG', expiryDate: '2030-01-01T00:00:00Z' });

test('Accepted on a free connector; the same connector again Occupied; a known reservationId replaces', () => {
  const r = new EmulatedReservations(model());
  assert.equal(r.reserve(request(1, 1)), 'Accepted');
  assert.equal(r.reserve(request(2, 1)), 'Occupied');
  assert.equal(r.reserve({ ...request(1, 2), idTag: 'OTHER' }), 'Accepted');
  assert.equal(r.get(1)?.connectorId, 2);
  assert.equal(r.reserve(request(3, 1)), 'Accepted');
});

test('Occupied, Faulted, Unavailable from the connector\'s state; Rejected for a connector it lacks', () => {
  const m = model();
  const r = new EmulatedReservations(m);
  m.statuses.set(1, 'Preparing');
  assert.equal(r.reserve(request(1, 1)), 'Occupied');
  m.statuses.set(1, 'Faulted');
  assert.equal(r.reserve(request(2, 1)), 'Faulted');
  m.availability.set(1, 'Inoperative');
  assert.equal(r.reserve(request(3, 1)), 'Unavailable');
  m.transactions.set(17, 2);
  assert.equal(r.reserve(request(4, 2)), 'Occupied');
  assert.equal(r.reserve(request(5, 3)), 'Rejected');
  assert.equal(r.reserve(request(6, -1)), 'Rejected');
  assert.equal(r.get(1), undefined);
});

test('connector 0: Accepted while one connector is free and ReserveConnectorZeroSupported is true, else Occupied or Rejected', () => {
  const m = model();
  const r = new EmulatedReservations(m);
  m.statuses.set(1, 'Charging');
  assert.equal(r.reserve(request(1, 0)), 'Accepted');
  assert.equal(r.reserve(request(2, 0)), 'Occupied');
  const plain = model();
  (plain.configuration.get('ReserveConnectorZeroSupported') as { value: string }).value = 'false';
  assert.equal(new EmulatedReservations(plain).reserve(request(1, 0)), 'Rejected');
  const busy = model();
  busy.statuses.set(1, 'Charging');
  busy.statuses.set(2, 'Reserved');
  assert.equal(new EmulatedReservations(busy).reserve(request(1, 0)), 'Occupied');
});

test('CancelReservation: Accepted for a held reservation (it ends), Rejected otherwise; idNotHeld is not held', async () => {
  const r = new EmulatedReservations(model());
  const table = reservationHandlers(new HandlerTable(), r);
  const answer = async (action: string, payload: Record<string, unknown>) => (await table.get(action)?.({ id: 'x', action, payload, connection: 'cp' }) as { result: unknown }).result;
  assert.deepEqual(await answer('ReserveNow', { ...request(5, 1), parentIdTag: 'GRP' }), { status: 'Accepted' });
  assert.equal(r.get(5)?.parentIdTag, 'GRP');
  assert.deepEqual(await answer('CancelReservation', { reservationId: 6 }), { status: 'Rejected' });
  assert.deepEqual(await answer('CancelReservation', { reservationId: 5 }), { status: 'Accepted' });
  assert.deepEqual(await answer('CancelReservation', { reservationId: 5 }), { status: 'Rejected' });
  assert.equal(r.get(r.idNotHeld(5)), undefined);
  assert.notEqual(r.idNotHeld(5), 5);
  assert.ok(r.idNotHeld(2_000_000_000) < 2 ** 31);
});

test('an unused reservation expires at its expiryDate: it ends and its connector is reported Available', async () => {
  const reservations = new EmulatedReservations(model());
  const sent: Array<[number, string]> = [];
  const cp = { identity: 'CP', reservations, statusNotification: async (c: number, s: string) => (sent.push([c, s]), { kind: 'result' }) };
  reservations.reserve({ ...request(8, 0), expiryDate: new Date(Date.now() + 50).toISOString() });
  const t0 = Date.now();
  await expireReservation(cp as unknown as EmulatedChargePoint, 8, 1000, { rule: 'OCPP 1.6 §5.13' });
  assert.ok(Date.now() - t0 >= 40);
  assert.deepEqual(sent, [[1, 'Available']]);
  assert.equal(reservations.get(8), undefined);
  await assert.rejects(expireReservation(cp as unknown as EmulatedChargePoint, 8, 1000, { rule: 'OCPP 1.6 §5.13' }), /holds no reservation 8/);
  reservations.reserve({ ...request(9, 2), expiryDate: new Date(Date.now() + 60_000).toISOString() });
  await assert.rejects(expireReservation(cp as unknown as EmulatedChargePoint, 9, 1000, { rule: 'OCPP 1.6 §5.13' }), /more than 1 s ahead/);
});

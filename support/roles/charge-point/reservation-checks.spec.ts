// The reservation checks (TC_046_CSMS … TC_053_CSMS): what a Central System under test put in ReserveNow.req and
// CancelReservation.req. Each mutation that accepts more (another connector or tag, no offset, a past or far expiry,
// the wrong reservation) fails a test here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReceivedCall } from '../../recording/mailbox';
import type { FrameRecord } from '../../recording/frame-record';
import { failure } from './check-failure';
import { expectCancelOf, expectExpiryAsChosen, expectExpiryInFuture, expectNewReservationId, expectReservationAsked } from './reservation-checks';

const RULE = { rule: 'OCPP 1.6 §5.13', step: 'TC_046_CSMS step 1' };
const DATE_RULE = { rule: 'OCPP 1.6 §3.15', step: 'TC_046_CSMS step 1' };
const ARRIVED = '2030-01-01T10:00:00.000Z';

function call(action: string, payload: Record<string, unknown>): ReceivedCall {
  return { action, id: '1', payload, record: { seq: 7, time: ARRIVED } as unknown as FrameRecord };
}

const reserveNow = (over: Record<string, unknown> = {}): ReceivedCall =>
  call('ReserveNow', { connectorId: 1, expiryDate: '2030-01-01T10:05:00.000Z', idTag: 'TAG-1', reservationId: 3, ...over });

test('ReserveNow.req with the connector, idTag and parentIdTag the operator chose passes; tags compare case-insensitively', () => {
  assert.equal(failure(() => expectReservationAsked(reserveNow({ idTag: 'tag-1' }), { connectorId: 1, idTag: 'TAG-1', expiresIn: 300 }, RULE)), 'passed');
  assert.equal(failure(() => expectReservationAsked(reserveNow({ parentIdTag: 'grp' }), { connectorId: 1, idTag: 'TAG-1', parentIdTag: 'GRP', expiresIn: 300 }, RULE)), 'passed');
});

test('another connector, another idTag, a missing or other parentIdTag fail §5.13 as behaviour', () => {
  const asked = { connectorId: 1, idTag: 'TAG-1', parentIdTag: 'GRP', expiresIn: 300 };
  for (const [over, message] of [[{ connectorId: 0, parentIdTag: 'GRP' }, /connector 0, not connector 1/], [{ idTag: 'TAG-2', parentIdTag: 'GRP' }, /idTag "TAG-2"/],
    [{}, /carries no parentIdTag, not GRP/], [{ parentIdTag: 'OTHER' }, /parentIdTag "OTHER"/]] as const) {
    const e = failure(() => expectReservationAsked(reserveNow(over), asked, RULE));
    assert.ok(e !== 'passed', JSON.stringify(over));
    assert.deepEqual([e.detail.rule, e.detail.category, e.detail.level], ['OCPP 1.6 §5.13', 'behaviour', 'SHALL']);
    assert.match(e.message, message);
  }
});

test('an expiryDate without offset fails §3.15 as a schema violation; one not after the arrival fails §5.13', () => {
  assert.equal(failure(() => expectExpiryInFuture(reserveNow({ expiryDate: '2030-01-01T12:05:00+02:00' }), DATE_RULE, RULE)), 'passed');
  const local = failure(() => expectExpiryInFuture(reserveNow({ expiryDate: '2030-01-01T10:05:00.000' }), DATE_RULE, RULE));
  assert.ok(local !== 'passed');
  assert.deepEqual([local.detail.rule, local.detail.category], ['OCPP 1.6 §3.15', 'schema violation']);
  for (const expiryDate of [ARRIVED, '2030-01-01T09:59:59Z']) {
    const e = failure(() => expectExpiryInFuture(reserveNow({ expiryDate }), DATE_RULE, RULE));
    assert.ok(e !== 'passed', expiryDate);
    assert.deepEqual([e.detail.rule, e.detail.category], ['OCPP 1.6 §5.13', 'behaviour']);
  }
});

test('the expiryDate must be the arrival plus the chosen expiry, within the tolerance', () => {
  assert.equal(failure(() => expectExpiryAsChosen(reserveNow({ expiryDate: '2030-01-01T10:00:05.900Z' }), 4, 2000, RULE)), 'passed');
  assert.equal(failure(() => expectExpiryAsChosen(reserveNow({ expiryDate: '2030-01-01T10:00:02.000Z' }), 4, 2000, RULE)), 'passed');
  for (const expiryDate of ['2030-01-01T10:00:06.100Z', '2030-01-01T10:00:01.900Z', '2030-01-01T11:00:04.000Z']) {
    const e = failure(() => expectExpiryAsChosen(reserveNow({ expiryDate }), 4, 2000, RULE));
    assert.ok(e !== 'passed', expiryDate);
    assert.equal(e.detail.category, 'behaviour');
  }
});

test('CancelReservation.req must name the reservation of step 1, or for TC_052_CSMS any other', () => {
  const rule = { rule: 'OCPP 1.6 §5.1', step: 'TC_051_CSMS step 5' };
  assert.equal(failure(() => expectCancelOf(call('CancelReservation', { reservationId: 3 }), 3, true, rule)), 'passed');
  assert.equal(failure(() => expectCancelOf(call('CancelReservation', { reservationId: 4 }), 3, false, rule)), 'passed');
  for (const [sent, same] of [[4, true], ['3', true], [3, false]] as const) {
    const e = failure(() => expectCancelOf(call('CancelReservation', { reservationId: sent }), 3, same, rule));
    assert.ok(e !== 'passed', `${JSON.stringify(sent)} ${same}`);
    assert.deepEqual([e.detail.rule, e.detail.category], ['OCPP 1.6 §5.1', 'behaviour']);
  }
});

test('a second ReserveNow.req must not reuse the reservationId of the first', () => {
  assert.equal(failure(() => expectNewReservationId(reserveNow({ reservationId: 4 }), reserveNow(), RULE)), 'passed');
  const e = failure(() => expectNewReservationId(reserveNow(), reserveNow(), RULE));
  assert.ok(e !== 'passed');
  assert.deepEqual([e.detail.rule, e.detail.category], ['OCPP 1.6 §5.13', 'behaviour']);
});

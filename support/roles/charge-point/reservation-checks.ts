/**
 * Judgements on the reservation requests a Central System under test sends (OCPP 1.6 §5.13, §5.1, §6.37): the
 * ReserveNow.req carries what the operator chose (connector, idTag, parentIdTag) and an expiryDate with a time-zone
 * offset (§3.15) in the future, at the time the operator chose; CancelReservation.req names the reservation the
 * operator cancels. Each failure is a conformance failure of the rule the step names.
 */
import type { ReceivedCall } from '../../recording/mailbox';
import type { RuleContext } from '../ocpp-connection';
import { fail } from './central-system-checks';

/** What the CSMS operator asked for; `expiresIn` in seconds. */
export interface ReservationAsked {
  readonly connectorId: number;
  readonly idTag: string;
  readonly parentIdTag?: string;
  readonly expiresIn: number;
}

const sameTag = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
const OFFSET = /(Z|[+-]\d\d:\d\d)$/i;

/** §5.13: the connector and idTag the operator chose, and the parentIdTag when the operator reserved for a group. */
export function expectReservationAsked(call: ReceivedCall, asked: ReservationAsked, rule: RuleContext): void {
  const p = call.payload;
  const frame = `[frame #${call.record.seq}]`;
  if (p['connectorId'] !== asked.connectorId) {
    fail(rule, 'behaviour', `ReserveNow.req reserves connector ${JSON.stringify(p['connectorId'])}, not connector ${asked.connectorId} the operator chose ${frame}`, `connectorId ${asked.connectorId}`, JSON.stringify(p));
  }
  if (!sameTag(p['idTag'], asked.idTag)) {
    fail(rule, 'behaviour', `ReserveNow.req reserves for idTag ${JSON.stringify(p['idTag'])}, not ${asked.idTag} ${frame}`, `idTag "${asked.idTag}"`, JSON.stringify(p));
  }
  if (asked.parentIdTag !== undefined && !sameTag(p['parentIdTag'], asked.parentIdTag)) {
    const sent = p['parentIdTag'] === undefined ? 'no parentIdTag' : `parentIdTag ${JSON.stringify(p['parentIdTag'])}`;
    fail(rule, 'behaviour', `ReserveNow.req carries ${sent}, not ${asked.parentIdTag} of the group the operator reserved for ${frame}`,
      `parentIdTag "${asked.parentIdTag}"`, JSON.stringify(p));
  }
}

/**
 * The expiryDate is an RFC 3339 date-time with an offset (`dateRule`, OCPP 1.6 §3.15) and later than the moment
 * the request arrived (`rule`, §5.13: the reservation lasts until expiryDate).
 */
export function expectExpiryInFuture(call: ReceivedCall, dateRule: RuleContext, rule: RuleContext): void {
  const expiry = call.payload['expiryDate'];
  const frame = `[frame #${call.record.seq}]`;
  if (typeof expiry !== 'string' || !OFFSET.test(expiry) || Number.isNaN(Date.parse(expiry))) {
    fail(dateRule, 'schema violation', `ReserveNow.req expiryDate ${JSON.stringify(expiry)} is not a date-time with a time-zone offset ${frame}`,
      'an RFC 3339 date-time with Z or ±hh:mm', JSON.stringify(expiry));
  }
  if (Date.parse(expiry) <= Date.parse(call.record.time)) {
    fail(rule, 'behaviour', `ReserveNow.req expiryDate ${expiry} is not after ${call.record.time}, when the request arrived: the reservation has ended before it starts ${frame}`,
      `an expiryDate after ${call.record.time}`, expiry);
  }
}

/** The expiryDate is the arrival time plus the expiry the operator chose, within `toleranceMs`. */
export function expectExpiryAsChosen(call: ReceivedCall, expiresIn: number, toleranceMs: number, rule: RuleContext): void {
  const expiry = String(call.payload['expiryDate']);
  const wanted = Date.parse(call.record.time) + expiresIn * 1000;
  const offBy = Date.parse(expiry) - wanted;
  if (!(Math.abs(offBy) <= toleranceMs)) {
    fail(rule, 'behaviour', `ReserveNow.req expiryDate ${expiry} is ${(offBy / 1000).toFixed(1)} s off the ${expiresIn} s from now the operator chose [frame #${call.record.seq}]`,
      `${new Date(wanted).toISOString()} ± ${toleranceMs / 1000} s`, expiry);
  }
}

/** §5.1: CancelReservation.req names `reservationId` (`same`), or any other reservation (`!same`). */
export function expectCancelOf(call: ReceivedCall, reservationId: number, same: boolean, rule: RuleContext): void {
  const sent = call.payload['reservationId'];
  if ((sent === reservationId) === same) return;
  const wanted = same ? `reservationId ${reservationId}, the reservation of step 1` : `a reservationId other than ${reservationId}, one the Charge Point does not have`;
  fail(rule, 'behaviour', `CancelReservation.req names reservationId ${JSON.stringify(sent)}, not ${wanted} [frame #${call.record.seq}]`, wanted, JSON.stringify(call.payload));
}

/** §5.13: a ReserveNow.req with the reservationId of a reservation in force replaces it; a new one needs its own id. */
export function expectNewReservationId(call: ReceivedCall, earlier: ReceivedCall, rule: RuleContext): void {
  const id = call.payload['reservationId'];
  if (id !== earlier.payload['reservationId']) return;
  fail(rule, 'behaviour', `ReserveNow.req [frame #${call.record.seq}] reuses reservationId ${JSON.stringify(id)} of the reservation in force [frame #${earlier.record.seq}]: the Charge Point replaces that reservation instead of making a second`,
    `a reservationId other than ${JSON.stringify(id)}`, JSON.stringify(call.payload));
}

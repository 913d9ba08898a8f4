/**
 * A reservation nobody uses (test case TC_047_CSMS): the emulated Charge Point's clock reaches the expiryDate, it
 * ends the reservation and reports the connector Available (OCPP 1.6 §5.13; §4.9 Reserved → Available).
 */
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import { HarnessError } from '../../reporting/errors';
import type { RuleContext } from '../ocpp-connection';
import type { EmulatedChargePoint } from './emulated-charge-point';

/**
 * Waits until the reservation's expiryDate (the charger's own timer, not a wait for the SUT), then sends
 * StatusNotification.req Available for its connector (connector 1 for a reservation of connector 0). A reservation
 * expiring more than `maxWaitMs` ahead is a harness error: the step that received the request judges its expiry.
 */
export async function expireReservation(cp: EmulatedChargePoint, reservationId: number, maxWaitMs: number, rule: RuleContext): Promise<CallOutcome> {
  const reservation = cp.reservations.get(reservationId);
  if (!reservation) throw new HarnessError(`the emulated Charge Point ${cp.identity} holds no reservation ${reservationId} to expire`);
  const waitMs = Math.max(0, Date.parse(reservation.expiryDate) - Date.now());
  if (!(waitMs <= maxWaitMs)) throw new HarnessError(`reservation ${reservationId} expires at ${reservation.expiryDate}, more than ${maxWaitMs / 1000} s ahead`);
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  cp.reservations.end(reservationId);
  return cp.statusNotification(reservation.connectorId === 0 ? 1 : reservation.connectorId, 'Available', rule);
}

/**
 * The emulated Charge Point's reservations and its answers to ReserveNow.req and CancelReservation.req, as a
 * conformant Charge Point gives them (OCPP 1.6 §5.13, §5.1): Accepted when it reserves, Occupied when the connector
 * (for connector 0: every connector) is in use or reserved, Faulted or Unavailable in those states, Rejected for a
 * connector it does not have or connector 0 while ReserveConnectorZeroSupported is not true. A reservation with a
 * known reservationId is replaced. Scenarios that need another answer override the handler.
 */
import { HandlerTable, result } from '../../ocpp/handler-table';
import type { ChargePointModel } from './charge-point-handlers';

/** A reservation the emulated Charge Point holds. */
export interface EmulatedReservation {
  readonly reservationId: number;
  readonly connectorId: number;
  readonly idTag: string;
  readonly parentIdTag?: string;
  readonly expiryDate: string;
}

/** The statuses in which a connector is in use (§4.9): a reservation cannot take it. */
const IN_USE = new Set(['Preparing', 'Charging', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Reserved']);

export class EmulatedReservations {
  private readonly held = new Map<number, EmulatedReservation>();

  constructor(private readonly model: ChargePointModel) {}

  /** The reservation with this id, if the Charge Point holds it. */
  get(reservationId: number): EmulatedReservation | undefined {
    return this.held.get(reservationId);
  }

  /** §5.13: the ReserveNow.conf status for `request`; on Accepted the reservation is held. */
  reserve(request: EmulatedReservation): string {
    const status = this.held.has(request.reservationId) ? 'Accepted' : this.refusal(request.connectorId);
    if (status === 'Accepted') this.held.set(request.reservationId, request);
    return status;
  }

  /** §5.1: Accepted when a reservation with this id is held (it ends), else Rejected. */
  cancel(reservationId: number): 'Accepted' | 'Rejected' {
    return this.held.delete(reservationId) ? 'Accepted' : 'Rejected';
  }

  /**
   * A reservationId the Charge Point does not hold, far from `near` (a CSMS numbering its reservations in sequence
   * may hold the ids next to it for other charge points), within the integer range of the schema.
   */
  idNotHeld(near: number): number {
    let id = near < 1_000_000_000 ? near + 1_000_000_000 : near - 1_000_000_000;
    while (this.held.has(id)) id += 1;
    return id;
  }

  /** The reservation ends: used by a transaction, expired, or cancelled. */
  end(reservationId: number): void {
    this.held.delete(reservationId);
  }

  /** Why a new reservation on `connectorId` cannot be made, or Accepted. */
  private refusal(connectorId: number): string {
    const { model } = this;
    if (!Number.isInteger(connectorId) || connectorId < 0 || connectorId > model.connectors) return 'Rejected';
    if (connectorId === 0 && model.configuration.get('ReserveConnectorZeroSupported')?.value !== 'true') return 'Rejected';
    const connectors = connectorId === 0 ? Array.from({ length: model.connectors }, (_, i) => i + 1) : [connectorId];
    if (model.availability.get(0) === 'Inoperative' || connectors.every((c) => model.availability.get(c) === 'Inoperative')) return 'Unavailable';
    if (model.statuses.get(0) === 'Faulted' || connectors.every((c) => model.statuses.get(c) === 'Faulted')) return 'Faulted';
    const reserved = new Set([...this.held.values()].map((r) => r.connectorId));
    const busy = (c: number): boolean => IN_USE.has(model.statuses.get(c) ?? 'Available') || [...model.transactions.values()].includes(c) || reserved.has(c);
    if (connectors.every(busy) || (connectorId === 0 && reserved.has(0))) return 'Occupied';
    return 'Accepted';
  }
}

/** Installs the default ReserveNow and CancelReservation answers on the handler table. */
export function reservationHandlers(table: HandlerTable, reservations: EmulatedReservations): HandlerTable {
  return table
    .setDefault('ReserveNow', ({ payload }) => result({
      status: reservations.reserve({
        reservationId: Number(payload['reservationId']), connectorId: Number(payload['connectorId']), idTag: String(payload['idTag']),
        ...(typeof payload['parentIdTag'] === 'string' ? { parentIdTag: payload['parentIdTag'] } : {}), expiryDate: String(payload['expiryDate']),
      }),
    }))
    .setDefault('CancelReservation', ({ payload }) => result({ status: reservations.cancel(Number(payload['reservationId'])) }));
}

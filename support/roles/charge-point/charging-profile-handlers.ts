/**
 * The emulated Charge Point's charging profiles and its answers to SetChargingProfile.req, ClearChargingProfile.req
 * and GetCompositeSchedule.req, as a conformant Charge Point gives them (SmartCharging, OCPP 1.6 §3.13, §5.5, §5.7,
 * §5.16): a profile is Accepted and kept, replacing one with its chargingProfileId or its stackLevel and purpose on
 * the same connector (§5.16.3); Rejected are a ChargePointMaxProfile off connector 0, a TxProfile on connector 0 or
 * with no transaction on its connector (§3.13.1), a stackLevel over ChargeProfileMaxStackLevel; a clear removes the
 * profiles matching all its fields (errata §3.25), Unknown when none does; the composite schedule is the fixed one
 * the test case document lets the tool report (TC_066_CSMS), for the connector, duration and unit asked. A TxProfile
 * is held only while its connector has a transaction (§3.13.1). Scenarios that need another answer override the
 * handler.
 */
import { HandlerTable, result } from '../../ocpp/handler-table';
import type { ChargePointModel } from './charge-point-handlers';

export type Payload = Record<string, unknown>;

/** A profile the emulated Charge Point holds, with the connector it was set on. */
export interface HeldProfile {
  readonly connectorId: number;
  readonly profile: Payload;
}

/** The limit of the fixed composite schedule, per unit: 16 A per phase, or 11 kW (16 A × 230 V × 3, §7.12). */
const FIXED_LIMIT = { A: 16, W: 11040 } as const;

export class EmulatedChargingProfiles {
  private held: HeldProfile[] = [];

  constructor(private readonly model: ChargePointModel) {}

  /** The profiles held, in the order they were set. */
  list(): readonly HeldProfile[] {
    this.dropEndedTxProfiles();
    return this.held;
  }

  /** §5.16: the SetChargingProfile.conf status; on Accepted the profile is held. */
  set(connectorId: number, profile: Payload): 'Accepted' | 'Rejected' {
    const purpose = profile['chargingProfilePurpose'];
    if (!Number.isInteger(connectorId) || connectorId < 0 || connectorId > this.model.connectors) return 'Rejected';
    if (purpose === 'ChargePointMaxProfile' && connectorId !== 0) return 'Rejected';
    if (purpose === 'TxProfile' && (connectorId === 0 || !this.transactionOn(connectorId))) return 'Rejected';
    this.dropEndedTxProfiles();
    const maxStack = Number(this.model.configuration.get('ChargeProfileMaxStackLevel')?.value ?? Infinity);
    if (Number(profile['stackLevel']) > maxStack) return 'Rejected';
    this.keep(connectorId, profile);
    return 'Accepted';
  }

  /** ClearChargingProfile.req (errata §3.25): every given field must match; Accepted if any profile went. */
  clear(filter: Payload): 'Accepted' | 'Unknown' {
    const fields: Array<[string, (h: HeldProfile) => unknown]> = [
      ['id', (h) => h.profile['chargingProfileId']],
      ['connectorId', (h) => h.connectorId],
      ['chargingProfilePurpose', (h) => h.profile['chargingProfilePurpose']],
      ['stackLevel', (h) => h.profile['stackLevel']],
    ];
    this.dropEndedTxProfiles();
    const matches = (h: HeldProfile): boolean => fields.every(([name, of]) => filter[name] === undefined || of(h) === filter[name]);
    const kept = this.held.filter((h) => !matches(h));
    if (kept.length === this.held.length) return 'Unknown';
    this.held = kept;
    return 'Accepted';
  }

  /** TxProfiles of connectors whose transaction has ended go (§3.13.1): derived from the running transactions. */
  private dropEndedTxProfiles(): void {
    this.held = this.held.filter((h) => h.profile['chargingProfilePurpose'] !== 'TxProfile' || this.transactionOn(h.connectorId));
  }

  /** GetCompositeSchedule.conf (§6.22) for the request; Rejected for a connector it does not have (§5.7). */
  composite(request: Payload, now = Date.now()): Payload {
    const connectorId = Number(request['connectorId']);
    if (!Number.isInteger(connectorId) || connectorId < 0 || connectorId > this.model.connectors) return { status: 'Rejected' };
    const unit = request['chargingRateUnit'] === 'W' ? 'W' : 'A';
    return {
      status: 'Accepted',
      connectorId,
      scheduleStart: new Date(Math.floor(now / 1000) * 1000).toISOString(),
      chargingSchedule: {
        duration: request['duration'],
        chargingRateUnit: unit,
        chargingSchedulePeriod: [{ startPeriod: 0, limit: FIXED_LIMIT[unit], numberPhases: 3 }],
      },
    };
  }

  private keep(connectorId: number, profile: Payload): void {
    this.held = [...this.held.filter((h) => h.profile['chargingProfileId'] !== profile['chargingProfileId']
      && !(h.connectorId === connectorId && h.profile['stackLevel'] === profile['stackLevel'] && h.profile['chargingProfilePurpose'] === profile['chargingProfilePurpose'])),
    { connectorId, profile }];
  }

  private transactionOn(connectorId: number): boolean {
    return [...this.model.transactions.values()].includes(connectorId);
  }
}

/** Installs the default SetChargingProfile, ClearChargingProfile and GetCompositeSchedule answers. */
export function chargingProfileHandlers(table: HandlerTable, profiles: EmulatedChargingProfiles): HandlerTable {
  return table
    .setDefault('SetChargingProfile', ({ payload }) => result({ status: profiles.set(Number(payload['connectorId']), payload['csChargingProfiles'] as Payload) }))
    .setDefault('ClearChargingProfile', ({ payload }) => result({ status: profiles.clear(payload) }))
    .setDefault('GetCompositeSchedule', ({ payload }) => result(profiles.composite(payload)));
}

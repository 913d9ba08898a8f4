// OCPP 1.6 §7.8–§7.13 data types of smart charging, as the SetChargingProfile.req schema defines them.

export type ChargingProfilePurpose = 'ChargePointMaxProfile' | 'TxDefaultProfile' | 'TxProfile'; // §7.10
export type ChargingProfileKind = 'Absolute' | 'Recurring' | 'Relative'; // §7.9
export type RecurrencyKind = 'Daily' | 'Weekly'; // §7.11
export type ChargingRateUnit = 'A' | 'W'; // §7.12

/** OCPP 1.6 §7.14 (ChargingSchedulePeriod): startPeriod in seconds from the schedule's start. */
export interface ChargingSchedulePeriod {
  startPeriod: number;
  limit: number;
  numberPhases?: number;
}

/** OCPP 1.6 §7.13. */
export interface ChargingSchedule {
  duration?: number;
  startSchedule?: string;
  chargingRateUnit: ChargingRateUnit;
  chargingSchedulePeriod: ChargingSchedulePeriod[];
  minChargingRate?: number;
}

/** OCPP 1.6 §7.8. */
export interface ChargingProfile {
  chargingProfileId: number;
  transactionId?: number;
  stackLevel: number;
  chargingProfilePurpose: ChargingProfilePurpose;
  chargingProfileKind: ChargingProfileKind;
  recurrencyKind?: RecurrencyKind;
  validFrom?: string;
  validTo?: string;
  chargingSchedule: ChargingSchedule;
}

/** A profile as installed on a connector (SetChargingProfile.req connectorId, OCPP 1.6 §6.43). */
export interface InstalledProfile {
  connectorId: number;
  profile: ChargingProfile;
}

/** OCPP 1.6 errata §3.68: when numberPhases is absent, 3 SHALL be assumed. */
export const DEFAULT_NUMBER_PHASES = 3;
/** Nominal line voltage for A↔W conversion (errata §3.68: the set voltage of the area, 230 or 110 V). */
export const DEFAULT_LINE_VOLTAGE = 230;

export const RECURRENCE_SECONDS: Record<RecurrencyKind, number> = { Daily: 86_400, Weekly: 604_800 };

/** Epoch seconds of an ISO date-time. */
export function epochSeconds(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a date-time: ${iso}`);
  return ms / 1000;
}

export function isoOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** ClearChargingProfile.req (OCPP 1.6 §6.13, errata §3.25): every field given must match; none given matches all. */
export interface ClearFilter {
  id?: number;
  connectorId?: number;
  chargingProfilePurpose?: ChargingProfilePurpose;
  stackLevel?: number;
}

/** Whether ClearChargingProfile.req with `filter` removes `installed` (errata §3.25: the fields are ANDed). */
export function clearMatches(filter: ClearFilter, { connectorId, profile }: InstalledProfile): boolean {
  return (filter.id === undefined || profile.chargingProfileId === filter.id)
    && (filter.connectorId === undefined || connectorId === filter.connectorId)
    && (filter.chargingProfilePurpose === undefined || profile.chargingProfilePurpose === filter.chargingProfilePurpose)
    && (filter.stackLevel === undefined || profile.stackLevel === filter.stackLevel);
}

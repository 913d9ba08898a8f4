/**
 * The suite options of a Charge Point under test (`chargePoint.options` in the SUT file, documented in
 * `support/sut/sut-file.schema.json`), read with their defaults.
 */
import { parseDuration } from '../../sut/duration';
import type { SutConfig } from '../../sut/sut-config';

export interface ChargerOptions {
  /** The interval the harness gives in BootNotification.conf Rejected or Pending (TC_001_CS, TC_002_CS), ms. */
  readonly bootRetryIntervalMs: number;
  /** How long the harness watches for a message that must not come (OCTT's "Configured Transaction Duration"), ms. */
  readonly absenceWaitMs: number;
  /** ClockAlignedDataInterval the harness sets for TC_071_CS, seconds. */
  readonly clockAlignedDataIntervalS: number;
  /** Whether a power failure stops transactions before going down (true), after the restart (false), or either. */
  readonly backupPowerSupply: boolean | 'switchable';
  /** A vendorId the charger does not know (TC_062_CS). */
  readonly unknownVendorId: string;
}

export function chargerOptions(sut: SutConfig): ChargerOptions {
  const o = sut.chargePoint?.options ?? {};
  const backup = o['backupPowerSupply'];
  return {
    bootRetryIntervalMs: parseDuration(o['bootRetryInterval']) ?? 30_000,
    absenceWaitMs: parseDuration(o['absenceWait']) ?? 10_000,
    clockAlignedDataIntervalS: Number(o['clockAlignedDataInterval'] ?? 60),
    backupPowerSupply: backup === 'switchable' ? 'switchable' : backup === true,
    unknownVendorId: typeof o['unknownVendorId'] === 'string' ? o['unknownVendorId'] : 'org.ocpp-conformance.unknown-vendor',
  };
}

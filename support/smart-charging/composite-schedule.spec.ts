// Hand-worked examples of the composite-schedule oracle (OCPP 1.6 §3.13, §5.7, errata §3.43, §3.68).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChargingProfile, ChargingSchedulePeriod, InstalledProfile } from './charging-profiles';
import { type CompositeRequest, compositeSchedule, toChargingSchedule } from './composite-schedule';

const NOW = '2026-03-02T10:00:00.000Z'; // a Monday

export function profile(over: Partial<ChargingProfile> & { periods?: [number, number, number?][]; duration?: number; startSchedule?: string; unit?: 'A' | 'W' }): ChargingProfile {
  const { periods = [[0, 16]], duration, startSchedule, unit = 'A', ...rest } = over;
  return {
    chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute',
    chargingSchedule: {
      chargingRateUnit: unit, duration, startSchedule: startSchedule ?? (rest.chargingProfileKind === 'Relative' ? undefined : NOW),
      chargingSchedulePeriod: periods.map(([startPeriod, limit, numberPhases]): ChargingSchedulePeriod =>
        numberPhases === undefined ? { startPeriod, limit } : { startPeriod, limit, numberPhases }),
    },
    ...rest,
  };
}

const on = (connectorId: number, p: ChargingProfile): InstalledProfile => ({ connectorId, profile: p });

/** [startPeriod, limit (null: unlimited)] pairs of the composite. */
function periods(installed: InstalledProfile[], request: Partial<CompositeRequest> = {}): [number, number | null][] {
  const expected = compositeSchedule(installed, { connectorId: 1, now: NOW, duration: 3600, chargingRateUnit: 'A', ...request });
  const from = Date.parse(expected.scheduleStart) / 1000;
  return expected.segments.map(s => [Math.round(s.start - from), s.limit === null ? null : Math.round(s.limit * 1000) / 1000]);
}

test('OCPP 1.6 §3.13.7 example: the daily 6 kW between 08:00 and 20:00 default profile', () => {
  const example = profile({
    chargingProfileId: 100, chargingProfileKind: 'Recurring', recurrencyKind: 'Daily', unit: 'W', duration: 86_400,
    startSchedule: '2013-01-01T00:00:00Z', periods: [[0, 11_000, 3], [28_800, 6_000, 3], [72_000, 11_000, 3]],
  });
  // Asked at 07:00 for a day: 11 kW to 08:00, 6 kW to 20:00, 11 kW to 07:00 next day.
  assert.deepEqual(periods([on(1, example)], { now: '2026-03-02T07:00:00Z', duration: 86_400, chargingRateUnit: 'W' }),
    [[0, 11_000], [3600, 6000], [13 * 3600, 11_000]]);
  const schedule = toChargingSchedule(compositeSchedule([on(1, example)], { connectorId: 1, now: '2026-03-02T07:00:00Z', duration: 86_400, chargingRateUnit: 'W' }));
  assert.equal(schedule.startSchedule, undefined, 'errata §3.57: no startSchedule in GetCompositeSchedule.conf');
  assert.deepEqual(schedule.chargingSchedulePeriod.map(p => p.numberPhases), [3, 3, 3]);
});

test('a single profile is the composite, clipped to the window', () => {
  const p = profile({ periods: [[0, 16], [600, 10], [7200, 6]] });
  assert.deepEqual(periods([on(1, p)]), [[0, 16], [600, 10]]);
});

test('a TxProfile overrules the TxDefaultProfile during its transaction only (§3.13.1)', () => {
  const def = on(0, profile({ periods: [[0, 16]] }));
  const tx = on(1, profile({ chargingProfilePurpose: 'TxProfile', transactionId: 7, periods: [[0, 20]] }));
  const transaction = { transactionId: 7, startTime: NOW };
  assert.deepEqual(periods([def, tx], { transaction }), [[0, 20]]);
  assert.deepEqual(periods([def, tx]), [[0, 16]], 'no transaction: the TxProfile does not apply');
  assert.deepEqual(periods([def, tx], { transaction: { transactionId: 8, startTime: NOW } }), [[0, 16]], 'another transaction');
});

test('ChargePointMaxProfile caps the result (§3.13.3) and alone makes connector 0 composite', () => {
  const max = on(0, profile({ chargingProfilePurpose: 'ChargePointMaxProfile', periods: [[0, 32], [1800, 10]] }));
  const def = on(1, profile({ periods: [[0, 16]] }));
  assert.deepEqual(periods([max, def]), [[0, 16], [1800, 10]]);
  assert.deepEqual(periods([max, def], { connectorId: 0 }), [[0, 32], [1800, 10]]);
});

test('the higher stack level wins until its duration ends, then the lower one shows through (errata §3.43)', () => {
  const low = on(1, profile({ stackLevel: 1, periods: [[0, 16]] }));
  const high = on(1, profile({ stackLevel: 2, periods: [[0, 24]], duration: 1200 }));
  assert.deepEqual(periods([low, high]), [[0, 24], [1200, 16]]);
  assert.deepEqual(periods([high]), [[0, 24], [1200, null]], 'nothing below: charging is unlimited');
});

test('the connector\'s own TxDefaultProfile beats connector 0\'s at the same stack level (§3.13.1)', () => {
  assert.deepEqual(periods([on(0, profile({ periods: [[0, 10]] })), on(1, profile({ periods: [[0, 12]] }))]), [[0, 12]]);
  assert.deepEqual(periods([on(0, profile({ stackLevel: 3, periods: [[0, 10]] })), on(1, profile({ periods: [[0, 12]] }))]), [[0, 10]]);
});

test('validFrom in the future and validTo in the past (§3.13.2)', () => {
  const low = on(1, profile({ stackLevel: 0, periods: [[0, 16]] }));
  const future = on(1, profile({ stackLevel: 5, periods: [[0, 6]], validFrom: '2026-03-02T10:30:00Z' }));
  const past = on(1, profile({ stackLevel: 6, periods: [[0, 4]], validTo: '2026-03-02T09:00:00Z' }));
  assert.deepEqual(periods([low, future, past]), [[0, 16], [1800, 6]]);
  const endsSoon = on(1, profile({ stackLevel: 6, periods: [[0, 4]], validTo: '2026-03-02T10:10:00Z' }));
  assert.deepEqual(periods([low, endsSoon]), [[0, 4], [600, 16]]);
});

test('Recurring Daily crossing midnight', () => {
  const night = on(1, profile({ chargingProfileKind: 'Recurring', recurrencyKind: 'Daily', startSchedule: '2026-01-01T22:00:00Z',
    duration: 8 * 3600, periods: [[0, 32], [4 * 3600, 20]] }));
  // Asked at 23:00 for 10 h: 32 A to 02:00, 20 A to 06:00, then unlimited until 22:00.
  assert.deepEqual(periods([night], { now: '2026-03-02T23:00:00Z', duration: 10 * 3600 }), [[0, 32], [3 * 3600, 20], [7 * 3600, null]]);
  // The day before 22:00 it does not apply; at 22:00 it recurs.
  assert.deepEqual(periods([night], { now: '2026-03-02T21:00:00Z', duration: 2 * 3600 }), [[0, null], [3600, 32]]);
});

test('Recurring Weekly: a weekend profile recurs each Saturday', () => {
  const weekend = on(1, profile({ chargingProfileKind: 'Recurring', recurrencyKind: 'Weekly', startSchedule: '2026-01-03T00:00:00Z', // a Saturday
    duration: 2 * 86_400, periods: [[0, 32]] }));
  const week = on(1, profile({ stackLevel: 0, chargingProfileId: 2, periods: [[0, 10]] }));
  assert.deepEqual(periods([weekend], { now: '2026-03-06T12:00:00Z', duration: 3 * 86_400 }), [[0, null], [12 * 3600, 32], [60 * 3600, null]]);
  assert.deepEqual(periods([on(1, { ...weekend.profile, stackLevel: 1 }), week], { now: '2026-03-06T12:00:00Z', duration: 3 * 86_400 }),
    [[0, 10], [12 * 3600, 32], [60 * 3600, 10]]);
});

test('errata §3.43: a recurring schedule longer than its recurrence is cut at the recurrence period', () => {
  const long = on(1, profile({ chargingProfileKind: 'Recurring', recurrencyKind: 'Daily', startSchedule: '2026-03-01T10:00:00Z',
    duration: 100_000, periods: [[0, 10], [86_000, 20], [90_000, 30]] }));
  assert.deepEqual(periods([long], { now: '2026-03-02T09:00:00Z', duration: 7200 }), [[0, 10], [3200, 20], [3600, 10]]);
});

test('Relative starts at the transaction start, or now without a transaction (§7.9)', () => {
  const rel = on(1, profile({ chargingProfileKind: 'Relative', periods: [[0, 10], [1800, 20]] }));
  assert.deepEqual(periods([rel]), [[0, 10], [1800, 20]]);
  assert.deepEqual(periods([rel], { transaction: { transactionId: 1, startTime: '2026-03-02T09:50:00Z' } }), [[0, 10], [1200, 20]]);
});

test('A↔W with numberPhases 1 and 3 at 230 V (errata §3.68), and 110 V as a parameter', () => {
  const amps3 = on(1, profile({ periods: [[0, 16]] })); // numberPhases absent: 3
  const amps1 = on(1, profile({ periods: [[0, 16, 1]] }));
  assert.deepEqual(periods([amps3], { chargingRateUnit: 'W' }), [[0, 16 * 230 * 3]]);
  assert.deepEqual(periods([amps1], { chargingRateUnit: 'W' }), [[0, 16 * 230]]);
  assert.deepEqual(periods([amps1], { chargingRateUnit: 'W', lineVoltage: 110 }), [[0, 1760]]);
  const watts1 = on(1, profile({ unit: 'W', periods: [[0, 7360, 1]] }));
  assert.deepEqual(periods([watts1]), [[0, 32]]);
  const max = on(0, profile({ chargingProfilePurpose: 'ChargePointMaxProfile', unit: 'W', periods: [[0, 11_040]] }));
  assert.deepEqual(periods([max, on(1, profile({ periods: [[0, 32]] }))]), [[0, 16]], 'the cap compared in the asked unit');
});

test('toChargingSchedule needs the charger maximum where nothing limits charging, and rounds to 0.1', () => {
  const expected = compositeSchedule([on(1, profile({ unit: 'W', periods: [[0, 1000]], duration: 60 }))], { connectorId: 1, now: NOW, duration: 120, chargingRateUnit: 'A' });
  assert.throws(() => toChargingSchedule(expected), /noLimit/);
  assert.deepEqual(toChargingSchedule(expected, 32).chargingSchedulePeriod, [{ startPeriod: 0, limit: 1.4, numberPhases: 3 }, { startPeriod: 60, limit: 32, numberPhases: 3 }]);
});

test('the test case document\'s TC_066_CS expectation: the TxProfile stays in charge after its duration, capped by the max', () => {
  const start = NOW; // all three start at the same moment here: x = 0
  const validTo = '2026-03-02T10:06:41.000Z';
  const max = on(0, profile({ chargingProfilePurpose: 'ChargePointMaxProfile', duration: 86_400, periods: [[0, 10]] }));
  const def = on(1, profile({ chargingProfileId: 2, validFrom: start, validTo, duration: 300, periods: [[0, 6], [60, 10], [120, 8], [180, 15], [260, 8]] }));
  const tx = on(1, profile({ chargingProfileId: 3, chargingProfilePurpose: 'TxProfile', validFrom: start, validTo, duration: 260,
    periods: [[0, 8], [50, 11], [140, 16], [200, 6], [240, 12]] }));
  const transaction = { transactionId: 5, startTime: '2026-03-02T09:59:00Z' };
  assert.deepEqual(periods([max, def, tx], { duration: 400, transaction }), [[0, 8], [50, 10], [200, 6], [240, 10]]);
});

test('the test case document\'s TC_072_CS expectation: the higher TxDefaultProfile, then the lower one after its duration', () => {
  const low = on(1, profile({ duration: 400, periods: [[0, 6], [100, 8], [200, 10]] }));
  const high = on(1, profile({ chargingProfileId: 2, stackLevel: 1, duration: 150, periods: [[0, 7], [100, 9]] }));
  assert.deepEqual(periods([low, high], { duration: 350 }), [[0, 7], [100, 9], [150, 8], [200, 10]]);
});

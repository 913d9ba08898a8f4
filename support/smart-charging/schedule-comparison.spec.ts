import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExpectedComposite } from './composite-schedule';
import { compareSchedules, describeDifferences, renderComparisonTable, renderStepChart } from './schedule-comparison';

const expected: ExpectedComposite = {
  scheduleStart: '2026-03-02T10:00:00.000Z', duration: 3600, chargingRateUnit: 'A',
  segments: [
    { start: Date.parse('2026-03-02T10:00:00Z') / 1000, end: Date.parse('2026-03-02T10:20:00Z') / 1000, limit: 16, numberPhases: 3 },
    { start: Date.parse('2026-03-02T10:20:00Z') / 1000, end: Date.parse('2026-03-02T11:00:00Z') / 1000, limit: 10, numberPhases: 3 },
  ],
};

test('an equivalent split, rounding within 0.1 and startSchedule instead of scheduleStart are equal', () => {
  const c = compareSchedules(expected, { chargingSchedule: { startSchedule: '2026-03-02T10:00:00Z', duration: 3600, chargingRateUnit: 'A',
    chargingSchedulePeriod: [{ startPeriod: 0, limit: 16.05 }, { startPeriod: 600, limit: 16 }, { startPeriod: 1200, limit: 10, numberPhases: 3 }] } });
  assert.deepEqual(c.differences, []);
  assert.equal(c.equal, true);
});

test('a reported scheduleStart a minute later with shifted offsets compares by absolute time', () => {
  const c = compareSchedules(expected, { scheduleStart: '2026-03-02T09:59:00Z', chargingSchedule: { duration: 3660, chargingRateUnit: 'A',
    chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 1260, limit: 10 }] } });
  assert.deepEqual(c.differences.map(d => d.kind), ['duration']);
});

test('a wrong limit, wrong phases, a missing tail and a wrong unit are each reported precisely', () => {
  const c = compareSchedules(expected, { scheduleStart: expected.scheduleStart, chargingSchedule: { duration: 3000, chargingRateUnit: 'A',
    chargingSchedulePeriod: [{ startPeriod: 0, limit: 16, numberPhases: 1 }, { startPeriod: 1200, limit: 12 }] } });
  assert.deepEqual(describeDifferences(c), [
    'duration: expected 3600 s, reported 3000 s',
    'from 0 s (2026-03-02T10:00:00.000Z) to 1200 s: expected limit 16 (numberPhases 3), reported 16 (numberPhases 1)',
    'from 1200 s (2026-03-02T10:20:00.000Z) to 3000 s: expected limit 10 (numberPhases 3), reported 12 (numberPhases 3)',
    'from 3000 s (2026-03-02T10:50:00.000Z) to 3600 s: expected limit 10 (numberPhases 3), reported no period',
  ]);
  const w = compareSchedules(expected, { scheduleStart: expected.scheduleStart, chargingSchedule: { duration: 3600, chargingRateUnit: 'W',
    chargingSchedulePeriod: [{ startPeriod: 0, limit: 11_040 }] } });
  assert.deepEqual(describeDifferences(w), ['chargingRateUnit: expected A, reported W']);
});

test('a boundary up to a second early or late is rounding; two seconds is a difference', () => {
  const shifted = (by: number) => compareSchedules(expected, { scheduleStart: expected.scheduleStart, chargingSchedule: { duration: 3600, chargingRateUnit: 'A',
    chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 1200 + by, limit: 10 }] } });
  assert.equal(shifted(1).equal, true);
  assert.equal(shifted(-1).equal, true);
  assert.deepEqual(describeDifferences(shifted(2)), ['from 1200 s (2026-03-02T10:20:00.000Z) to 1202 s: expected limit 10 (numberPhases 3), reported 16 (numberPhases 3)']);
});

test('where no profile limits charging, any reported limit matches', () => {
  const open: ExpectedComposite = { ...expected, segments: [{ ...expected.segments[0], end: expected.segments[1].end, limit: null }] };
  assert.equal(compareSchedules(open, { chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 32 }] } }).equal, true);
});

test('the table and the step chart show both schedules', () => {
  const c = compareSchedules(expected, { scheduleStart: expected.scheduleStart, chargingSchedule: { duration: 3600, chargingRateUnit: 'A',
    chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 1200, limit: 12 }] } });
  const table = renderComparisonTable(c, 'A');
  assert.match(table, /\| 0 \| 1200 \| 2026-03-02T10:00:00.000Z \| 16 \(3φ\) \| 16 \(3φ\) \| ok \|/);
  assert.match(table, /\| 1200 \| 3600 \| 2026-03-02T10:20:00.000Z \| 10 \(3φ\) \| 12 \(3φ\) \| \*\*differs\*\* \|/);
  const svg = renderStepChart(c);
  assert.match(svg, /^<svg [^>]*>.*<\/svg>$/);
  assert.equal((svg.match(/<path /g) ?? []).length, 2);
  assert.match(svg, /M10\.0,\d+\.\dH163\.3/, 'the first expected step runs a third of the width');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExpectedComposite } from '../../smart-charging/composite-schedule';
import { withLocalLimit } from './smart-charging-flows';

const expected: ExpectedComposite = {
  scheduleStart: '2026-03-02T10:00:00.000Z', duration: 400, chargingRateUnit: 'A',
  segments: [
    { start: 0, end: 100, limit: 40, numberPhases: 3 },
    { start: 100, end: 200, limit: 10, numberPhases: 3 },
    { start: 200, end: 400, limit: null, numberPhases: 3 },
  ],
};

test('the local limit fills where no profile limits charging, on the charger\'s phases', () => {
  assert.deepEqual(withLocalLimit(expected, 32, 1, false).segments, [
    { start: 0, end: 100, limit: 40, numberPhases: 3 },
    { start: 100, end: 200, limit: 10, numberPhases: 3 },
    { start: 200, end: 400, limit: 32, numberPhases: 1 },
  ]);
});

test('capped, profile limits above the local limit become it, and equal neighbours merge', () => {
  const capped = withLocalLimit({ ...expected, segments: [expected.segments[0]!, { start: 100, end: 400, limit: null, numberPhases: 3 }] }, 32, 1, true);
  assert.deepEqual(capped.segments, [{ start: 0, end: 400, limit: 32, numberPhases: 1 }]);
});

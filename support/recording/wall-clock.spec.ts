import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monoNow, roundMs, wallClock } from './wall-clock';

test('the wall clock is ISO 8601 UTC with milliseconds, formatted anew when the millisecond changes', () => {
  const t = Date.parse('2026-12-03T17:00:00.123Z');
  assert.equal(wallClock(t), '2026-12-03T17:00:00.123Z');
  assert.equal(wallClock(t), '2026-12-03T17:00:00.123Z');
  assert.equal(wallClock(t + 1), '2026-12-03T17:00:00.124Z');
  assert.equal(wallClock(t), '2026-12-03T17:00:00.123Z');
});

test('without an argument it is the time now', () => {
  const before = Date.now();
  const now = Date.parse(wallClock());
  assert.ok(now >= before && now <= Date.now());
});

test('monotonic times and durations are kept to the µs', () => {
  const t = monoNow();
  assert.equal(Math.round(t * 1000) / 1000, t);
  assert.equal(roundMs(1.23456789), 1.235);
  assert.ok(monoNow() >= t);
});

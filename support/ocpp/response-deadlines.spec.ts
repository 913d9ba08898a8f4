import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { ResponseDeadlines } from './response-deadlines';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Waits until `done()` holds, at most 5 s (a loaded machine delays timers; it never makes them early). */
async function until(done: () => boolean): Promise<void> {
  const deadline = performance.now() + 5000;
  while (!done() && performance.now() < deadline) await sleep(5);
}

test('each deadline expires on its own time, never early, in order, whatever order they were added in', async () => {
  const d = new ResponseDeadlines<string>();
  const t0 = performance.now();
  const expired: Array<[string, number]> = [];
  d.add('late', 60, () => expired.push(['late', performance.now() - t0]));
  d.add('early', 20, () => expired.push(['early', performance.now() - t0]));
  d.add('middle', 40, () => expired.push(['middle', performance.now() - t0]));
  await until(() => expired.length === 3);
  assert.deepEqual(expired.map(([k]) => k), ['early', 'middle', 'late']);
  for (const [key, at] of expired) assert.ok(at >= { early: 20, middle: 40, late: 60 }[key]! - 1, `${key} expired after ${at} ms`);
  assert.equal(d.size, 0);
});

test('a deleted deadline does not expire; the others still do', async () => {
  const d = new ResponseDeadlines<number>();
  const expired: number[] = [];
  d.add(1, 20, () => expired.push(1));
  d.add(2, 30, () => expired.push(2));
  d.delete(1);
  await until(() => expired.length > 0);
  await sleep(20);
  assert.deepEqual(expired, [2]);
});

test('a deadline added while the timer waits for a later one is not held back by it', async () => {
  const d = new ResponseDeadlines<string>();
  const expired: string[] = [];
  d.add('slow', 10_000, () => expired.push('slow'));
  d.add('fast', 20, () => expired.push('fast'));
  await until(() => expired.length > 0);
  assert.deepEqual(expired, ['fast']);
  d.clear();
});

test('a deadline added from an expiry callback is honoured; clear() forgets everything', async () => {
  const d = new ResponseDeadlines<string>();
  const expired: string[] = [];
  d.add('a', 10, () => {
    expired.push('a');
    d.add('b', 10, () => expired.push('b'));
  });
  await until(() => expired.length === 2);
  assert.deepEqual(expired, ['a', 'b']);
  d.add('c', 10, () => expired.push('c'));
  d.clear();
  await sleep(40);
  assert.deepEqual(expired, ['a', 'b']);
});

test('deadlines found due together by a late timer expire in deadline order, not in the order they were added', async () => {
  const d = new ResponseDeadlines<string>();
  const expired: string[] = [];
  d.add('late', 30, () => expired.push('late'));
  d.add('early', 10, () => expired.push('early'));
  d.add('middle', 20, () => expired.push('middle'));
  const busyUntil = performance.now() + 60; // the event loop is blocked past all three deadlines
  while (performance.now() < busyUntil) { /* busy */ }
  await until(() => expired.length === 3);
  assert.deepEqual(expired, ['early', 'middle', 'late']);
});

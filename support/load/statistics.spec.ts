import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LatencyHistogram, percentile, summarize } from './statistics';

test('percentiles use the nearest rank: a sample, the smallest with at least p % at or below it', () => {
  const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  assert.equal(percentile(sorted, 50), 5);
  assert.equal(percentile(sorted, 95), 10);
  assert.equal(percentile(sorted, 99), 10);
  assert.equal(percentile(sorted, 10), 1);
  assert.equal(percentile(sorted, 0), 1);
  assert.equal(percentile(sorted, 100), 10);
  assert.equal(percentile([7], 99), 7);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('summarize sorts, and gives p50, p95, p99, max and mean', () => {
  const samples = Array.from({ length: 200 }, (_, i) => 200 - i); // 200 … 1, unsorted
  const s = summarize(samples);
  assert.deepEqual(s, { count: 200, p50: 100, p95: 190, p99: 198, max: 200, mean: 100.5 });
});

test('the histogram gives percentiles within 1 % above the exact ones, and the exact maximum', () => {
  const values = Array.from({ length: 10_000 }, (_, i) => 0.05 + ((i * 7919) % 10_000) / 7); // 0.05 ms … ~1.4 s
  const h = new LatencyHistogram();
  for (const v of values) h.add(v);
  const exact = summarize(values);
  for (const p of [50, 95, 99] as const) {
    const got = h.percentile(p);
    const want = exact[`p${p}`];
    assert.ok(got >= want && got <= want * 1.01, `p${p}: ${got} vs exact ${want}`);
  }
  assert.equal(h.summary().max, exact.max);
  assert.equal(h.count, 10_000);
  assert.ok(Math.abs(h.summary().mean - exact.mean) < 1e-6);
});

test('histograms merge as if one had seen every sample (worker threads, shards)', () => {
  const a = new LatencyHistogram();
  const b = new LatencyHistogram();
  const both = new LatencyHistogram();
  for (let i = 1; i <= 500; i++) {
    (i % 2 ? a : b).add(i);
    both.add(i);
  }
  const merged = LatencyHistogram.from(a.toData());
  merged.merge(b.toData());
  assert.deepEqual(merged.summary(), both.summary());
});

test('an empty histogram has no percentiles; tiny latencies share the first bucket', () => {
  assert.ok(Number.isNaN(new LatencyHistogram().percentile(50)));
  const h = new LatencyHistogram();
  h.add(0);
  h.add(0.001);
  assert.equal(h.percentile(99), 0.001);
});

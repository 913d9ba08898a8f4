import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../reporting/errors';
import { parseShard, partition, shardBlock } from './shard';

test('--shard i/n parses, with i from 1 to n', () => {
  assert.deepEqual(parseShard('1/1'), { index: 1, count: 1 });
  assert.deepEqual(parseShard(' 3 / 4 '), { index: 3, count: 4 });
  for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '1/2/3', '-1/2', '']) {
    assert.throws(() => parseShard(bad), (e: unknown) => e instanceof ConfigError && /--shard/.test(e.message), bad);
  }
});

test('the shards of a run cover every charge point number exactly once, in blocks differing by at most one', () => {
  for (const [total, parts] of [[10, 3], [10_000, 4], [7, 7], [5, 1], [3, 2], [1_001, 10]] as const) {
    const seen = new Set<number>();
    const sizes: number[] = [];
    for (let i = 1; i <= parts; i++) {
      const b = shardBlock(total, { index: i, count: parts });
      sizes.push(b.size);
      for (let n = b.first; n < b.first + b.size; n++) {
        assert.ok(!seen.has(n), `${n} twice`);
        seen.add(n);
      }
    }
    assert.equal(seen.size, total);
    assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: total }, (_, k) => k + 1));
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `${sizes}`);
  }
});

test('shard 2/4 of 10,000 runs 2,501 … 5,000; its two workers split that block again', () => {
  const shard = shardBlock(10_000, { index: 2, count: 4 });
  assert.deepEqual(shard, { first: 2501, size: 2500 });
  assert.deepEqual(partition(shard, 0, 2), { first: 2501, size: 1250 });
  assert.deepEqual(partition(shard, 1, 2), { first: 3751, size: 1250 });
  assert.deepEqual(partition({ first: 1, size: 5 }, 0, 2), { first: 1, size: 3 });
  assert.deepEqual(partition({ first: 1, size: 5 }, 1, 2), { first: 4, size: 2 });
  assert.throws(() => partition(shard, 2, 2), RangeError);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ConfigError } from '../reporting/errors';
import { loadSutFile } from '../sut/sut-config';
import { runLoad } from './load-run';
import { mergeLoadReports } from './load-merge';
import type { LoadReport } from './load-report';

const sutFile = join(__dirname, '..', '..', 'fixtures', 'sut', 'reference-central-system.json');

function shard(index: number): Promise<LoadReport> {
  return runLoad({
    sutFile, chargePoints: 30, rampPerSecond: 1000, durationMs: 200, profile: 'steady', shard: { index, count: 2 },
    workers: 0, reportsDir: '/nonexistent', quiet: true,
  }, { progress: () => undefined });
}

test('two shards of a run merge into one report: every charge point once, counters and histograms added, one verdict', async () => {
  const [a, b] = [await shard(1), await shard(2)];
  assert.deepEqual([a.run.first, a.run.size, b.run.first, b.run.size], [1, 15, 16, 15]);
  const merged = mergeLoadReports([a, b], loadSutFile(sutFile));
  assert.equal(merged.run.size, 30);
  assert.equal(merged.run.shard, '2 of 2 shards merged');
  assert.equal(merged.totals.boots.accepted, 30);
  assert.equal(merged.totals.calls['StatusNotification'], a.totals.calls['StatusNotification']! + b.totals.calls['StatusNotification']!);
  assert.equal(merged.latency['BootNotification']!.count, 30);
  assert.equal(merged.latency['BootNotification']!.max, Math.max(a.latency['BootNotification']!.max, b.latency['BootNotification']!.max));
  assert.equal(merged.verdict.verdict, 'PASS', merged.verdict.reason);

  const partial = mergeLoadReports([a], loadSutFile(sutFile));
  assert.equal(partial.verdict.verdict, 'ERROR');
  assert.match(partial.verdict.reason, /only 1 of 2 shards merged/);
  assert.throws(() => mergeLoadReports([a, a], loadSutFile(sutFile)), (e: unknown) => e instanceof ConfigError && /shard 1\/2 is given twice/.test(e.message));
});

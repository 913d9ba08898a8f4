import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../reporting/errors';
import { parseLoadOptions, parseMergeOptions } from './load-options';

const base = ['--sut', 'fixtures/sut/reference-central-system.json', '--charge-points', '100'];

function refused(argv: string[], pattern: RegExp): void {
  assert.throws(() => parseLoadOptions(argv, '/work'), (e: unknown) => {
    assert.ok(e instanceof ConfigError, `ConfigError expected, got ${String(e)}`);
    assert.match(e.message, pattern);
    assert.doesNotMatch(e.message, /\n/, 'one sentence');
    return true;
  }, argv.join(' '));
}

test('defaults: steady profile, 100/s ramp, held 30 s, shard 1/1, one worker per core, reports/', () => {
  const o = parseLoadOptions(base, '/work');
  assert.equal(o.profile, 'steady');
  assert.equal(o.rampPerSecond, 100);
  assert.equal(o.durationMs, 30_000);
  assert.deepEqual(o.shard, { index: 1, count: 1 });
  assert.ok(o.workers >= 1);
  assert.equal(o.reportsDir, '/work/reports');
  assert.equal(o.quiet, false);
});

test('a boot storm starts as fast as possible unless --ramp says otherwise; flags take = too', () => {
  const storm = parseLoadOptions([...base, '--profile=boot-storm', '--duration', '1m', '--shard', '2/3', '--workers', '1', '--reports', '/tmp/r'], '/work');
  assert.equal(storm.rampPerSecond, Number.POSITIVE_INFINITY);
  assert.equal(storm.durationMs, 60_000);
  assert.deepEqual(storm.shard, { index: 2, count: 3 });
  assert.equal(storm.reportsDir, '/tmp/r');
  assert.equal(parseLoadOptions([...base, '--profile', 'boot-storm', '--ramp', '250.5'], '/work').rampPerSecond, 250.5);
});

test('bad arguments are one sentence each (exit 3)', () => {
  refused(['--charge-points', '10'], /--sut <file> is required/);
  refused(['--sut', 'x.json'], /--charge-points <n> is required/);
  refused(['--sut', 'x.json', '--charge-points', '0'], /at least 1/);
  refused(['--sut', 'x.json', '--charge-points', 'ten'], /whole number/);
  refused([...base, '--profile', 'storm'], /--profile must be one of boot-storm, steady, sessions/);
  refused([...base, '--ramp', '0'], /--ramp takes a positive number/);
  refused([...base, '--ramp', 'fast'], /--ramp takes a positive number/);
  refused([...base, '--duration', 'forever'], /--duration takes a time/);
  refused([...base, '--shard', '5/4'], /--shard/);
  refused(['--sut', 'x.json', '--charge-points', '2', '--shard', '1/3'], /more parts than there are charge points/);
  refused([...base, '--workers', '-1'], /--workers takes a whole number/);
  refused([...base, '--charge-point', '3'], /unknown option --charge-point/);
  refused([...base, 'extra'], /unexpected argument "extra"/);
  refused([...base, '--sut'], /--sut needs a value/);
});

test('--merge takes the shards\' reports and --sut, and nothing that would start a run', () => {
  assert.equal(parseMergeOptions(base, '/work'), undefined);
  assert.deepEqual(parseMergeOptions(['--merge', 'a/load.json,b/load.json', '--merge', 'c.json', '--sut', 's.json'], '/work'), {
    sutFile: 's.json', files: ['/work/a/load.json', '/work/b/load.json', '/work/c.json'], reportsDir: '/work/reports',
  });
  assert.throws(() => parseMergeOptions(['--merge', 'a.json'], '/work'), (e: unknown) => e instanceof ConfigError && /--merge needs --sut/.test(e.message));
  assert.throws(() => parseMergeOptions(['--merge', 'a.json', '--sut', 's.json', '--charge-points', '5'], '/work'), (e: unknown) => e instanceof ConfigError && /not --charge-points/.test(e.message));
});

/**
 * A short load run against the reference Central System, started by the harness from a reference SUT file as the
 * conformance runs do, so that the load mode cannot rot: 50 charge points through whole sessions, and the same
 * run against a reference with a fault that the judge must catch under load (on the main thread: no worker start-up).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from './load-run';
import { writeLoadReports } from './load-report';
import type { LoadOptions } from './load-options';

const dir = mkdtempSync(join(tmpdir(), 'load-run-'));
const reference = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'sut', 'reference-central-system.json'), 'utf8')) as Record<string, unknown>;

function sutFile(name: string, extra: Record<string, unknown>): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({
    ...reference,
    load: { heartbeatInterval: '300ms', meterValueInterval: '100ms', meterValuesPerSession: 2, pauseBetweenSessions: '100ms', thresholds: { latency: { '*': { p99: '5s' } } } },
    ...extra,
  }));
  return file;
}

function options(sut: string, overrides: Partial<LoadOptions>): LoadOptions {
  return {
    sutFile: sut, chargePoints: 50, rampPerSecond: 500, durationMs: 1000, profile: 'sessions', shard: { index: 1, count: 1 },
    workers: 2, reportsDir: join(dir, 'reports'), quiet: true, ...overrides,
  };
}

test('50 charge points boot, report their connectors, heartbeat and charge against the reference: PASS', async () => {
  const report = await runLoad(options(sutFile('conformant', {}), {}), { progress: () => undefined });
  const t = report.totals;
  assert.equal(report.verdict.verdict, 'PASS', report.verdict.reason);
  assert.equal(t.connects.ok, 50);
  assert.equal(t.boots.accepted, 50);
  assert.equal(report.peakConnected, 50);
  assert.equal(t.chargePoints.failed, 0);
  assert.ok(t.sessions.completed >= 50, `${t.sessions.completed} sessions completed`);
  for (const action of ['BootNotification', 'StatusNotification', 'Heartbeat', 'Authorize', 'StartTransaction', 'MeterValues', 'StopTransaction']) {
    assert.ok((t.answers[action] ?? 0) > 0, `answers to ${action}`);
    assert.ok(report.latency[action]!.p99 > 0, `latency of ${action}`);
  }
  assert.equal(report.run.workers, 2);
  const files = writeLoadReports(report, join(dir, 'reports'));
  assert.ok(existsSync(files.json));
  const html = readFileSync(files.html, 'utf8');
  assert.match(html, /<svg[^>]*aria-label="Connected charge points"/);
  assert.match(html, /<svg[^>]*aria-label="Latency per action/);
  assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/, 'self-contained');
});

test('a reference whose BootNotification.conf breaks the schema fails the run, with the rule and the frame', async () => {
  const report = await runLoad(
    options(sutFile('faulty', { reference: { ...(reference['reference'] as object), faults: ['boot-interval-float'] } }), { profile: 'steady', chargePoints: 20, workers: 0, durationMs: 300 }),
    { progress: () => undefined },
  );
  assert.equal(report.verdict.verdict, 'FAIL');
  assert.match(report.verdict.reason, /schema violations: 20, limit 0 \[OCPP 1\.6 §6/);
  const sample = report.samples.find((s) => s.kind === 'schema violation');
  assert.match(sample?.message ?? '', /BootNotification\.conf.*interval/);
  assert.match(sample?.raw ?? '', /"interval":60\.5/);
});

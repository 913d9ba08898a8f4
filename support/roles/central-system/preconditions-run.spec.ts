/**
 * Whole runs (the CLI's runSuite) against bare `ws` chargers that fall short of the general preconditions: the
 * verdicts name the rule the charger broke and the run exits 1, the cases that do not depend on what is missing still
 * run, and a precondition that cannot be reached is decided once (the later cases end at once). The SUT file has an
 * http actuator without templates: no person, no rig.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freeLoopbackPort } from '../../testing/free-loopback-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSuite } from '../../cli/run-command';
import type { ScenarioResult } from '../../reporting/scenario-result';
import { BareCharger, type BareChargerOptions } from './bare-charger';

const IDENTITY = 'BARE-CP-001';

/** Runs `tags` against a bare charger; the charger connects once the harness listens (it retries until then). */
async function runAgainst(name: string, charger: Omit<BareChargerOptions, 'url' | 'connectors'>, tags: string): Promise<{ byId: Map<string, ScenarioResult>; exitCode: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'preconditions-run-'));
  const port = await freeLoopbackPort();
  const sutFile = join(dir, 'sut.json');
  writeFileSync(sutFile, JSON.stringify({
    name, role: 'charge-point',
    chargePoint: {
      identity: IDENTITY, listen: { host: '127.0.0.1', port, path: '/ocpp' }, connectors: 2, connectorUnderTest: 1, supportedProfiles: ['Core'],
      configuration: { HeartbeatInterval: 30, MeterValueSampleInterval: 2, ConnectionTimeOut: 4, MinimumStatusDuration: 0 },
      options: { bootRetryInterval: '2s' },
    },
    actuator: { type: 'http', actions: {}, fallback: 'none' },
    timeouts: { response: '2s', message: '2s', operator: '2s', connect: '5s', step: '30s' },
  }));
  const bare = new BareCharger({ url: `ws://127.0.0.1:${port}/ocpp/${IDENTITY}`, connectors: 2, ...charger });
  const starting = setTimeout(() => bare.start(), 50);
  try {
    const { results, exitCode } = await runSuite({ sutFile, reportsDir: join(dir, 'reports'), quiet: true, tags });
    return { byId: new Map(results.map((r) => [r.id, r])), exitCode };
  } finally {
    clearTimeout(starting);
    bare.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function verdicts(byId: Map<string, ScenarioResult>): string {
  return [...byId.values()].map((r) => `${r.id} ${r.verdict}: ${r.reason.split('\n')[0]}`).join('\n');
}

test('a charger that refuses MeterValueSampleInterval: the cases that need it FAIL §5.3, the others run, exit 1', { timeout: 90_000 }, async () => {
  const { byId, exitCode } = await runAgainst('Bare charger refusing MeterValueSampleInterval', { refuses: ['MeterValueSampleInterval'] },
    '@TC_021_CS or @TC_070_CS or @TC_040_1_CS or @TC_062_CS');
  const all = verdicts(byId);
  for (const id of ['TC_021_CS', 'TC_070_CS']) {
    const r = byId.get(id);
    assert.equal(r?.verdict, 'FAIL', all);
    assert.deepEqual(r?.rulesBroken, ['OCPP 1.6 §5.3'], all);
    assert.match(r?.reason ?? '', /refused ChangeConfiguration MeterValueSampleInterval = "\d+" with Rejected/, all);
  }
  assert.equal(byId.get('TC_040_1_CS')?.verdict, 'PASS', all);
  assert.equal(byId.get('TC_062_CS')?.verdict, 'PASS', all);
  assert.equal(exitCode, 1);
});

test('a charger that never reports its connectors: FAIL errata §3.22 once, the later cases at once, exit 1', { timeout: 90_000 }, async () => {
  const { byId, exitCode } = await runAgainst('Bare charger without StatusNotification', { reportsStatuses: false },
    '@TC_062_CS or @TC_027_CS or @TC_031_CS or @TC_017_1_CS');
  const all = verdicts(byId);
  assert.equal(byId.get('TC_062_CS')?.verdict, 'PASS', `a case that needs no idle connector runs:\n${all}`);
  const idle = ['TC_027_CS', 'TC_031_CS', 'TC_017_1_CS'].map((id) => byId.get(id) as ScenarioResult);
  for (const r of idle) {
    assert.equal(r?.verdict, 'FAIL', all);
    assert.deepEqual(r.rulesBroken, ['OCPP 1.6 errata §3.22'], all);
  }
  const [first, ...later] = idle as [ScenarioResult, ...ScenarioResult[]];
  assert.doesNotMatch(first.reason, /as decided in/, all);
  for (const r of later) {
    assert.match(r.reason, new RegExp(`as decided in ${first.id}: `), all);
    assert.ok(r.durationMs < 1000, `${r.id} took ${Math.round(r.durationMs)} ms`);
  }
  assert.equal(exitCode, 1);
});

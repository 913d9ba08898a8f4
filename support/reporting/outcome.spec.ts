import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allureStatus, byRoleAndProfile, categoryOf, closingLine, exitCodeOf, tally } from './outcome';
import { everyVerdict, scenarioResult } from './test-results';

test('each verdict counts, and shows in Allure, as the table in outcome.ts says', () => {
  const rows = everyVerdict().map((r) => [r.verdict + (r.unexpectedPass ? '!' : ''), tally(r), allureStatus(r)]);
  assert.deepEqual(rows, [
    ['PASS', 'passed', 'passed'],
    ['FAIL', 'failed', 'failed'],
    ['WARN', 'passed', 'passed'],
    ['N/A', 'skipped', 'skipped'],
    ['INCONCLUSIVE', 'failed', 'unknown'],
    ['ERROR', 'failed', 'broken'],
    ['XFAIL', 'passed', 'failed'],
    ['PASS!', 'passed', 'passed'],
  ]);
});

test('--strict turns a WARN and an unexpected pass into failures, everywhere', () => {
  const warn = scenarioResult({ id: 'TC_019_CS', verdict: 'WARN' });
  const xpass = scenarioResult({ id: 'TC_001_CSMS', verdict: 'PASS', unexpectedPass: true });
  for (const r of [warn, xpass]) {
    assert.equal(tally(r, { strict: true }), 'failed');
    assert.equal(allureStatus(r, { strict: true }), 'failed');
    assert.equal(exitCodeOf([r], { strict: true }), 1);
    assert.equal(exitCodeOf([r]), 0);
  }
});

test('the closing line counts passed, failed and skipped', () => {
  assert.equal(closingLine(everyVerdict()), '4 passed, 3 failed, 1 skipped');
  assert.equal(closingLine(everyVerdict(), { strict: true }), '2 passed, 5 failed, 1 skipped');
  assert.equal(closingLine([]), '0 passed, 0 failed, 0 skipped');
});

test('groups: Charge Point before Central System, Core first, then by profile name', () => {
  const groups = byRoleAndProfile([
    scenarioResult({ id: 'A', verdict: 'PASS', role: 'central-system', profile: 'Core' }),
    scenarioResult({ id: 'B', verdict: 'PASS', profile: 'SmartCharging' }),
    scenarioResult({ id: 'C', verdict: 'PASS', profile: 'Core' }),
    scenarioResult({ id: 'D', verdict: 'PASS', profile: 'LocalAuthListManagement' }),
  ]);
  assert.deepEqual(groups.map((g) => `${g.role}/${g.profile}`), ['charge-point/Core', 'charge-point/LocalAuthListManagement', 'charge-point/SmartCharging', 'central-system/Core']);
});

test('the category of a result: its failure, else its lead finding; harness and operator endings apart', () => {
  const [pass, fail, warn, na, inconclusive, error, xfail] = everyVerdict();
  assert.deepEqual([pass, fail, warn, na, inconclusive, error, xfail].map((r) => categoryOf(r!)), [
    undefined, 'missing message', 'timing', undefined, 'operator timeout', 'harness error', 'wrong CALLERROR',
  ]);
});

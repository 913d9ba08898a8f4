import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideVerdict, exitCodeFor } from './verdict';
import { ConformanceAssertionError, HarnessError, NotApplicable, OperatorTimeout } from './errors';
import type { Finding } from '../recording/finding';

const shall: Finding = { level: 'SHALL', category: 'schema violation', rule: 'OCPP 1.6 §6.47 StatusNotification.req', message: 'bad status' };
const should: Finding = { level: 'SHOULD', category: 'protocol violation', rule: 'OCPP-J 1.6 §4.1.1', message: 'second CALL' };
const failure = new ConformanceAssertionError({ rule: 'OCPP 1.6 §4.9', level: 'SHALL', category: 'missing message', message: 'no Charging' });

test('no error and no finding: PASS', () => {
  assert.equal(decideVerdict({ findings: [] }).verdict, 'PASS');
});

test('a SHALL broken by a step or found by the monitor: FAIL with the rules', () => {
  const a = decideVerdict({ error: failure, findings: [] });
  assert.deepEqual([a.verdict, a.rulesBroken], ['FAIL', ['OCPP 1.6 §4.9']]);
  const b = decideVerdict({ findings: [shall] });
  assert.deepEqual([b.verdict, b.rulesBroken], ['FAIL', ['OCPP 1.6 §6.47 StatusNotification.req']]);
});

test('only SHOULDs broken: WARN', () => {
  assert.equal(decideVerdict({ findings: [should] }).verdict, 'WARN');
  const warnStep = new ConformanceAssertionError({ rule: 'OCPP-J errata §3.8', level: 'SHOULD', category: 'wrong CALLERROR', message: 'no SecurityError' });
  assert.equal(decideVerdict({ error: warnStep, findings: [] }).verdict, 'WARN');
});

test('a harness error: ERROR, unless the SUT also broke a SHALL', () => {
  assert.equal(decideVerdict({ error: new HarnessError('bench down'), findings: [] }).verdict, 'ERROR');
  assert.equal(decideVerdict({ error: new TypeError('bug'), findings: [] }).verdict, 'ERROR');
  assert.equal(decideVerdict({ error: new HarnessError('bench down'), findings: [shall] }).verdict, 'FAIL');
});

test('an operator step that did not happen: INCONCLUSIVE, never FAIL', () => {
  const v = decideVerdict({ error: new OperatorTimeout('nobody plugged in'), findings: [] });
  assert.deepEqual([v.verdict, v.reason], ['INCONCLUSIVE', 'nobody plugged in']);
});

test('not applicable: N/A with the reason, whatever else happened', () => {
  assert.deepEqual(decideVerdict({ findings: [shall], notApplicable: 'no fixed cable' }).verdict, 'N/A');
  assert.equal(decideVerdict({ error: new NotApplicable('no local list'), findings: [] }).reason, 'no local list');
});

test('a declared known deviation that fails: XFAIL; that passes: PASS flagged as unexpected', () => {
  const deviation = { reason: 'vendor ticket 42' };
  const x = decideVerdict({ error: failure, findings: [], knownDeviation: deviation });
  assert.equal(x.verdict, 'XFAIL');
  assert.match(x.reason, /vendor ticket 42/);
  const p = decideVerdict({ findings: [], knownDeviation: deviation });
  assert.deepEqual([p.verdict, p.unexpectedPass], ['PASS', true]);
});

test('exit codes: 0 clean, 1 a FAIL, 2 only inconclusive, 3 a harness error; --strict fails WARN and unexpected passes', () => {
  assert.equal(exitCodeFor(['PASS', 'N/A', 'XFAIL', 'WARN']), 0);
  assert.equal(exitCodeFor(['PASS', 'FAIL', 'INCONCLUSIVE']), 1);
  assert.equal(exitCodeFor(['PASS', 'INCONCLUSIVE']), 2);
  assert.equal(exitCodeFor(['PASS', 'ERROR', 'INCONCLUSIVE']), 3);
  assert.equal(exitCodeFor(['FAIL', 'ERROR']), 1, 'a FAIL is certain evidence against the SUT');
  assert.equal(exitCodeFor(['PASS', 'WARN'], { strict: true }), 1);
  assert.equal(exitCodeFor(['PASS'], { strict: true, unexpectedPasses: 1 }), 1);
});

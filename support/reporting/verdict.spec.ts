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

test('skipped before it ran (SUT file, role, profile): N/A with the reason', () => {
  const v = decideVerdict({ findings: [], notApplicable: 'no fixed cable' });
  assert.deepEqual([v.verdict, v.reason, v.rulesBroken], ['N/A', 'no fixed cable', []]);
  // Frames between scenarios are no evidence about a case that never ran.
  assert.equal(decideVerdict({ findings: [shall], notApplicable: 'no fixed cable' }).verdict, 'N/A');
});

test('found not applicable mid-way: N/A, unless the SUT broke a SHALL before: then FAIL with the N/A reason beside it', () => {
  const na = new NotApplicable('no local list');
  assert.deepEqual([decideVerdict({ error: na, findings: [], notApplicable: na.reason }).verdict, decideVerdict({ error: na, findings: [] }).reason], ['N/A', 'no local list']);
  assert.equal(decideVerdict({ error: na, findings: [should], notApplicable: na.reason }).verdict, 'N/A', 'a SHOULD does not outrank N/A');
  const v = decideVerdict({ error: na, findings: [shall], notApplicable: na.reason });
  assert.deepEqual([v.verdict, v.rulesBroken], ['FAIL', [shall.rule]]);
  assert.equal(v.reason, '[OCPP 1.6 §6.47 StatusNotification.req] bad status\n(the case then stopped as not applicable: no local list)');
  const x = decideVerdict({ error: na, findings: [shall], notApplicable: na.reason, knownDeviation: { reason: 'ticket 9' } });
  assert.equal(x.verdict, 'XFAIL');
});

test('root cause first: a SHALL finding before a timeout leads the reason and rulesBroken; the timeout follows', () => {
  const offset: Finding = { level: 'SHALL', category: 'schema violation', rule: 'OCPP 1.6 §3.15, OCPP 1.6 §6.45 StartTransaction.req', message: 'StartTransaction.req: /timestamp has no offset', seq: 12 };
  const later: Finding = { level: 'SHALL', category: 'protocol violation', rule: 'OCPP-J 1.6 §4.1.4', message: 'id reused', seq: 15 };
  const timeout = new ConformanceAssertionError({ rule: 'OCPP 1.6 §4.8', step: 'TC_003_CS step 6', level: 'SHALL', category: 'missing message', message: 'the Charge Point did not send StartTransaction.req within 10.0 s' });
  const v = decideVerdict({ error: timeout, findings: [later, offset, should] });
  assert.equal(v.verdict, 'FAIL');
  assert.deepEqual(v.rulesBroken, [offset.rule, later.rule, 'OCPP 1.6 §4.8'], 'the older frame leads');
  const lines = v.reason.split('\n');
  assert.equal(lines[0], '[OCPP 1.6 §3.15, OCPP 1.6 §6.45 StartTransaction.req] StartTransaction.req: /timestamp has no offset [frame #12]');
  assert.equal(lines[1], '[OCPP-J 1.6 §4.1.4] id reused [frame #15]');
  assert.match(lines[2] ?? '', /^then the scenario ended on: FAIL \[OCPP 1\.6 §4\.8; TC_003_CS step 6\] the Charge Point did not send StartTransaction\.req/);
});

test('root cause first: a broken SHALL proved by a frame older than every finding leads itself', () => {
  const ending = new ConformanceAssertionError({ rule: 'OCPP 1.6 §4.9', level: 'SHALL', category: 'behaviour', message: 'no Charging', evidence: [4] });
  const v = decideVerdict({ error: ending, findings: [{ ...shall, seq: 5 }] });
  assert.deepEqual(v.rulesBroken, ['OCPP 1.6 §4.9', shall.rule]);
  assert.match(v.reason, /^FAIL \[OCPP 1\.6 §4\.9\] no Charging\n\[OCPP 1\.6 §6\.47/);
  const led = decideVerdict({ error: ending, findings: [{ ...shall, seq: 3 }] });
  assert.equal(led.rulesBroken[0], shall.rule);
});

test('a harness error after a SHALL finding: FAIL led by the finding, the harness error kept beside it', () => {
  const v = decideVerdict({ error: new HarnessError('bench down'), findings: [shall] });
  assert.deepEqual([v.verdict, v.reason], ['FAIL', '[OCPP 1.6 §6.47 StatusNotification.req] bad status\nthen the scenario ended on: bench down']);
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

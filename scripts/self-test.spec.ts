import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeFault } from './self-test';
import { chargePointFaults } from '../fixtures/reference/charge-point';
import { centralSystemFaults } from '../fixtures/reference/central-system';
import type { FaultDefinition } from '../fixtures/reference/fault';
import { scenarioResult } from '../support/reporting/test-results';
import { clausesOf } from '../support/reporting/rule-clauses';
import { SUT_FILE_RULE } from '../support/roles/central-system/sut-file-check';

const startsAfterInvalid: FaultDefinition = {
  name: 'starts-after-invalid', role: 'charge-point', description: 'x', rule: 'OCPP 1.6 §4.1', category: 'unexpected message', detectedBy: ['TC_023_CS'],
};

function failedWith(rule: string, category: 'unexpected message' | 'missing message' | 'timing', id = 'TC_023_CS') {
  return scenarioResult({
    id, verdict: 'FAIL', reason: `FAIL [${rule}] something`, rulesBroken: [rule],
    failure: { category, message: 'something', rule, level: 'SHALL' },
  });
}

test('the right clause and category in a FAIL: detected, with the rule it matched', () => {
  const o = judgeFault(startsAfterInvalid, [failedWith('OCPP 1.6 §4.1', 'unexpected message')]);
  assert.deepEqual([o.detected, o.category, o.matched], [true, 'unexpected message', { TC_023_CS: 'OCPP 1.6 §4.1' }]);
});

test('§4.1 does not match §4.10, though the text contains it', () => {
  const o = judgeFault(startsAfterInvalid, [failedWith('OCPP 1.6 §4.10', 'unexpected message')]);
  assert.equal(o.detected, false);
  assert.match(o.why, /TC_023_CS failed, but not for OCPP 1\.6 §4\.1:/);
});

test('a failure citing a sub-clause of the fault\'s clause detects it (§9.1.8 is a Core key of §9.1)', () => {
  const writable: FaultDefinition = { ...startsAfterInvalid, name: 'readonly-keys-reported-writable', rule: 'OCPP 1.6 §9.1', category: 'behaviour', detectedBy: ['EXT_CONF_001'] };
  const r = scenarioResult({ id: 'EXT_CONF_001', verdict: 'FAIL', rulesBroken: ['OCPP 1.6 §9.1.8'], failure: { category: 'behaviour', message: 'x', rule: 'OCPP 1.6 §9.1.8', level: 'SHALL' } });
  assert.deepEqual(judgeFault(writable, [r]).matched, { EXT_CONF_001: 'OCPP 1.6 §9.1.8' });
  assert.equal(judgeFault({ ...writable, rule: 'OCPP 1.6 §9.1.8' }, [{ ...r, rulesBroken: ['OCPP 1.6 §9.1'], failure: { category: 'behaviour', message: 'x', rule: 'OCPP 1.6 §9.1', level: 'SHALL' } }]).detected, false);
});

test('the right clause in another category (a timeout citing the same section) is not detected', () => {
  const o = judgeFault(startsAfterInvalid, [failedWith('OCPP 1.6 §4.1', 'missing message')]);
  assert.equal(o.detected, false);
  assert.match(o.why, /failed for OCPP 1\.6 §4\.1, but as missing message, not unexpected message/);
});

test('a monitor finding with the clause among others (schema rule with a message name) detects', () => {
  const offset: FaultDefinition = { ...startsAfterInvalid, name: 'timestamp-without-offset', rule: 'OCPP 1.6 §3.15', category: 'schema violation', detectedBy: ['TC_001_CS'] };
  const rule = 'OCPP 1.6 §3.15, OCPP 1.6 §6.47 StatusNotification.req';
  const r = scenarioResult({ id: 'TC_001_CS', verdict: 'FAIL', rulesBroken: [rule], findings: [{ level: 'SHALL', category: 'schema violation', rule, message: 'no offset', seq: 3 }] });
  assert.deepEqual(judgeFault(offset, [r]).matched, { TC_001_CS: rule });
  // A finding the verdict did not count (not in rulesBroken) proves nothing.
  assert.equal(judgeFault(offset, [{ ...r, rulesBroken: [] }]).detected, false);
});

test('a fault its scenarios judge through different checks declares each category; every scenario shows one', () => {
  const sampling: FaultDefinition = {
    ...startsAfterInvalid, name: 'sample-interval-ignored', rule: 'OCPP 1.6 errata §3.15', category: ['timing', 'missing message'], detectedBy: ['TC_070_CS', 'TC_036_CS'],
  };
  const timed = failedWith('OCPP 1.6 errata §3.15', 'timing', 'TC_070_CS');
  assert.equal(judgeFault(sampling, [timed, failedWith('OCPP 1.6 errata §3.15', 'missing message', 'TC_036_CS')]).detected, true);
  const o = judgeFault(sampling, [timed, failedWith('OCPP 1.6 errata §3.15', 'unexpected message', 'TC_036_CS')]);
  assert.match(o.why, /TC_036_CS failed for OCPP 1\.6 errata §3\.15, but as unexpected message, not timing or missing message/);
});

test('every declared scenario must detect it; ERROR, PASS and a missing scenario do not', () => {
  const two = { ...startsAfterInvalid, detectedBy: ['TC_023_CS', 'TC_023_4_CS'] };
  const one = judgeFault(two, [failedWith('OCPP 1.6 §4.1', 'unexpected message')]);
  assert.equal(one.detected, false);
  assert.match(one.why, /TC_023_4_CS did not run/);
  assert.equal(one.verdicts['TC_023_4_CS'], 'not run');
  const error = judgeFault(startsAfterInvalid, [scenarioResult({ id: 'TC_023_CS', verdict: 'ERROR', failure: { category: 'harness error', message: 'bench down' } })]);
  assert.match(error.why, /TC_023_CS ended ERROR, not FAIL/);
  assert.equal(judgeFault({ ...startsAfterInvalid, detectedBy: [] }, []).why, 'declares no scenario');
});

test('a fault of a SHOULD must WARN with a SHOULD finding of its clause and category; a FAIL is not that', () => {
  const concurrent: FaultDefinition = {
    name: 'concurrent-calls', role: 'charge-point', description: 'x', rule: 'OCPP-J 1.6 §4.1.1', category: 'protocol violation', detectedBy: ['TC_001_CS'], level: 'SHOULD',
  };
  const finding = { level: 'SHOULD' as const, category: 'protocol violation' as const, rule: 'OCPP-J 1.6 §4.1.1', message: 'second CALL', seq: 9 };
  const warned = scenarioResult({ id: 'TC_001_CS', verdict: 'WARN', rulesBroken: ['OCPP-J 1.6 §4.1.1'], findings: [finding] });
  const o = judgeFault(concurrent, [warned]);
  assert.deepEqual([o.expected, o.detected], ['WARN', true]);
  const failed = judgeFault(concurrent, [{ ...warned, verdict: 'FAIL' }]);
  assert.match(failed.why, /ended FAIL, not WARN/);
  const asShall = judgeFault(concurrent, [{ ...warned, findings: [{ ...finding, level: 'SHALL' }] }]);
  assert.equal(asShall.detected, false, 'a SHALL finding is not the SHOULD the fault breaks');
});

test('every fault of both references declares one clause id (or the SUT-file check\'s own rule) and a finding category', () => {
  const categories = new Set(['schema violation', 'protocol violation', 'unexpected message', 'missing message', 'wrong CALLERROR', 'timing', 'behaviour']);
  const all = [...chargePointFaults, ...centralSystemFaults];
  for (const f of all) {
    if (f.rule !== SUT_FILE_RULE) assert.deepEqual(clausesOf(f.rule), [f.rule], f.name);
    const declared = typeof f.category === 'string' ? [f.category] : f.category;
    assert.ok(declared.length > 0 && declared.every((c) => categories.has(c)), `${f.name}: ${String(f.category)}`);
  }
});

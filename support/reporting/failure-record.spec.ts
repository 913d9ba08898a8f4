import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEnding, leadOf, rootCauseFinding } from './failure-record';
import { firstShallFinding } from '../recording/finding';
import { ConformanceAssertionError, HarnessError, NotApplicable, OperatorTimeout } from './errors';
import { categoryOf } from './outcome';
import { renderJunit } from './junit';
import { buildSummary, renderSummaryMarkdown } from './summary';
import { decideVerdict } from './verdict';
import { scenarioResult } from './test-results';
import type { Finding } from '../recording/finding';

const offset: Finding = { level: 'SHALL', category: 'schema violation', rule: 'OCPP 1.6 §3.15, OCPP 1.6 §6.45 StartTransaction.req', message: '/timestamp has no offset', seq: 12 };
const warn: Finding = { level: 'SHOULD', category: 'protocol violation', rule: 'OCPP-J 1.6 §4.1.1', message: 'second CALL', seq: 2 };
const timeout = { category: 'missing message' as const, message: 'did not send StartTransaction.req', rule: 'OCPP 1.6 §4.8', level: 'SHALL' as const, step: 'TC_003_CS step 6' };

test('the ending of a scenario: a conformance failure with its detail, an operator timeout, a harness error, none for N/A', () => {
  const e = new ConformanceAssertionError({ rule: 'OCPP 1.6 §4.9', level: 'SHALL', category: 'behaviour', message: 'm', evidence: [3] });
  assert.deepEqual(describeEnding(e), { category: 'behaviour', message: 'm', rule: 'OCPP 1.6 §4.9', level: 'SHALL', step: undefined, expected: undefined, actual: undefined, evidence: [3] });
  assert.equal(describeEnding(new OperatorTimeout('nobody'))?.category, 'operator timeout');
  assert.equal(describeEnding(new HarnessError('down'))?.category, 'harness error');
  assert.equal(describeEnding(new NotApplicable('no')), undefined);
});

test('the first SHALL finding: SHOULDs skipped, the older frame first', () => {
  const later = { ...offset, seq: 20, rule: 'OCPP-J 1.6 §4.1.4' };
  assert.equal(firstShallFinding([warn, later, offset]), offset);
  assert.equal(firstShallFinding([warn]), undefined);
});

test('root cause: an earlier SHALL finding leads a timeout, not a failure proved by an older frame', () => {
  assert.equal(rootCauseFinding([offset], timeout), offset);
  assert.equal(rootCauseFinding([offset], { ...timeout, evidence: [11] }), undefined);
  assert.equal(rootCauseFinding([offset], { ...timeout, evidence: [13] }), offset);
  assert.equal(rootCauseFinding([offset], { level: 'SHOULD', evidence: [1] }), offset, 'a SHOULD never leads a SHALL');
  assert.equal(rootCauseFinding([warn], timeout), undefined);
});

test('the report leads with the root cause: category and rule of the first SHALL finding, else the ending', () => {
  const fail = scenarioResult({ id: 'TC_003_CS', verdict: 'FAIL', failure: timeout, findings: [warn, offset] });
  assert.deepEqual(leadOf(fail), { category: 'schema violation', message: offset.message, rule: offset.rule, level: 'SHALL', evidence: [12] });
  assert.equal(categoryOf(fail), 'schema violation');
  const plain = scenarioResult({ id: 'TC_003_CS', verdict: 'FAIL', failure: timeout, findings: [warn] });
  assert.equal(leadOf(plain), timeout);
  assert.equal(categoryOf(plain), 'missing message');
  const harness = scenarioResult({ id: 'TC_003_CS', verdict: 'FAIL', failure: { category: 'harness error', message: 'down' }, findings: [offset] });
  assert.equal(leadOf(harness)?.rule, offset.rule);
  const error = scenarioResult({ id: 'TC_003_CS', verdict: 'ERROR', failure: { category: 'harness error', message: 'down' }, findings: [] });
  assert.equal(leadOf(error)?.category, 'harness error');
});

test('root cause first everywhere: the verdict reason, summary.md and junit.xml lead with the finding', () => {
  const error = new ConformanceAssertionError(timeout);
  const outcome = decideVerdict({ error, findings: [offset] });
  const r = scenarioResult({ id: 'TC_003_CS', verdict: outcome.verdict, reason: outcome.reason, rulesBroken: outcome.rulesBroken, failure: describeEnding(error), findings: [offset] });
  assert.deepEqual(r.rulesBroken, [offset.rule, 'OCPP 1.6 §4.8']);
  const row = renderSummaryMarkdown(buildSummary([r], undefined)).split('\n').find((l) => l.startsWith('| TC_003_CS'));
  assert.match(row ?? '', /\| FAIL \| Schema violation \| OCPP 1\.6 §3\.15, OCPP 1\.6 §6\.45 StartTransaction\.req; OCPP 1\.6 §4\.8 \| \[OCPP 1\.6 §3\.15[^|]*no offset/);
  assert.match(renderJunit([r]), /<failure type="FAIL" message="\[OCPP 1\.6 §3\.15, OCPP 1\.6 §6\.45 StartTransaction\.req\] \/timestamp has no offset \[frame #12\]">/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSummary, renderSummaryMarkdown } from './summary';
import { everyVerdict, sampleRun } from './test-results';

const run = sampleRun;

test('summary.json: per test case id, title, role, profile, verdict, reason, rules, duration, trace', () => {
  const s = buildSummary(everyVerdict(), run);
  assert.equal(s.exitCode, 1);
  assert.equal(s.closingLine, '4 passed, 3 failed, 1 skipped');
  assert.match(s.notice, /not an OCA certification/);
  const fail = s.testCases.find((t) => t.id === 'TC_003_CS');
  assert.deepEqual(
    { verdict: fail?.verdict, outcome: fail?.outcome, role: fail?.role, profile: fail?.profile, category: fail?.category, durationMs: fail?.durationMs, rules: fail?.rulesBroken },
    { verdict: 'FAIL', outcome: 'failed', role: 'charge-point', profile: 'Core', category: 'Missing message (timeout)', durationMs: 1234, rules: ['OCPP 1.6 §4.9'] },
  );
  assert.deepEqual(Object.keys(fail ?? {}).filter((k) => ['title', 'reason', 'rulesChecked', 'trace'].includes(k)).sort(), ['reason', 'rulesChecked', 'title', 'trace']);
});

test('summary.md: a table per role and profile, then what failed and the declared N/A and deviations with reasons', () => {
  const md = renderSummaryMarkdown(buildSummary(everyVerdict(), run));
  assert.match(md, /not an OCA certification/);
  assert.match(md, /\*\*4 passed, 3 failed, 1 skipped\*\* · exit code 1/);
  assert.match(md, /\| Role under test \| Profile \| PASS \| FAIL \| WARN \| N\/A \| INCONCLUSIVE \| ERROR \| XFAIL \| Total \|/);
  assert.match(md, /\| Charge Point \| Core \| 1 \| 1 \| 1 \| 0 \| 1 \| 1 \| 1 \| 6 \|/);
  assert.match(md, /\| Charge Point \| LocalAuthListManagement \| 0 \| 0 \| 0 \| 1 \| 0 \| 0 \| 0 \| 1 \|/);
  assert.match(md, /### Failed, warned or inconclusive[\s\S]*TC_003_CS[\s\S]*TC_010_CS/);
  const declared = md.slice(md.indexOf('### Known deviations and not applicable'));
  assert.match(declared, /TC_021_CS[^\n]*\| XFAIL \| known deviation \(ticket 42\)/);
  assert.match(declared, /TC_042_1_CS[^\n]*\| N\/A \| the SUT file does not list/);
  assert.match(md, /TC_001_CSMS[^\n]*PASS \(declared a known deviation\)/);
});

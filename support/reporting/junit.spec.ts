import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJunit } from './junit';
import { everyVerdict } from './test-results';

function testcase(xml: string, id: string): string {
  const start = xml.indexOf(`<testcase name="${id} `);
  assert.ok(start >= 0, `no testcase for ${id}`);
  return xml.slice(start, xml.indexOf('</testcase>', start));
}

test('one testcase per test case id, in one testsuite per role and profile, with totals', () => {
  const xml = renderJunit(everyVerdict());
  assert.equal(xml.match(/<testcase /g)?.length, 8);
  assert.match(xml, /<testsuites name="ocpp-conformance" tests="8" failures="1" errors="1" skipped="3"/);
  assert.match(xml, /<testsuite name="Charge Point \/ Core" tests="6"/);
  assert.match(xml, /<testsuite name="Charge Point \/ LocalAuthListManagement" tests="1"/);
  assert.match(xml, /<testsuite name="Central System \/ Core" tests="1"/);
});

test('each verdict as CI tools read it', () => {
  const xml = renderJunit(everyVerdict());
  assert.doesNotMatch(testcase(xml, 'TC_001_CS'), /<failure|<error|<skipped/);
  assert.match(testcase(xml, 'TC_003_CS'), /<failure type="FAIL" message="why TC_003_CS is FAIL">/);
  assert.match(testcase(xml, 'TC_013_CS'), /<error type="ERROR"/);
  assert.match(testcase(xml, 'TC_042_1_CS'), /<skipped message="N\/A: the SUT file does not list/);
  assert.match(testcase(xml, 'TC_010_CS'), /<skipped type="INCONCLUSIVE"/);
  assert.match(testcase(xml, 'TC_021_CS'), /<skipped type="XFAIL"/);
  assert.doesNotMatch(testcase(xml, 'TC_019_CS'), /<failure/);
  assert.match(testcase(xml, 'TC_019_CS'), /<property name="verdict" value="WARN"\/>/);
});

test('--strict: a WARN and an unexpected pass are failures', () => {
  const xml = renderJunit(everyVerdict(), { strict: true });
  assert.match(testcase(xml, 'TC_019_CS'), /<failure type="WARN"/);
  assert.match(testcase(xml, 'TC_001_CSMS'), /<failure type="XPASS"/);
  assert.match(xml, /<testsuites [^>]*failures="3"/);
});

test('text from the SUT is escaped, control characters replaced', () => {
  const [, fail] = everyVerdict();
  const xml = renderJunit([{ ...fail!, reason: 'a <b> & "c" \u0001 d' }]);
  assert.match(xml, /a &lt;b&gt; &amp; &quot;c&quot; \ufffd d/);
  assert.doesNotMatch(xml, /\u0001/);
});

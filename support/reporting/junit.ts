/**
 * `junit.xml` for CI test views: one <testcase> per test case id, grouped in one <testsuite> per role under test and
 * profile. FAIL → <failure>, ERROR → <error>, N/A → <skipped>, INCONCLUSIVE and XFAIL → <skipped type=…> (as
 * pytest reports xfail); WARN passes with its reason in <system-out>, or fails under --strict. Each test case carries
 * its verdict and rules as properties and its trace path in <system-out>.
 */
import { byRoleAndProfile, failsOnlyWhenStrict, roleTitle, type OutcomeOptions } from './outcome';
import type { ScenarioResult } from './scenario-result';

export function escapeXmlText(text: string): string {
  // XML 1.0 forbids most control characters even escaped; a SUT may send anything.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function testcase(r: ScenarioResult, options: OutcomeOptions): string {
  const attrs = `name="${escapeXmlText(`${r.id} ${r.title}`)}" classname="${escapeXmlText(`${r.role}.${r.profile}`)}" time="${seconds(r.durationMs)}" file="${escapeXmlText(r.feature)}"${r.line ? ` line="${r.line}"` : ''}`;
  const reason = escapeXmlText(firstLine(r.reason));
  const body: string[] = [];
  const props = [['verdict', r.verdict], ['profile', r.profile], ['rulesChecked', r.rulesChecked.join('; ')], ['rulesBroken', r.rulesBroken.join('; ')]]
    .filter(([, v]) => v)
    .map(([k, v]) => `        <property name="${k}" value="${escapeXmlText(v as string)}"/>`);
  body.push(`      <properties>\n${props.join('\n')}\n      </properties>`);
  const strictFailure = options.strict && failsOnlyWhenStrict(r);
  if (r.verdict === 'FAIL' || strictFailure) {
    const type = r.verdict === 'PASS' ? 'XPASS' : r.verdict;
    body.push(`      <failure type="${type}" message="${reason}">${escapeXmlText(r.reason)}</failure>`);
  } else if (r.verdict === 'ERROR') {
    body.push(`      <error type="ERROR" message="${reason}">${escapeXmlText(r.reason)}</error>`);
  } else if (r.verdict === 'N/A') {
    body.push(`      <skipped message="N/A: ${reason}"/>`);
  } else if (r.verdict === 'INCONCLUSIVE' || r.verdict === 'XFAIL') {
    body.push(`      <skipped type="${r.verdict}" message="${r.verdict}: ${reason}"/>`);
  }
  const out = [`verdict: ${r.verdict}`, r.reason && `reason: ${r.reason}`, r.trace && `trace: ${r.trace}`].filter(Boolean).join('\n');
  body.push(`      <system-out>${escapeXmlText(out)}</system-out>`);
  return `    <testcase ${attrs}>\n${body.join('\n')}\n    </testcase>`;
}

export function renderJunit(results: readonly ScenarioResult[], options: OutcomeOptions = {}): string {
  const count = (rs: readonly ScenarioResult[]): { failures: number; errors: number; skipped: number; time: number } => ({
    failures: rs.filter((r) => r.verdict === 'FAIL' || (options.strict && failsOnlyWhenStrict(r))).length,
    errors: rs.filter((r) => r.verdict === 'ERROR').length,
    skipped: rs.filter((r) => r.verdict === 'N/A' || r.verdict === 'INCONCLUSIVE' || r.verdict === 'XFAIL').length,
    time: rs.reduce((t, r) => t + r.durationMs, 0),
  });
  const suites = byRoleAndProfile(results).map((g) => {
    const c = count(g.results);
    const name = `${roleTitle(g.role)} / ${g.profile}`;
    return [
      `  <testsuite name="${escapeXmlText(name)}" tests="${g.results.length}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(c.time)}">`,
      ...g.results.map((r) => testcase(r, options)),
      '  </testsuite>',
    ].join('\n');
  });
  const all = count(results);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ocpp-conformance" tests="${results.length}" failures="${all.failures}" errors="${all.errors}" skipped="${all.skipped}" time="${seconds(all.time)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

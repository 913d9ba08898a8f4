/**
 * The machine-readable summaries: `summary.json` (one entry per test case, for scripts and dashboards) and
 * `summary.md` (per role and profile a verdict table, then what failed and why, for a pull-request comment).
 */
import { NOTICE } from './allure-results';
import { byRoleAndProfile, categoryOf, CATEGORY_TITLES, closingLine, countVerdicts, exitCodeOf, roleTitle, tally, type OutcomeOptions } from './outcome';
import type { RunFile } from './run-record';
import { formatRunNote, type RunNote } from './run-notes';
import type { ScenarioResult } from './scenario-result';
import { VERDICTS } from './verdict';

export interface SummaryEntry {
  readonly id: string;
  readonly title: string;
  readonly role: string;
  readonly profile: string;
  readonly verdict: string;
  /** passed / failed / skipped, as the closing line counts it. */
  readonly outcome: string;
  readonly reason: string;
  readonly category?: string;
  readonly rulesChecked: readonly string[];
  readonly rulesBroken: readonly string[];
  readonly unexpectedPass: boolean;
  readonly durationMs: number;
  /** The JSONL wire trace, relative to the reports folder. */
  readonly trace?: string;
  readonly feature: string;
  readonly line?: number;
  readonly sut: string;
}

export interface Summary {
  readonly notice: string;
  readonly harness?: RunFile['harness'];
  readonly catalogue?: string;
  readonly node?: string;
  readonly runs: RunFile['runs'];
  readonly exitCode: number;
  readonly closingLine: string;
  readonly counts: Record<string, number>;
  readonly testCases: readonly SummaryEntry[];
  /** What happened outside the test cases (a refused stranger, a forced teardown). */
  readonly notes: readonly RunNote[];
}

export function buildSummary(results: readonly ScenarioResult[], run: RunFile | undefined, options: OutcomeOptions = {}, notes: readonly RunNote[] = []): Summary {
  return {
    notice: NOTICE,
    harness: run?.harness,
    catalogue: run?.catalogue,
    node: run?.node,
    runs: run?.runs ?? [],
    exitCode: exitCodeOf(results, options),
    closingLine: closingLine(results, options),
    counts: countVerdicts(results),
    testCases: results.map((r) => {
      const category = categoryOf(r);
      return {
        id: r.id, title: r.title, role: r.role, profile: r.profile, verdict: r.verdict, outcome: tally(r, options), reason: r.reason,
        ...(category ? { category: CATEGORY_TITLES[category] } : {}),
        rulesChecked: r.rulesChecked, rulesBroken: r.rulesBroken, unexpectedPass: r.unexpectedPass,
        durationMs: Math.round(r.durationMs), trace: r.trace, feature: r.feature, line: r.line, sut: r.sut,
      };
    }),
    notes,
  };
}

/** A Markdown table cell: one line, pipes escaped. */
function cell(text: string, max = 200): string {
  const one = text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function renderSummaryMarkdown(summary: Summary): string {
  const out: string[] = [];
  const suts = summary.runs.map((r) => `${r.sutName} (${roleTitle(r.role)} under test)`).join(', ');
  out.push(`## OCPP 1.6-J conformance${suts ? `: ${suts}` : ''}`, '');
  out.push(`> ${summary.notice}`, '');
  const interrupted = summary.runs.some((r) => r.interrupted) ? ' · **interrupted**: only finished test cases are counted' : '';
  out.push(`**${summary.closingLine}** · exit code ${summary.exitCode}${interrupted}`, '');
  const shown = VERDICTS.filter((v) => summary.testCases.some((t) => t.verdict === v) || ['PASS', 'FAIL', 'N/A'].includes(v));
  out.push(`| Role under test | Profile | ${shown.join(' | ')} | Total |`);
  out.push(`| --- | --- | ${shown.map(() => '---:').join(' | ')} | ---: |`);
  for (const g of byRoleAndProfile(summary.testCases)) {
    const counts = countVerdicts(g.results);
    out.push(`| ${roleTitle(g.role)} | ${g.profile} | ${shown.map((v) => counts[v]).join(' | ')} | ${g.results.length} |`);
  }
  const total = countVerdicts(summary.testCases);
  out.push(`| **All** | | ${shown.map((v) => `**${total[v]}**`).join(' | ')} | **${summary.testCases.length}** |`, '');
  if (summary.notes?.length) {
    out.push('### Run notes', '', ...summary.notes.map((n) => `- ${cell(formatRunNote(n), 400)}`), '');
  }

  const problems = summary.testCases.filter((t) => t.outcome === 'failed' || t.verdict === 'WARN');
  if (problems.length) {
    out.push('### Failed, warned or inconclusive', '', '| Test case | Verdict | Category | Rule | Reason |', '| --- | --- | --- | --- | --- |');
    for (const t of problems) out.push(`| ${t.id} ${cell(t.title, 80)} | ${t.verdict} | ${t.category ?? ''} | ${cell(t.rulesBroken.join('; '))} | ${cell(t.reason)} |`);
    out.push('');
  }
  const declared = summary.testCases.filter((t) => t.verdict === 'XFAIL' || t.verdict === 'N/A' || t.unexpectedPass);
  if (declared.length) {
    out.push('### Known deviations and not applicable', '', '| Test case | Verdict | Reason |', '| --- | --- | --- |');
    for (const t of declared) out.push(`| ${t.id} ${cell(t.title, 80)} | ${t.unexpectedPass ? 'PASS (declared a known deviation)' : t.verdict} | ${cell(t.reason)} |`);
    out.push('');
  }
  const meta = [summary.harness && `${summary.harness.name} ${summary.harness.version}`, summary.catalogue, summary.node && `Node.js ${summary.node}`].filter(Boolean);
  if (meta.length) out.push(`<sub>${meta.join(' · ')}</sub>`, '');
  return out.join('\n');
}

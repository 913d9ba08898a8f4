/**
 * The end of a run on the console: a table per role under test and profile (one column per verdict that occurred,
 * PASS/FAIL/N/A always), where the reports are, and last the closing line `N passed, N failed, N skipped`.
 */
import { relative } from 'node:path';
import { byRoleAndProfile, closingLine, countVerdicts, roleTitle, type OutcomeOptions } from './outcome';
import type { ScenarioResult } from './scenario-result';
import { VERDICTS } from './verdict';
import type { WrittenReports } from './write-reports';
import { formatRunNote } from './run-notes';

export function renderProfileTable(results: readonly ScenarioResult[]): string {
  const shown = VERDICTS.filter((v) => results.some((r) => r.verdict === v) || ['PASS', 'FAIL', 'N/A'].includes(v));
  const rows: string[][] = [['Role under test', 'Profile', ...shown, 'Total']];
  for (const g of byRoleAndProfile(results)) {
    const c = countVerdicts(g.results);
    rows.push([roleTitle(g.role), g.profile, ...shown.map((v) => String(c[v])), String(g.results.length)]);
  }
  const all = countVerdicts(results);
  rows.push(['All', '', ...shown.map((v) => String(all[v])), String(results.length)]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]): string => r.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0] as string[]), rule, ...rows.slice(1, -1).map(line), rule, line(rows[rows.length - 1] as string[])].join('\n');
}

export interface ConsoleSummaryOptions extends OutcomeOptions {
  readonly interrupted?: boolean;
  /** Test cases Cucumber planned, to say how many an interruption left out. */
  readonly planned?: number;
}

export function renderConsoleSummary(written: WrittenReports, options: ConsoleSummaryOptions = {}): string {
  const { results } = written;
  const out: string[] = [''];
  if (results.length > 0) out.push(renderProfileTable(results), '');
  const notes = written.summary.notes ?? [];
  if (notes.length > 0) out.push('Run notes:', ...notes.map((n) => `  - ${formatRunNote(n)}`), '');
  if (options.interrupted) out.push('Interrupted: the test cases that finished are reported; those still running were stopped (their wire traces are kept).', '');
  const rel = (p: string): string => {
    const r = relative(process.cwd(), p);
    return r && !r.startsWith('..') ? r : p;
  };
  const files = [written.files.html, written.files.junit, written.files.summaryJson, written.files.summaryMd].filter((f): f is string => Boolean(f));
  out.push(`Reports: ${files.map(rel).join(', ')}`);
  if (written.htmlError) out.push(`The HTML report was not written: ${written.htmlError}`);
  out.push(closingLine(results, options));
  return `${out.join('\n')}\n`;
}

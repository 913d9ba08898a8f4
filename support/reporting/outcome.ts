/**
 * How each verdict shows in the outputs, decided in one place so the console, JUnit, the summaries and Allure agree:
 *
 *   verdict        counts as        Allure status             JUnit
 *   PASS           passed           passed                    (pass)
 *   FAIL           failed           failed                    <failure>
 *   WARN           passed*          passed* (tag WARN)        (pass, system-out)*
 *   N/A            skipped          skipped                   <skipped>
 *   INCONCLUSIVE   failed           unknown                   <skipped type="INCONCLUSIVE">
 *   ERROR          failed           broken                    <error>
 *   XFAIL          passed           failed, known (accepted)  <skipped type="XFAIL">
 *
 * (*) With --strict a WARN, and a PASS of a declared known deviation, count as failed (Allure failed, JUnit
 * <failure>), since they fail the run.
 */
import type { ScenarioResult } from './scenario-result';
import { exitCodeFor, VERDICTS, type Verdict } from './verdict';
import { leadOf, type ReportCategory } from './failure-record';
import categoryTitles from './categories.json';

export type Tally = 'passed' | 'failed' | 'skipped';
export type AllureStatus = 'passed' | 'failed' | 'broken' | 'skipped' | 'unknown';

export interface OutcomeOptions {
  readonly strict?: boolean;
}

/** A result that fails the run only because of --strict. */
export function failsOnlyWhenStrict(r: Pick<ScenarioResult, 'verdict' | 'unexpectedPass'>): boolean {
  return r.verdict === 'WARN' || (r.verdict === 'PASS' && r.unexpectedPass);
}

export function tally(r: Pick<ScenarioResult, 'verdict' | 'unexpectedPass'>, options: OutcomeOptions = {}): Tally {
  if (options.strict && failsOnlyWhenStrict(r)) return 'failed';
  switch (r.verdict) {
    case 'PASS':
    case 'WARN':
    case 'XFAIL':
      return 'passed';
    case 'N/A':
      return 'skipped';
    default:
      return 'failed';
  }
}

export function allureStatus(r: Pick<ScenarioResult, 'verdict' | 'unexpectedPass'>, options: OutcomeOptions = {}): AllureStatus {
  if (options.strict && failsOnlyWhenStrict(r)) return 'failed';
  switch (r.verdict) {
    case 'PASS':
    case 'WARN':
      return 'passed';
    case 'FAIL':
    case 'XFAIL':
      return 'failed';
    case 'N/A':
      return 'skipped';
    case 'INCONCLUSIVE':
      return 'unknown';
    case 'ERROR':
      return 'broken';
  }
}

/** The closing line CI reads: `N passed, N failed, N skipped`. */
export function closingLine(results: readonly Pick<ScenarioResult, 'verdict' | 'unexpectedPass'>[], options: OutcomeOptions = {}): string {
  const n = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) n[tally(r, options)]++;
  return `${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped`;
}

export function exitCodeOf(results: readonly Pick<ScenarioResult, 'verdict' | 'unexpectedPass'>[], options: OutcomeOptions = {}): 0 | 1 | 2 | 3 {
  return exitCodeFor(results.map((r) => r.verdict), { strict: options.strict, unexpectedPasses: results.filter((r) => r.unexpectedPass).length });
}

export type VerdictCounts = Record<Verdict, number>;

export function countVerdicts(results: readonly { readonly verdict: string }[]): VerdictCounts {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictCounts;
  for (const r of results) if (r.verdict in counts) counts[r.verdict as Verdict]++;
  return counts;
}

/** `Charge Point` / `Central System`: the role under test as the report names it (Allure epic). */
export function roleTitle(role: string | undefined): string {
  return role === 'central-system' ? 'Central System' : role === 'charge-point' ? 'Charge Point' : 'Unknown role';
}

/** Results grouped by role under test and profile, in a stable order (Charge Point first, Core first). */
export function byRoleAndProfile<T extends { readonly role: string; readonly profile: string }>(results: readonly T[]): Array<{ role: string; profile: string; results: T[] }> {
  const groups = new Map<string, { role: string; profile: string; results: T[] }>();
  for (const r of results) {
    const key = `${r.role}\u0000${r.profile}`;
    const g = groups.get(key) ?? { role: r.role, profile: r.profile, results: [] };
    g.results.push(r);
    groups.set(key, g);
  }
  const roleRank = (role: string): number => (role === 'charge-point' ? 0 : 1);
  const rank = (p: string): string => (p === 'Core' ? ' ' : p);
  return [...groups.values()].sort((a, b) => roleRank(a.role) - roleRank(b.role) || rank(a.profile).localeCompare(rank(b.profile)));
}

/** The one category a result is filed under in the report, or undefined for a PASS or N/A. */
export function categoryOf(r: Pick<ScenarioResult, 'verdict' | 'failure' | 'findings'>): ReportCategory | undefined {
  switch (r.verdict) {
    case 'PASS':
    case 'N/A':
      return undefined;
    case 'ERROR':
      return 'harness error';
    case 'INCONCLUSIVE':
      return 'operator timeout';
    default: {
      const level = r.verdict === 'WARN' ? 'SHOULD' : 'SHALL';
      // The root cause's category, as the headline names it (issue 10).
      const lead = leadOf(r);
      if (lead && lead.category !== 'harness error' && lead.category !== 'operator timeout') return lead.category;
      return (r.findings.find((f) => f.level === level) ?? r.findings[0])?.category ?? 'behaviour';
    }
  }
}

/** Category names as the report shows them (also read by allurerc.mjs for the report's categories). */
export const CATEGORY_TITLES: Readonly<Record<ReportCategory, string>> = categoryTitles;

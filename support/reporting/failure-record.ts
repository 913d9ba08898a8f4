/**
 * How a scenario ended, kept in its result file for the reports: the rule broken with expected vs actual and the
 * frames that prove it (a conformance failure), or the harness error, or the operator step that did not happen.
 *
 * And what the report leads with (issue 10, "root cause first"): when the protocol monitor recorded a SHALL finding
 * before the scenario ended on a failure (a timeout "did not send StartTransaction.req" after the charger's
 * StartTransaction.req with a timestamp without offset was answered with a CALLERROR), the first SHALL finding is
 * the root cause and leads; the ending follows as its consequence.
 */
import { firstShallFinding, type Finding, type FindingCategory, type FindingLevel } from '../recording/finding';
import { ConformanceAssertionError, NotApplicable, OperatorTimeout } from './errors';
import type { ScenarioResult } from './scenario-result';

/** The report's categories: the finding categories plus the two endings that say nothing about the SUT. */
export type ReportCategory = FindingCategory | 'harness error' | 'operator timeout';

export interface FailureRecord {
  readonly category: ReportCategory;
  readonly message: string;
  readonly rule?: string;
  readonly level?: FindingLevel;
  /** The test case step, e.g. `TC_003_CS step 7`. */
  readonly step?: string;
  readonly expected?: string;
  readonly actual?: string;
  /** Sequence numbers of the frames that prove it. */
  readonly evidence?: readonly number[];
}

/** The record of the error that ended a scenario; undefined when none did (or the case was not applicable). */
export function describeEnding(error: unknown): FailureRecord | undefined {
  if (error === undefined || error === null || error instanceof NotApplicable) return undefined;
  if (error instanceof ConformanceAssertionError) {
    const d = error.detail;
    return {
      category: d.category, message: d.message, rule: d.rule, level: d.level, step: d.step,
      expected: d.expected, actual: d.actual, evidence: d.evidence,
    };
  }
  if (error instanceof OperatorTimeout) return { category: 'operator timeout', message: error.message };
  return { category: 'harness error', message: error instanceof Error ? error.message : String(error) };
}

/**
 * The SHALL finding that is the root cause of a scenario's failure, or undefined when the ending leads. The first
 * SHALL finding leads, unless the ending is itself a broken SHALL proved by a frame older than the finding's (then
 * the ending happened first). A timeout names no frame of its own, so an earlier finding always leads it.
 */
export function rootCauseFinding(findings: readonly Finding[], ending?: { readonly level?: FindingLevel; readonly evidence?: readonly number[] }): Finding | undefined {
  const first = firstShallFinding(findings);
  if (!first) return undefined;
  const evidence = ending?.level === 'SHALL' ? ending.evidence ?? [] : [];
  if (first.seq !== undefined && evidence.length > 0 && Math.min(...evidence) < first.seq) return undefined;
  return first;
}

/** A finding as a failure record, for the report's headline. */
export function findingRecord(f: Finding): FailureRecord {
  return { category: f.category, message: f.message, rule: f.rule, level: f.level, ...(f.seq !== undefined ? { evidence: [f.seq] } : {}) };
}

/**
 * What the report leads with for a result: the root-cause SHALL finding of a FAIL or XFAIL when it came before the
 * ending, else how the scenario ended.
 */
export function leadOf(r: Pick<ScenarioResult, 'verdict' | 'failure' | 'findings'>): FailureRecord | undefined {
  if (r.verdict === 'FAIL' || r.verdict === 'XFAIL') {
    const cause = rootCauseFinding(r.findings, r.failure);
    if (cause) return findingRecord(cause);
  }
  return r.failure;
}

/**
 * How a scenario ended, kept in its result file for the reports: the rule broken with expected vs actual and the
 * frames that prove it (a conformance failure), or the harness error, or the operator step that did not happen.
 */
import type { FindingCategory, FindingLevel } from '../recording/finding';
import { ConformanceAssertionError, NotApplicable, OperatorTimeout } from './errors';

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

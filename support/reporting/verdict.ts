/**
 * Verdicts and exit codes. A scenario's verdict is decided once, after it ran, from how it ended and what the
 * protocol monitor found; the run's exit code from all verdicts. A FAIL leads with its root cause: the first SHALL
 * finding recorded before the scenario ended (support/reporting/failure-record.ts).
 *
 *   PASS          every check held
 *   FAIL          the SUT broke a SHALL
 *   WARN          the SUT broke only SHOULDs
 *   N/A           the case does not apply to this SUT (reason given); a case found not applicable mid-way after
 *                 the SUT broke a SHALL is FAIL, with the N/A reason beside the finding
 *   INCONCLUSIVE  an operator or rig step did not happen in time
 *   ERROR         the harness or its configuration failed: nothing is said about the SUT
 *   XFAIL         the SUT failed where its SUT file declares a known deviation
 */
import type { Finding } from '../recording/finding';
import { ConformanceAssertionError, NotApplicable, OperatorTimeout } from './errors';
import { rootCauseFinding } from './failure-record';

export const VERDICTS = ['PASS', 'FAIL', 'WARN', 'N/A', 'INCONCLUSIVE', 'ERROR', 'XFAIL'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface VerdictInput {
  /** The error that ended the scenario, if any (a step's or a hook's). */
  readonly error?: unknown;
  /** Findings of the protocol monitor and of steps that reported without stopping. */
  readonly findings: readonly Finding[];
  /** Set when the SUT file declares this case a known deviation. */
  readonly knownDeviation?: { readonly reason: string; readonly link?: string };
  /** Set when the case was skipped as not applicable. */
  readonly notApplicable?: string;
}

export interface VerdictOutcome {
  readonly verdict: Verdict;
  /** One or more sentences: why this verdict. */
  readonly reason: string;
  /** Clauses the scenario found broken. */
  readonly rulesBroken: readonly string[];
  /** A declared known deviation that passed: --strict fails the run on it. */
  readonly unexpectedPass: boolean;
}

function unique(items: Iterable<string>): string[] {
  return [...new Set(items)];
}

function findingLine(f: Finding): string {
  return `[${f.rule}] ${f.message}${f.seq !== undefined ? ` [frame #${f.seq}]` : ''}`;
}

/** How the scenario ended, as the line that follows its root cause. */
function endingLine(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  if (error instanceof NotApplicable) return `(the case then stopped as not applicable: ${error.reason})`;
  return `then the scenario ended on: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * A broken SHALL, root cause first (issue 10): the first SHALL finding leads when it came before the ending (see
 * `rootCauseFinding`), the other SHALL findings follow in time order, then how the scenario ended; rulesBroken in
 * the same order. Otherwise the ending leads, as the step that failed reported it.
 */
function brokenShall(error: unknown, failure: ConformanceAssertionError | undefined, shall: readonly Finding[]): { reason: string; rules: string[] } {
  const cause = rootCauseFinding(shall, failure?.detail);
  if (!cause) {
    const ending = failure as ConformanceAssertionError;
    return { reason: [ending.message, ...shall.map(findingLine)].join('\n'), rules: unique([ending.detail.rule, ...shall.map((f) => f.rule)]) };
  }
  const ordered = [cause, ...shall.filter((f) => f !== cause)];
  const ending = endingLine(error);
  return {
    reason: [...ordered.map(findingLine), ...(ending ? [ending] : [])].join('\n'),
    rules: unique([...ordered.map((f) => f.rule), ...(failure ? [failure.detail.rule] : [])]),
  };
}

export function decideVerdict(input: VerdictInput): VerdictOutcome {
  const { error, findings, knownDeviation } = input;
  const shall = findings.filter((f) => f.level === 'SHALL');
  const should = findings.filter((f) => f.level === 'SHOULD');
  // Skipped before it ran (the SUT file, the role, the profile): nothing of the SUT was judged.
  const skipped = input.notApplicable !== undefined && !(error instanceof NotApplicable);
  // Found not applicable mid-way: a SHALL the SUT broke before that decision still makes the case FAIL.
  if (skipped || (error instanceof NotApplicable && shall.length === 0)) {
    const reason = skipped ? (input.notApplicable as string) : (error as NotApplicable).reason;
    return { verdict: 'N/A', reason, rulesBroken: [], unexpectedPass: false };
  }
  const failure = error instanceof ConformanceAssertionError ? error : undefined;
  const failedShall = (failure && failure.detail.level === 'SHALL') || shall.length > 0;

  if (failedShall) {
    const { reason, rules } = brokenShall(error, failure, shall);
    if (knownDeviation) {
      return { verdict: 'XFAIL', reason: `known deviation (${knownDeviation.reason}): ${reason}`, rulesBroken: rules, unexpectedPass: false };
    }
    return { verdict: 'FAIL', reason, rulesBroken: rules, unexpectedPass: false };
  }
  if (error instanceof OperatorTimeout) {
    return { verdict: 'INCONCLUSIVE', reason: error.message, rulesBroken: [], unexpectedPass: false };
  }
  if (error !== undefined && !(failure && failure.detail.level === 'SHOULD')) {
    const message = error instanceof Error ? error.message : String(error);
    return { verdict: 'ERROR', reason: message, rulesBroken: [], unexpectedPass: false };
  }
  if (should.length > 0 || failure) {
    const rules = unique([...(failure ? [failure.detail.rule] : []), ...should.map((f) => f.rule)]);
    const reason = [...(failure ? [failure.message] : []), ...should.map((f) => `[${f.rule}] ${f.message}`)].join('\n');
    return { verdict: 'WARN', reason, rulesBroken: rules, unexpectedPass: false };
  }
  if (knownDeviation) {
    return { verdict: 'PASS', reason: `passed although declared a known deviation (${knownDeviation.reason})`, rulesBroken: [], unexpectedPass: true };
  }
  return { verdict: 'PASS', reason: '', rulesBroken: [], unexpectedPass: false };
}

/** Exit codes: 0 nothing failed; 1 the SUT failed at least one case; 2 only inconclusive cases; 3 harness error. */
export function exitCodeFor(verdicts: readonly Verdict[], options: { strict?: boolean; unexpectedPasses?: number } = {}): 0 | 1 | 2 | 3 {
  // A FAIL is certain evidence against the SUT, so it decides even when another case hit a harness error.
  if (verdicts.includes('FAIL')) return 1;
  if (verdicts.includes('ERROR')) return 3;
  if (options.strict && (verdicts.includes('WARN') || (options.unexpectedPasses ?? 0) > 0)) return 1;
  if (verdicts.includes('INCONCLUSIVE')) return 2;
  return 0;
}

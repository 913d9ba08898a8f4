/**
 * Verdicts and exit codes. A scenario's verdict is decided once, after it ran, from how it ended and what the
 * protocol monitor found; the run's exit code from all verdicts.
 *
 *   PASS          every check held
 *   FAIL          the SUT broke a SHALL
 *   WARN          the SUT broke only SHOULDs
 *   N/A           the case does not apply to this SUT (reason given)
 *   INCONCLUSIVE  an operator or rig step did not happen in time
 *   ERROR         the harness or its configuration failed: nothing is said about the SUT
 *   XFAIL         the SUT failed where its SUT file declares a known deviation
 */
import type { Finding } from '../recording/finding';
import { ConformanceAssertionError, NotApplicable, OperatorTimeout } from './errors';

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

export function decideVerdict(input: VerdictInput): VerdictOutcome {
  const { error, findings, knownDeviation } = input;
  if (input.notApplicable !== undefined || error instanceof NotApplicable) {
    const reason = input.notApplicable ?? (error as NotApplicable).reason;
    return { verdict: 'N/A', reason, rulesBroken: [], unexpectedPass: false };
  }
  const shall = findings.filter((f) => f.level === 'SHALL');
  const should = findings.filter((f) => f.level === 'SHOULD');
  const failure = error instanceof ConformanceAssertionError ? error : undefined;
  const failedShall = (failure && failure.detail.level === 'SHALL') || shall.length > 0;

  if (failedShall) {
    const rules = unique([...(failure ? [failure.detail.rule] : []), ...shall.map((f) => f.rule)]);
    const reason = failure ? failure.message : shall.map((f) => `[${f.rule}] ${f.message}`).join('\n');
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

/**
 * The two families of failure, kept apart everywhere (STYLE: "the system is wrong" vs "our tooling is down"):
 *
 * - `ConformanceAssertionError`: the system under test broke a rule. FAIL (SHALL) or WARN (SHOULD); Allure shows
 *   it as *failed* (the class name contains "Assertion", which is how Allure tells a failed from a broken test).
 * - `HarnessError`: the harness, its configuration or the environment failed; nothing is said about the SUT.
 *   ERROR; Allure *broken*.
 *
 * Plus the outcomes that are neither: `OperatorTimeout` (INCONCLUSIVE: a person or rig did not act in time),
 * `NotApplicable` (N/A: the SUT does not support what the case needs), and `ConfigError` (bad input to the
 * harness: one sentence naming the field or address, exit code 3).
 */
import { firstShallFinding, type Finding, type FindingCategory, type FindingLevel } from '../recording/finding';

export interface FailureDetail {
  /** The clause broken, e.g. `OCPP 1.6 §4.9`, `OCPP-J errata §3.8`. */
  readonly rule: string;
  readonly level: FindingLevel;
  readonly category: FindingCategory;
  /** What went wrong, in one sentence. */
  readonly message: string;
  /** The test case step, e.g. `TC_003_CS step 7`. */
  readonly step?: string;
  readonly expected?: string;
  readonly actual?: string;
  /** Sequence numbers of the frames that prove it. */
  readonly evidence?: readonly number[];
}

function render(d: FailureDetail): string {
  const head = `${d.level === 'SHALL' ? 'FAIL' : 'WARN'} [${d.rule}${d.step ? `; ${d.step}` : ''}] ${d.message}`;
  const lines = [head];
  if (d.expected !== undefined) lines.push(`  expected: ${d.expected}`);
  if (d.actual !== undefined) lines.push(`  actual:   ${d.actual}`);
  return lines.join('\n');
}

/** The system under test broke `detail.rule`. */
export class ConformanceAssertionError extends Error {
  readonly detail: FailureDetail;
  /** Further findings of the same scenario, shown with the first. */
  readonly findings: readonly Finding[];

  constructor(detail: FailureDetail, findings: readonly Finding[] = []) {
    super(render(detail));
    this.detail = detail;
    this.findings = findings;
  }

  /** Builds one from monitor findings (the first SHALL one leads). */
  static fromFindings(findings: readonly Finding[]): ConformanceAssertionError {
    const lead = firstShallFinding(findings) ?? (findings[0] as Finding);
    const others = findings.filter((f) => f !== lead);
    const detail: FailureDetail = {
      rule: lead.rule,
      level: lead.level,
      category: lead.category,
      message: `${lead.message}${lead.seq !== undefined ? ` [frame #${lead.seq}]` : ''}${others.length ? `\n  and ${others.length} more finding(s):\n  - ${others.map((f) => `${f.level === 'SHALL' ? 'FAIL' : 'WARN'} [${f.rule}] ${f.message}`).join('\n  - ')}` : ''}`,
      evidence: findings.flatMap((f) => (f.seq !== undefined ? [f.seq] : [])),
    };
    return new ConformanceAssertionError(detail, findings);
  }
}

/** The harness, its configuration or the environment failed while a scenario ran. */
export class HarnessError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HarnessError';
  }
}

/** Bad input to the harness (SUT file, flag, unreachable address): one sentence, exit code 3, no stack trace. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A person or a rig did not carry out a step in time, or no one could be asked: INCONCLUSIVE. */
export class OperatorTimeout extends Error {
  /**
   * True when the step can never happen in this run (no template for it and no fallback, a prompt without a
   * terminal), as opposed to a person who did not answer this time.
   */
  readonly unavailable: boolean;

  constructor(message: string, options: { unavailable?: boolean } = {}) {
    super(message);
    this.name = 'OperatorTimeout';
    this.unavailable = options.unavailable ?? false;
  }
}

/** The case does not apply to this system under test: N/A with the reason. */
export class NotApplicable extends Error {
  constructor(readonly reason: string) {
    super(`not applicable: ${reason}`);
    this.name = 'NotApplicable';
  }
}

export function isConformanceFailure(e: unknown): e is ConformanceAssertionError {
  return e instanceof ConformanceAssertionError;
}

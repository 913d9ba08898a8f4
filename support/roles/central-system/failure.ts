/**
 * Builds the conformance failure of a check made by a Charge Point flow (not by a wait): the rule and test case
 * step from the RuleContext, what was expected and what the charger did, and the frames that prove it.
 */
import type { FindingCategory } from '../../recording/finding';
import type { ReceivedCall } from '../../recording/mailbox';
import { ConformanceAssertionError } from '../../reporting/errors';
import type { RuleContext } from '../ocpp-connection';

export interface FailureFacts {
  readonly expected?: string;
  readonly actual?: string;
  /** The CALLs of the charger that prove it. */
  readonly calls?: readonly ReceivedCall[];
}

export function failure(rule: RuleContext, category: FindingCategory, message: string, facts: FailureFacts = {}): ConformanceAssertionError {
  const calls = facts.calls ?? [];
  const frames = calls.length > 0 ? ` [frame ${calls.map((c) => `#${c.record.seq}`).join(', ')}]` : '';
  return new ConformanceAssertionError({
    rule: rule.rule,
    step: rule.step,
    level: rule.level ?? 'SHALL',
    category,
    message: `${message}${frames}`,
    expected: facts.expected,
    actual: facts.actual ?? (calls.length === 1 ? (calls[0] as ReceivedCall).record.raw : undefined),
    evidence: calls.map((c) => c.record.seq),
  });
}

/**
 * What a Central System under test tells a charge point about time must be usable: `currentTime` of
 * BootNotification.conf and Heartbeat.conf in RFC 3339 with a time-zone offset (OCPP 1.6 §3.15, and the schemas'
 * date-time format), and a whole, positive heartbeat interval (§6.4, OCPP-J errata §2.3).
 */
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import { ConformanceAssertionError } from '../../reporting/errors';
import { expectConf } from '../expectations';
import type { RuleContext } from '../ocpp-connection';

/** RFC 3339 §5.6 date-time: the offset (`Z` or `±hh:mm`) is not optional. */
export const RFC3339_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

const WHO = 'the Central System';

function failure(rule: RuleContext, message: string, expected: string, actual: string, evidence: number[]): ConformanceAssertionError {
  return new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level: 'SHALL', category: 'behaviour', message, expected, actual, evidence });
}

/** `currentTime` of a BootNotification.conf or Heartbeat.conf is RFC 3339 with an offset and a real date. */
export function expectCurrentTimeWithOffset(outcome: CallOutcome, action: string, rule: RuleContext): void {
  const payload = expectConf(outcome, action, {}, rule, WHO);
  const value = payload['currentTime'];
  const evidence = [outcome.response.seq];
  if (typeof value !== 'string' || !RFC3339_WITH_OFFSET.test(value) || !Number.isFinite(Date.parse(value))) {
    throw failure(rule, `${WHO} sent ${action}.conf with currentTime ${JSON.stringify(value)}, not an RFC 3339 date-time with a time-zone offset: a Charge Point cannot tell which instant it means [frame #${outcome.response.seq}]`,
      'currentTime such as "2025-01-31T12:00:00Z" or "2025-01-31T13:00:00+01:00"', JSON.stringify(value), evidence);
  }
}

/** The `interval` of an Accepted BootNotification.conf is a whole number of seconds above zero. */
export function expectWholePositiveInterval(outcome: CallOutcome, rule: RuleContext): void {
  const payload = expectConf(outcome, 'BootNotification', {}, rule, WHO);
  const interval = payload['interval'];
  if (payload['status'] === 'Accepted' && !(Number.isInteger(interval) && (interval as number) > 0)) {
    throw failure(rule, `${WHO} accepted the Charge Point with heartbeat interval ${JSON.stringify(interval)}, which is not a whole number of seconds above zero (OCPP-J errata §2.3 made it an integer; a Charge Point cannot send a Heartbeat.req every ${JSON.stringify(interval)} s) [frame #${outcome.response.seq}]`,
      'interval a positive integer', JSON.stringify(interval), [outcome.response.seq]);
  }
}

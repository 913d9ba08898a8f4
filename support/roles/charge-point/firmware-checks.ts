/**
 * Judgements on the FirmwareManagement requests and answers of a Central System under test: the `location` of
 * UpdateFirmware.req (OCPP 1.6 §6.55) and GetDiagnostics.req (§6.25) is an absolute URI, `retrieveDate` is an
 * RFC 3339 date-time with a time-zone offset (§3.15, and the date-time format of the OCA schemas), the
 * location is the one the operator entered, and FirmwareStatusNotification.conf / DiagnosticsStatusNotification.conf
 * have no fields (§6.18, §6.20). Pure functions; each failure is a conformance failure of the rule passed in.
 */
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import type { FindingCategory } from '../../recording/finding';
import { ConformanceAssertionError } from '../../reporting/errors';
import type { RuleContext } from '../ocpp-connection';
import { RFC3339_WITH_OFFSET } from './negative-registration';

function fail(rule: RuleContext, category: FindingCategory, message: string, expected: string, actual: string): never {
  throw new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category, message, expected, actual });
}

/** An absolute URI: a scheme, then what the scheme needs (RFC 3986 §4.3); a path alone is a relative reference. */
export function isAbsoluteUri(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) && URL.canParse(value);
}

/** `location` of `action`.req is an absolute URI (anyURI the charge point can fetch from or upload to). */
export function expectAbsoluteLocation(payload: Record<string, unknown>, action: string, rule: RuleContext): string {
  const location = payload['location'];
  if (isAbsoluteUri(location)) return location;
  return fail(rule, 'schema violation', `the Central System sent ${action}.req with location ${JSON.stringify(location)}, which is not an absolute URI: the charge point cannot tell where to connect`,
    'an absolute URI, e.g. ftp://host/path or https://host/file', JSON.stringify(location));
}

/** `field` of `action`.req is an RFC 3339 date-time with `Z` or `±hh:mm` and a real instant. */
export function expectDateTimeWithOffset(payload: Record<string, unknown>, action: string, field: string, rule: RuleContext): void {
  const value = payload[field];
  if (typeof value === 'string' && RFC3339_WITH_OFFSET.test(value) && Number.isFinite(Date.parse(value))) return;
  fail(rule, 'schema violation', `the Central System sent ${action}.req with ${field} ${JSON.stringify(value)}, not an RFC 3339 date-time with a time-zone offset: the charge point cannot tell which instant it means`,
    'e.g. 2024-05-01T10:00:00Z or 2024-05-01T12:00:00+02:00', JSON.stringify(value));
}

/** The location sent is the one the operator was asked to enter (test case step 1: "the location from the test data"). */
export function expectLocationAsEntered(location: string, entered: string, action: string, rule: RuleContext): void {
  if (location === entered) return;
  fail(rule, 'behaviour', `the Central System sent ${action}.req with location ${JSON.stringify(location)}, not the location the operator entered`, entered, location);
}

/** The answer is a CALLRESULT without any field (the .conf defines none). */
export function expectEmptyConf(outcome: CallOutcome, action: string, rule: RuleContext): void {
  if (outcome.kind !== 'result') return;
  const fields = Object.keys(outcome.payload);
  if (fields.length === 0) return;
  fail(rule, 'schema violation', `the Central System answered ${action}.req with a ${action}.conf carrying ${fields.join(', ')}, fields it does not define [frame #${outcome.response.seq}]`,
    `${action}.conf {}`, JSON.stringify(outcome.payload));
}

/**
 * Judgements on the smart charging requests a Central System under test sends (SmartCharging, OCPP 1.6 §5.5,
 * §5.7, §5.16, §6.13, §6.21, §6.43, §7.8–§7.14; test case document §3.19): the profile carries what the operator
 * chose and what the test case's tool validations require; a TxProfile names the running transaction (§5.16), one
 * in a RemoteStartTransaction.req names none (§5.16.2, errata §3.41); ClearChargingProfile.req carries exactly the
 * filters of the clear (errata §3.25). Each failure is a conformance failure of the rule the step names.
 */
import type { ReceivedCall } from '../../recording/mailbox';
import type { RuleContext } from '../ocpp-connection';
import { fail } from './central-system-checks';

type Payload = Record<string, unknown>;

/** What the CSMS operator asked to set; absent fields are not checked. */
export interface ProfileAsked {
  readonly connectorId?: number;
  readonly purpose: 'ChargePointMaxProfile' | 'TxDefaultProfile' | 'TxProfile';
  readonly stackLevel?: number;
  readonly kind?: 'Absolute' | 'Recurring' | 'Relative';
  readonly chargingRateUnit?: 'A' | 'W';
  /** The limit in A; a W profile must carry the same power at 1000 W per A as TC_056_CSMS allows (6.0 or 6000.0). */
  readonly limit?: number;
  readonly startPeriod?: number;
  readonly numberPhases?: number;
  readonly duration?: number;
}

const frameOf = (call: ReceivedCall): string => `[frame #${call.record.seq}]`;
const object = (v: unknown): Payload => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Payload) : {});

/** The first period of a profile's schedule, or an empty object. */
function firstPeriod(profile: Payload): Payload {
  const periods = object(profile['chargingSchedule'])['chargingSchedulePeriod'];
  return Array.isArray(periods) ? object(periods[0]) : {};
}

/**
 * The profile has every field the operator chose: purpose, stackLevel, kind, unit, duration, first period (start,
 * limit, numberPhases: omitted allowed for 3, §7.14). `what` names the message for the failure text.
 */
export function expectProfileAsked(call: ReceivedCall, profile: Payload, asked: ProfileAsked, what: string, rule: RuleContext): void {
  const schedule = object(profile['chargingSchedule']);
  const period = firstPeriod(profile);
  const checks: Array<[string, unknown, unknown]> = [
    ['connectorId', call.payload['connectorId'], asked.connectorId],
    ['chargingProfilePurpose', profile['chargingProfilePurpose'], asked.purpose],
    ['stackLevel', profile['stackLevel'], asked.stackLevel],
    ['chargingProfileKind', profile['chargingProfileKind'], asked.kind],
    ['chargingSchedule.chargingRateUnit', schedule['chargingRateUnit'], asked.chargingRateUnit],
    ['chargingSchedule.duration', schedule['duration'], asked.duration],
    ['chargingSchedulePeriod[0].startPeriod', period['startPeriod'], asked.startPeriod],
  ];
  if (asked.limit !== undefined) {
    const wanted = schedule['chargingRateUnit'] === 'W' ? asked.limit * 1000 : asked.limit;
    checks.push(['chargingSchedulePeriod[0].limit', period['limit'], wanted]);
  }
  if (asked.numberPhases !== undefined && !(asked.numberPhases === 3 && period['numberPhases'] === undefined)) {
    checks.push(['chargingSchedulePeriod[0].numberPhases', period['numberPhases'], asked.numberPhases]);
  }
  for (const [field, sent, wanted] of checks) {
    if (wanted === undefined || sent === wanted) continue;
    fail(rule, 'behaviour', `${what} has ${field} ${JSON.stringify(sent)}, not ${JSON.stringify(wanted)} as the CSMS operator chose ${frameOf(call)}`,
      `${field} ${JSON.stringify(wanted)}`, JSON.stringify(profile));
  }
}

/** TC_056_CSMS: a default profile says when it is valid and when its schedule starts (validFrom, validTo, startSchedule). */
export function expectValidityGiven(call: ReceivedCall, profile: Payload, rule: RuleContext): void {
  const missing = [
    ['validFrom', profile['validFrom']],
    ['validTo', profile['validTo']],
    ['chargingSchedule.startSchedule', object(profile['chargingSchedule'])['startSchedule']],
  ].filter(([, v]) => v === undefined).map(([name]) => name);
  if (missing.length === 0) return;
  fail(rule, 'behaviour', `SetChargingProfile.req omits ${missing.join(', ')} of its Absolute TxDefaultProfile ${frameOf(call)}`, 'validFrom, validTo and startSchedule given', JSON.stringify(profile));
}

/** §5.16: a TxProfile names the transaction it is for, the one running on the connector. */
export function expectTransactionNamed(call: ReceivedCall, profile: Payload, transactionId: number, rule: RuleContext): void {
  if (profile['transactionId'] === transactionId) return;
  const sent = profile['transactionId'] === undefined ? 'no transactionId' : `transactionId ${JSON.stringify(profile['transactionId'])}`;
  fail(rule, 'behaviour', `SetChargingProfile.req sets a TxProfile with ${sent}, not transactionId ${transactionId} of the transaction running on connector ${JSON.stringify(call.payload['connectorId'])} ${frameOf(call)}`,
    `transactionId ${transactionId}`, JSON.stringify(profile));
}

/** §5.16.2, errata §3.41: the profile of a RemoteStartTransaction.req is a TxProfile without transactionId. */
export function expectRemoteStartProfile(call: ReceivedCall, rule: RuleContext): Payload {
  const profile = call.payload['chargingProfile'];
  if (profile === undefined) fail(rule, 'behaviour', `RemoteStartTransaction.req carries no chargingProfile ${frameOf(call)}`, 'a chargingProfile', JSON.stringify(call.payload));
  const p = object(profile);
  if (p['transactionId'] !== undefined) {
    fail(rule, 'behaviour', `the chargingProfile of RemoteStartTransaction.req sets transactionId ${JSON.stringify(p['transactionId'])}: the transaction does not exist yet ${frameOf(call)}`,
      'transactionId omitted', JSON.stringify(p));
  }
  return p;
}

/** errata §3.25: ClearChargingProfile.req has exactly the fields `wanted` (the others omitted). */
export function expectClearFilter(call: ReceivedCall, wanted: Payload, rule: RuleContext): void {
  const sent = call.payload;
  const keys = new Set([...Object.keys(sent), ...Object.keys(wanted)]);
  const wrong = [...keys].filter((k) => sent[k] !== wanted[k]);
  if (wrong.length === 0) return;
  const describe = (p: Payload): string => (Object.keys(p).length ? JSON.stringify(p) : 'no field (clear all)');
  fail(rule, 'behaviour', `ClearChargingProfile.req carries ${describe(sent)}, not ${describe(wanted)}: the fields ${wrong.join(', ')} differ, so other profiles than the operator's are cleared or kept ${frameOf(call)}`,
    describe(wanted), JSON.stringify(sent));
}

/** §5.7: GetCompositeSchedule.req asks for the connector, duration and unit the operator chose. */
export function expectCompositeAsked(call: ReceivedCall, wanted: { connectorId: number; duration: number; chargingRateUnit?: string }, rule: RuleContext): void {
  for (const [field, value] of Object.entries(wanted)) {
    if (value === undefined || call.payload[field] === value) continue;
    fail(rule, 'behaviour', `GetCompositeSchedule.req has ${field} ${JSON.stringify(call.payload[field])}, not ${JSON.stringify(value)} as the CSMS operator chose ${frameOf(call)}`,
      `${field} ${JSON.stringify(value)}`, JSON.stringify(call.payload));
  }
}

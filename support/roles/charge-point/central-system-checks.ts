/**
 * Judgements on what a Central System under test did, beyond "a .conf matching a pattern" (`expectConf`): the
 * handshake's subprotocol (OCPP-J 1.6 §3.2), a refused or rejected unknown charge point, a CALLERROR code, a sane
 * heartbeat interval (§4.2, §6.4), and the content of SendLocalList.req (§5.15, §7.1, errata §3.52). Each failure
 * is a conformance failure of the rule the step names.
 */
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import type { FindingCategory } from '../../recording/finding';
import { ConformanceAssertionError } from '../../reporting/errors';
import type { RuleContext } from '../ocpp-connection';
import type { HandshakeOutcome } from './emulated-charge-point';

export function fail(rule: RuleContext, category: FindingCategory, message: string, expected?: string, actual?: string): never {
  throw new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category, message, expected, actual });
}

/** Offering no version the Central System speaks must not give a connection in that version. */
export function expectSubprotocolRefused(outcome: HandshakeOutcome, offered: readonly string[], rule: RuleContext): void {
  if (!outcome.ok) return;
  fail(rule, 'protocol violation', `the Central System completed the handshake with subprotocol "${outcome.subprotocol}" although the charge point offered only ${JSON.stringify(offered)}, none of which it speaks`,
    'the handshake refused, or completed without a subprotocol and closed', `subprotocol "${outcome.subprotocol}"`);
}

/**
 * OCPP-J 1.6 §3.2: a Central System that does not speak any offered subprotocol completes the WebSocket handshake
 * without a Sec-WebSocket-Protocol header and then closes. Resetting the TCP connection instead still refuses (the
 * refusal passes `expectSubprotocolRefused`), but the charge point learns nothing about why: a warning.
 */
export function expectHandshakeAnswered(outcome: HandshakeOutcome, offered: readonly string[], rule: RuleContext): void {
  if (outcome.ok || !outcome.noResponse) return;
  fail(rule, 'protocol violation', `the Central System refused ${JSON.stringify(offered)} without any HTTP response (${outcome.message}), where OCPP-J 1.6 §3.2 completes the handshake without a Sec-WebSocket-Protocol header and then closes`,
    'an HTTP response: the handshake completed without a Sec-WebSocket-Protocol header, then closed', 'no HTTP response');
}

/** The Central System must select `expected` from the offered list. */
export function expectSubprotocolSelected(outcome: HandshakeOutcome, offered: readonly string[], expected: string, rule: RuleContext): void {
  if (outcome.ok && outcome.subprotocol === expected) return;
  const actual = outcome.ok ? `subprotocol "${outcome.subprotocol}"` : `refused: ${outcome.message}`;
  fail(rule, 'protocol violation', `the Central System did not select "${expected}" from the offered ${JSON.stringify(offered)} (${actual})`, `subprotocol "${expected}"`, actual);
}

/** An unknown charge point is refused at the handshake (an HTTP 4xx) or its BootNotification.req is Rejected. */
export function expectRefusedOrRejected(handshake: HandshakeOutcome, boot: CallOutcome | undefined, rule: RuleContext): void {
  if (!handshake.ok && handshake.status !== undefined && handshake.status >= 400 && handshake.status < 500) return;
  if (!handshake.ok) fail(rule, 'protocol violation', `the Central System refused the unknown charge point, but not with an HTTP status (${handshake.message})`, 'HTTP 404 at the handshake', handshake.message);
  if (boot?.kind === 'result' && boot.payload['status'] === 'Rejected') return;
  const actual = boot === undefined ? 'no BootNotification.conf' : boot.kind === 'result' ? JSON.stringify(boot.payload) : `CALLERROR ${boot.code}`;
  fail(rule, 'behaviour', 'the Central System let a charge point it does not know connect and did not reject its BootNotification.req',
    'HTTP 404 at the handshake, or BootNotification.conf with status "Rejected"', actual);
}

/** The answer must be a CALLERROR with `code`. */
export function expectCallError(outcome: CallOutcome, action: string, code: string, rule: RuleContext): void {
  if (outcome.kind === 'error' && outcome.code === code) return;
  const actual = outcome.kind === 'error' ? `CALLERROR ${outcome.code}` : `${action}.conf ${JSON.stringify(outcome.payload)}`;
  fail(rule, outcome.kind === 'error' ? 'wrong CALLERROR' : 'behaviour', `the Central System answered ${action}.req with ${actual} [frame #${outcome.response.seq}]`, `CALLERROR ${code}`, actual);
}

/** BootNotification.conf Accepted: `interval` is the heartbeat interval, which must be a positive number of seconds. */
export function expectHeartbeatInterval(payload: Record<string, unknown>, rule: RuleContext): void {
  const interval = payload['interval'];
  if (typeof interval === 'number' && interval > 0) return;
  fail(rule, 'behaviour', `BootNotification.conf accepted the charge point with interval ${JSON.stringify(interval)}, which is no heartbeat interval`, 'interval > 0 (seconds)', JSON.stringify(interval));
}

/** Every entry of a Full list carries an idTagInfo (§7.1: without one, the entry means "remove"). */
export function expectEveryEntryHasIdTagInfo(payload: Record<string, unknown>, rule: RuleContext): void {
  const list = Array.isArray(payload['localAuthorizationList']) ? (payload['localAuthorizationList'] as Array<Record<string, unknown>>) : [];
  const bare = list.filter((e) => e['idTagInfo'] === undefined).map((e) => String(e['idTag']));
  if (bare.length === 0) return;
  fail(rule, 'behaviour', `SendLocalList.req has ${bare.length} of ${list.length} entries without idTagInfo (${bare.slice(0, 5).join(', ')})`, 'an idTagInfo in every entry', JSON.stringify(list.slice(0, 5)));
}

/**
 * The list carries at least one IdToken: TC_043_4_CSMS and TC_043_5_CSMS require a Central System with an IdToken to
 * add, and a list without entries sets nothing the charge point could authorize with (§5.15), so an empty list cannot
 * show that the Central System "is able to send a local list".
 */
export function expectListWithEntries(payload: Record<string, unknown>, rule: RuleContext): void {
  const list = payload['localAuthorizationList'];
  if (Array.isArray(list) && list.length > 0) return;
  fail(rule, 'behaviour', `the ${String(payload['updateType'])} SendLocalList.req carries no IdToken (localAuthorizationList ${list === undefined ? 'absent' : JSON.stringify(list)})`,
    'at least one localAuthorizationList entry', list === undefined ? 'absent' : JSON.stringify(list));
}

/** A Differential update carries the version of the list after the update: newer than the Charge Point's. */
export function expectNewerListVersion(payload: Record<string, unknown>, chargePointVersion: number, rule: RuleContext): void {
  const version = payload['listVersion'];
  if (typeof version === 'number' && version > chargePointVersion && version > 0) return;
  fail(rule, 'behaviour', `the Differential SendLocalList.req has listVersion ${JSON.stringify(version)}, not newer than the Charge Point's list (version ${chargePointVersion})`,
    `listVersion > ${chargePointVersion}`, JSON.stringify(version));
}

/** OCPP-J 1.6 §3.2: an unknown identity SHOULD be refused with HTTP 404 (another 4xx still refuses it). */
export function expectNotFoundWhenRefused(handshake: HandshakeOutcome, rule: RuleContext): void {
  if (handshake.ok || handshake.status === 404) return;
  fail(rule, 'protocol violation', `the Central System refused the unknown charge point with HTTP ${handshake.status ?? '(none)'}, not 404`, 'HTTP 404', `HTTP ${handshake.status ?? '(none)'}`);
}

/** A key list that is absent or empty: "all keys" in GetConfiguration.req (§5.8). */
export const absentOrEmpty = Object.assign((v: unknown): boolean => v === undefined || (Array.isArray(v) && v.length === 0), { describe: 'absent or empty' });

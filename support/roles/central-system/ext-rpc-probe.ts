/**
 * Robustness probes of a Charge Point's OCPP-J endpoint (OCPP-J 1.6 §4): CALLs it must refuse with the right
 * CALLERROR (an action 1.6 does not define, one of a profile it does not support, a payload that breaks its schema)
 * and frames it must survive (not JSON, not an array, an unknown message type). Every frame is sent as deliberate,
 * so the trace shows it as a negative test and not as a harness error.
 */
import { randomUUID } from 'node:crypto';
import { acceptableCodesForSchemaKeyword } from '../../ocpp/call-error-codes';
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import { SchemaValidator, type SchemaViolation } from '../../schemas/schema-validator';
import { ConformanceAssertionError, HarnessError, NotApplicable } from '../../reporting/errors';
import type { FrameRecord } from '../../recording/frame-record';
import type { RuleContext } from '../expectations';
import type { OcppConnection } from '../ocpp-connection';
import type { ChargePointUnderTest } from './charge-point-under-test';

/** What a probe sent and how the Charge Point answered. */
export interface ProbeOutcome {
  /** e.g. `a CALL of the unknown action "FlyToTheMoon"`. */
  readonly sent: string;
  readonly outcome: CallOutcome;
  /** The schema violation the payload carried on purpose, when it did. */
  readonly violation?: SchemaViolation;
}

/** A valid OCPP 1.6 request of an optional feature profile, to ask a Charge Point that does not support the profile. */
export interface ProfileRequest {
  readonly profile: string;
  readonly action: string;
  readonly payload: Record<string, unknown>;
}

/** A harmless request of each optional profile, to ask a Charge Point that does not support the profile. */
const UNSUPPORTED_PROFILE_PROBES: readonly ProfileRequest[] = [
  { profile: 'Reservation', action: 'CancelReservation', payload: { reservationId: 990_001 } },
  { profile: 'SmartCharging', action: 'GetCompositeSchedule', payload: { connectorId: 1, duration: 60 } },
  { profile: 'FirmwareManagement', action: 'GetDiagnostics', payload: { location: 'ftp://127.0.0.1/ocpp-conformance' } },
];

/**
 * EXT_RPC_003's request: one of a profile that neither the SUT file lists nor the Charge Point declares in
 * SupportedFeatureProfiles (OCPP 1.6 §9.1.29). The SUT file chooses which cases run; the charger's own declaration
 * says what it supports, so a profile it declares is one it may answer rather than refuse. Profile names are
 * compared without regard to letter case (a charger spelling `reservation` still declares it). Not applicable, naming
 * both lists, when every profile we can probe is listed or declared.
 */
export function unsupportedProfileRequest(sutFile: readonly string[], declared: readonly string[]): ProfileRequest {
  const supported = new Set([...sutFile, ...declared].map((p) => p.toLowerCase()));
  const request = UNSUPPORTED_PROFILE_PROBES.find((r) => !supported.has(r.profile.toLowerCase()));
  if (request) return request;
  throw new NotApplicable(`every optional profile the case can probe (${UNSUPPORTED_PROFILE_PROBES.map((r) => r.profile).join(', ')}) is supported: `
    + `the SUT file lists ${sutFile.join(', ') || 'none'}, the Charge Point declares SupportedFeatureProfiles "${declared.join(',')}"`);
}

export const MALFORMED_FRAMES = {
  'not JSON': (): string => '[2, "ext-rpc-not-json", "GetConfiguration", {',
  'a JSON object, not an array': (): string => '{"messageTypeId": 2, "action": "GetConfiguration"}',
  'an unknown message type id': (): string => JSON.stringify([7, randomUUID(), 'GetConfiguration', {}]),
} as const;
export type MalformedFrame = keyof typeof MALFORMED_FRAMES;

export class RpcProbe {
  constructor(private readonly cp: ChargePointUnderTest) {}

  private get who(): string {
    return `the Charge Point ${this.cp.identity}`;
  }

  /** Sends a CALL of an action OCPP 1.6 does not define (OCPP-J 1.6 §4.2.3: NotImplemented). */
  async callUnknownAction(action: string, rule: RuleContext): Promise<ProbeOutcome> {
    const connection = await this.cp.connection();
    const outcome = await connection.call(action, {}, rule, { deliberate: true });
    return { sent: `a CALL of the action "${action}", which OCPP 1.6 does not define`, outcome };
  }

  /**
   * Sends a valid CALL of an OCPP 1.6 action of a profile the Charge Point neither declares nor is said to support
   * (§4.2.3: NotSupported); see `unsupportedProfileRequest`.
   */
  async callUnsupportedAction(request: ProfileRequest, rule: RuleContext): Promise<ProbeOutcome> {
    const connection = await this.cp.connection();
    const outcome = await connection.call(request.action, request.payload, rule);
    return {
      sent: `${request.action}.req of the ${request.profile} profile, which neither the SUT file lists nor the Charge Point declares in SupportedFeatureProfiles`,
      outcome,
    };
  }

  /** Sends `action` with a payload that must break its schema; the violation decides the CALLERROR to expect. */
  async callWithInvalidPayload(action: string, payload: Record<string, unknown>, rule: RuleContext): Promise<ProbeOutcome> {
    const violation = SchemaValidator.shared().validate(action, 'req', payload).violations[0];
    if (!violation) throw new HarnessError(`the payload given for ${action}.req is valid; the scenario needs one that breaks the schema`);
    const connection = await this.cp.connection();
    const outcome = await connection.call(action, payload, rule, { deliberate: true });
    return { sent: `${action}.req whose ${violation.pointer || 'payload'} breaks the "${violation.keyword}" constraint`, outcome, violation };
  }

  /** The codes Table 7 allows for the violation a probe carried (see `acceptableCodesForSchemaKeyword`). */
  static codesFor(probe: ProbeOutcome): string[] {
    if (!probe.violation) throw new HarnessError('this probe carried no schema violation');
    return acceptableCodesForSchemaKeyword(probe.violation.keyword);
  }

  /** The answer must be a CALLERROR with one of `codes` (OCPP-J 1.6 §4.2.3). */
  expectCallError(probe: ProbeOutcome, codes: readonly string[], rule: RuleContext): void {
    const { outcome } = probe;
    const expected = `CALLERROR ${codes.join(' or ')}`;
    const fail = (message: string, actual: string): never => {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'wrong CALLERROR', message, expected, actual,
        evidence: [outcome.request.seq, outcome.response.seq],
      });
    };
    if (outcome.kind === 'result') fail(`${this.who} answered with a CALLRESULT to ${probe.sent} [frame #${outcome.response.seq}]`, outcome.response.raw);
    else if (!codes.includes(outcome.code)) fail(`${this.who} answered with CALLERROR ${outcome.code} to ${probe.sent} [frame #${outcome.response.seq}]`, outcome.response.raw);
  }

  /** The CALLERROR must carry a string description and an object as details, {} when empty (§4.2.3, Table 6). */
  expectWellFormedCallError(probe: ProbeOutcome, rule: RuleContext): void {
    const { outcome } = probe;
    if (outcome.kind === 'result') {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'wrong CALLERROR',
        message: `${this.who} answered with a CALLRESULT to ${probe.sent} [frame #${outcome.response.seq}]`,
        expected: 'a CALLERROR', actual: outcome.response.raw, evidence: [outcome.request.seq, outcome.response.seq],
      });
    }
    const frame = JSON.parse(outcome.response.raw) as unknown[];
    const [, , , description, details] = frame;
    const wrong = frame.length !== 5 ? `it has ${frame.length} elements instead of 5`
      : typeof description !== 'string' ? `its errorDescription is ${JSON.stringify(description)}, not a string`
        : details === null || typeof details !== 'object' || Array.isArray(details) ? `its errorDetails are ${JSON.stringify(details)}, not a JSON object` : undefined;
    if (wrong) {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'protocol violation',
        message: `${this.who} answered with a malformed CALLERROR to ${probe.sent}: ${wrong} [frame #${outcome.response.seq}]`,
        expected: '[4, "<id>", "<errorCode>", "<errorDescription>", {<errorDetails>}]', actual: outcome.response.raw,
        evidence: [outcome.request.seq, outcome.response.seq],
      });
    }
  }

  /** OCPP-J 1.6 §4.1.4: no two CALLs of the charger on one connection share a message id. */
  static expectUniqueMessageIds(calls: readonly FrameRecord[], rule: RuleContext, who: string): void {
    const seen = new Map<string, FrameRecord>();
    for (const call of calls) {
      const key = `${call.connection} ${call.id}`;
      const earlier = seen.get(key);
      if (earlier) {
        throw new ConformanceAssertionError({
          rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'protocol violation',
          message: `${who} used the message id "${call.id}" of its ${earlier.action}.req [frame #${earlier.seq}] again for ${call.action}.req [frame #${call.seq}] on ${call.connection}`,
          expected: 'a new message id for every CALL on a connection', actual: call.raw, evidence: [earlier.seq, call.seq],
        });
      }
      seen.set(key, call);
    }
  }

  /** Sends a frame that is not a valid OCPP-J message; returns the connection it went out on. */
  async sendMalformed(kind: MalformedFrame): Promise<{ connection: OcppConnection; record: FrameRecord | undefined }> {
    const connection = await this.cp.connection();
    return { connection, record: connection.sendRaw(MALFORMED_FRAMES[kind]()) };
  }

  /**
   * After malformed frames (OCPP-J 1.6 §4.1.3: a receiver ignores what is not a CALL, CALLRESULT or CALLERROR) the
   * connection they went out on must still be open and answer a valid CALL with a CALLRESULT.
   */
  async expectStillServing(connection: OcppConnection, rule: RuleContext): Promise<void> {
    const fail = (message: string, actual: string): never => {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'behaviour', message,
        expected: 'the same connection open, and a GetConfiguration.conf', actual,
      });
    };
    if (!connection.isOpen) {
      const closed = connection.closed;
      fail(`${this.who} closed the connection after malformed frames`, closed ? `closed with code ${closed.code} "${closed.reason}"` : 'closed');
    }
    const outcome = await connection.call('GetConfiguration', { key: ['HeartbeatInterval'] }, rule);
    if (outcome.kind === 'error') fail(`${this.who} no longer serves valid requests after malformed frames`, outcome.response.raw);
  }
}

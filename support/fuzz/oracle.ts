/**
 * The fuzzer's oracle for one input: what the SUT answered (or did not) against what OCPP-J 1.6 prescribes. A bad
 * CALL gets a CALLERROR with a code Table 7 allows for what is wrong with it (§4.2.3); a valid CALL a CALLRESULT whose
 * payload is schema-valid (OCPP 1.6 §6), or a CALLERROR a valid payload can still earn (the action is not supported,
 * a value the charger cannot take); a frame of an unknown message type id gets nothing (§4.1.3). Liveness (crash,
 * hang) and floods are judged by the session, which sees the connection.
 */
import { CALL_ERROR_RULE, isCallErrorCode } from '../ocpp/call-error-codes';
import { CALLERROR, CALLRESULT, type Frame } from '../ocpp/frame';
import { isKnownAction, messageName, messageSection } from '../ocpp/actions';
import { formatViolations, SchemaValidator } from '../schemas/schema-validator';
import type { FuzzInput } from './fuzz-input';

export type FindingCategory = 'crash' | 'hang' | 'wrong code' | 'flood' | 'schema-invalid answer';
export const FINDING_CATEGORIES: readonly FindingCategory[] = ['crash', 'hang', 'wrong code', 'flood', 'schema-invalid answer'];

export interface Verdict {
  readonly category: FindingCategory;
  readonly rule: string;
  readonly message: string;
}

/** Codes a schema-valid CALL may still get: a feature the SUT lacks, a value it cannot take, a refusal for security. */
const CODES_FOR_A_VALID_CALL = new Set(['NotSupported', 'PropertyConstraintViolation', 'SecurityError', 'GenericError']);

export interface OracleContext {
  /** Actions of profiles the SUT does not declare: NotSupported is a right answer to any of their CALLs. */
  readonly unsupported: ReadonlySet<string>;
}

/** The verdict on the answer to `input` (undefined: no answer within the response timeout); undefined when right. */
export function judgeAnswer(input: FuzzInput, answer: Frame | undefined, timeoutMs: number, context: OracleContext): Verdict | undefined {
  const expect = input.expect;
  if (expect.kind === 'alive') return undefined;
  if (expect.kind === 'ignored') {
    if (!answer) return undefined;
    return { category: 'wrong code', rule: 'OCPP-J 1.6 §4.1.3', message: `answered ${describeAnswer(answer)} to a frame of an unknown message type id, which the receiver ignores` };
  }
  if (!answer) {
    return { category: 'hang', rule: 'OCPP-J 1.6 §4.1.1', message: `no answer to ${input.action} (${input.mutation}) within the response timeout of ${timeoutMs} ms` };
  }
  if (answer.type === CALLERROR && !isCallErrorCode(answer.code)) {
    return { category: 'wrong code', rule: CALL_ERROR_RULE, message: `error code "${answer.code}" is not in OCPP-J 1.6 Table 7` };
  }
  if (answer.type === CALLERROR && answer.code === 'NotSupported' && context.unsupported.has(input.action)) return undefined;
  if (expect.kind === 'error') {
    if (answer.type === CALLERROR && expect.codes.includes(answer.code)) return undefined;
    if (answer.type === CALLRESULT && expect.mayAccept) return resultVerdict(input, answer.payload);
    return {
      category: 'wrong code', rule: CALL_ERROR_RULE,
      message: `${input.action} (${input.mutation}${input.pointer ? ` at ${input.pointer || '/'}` : ''}) got ${describeAnswer(answer)}; Table 7 prescribes a CALLERROR ${expect.codes.join(' or ')}`,
    };
  }
  if (answer.type === CALLERROR) {
    if (CODES_FOR_A_VALID_CALL.has(answer.code)) return undefined;
    return { category: 'wrong code', rule: CALL_ERROR_RULE, message: `a schema-valid ${messageName(input.action, 'req')} got ${describeAnswer(answer)}` };
  }
  return answer.type === CALLRESULT ? resultVerdict(input, answer.payload) : undefined;
}

function resultVerdict(input: FuzzInput, payload: unknown): Verdict | undefined {
  if (!isKnownAction(input.action)) return undefined;
  const r = SchemaValidator.shared().validate(input.action, 'conf', payload);
  if (r.valid) return undefined;
  return { category: 'schema-invalid answer', rule: messageSection(input.action, 'conf'), message: `${messageName(input.action, 'conf')} breaks its schema: ${formatViolations(r.violations)}` };
}

export function describeAnswer(frame: Frame): string {
  if (frame.type === CALLERROR) return `a CALLERROR ${frame.code}`;
  if (frame.type === CALLRESULT) return `a CALLRESULT ${JSON.stringify(frame.payload).slice(0, 120)}`;
  return `a CALL ${frame.action}`;
}

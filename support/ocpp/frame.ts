/**
 * OCPP-J 1.6 RPC framing (§4): CALL `[2, id, action, payload]`, CALLRESULT `[3, id, payload]`,
 * CALLERROR `[4, id, code, description, details]`. Parsing never throws: whatever arrives is classified, and every
 * departure from §4 is returned as a problem with its clause, so a judge can report it and a role can answer it.
 */
import { CALL_ERROR_RULE, type CallErrorCode, isCallErrorCode, FOREIGN_SPELLINGS } from './call-error-codes';

export const CALL = 2;
export const CALLRESULT = 3;
export const CALLERROR = 4;

export interface CallFrame {
  readonly type: typeof CALL;
  readonly id: string;
  readonly action: string;
  readonly payload: unknown;
}
export interface CallResultFrame {
  readonly type: typeof CALLRESULT;
  readonly id: string;
  readonly payload: unknown;
}
export interface CallErrorFrame {
  readonly type: typeof CALLERROR;
  readonly id: string;
  readonly code: string;
  readonly description: string;
  readonly details: unknown;
}
export type Frame = CallFrame | CallResultFrame | CallErrorFrame;

/** SHALL/SHOULD as the spec words the clause; NOTE is recorded evidence with no bearing on a verdict. */
export type Level = 'SHALL' | 'SHOULD' | 'NOTE';

export interface FrameProblem {
  readonly level: Level;
  readonly rule: string;
  readonly message: string;
}

export type ParseResult =
  /**
   * A frame that can be processed; `problems` lists what is wrong with it nonetheless. `payloadLast`: the payload is
   * an object and the frame's last element (a CALL of 4 elements, a CALLRESULT of 3), so `payloadText` finds it.
   */
  | { readonly ok: true; readonly frame: Frame; readonly problems: readonly FrameProblem[]; readonly payloadLast: boolean }
  /**
   * A frame that cannot be processed. `replyTo` is set when it is a CALL whose id is known, so that a receiver
   * can answer with `replyCode` (OCPP-J 1.6 §4.2.3); `ignored` marks an unknown message type id (§4.1.3).
   */
  | {
      readonly ok: false;
      readonly problem: FrameProblem;
      readonly ignored: boolean;
      readonly replyTo?: string;
      readonly replyCode?: CallErrorCode;
      readonly typeId?: unknown;
      readonly id?: string;
    };

const MAX_ID_LENGTH = 36; // OCPP-J 1.6 §4.1.4, Table 3

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(message: string, rule: string, extra: Partial<Extract<ParseResult, { ok: false }>> = {}): ParseResult {
  return { ok: false, problem: { level: 'SHALL', rule, message }, ignored: false, ...extra };
}

function payloadProblems(payload: unknown, where: string, rule: string): FrameProblem[] {
  if (payload === null) {
    return [{ level: 'NOTE', rule, message: `${where} payload is null; the spec calls {} the good practice` }];
  }
  return [];
}

/** Parses one WebSocket text message. */
export function parseFrame(raw: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return fail(`not valid JSON (${(e as Error).message})`, 'OCPP-J 1.6 §4.1.2');
  }
  if (!Array.isArray(value)) {
    return fail(`not a JSON array but ${value === null ? 'null' : typeof value}`, 'OCPP-J 1.6 §4.2');
  }
  if (value.length === 0) return fail('an empty array has no message type id', 'OCPP-J 1.6 §4.1.3');
  const [typeId, id] = value;
  if (typeId !== CALL && typeId !== CALLRESULT && typeId !== CALLERROR) {
    return {
      ok: false,
      ignored: true,
      typeId,
      id: typeof id === 'string' ? id : undefined,
      problem: { level: 'SHALL', rule: 'OCPP-J 1.6 §4.1.3', message: `message type id ${JSON.stringify(typeId)} is not 2, 3 or 4; the receiver ignores it` },
    };
  }
  if (value.length < 2) return fail('the unique message id is missing', 'OCPP-J 1.6 §4.1.4', { typeId });
  if (typeof id !== 'string') {
    return fail(`the message id is ${JSON.stringify(id)}, not a string`, 'OCPP-J 1.6 §4.1.4', { typeId });
  }
  const problems: FrameProblem[] = [];
  if (id.length > MAX_ID_LENGTH) {
    problems.push({ level: 'SHALL', rule: 'OCPP-J 1.6 §4.1.4', message: `the message id has ${id.length} characters, more than ${MAX_ID_LENGTH}` });
  }
  if (id.length === 0) problems.push({ level: 'SHALL', rule: 'OCPP-J 1.6 §4.1.4', message: 'the message id is empty' });

  if (typeId === CALL) {
    const action = value[2];
    if (value.length < 4) {
      return fail(`a CALL has 4 elements, this one ${value.length}`, 'OCPP-J 1.6 §4.2.1', {
        typeId, id, replyTo: typeof action === 'string' ? id : undefined, replyCode: 'FormationViolation',
      });
    }
    if (typeof action !== 'string') {
      return fail(`the action is ${JSON.stringify(action)}, not a string`, 'OCPP-J 1.6 §4.2.1', { typeId, id, replyTo: id, replyCode: 'FormationViolation' });
    }
    if (value.length > 4) problems.push({ level: 'SHALL', rule: 'OCPP-J 1.6 §4.2.1', message: `a CALL has 4 elements, this one ${value.length}` });
    const payload = value[3];
    if (payload !== null && !isObject(payload)) {
      return fail(`the ${action} payload is ${Array.isArray(payload) ? 'an array' : typeof payload}, not an object`, 'OCPP-J 1.6 §4.2.1', {
        typeId, id, replyTo: id, replyCode: 'FormationViolation',
      });
    }
    problems.push(...payloadProblems(payload, action, 'OCPP-J 1.6 §4.2.1'));
    return { ok: true, frame: { type: CALL, id, action, payload: payload ?? {} }, problems, payloadLast: value.length === 4 && payload !== null };
  }

  if (typeId === CALLRESULT) {
    if (value.length < 3) return fail(`a CALLRESULT has 3 elements, this one ${value.length}`, 'OCPP-J 1.6 §4.2.2', { typeId, id });
    if (value.length > 3) problems.push({ level: 'SHALL', rule: 'OCPP-J 1.6 §4.2.2', message: `a CALLRESULT has 3 elements, this one ${value.length}` });
    const payload = value[2];
    if (payload !== null && !isObject(payload)) {
      return fail(`the CALLRESULT payload is ${Array.isArray(payload) ? 'an array' : typeof payload}, not an object`, 'OCPP-J 1.6 §4.2.2', { typeId, id });
    }
    problems.push(...payloadProblems(payload, 'CALLRESULT', 'OCPP-J 1.6 §4.2.2'));
    return { ok: true, frame: { type: CALLRESULT, id, payload: payload ?? {} }, problems, payloadLast: value.length === 3 && payload !== null };
  }

  // CALLERROR, §4.2.3: exactly 5 elements; code from Table 7; description a string; details an object ({} if none).
  if (value.length < 5) {
    problems.push({ level: 'SHALL', rule: CALL_ERROR_RULE, message: `a CALLERROR has 5 elements, this one ${value.length}` });
  } else if (value.length > 5) {
    problems.push({ level: 'SHALL', rule: CALL_ERROR_RULE, message: `a CALLERROR has 5 elements, this one ${value.length}` });
  }
  const [, , code, description, details] = value;
  if (typeof code !== 'string') {
    problems.push({ level: 'SHALL', rule: CALL_ERROR_RULE, message: `the error code is ${JSON.stringify(code)}, not a string` });
  } else if (!isCallErrorCode(code)) {
    const hint = FOREIGN_SPELLINGS[code] ? ` (OCPP 1.6 spells it ${FOREIGN_SPELLINGS[code]})` : '';
    problems.push({ level: 'SHALL', rule: CALL_ERROR_RULE, message: `error code "${code}" is not in the OCPP 1.6 table${hint}` });
  }
  if (value.length >= 4 && typeof description !== 'string') {
    problems.push({ level: 'SHALL', rule: CALL_ERROR_RULE, message: `the error description is ${JSON.stringify(description)}, not a string` });
  }
  if (value.length >= 5 && !isObject(details)) {
    problems.push({ level: 'SHALL', rule: CALL_ERROR_RULE, message: `the error details are ${JSON.stringify(details)}, not an object ({} when there are none)` });
  }
  return {
    ok: true,
    frame: {
      type: CALLERROR,
      id,
      code: typeof code === 'string' ? code : String(code),
      description: typeof description === 'string' ? description : '',
      details: details ?? {},
    },
    problems,
    payloadLast: false,
  };
}

/** Serialises a frame exactly as OCPP-J 1.6 §4.2 lays it out. */
export function serializeFrame(frame: Frame): string {
  switch (frame.type) {
    case CALL:
      return JSON.stringify([CALL, frame.id, frame.action, frame.payload]);
    case CALLRESULT:
      return JSON.stringify([CALLRESULT, frame.id, frame.payload]);
    case CALLERROR:
      return JSON.stringify([CALLERROR, frame.id, frame.code, frame.description, frame.details]);
  }
}

/**
 * A CALL or CALLRESULT whose payload is serialised already (`payloadJson`, the JSON.stringify of it): the same text
 * as `serializeFrame`, and the caller keeps the payload's text for the trace line.
 */
export function callText(id: string, action: string, payloadJson: string): string {
  return `[${CALL},${JSON.stringify(id)},${JSON.stringify(action)},${payloadJson}]`;
}

export function callResultText(id: string, payloadJson: string): string {
  return `[${CALLRESULT},${JSON.stringify(id)},${payloadJson}]`;
}

export function describeFrameType(type: number): 'CALL' | 'CALLRESULT' | 'CALLERROR' {
  return type === CALL ? 'CALL' : type === CALLRESULT ? 'CALLRESULT' : 'CALLERROR';
}

const isJsonSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipSpace(raw: string, i: number): number {
  while (i < raw.length && isJsonSpace(raw.charCodeAt(i))) i++;
  return i;
}

/** The end of the string or number that starts at `i` (a string's closing quote included); -1 if neither. */
function skipScalar(raw: string, i: number): number {
  if (raw.charCodeAt(i) === 0x22) {
    for (let j = i + 1; j < raw.length; j++) {
      const c = raw.charCodeAt(j);
      if (c === 0x5c) j++;
      else if (c === 0x22) return j + 1;
    }
    return -1;
  }
  let j = i;
  while (j < raw.length) {
    const c = raw.charCodeAt(j);
    if (c === 0x2c || c === 0x5d || isJsonSpace(c)) break;
    j++;
  }
  return j > i ? j : -1;
}

/**
 * The JSON text of the payload inside `raw`, a frame that `parseFrame` accepted with its payload (an object, not
 * null) as the last element: a CALL of exactly 4 elements or a CALLRESULT of exactly 3. Lets a trace line copy the
 * payload's text instead of serialising the parsed payload again (JSON.parse of either gives the same value).
 * undefined when `raw` is not laid out so (the caller then serialises the payload).
 */
export function payloadText(raw: string, type: typeof CALL | typeof CALLRESULT): string | undefined {
  let i = skipSpace(raw, 0);
  if (raw.charCodeAt(i) !== 0x5b) return undefined;
  // The elements before the payload: message type id, message id and, for a CALL, the action.
  for (let n = type === CALL ? 3 : 2; n > 0; n--) {
    i = skipScalar(raw, skipSpace(raw, i + 1));
    if (i < 0) return undefined;
    i = skipSpace(raw, i);
    if (raw.charCodeAt(i) !== 0x2c) return undefined;
  }
  const start = skipSpace(raw, i + 1);
  let end = raw.length;
  while (end > start && isJsonSpace(raw.charCodeAt(end - 1))) end--;
  if (raw.charCodeAt(end - 1) !== 0x5d) return undefined;
  end--;
  while (end > start && isJsonSpace(raw.charCodeAt(end - 1))) end--;
  // An object, as `parseFrame` required: null would not be the {} the record holds.
  return raw.charCodeAt(start) === 0x7b && raw.charCodeAt(end - 1) === 0x7d ? raw.slice(start, end) : undefined;
}

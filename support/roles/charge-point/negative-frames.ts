/**
 * Deliberately malformed frames an emulated Charge Point sends to a Central System under test (negative tests of
 * OCPP-J 1.6 §4). Each builder says what it breaks: a frame the receiver cannot answer (no readable message id), a
 * frame it must ignore (§4.1.3), or a CALL with a message id whose answer must be a CALLERROR of Table 7. Payload
 * mutations name the JSON-schema keyword they break, so the accepted codes come from one table
 * (`acceptableCodesForSchemaKeyword`) and a unit test proves each payload breaks exactly that keyword.
 */
import { randomUUID } from 'node:crypto';

export interface MalformedFrame {
  /** The text sent as one WebSocket message. */
  readonly raw: string;
  /** The message id the receiver can read, when it can read one. */
  readonly id?: string;
  /** The action named in the frame (or the one it pretends to be), for records and messages. */
  readonly action: string;
  /** What is wrong with it, for failure messages: `a frame that is not valid JSON`. */
  readonly what: string;
  /** The JSON-schema keyword the payload breaks (payload mutations only). */
  readonly keyword?: string;
}

/** A fresh message id (≤ 36 characters, OCPP-J 1.6 §4.1.4) marked as a negative test in traces. */
export function negativeMessageId(): string {
  return `neg-${randomUUID().slice(0, 31)}`;
}

/** Frames without a message id the receiver could answer: ignored, but never a reason to drop the connection. */
export function invalidJsonFrame(): MalformedFrame {
  return { raw: '[2, "neg-unterminated", "Heartbeat", {', action: 'Heartbeat', what: 'a frame that is not valid JSON (OCPP-J 1.6 §4.1.2)' };
}

export function nonArrayFrame(): MalformedFrame {
  return {
    raw: JSON.stringify({ messageTypeId: 2, uniqueId: negativeMessageId(), action: 'Heartbeat', payload: {} }),
    action: 'Heartbeat',
    what: 'a JSON object where OCPP-J 1.6 §4.2 puts an array',
  };
}

/** A message type id outside Table 2 with an otherwise well-formed CALL: the receiver SHALL ignore it (§4.1.3). */
export function unknownMessageTypeFrame(): MalformedFrame {
  const id = negativeMessageId();
  return { raw: JSON.stringify([7, id, 'Heartbeat', {}]), id, action: 'Heartbeat', what: 'a frame with message type id 7 (not in OCPP-J 1.6 §4.1.3 Table 2)' };
}

/** A CALL without its fourth element, the payload (OCPP-J 1.6 §4.2.1: a CALL always has 4 elements). */
export function missingPayloadFrame(): MalformedFrame {
  const id = negativeMessageId();
  return { raw: JSON.stringify([2, id, 'Heartbeat']), id, action: 'Heartbeat', what: 'a CALL of three elements, its payload missing (OCPP-J 1.6 §4.2.1)' };
}

/** A CALL of an action OCPP 1.6 does not define. */
export function unknownActionFrame(): MalformedFrame {
  const id = negativeMessageId();
  return { raw: JSON.stringify([2, id, 'RechargeFluxCapacitor', {}]), id, action: 'RechargeFluxCapacitor', what: 'a CALL of the action "RechargeFluxCapacitor", which OCPP 1.6 does not define' };
}

/** The payload mutations of the negative tests, each breaking one schema keyword of a Core request. */
export type PayloadMutation = 'missing required field' | 'wrong type' | 'out-of-enum value' | 'over-long CiString' | 'extra property';

export const PAYLOAD_MUTATIONS: readonly PayloadMutation[] = ['missing required field', 'wrong type', 'out-of-enum value', 'over-long CiString', 'extra property'];

interface MutationSpec {
  readonly action: string;
  readonly keyword: string;
  readonly payload: (idTag: string) => Record<string, unknown>;
  readonly what: string;
}

const now = (): string => new Date().toISOString();

const MUTATIONS: Readonly<Record<PayloadMutation, MutationSpec>> = {
  'missing required field': {
    action: 'Authorize', keyword: 'required', payload: () => ({}),
    what: 'Authorize.req without its required field idTag (OCPP 1.6 §6.1)',
  },
  'wrong type': {
    action: 'StatusNotification', keyword: 'type',
    payload: () => ({ connectorId: '1', errorCode: 'NoError', status: 'Available', timestamp: now() }),
    what: 'StatusNotification.req whose connectorId is the string "1", not an integer (OCPP 1.6 §6.47)',
  },
  'out-of-enum value': {
    action: 'StatusNotification', keyword: 'enum',
    payload: () => ({ connectorId: 1, errorCode: 'NoError', status: 'Charged', timestamp: now() }),
    what: 'StatusNotification.req with status "Charged", which ChargePointStatus does not list (OCPP 1.6 §7.7)',
  },
  'over-long CiString': {
    action: 'Authorize', keyword: 'maxLength', payload: (idTag) => ({ idTag: `${idTag}${'X'.repeat(21)}`.slice(0, 21) }),
    what: 'Authorize.req with an idTag of 21 characters, one more than IdToken (CiString20Type, OCPP 1.6 §7.28) allows',
  },
  'extra property': {
    action: 'Authorize', keyword: 'additionalProperties', payload: (idTag) => ({ idTag, colour: 'green' }),
    what: 'Authorize.req with the property "colour", which the PDU does not define (OCPP-J errata §3.1)',
  },
};

/** A CALL whose payload breaks one schema keyword; `idTag` is a tag the Central System knows. */
export function invalidPayloadFrame(mutation: PayloadMutation, idTag: string): MalformedFrame {
  const spec = MUTATIONS[mutation];
  const id = negativeMessageId();
  return { raw: JSON.stringify([2, id, spec.action, spec.payload(idTag)]), id, action: spec.action, what: spec.what, keyword: spec.keyword };
}

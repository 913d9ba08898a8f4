/**
 * Framing mutations of the fuzzer (OCPP-J 1.6 §4): frames that are not JSON, not an array, of an unknown message type
 * id, with message ids that are not strings, empty, longer than 36 characters or repeated, CALLs of the wrong length
 * or with a payload that is not an object, CALLs of actions OCPP 1.6 does not define, answers to CALLs nobody sent,
 * oversized frames, and a CALL left pending while the next one is sent. Each says what the receiver must do with it:
 * answer a CALLERROR of Table 7 when it can read the message id, ignore an unknown message type (§4.1.3), and in every
 * case stay up.
 */
import type { Expectation, FuzzInput } from './fuzz-input';
import type { Json, Random } from './schema-mutations';

const CALL_ERROR = 'OCPP-J 1.6 §4.2.3';
const FORMATION: Expectation = { kind: 'error', codes: ['FormationViolation', 'ProtocolError'] };

/** What a frame mutation gets to build from: a fresh message id, an action the SUT receives, and a valid payload of it. */
export interface FrameSeed {
  readonly id: string;
  readonly action: string;
  readonly payload: Json;
  /** The message id of the input before, for a repeated id. */
  readonly previousId?: string;
}

type FrameMutation = (seed: FrameSeed, rng: Random) => Omit<FuzzInput, 'mutation'>;

const unknownActions = ['FuzzUnknownAction', 'RechargeFluxCapacitor', 'heartbeat', 'BOOTNOTIFICATION', 'Get Configuration', ''];

export const FRAME_MUTATIONS: Readonly<Record<string, FrameMutation>> = {
  'not-json': ({ id, action }, rng) => ({
    raw: rng.pick([`[2,"${id}","${action}",{`, `[2,"${id}",'${action}',{}]`, '\u0000\u0001', 'NaN', `[2,"${id}","${action}",{}]]`]),
    action, expect: { kind: 'alive' }, rule: 'OCPP-J 1.6 §4.1.2',
  }),
  'not-an-array': ({ id, action, payload }, rng) => ({
    raw: JSON.stringify(rng.pick<Json>([{ messageTypeId: 2, uniqueId: id, action, payload }, 'CALL', 2, null, true])),
    action, expect: { kind: 'alive' }, rule: 'OCPP-J 1.6 §4.2',
  }),
  'empty-array': ({ action }) => ({ raw: '[]', action, expect: { kind: 'alive' }, rule: 'OCPP-J 1.6 §4.1.3' }),
  'unknown-message-type': ({ id, action, payload }, rng) => ({
    raw: JSON.stringify([rng.pick([0, 1, 5, 7, 99, -2, '2']), id, action, payload]), id,
    action, expect: { kind: 'ignored' }, rule: 'OCPP-J 1.6 §4.1.3',
  }),
  'id-not-a-string': ({ action, payload }, rng) => ({
    raw: JSON.stringify([2, rng.pick<Json>([12345, null, ['id'], { id: 1 }]), action, payload]),
    action, expect: { kind: 'alive' }, rule: 'OCPP-J 1.6 §4.1.4',
  }),
  'id-too-long': ({ id, action, payload }) => {
    const long = `${id}-${'L'.repeat(37)}`;
    return { raw: JSON.stringify([2, long, action, payload]), action, expect: { kind: 'alive' }, rule: 'OCPP-J 1.6 §4.1.4' };
  },
  'id-empty': ({ action, payload }) => ({ raw: JSON.stringify([2, '', action, payload]), action, expect: { kind: 'alive' }, rule: 'OCPP-J 1.6 §4.1.4' }),
  'unknown-action': ({ id, payload }, rng) => {
    const action = rng.pick(unknownActions);
    return {
      raw: JSON.stringify([2, id, action, rng.chance(0.5) ? {} : payload]), id, action,
      expect: { kind: 'error', codes: ['NotImplemented'] }, rule: CALL_ERROR,
    };
  },
  'call-without-payload': ({ id, action }) => ({ raw: JSON.stringify([2, id, action]), id, action, expect: FORMATION, rule: 'OCPP-J 1.6 §4.2.1' }),
  // A fifth element breaks §4.2.1, but whether the receiver refuses the CALL or reads past it the spec leaves open.
  'call-extra-element': ({ id, action, payload }) => ({
    raw: JSON.stringify([2, id, action, payload, 'extra']), id, action, expect: { kind: 'alive' }, rule: 'OCPP-J 1.6 §4.2.1',
  }),
  'payload-not-an-object': ({ id, action }, rng) => ({
    raw: JSON.stringify([2, id, action, rng.pick<Json>([[], 'payload', 1, true])]), id, action,
    expect: { kind: 'error', codes: ['FormationViolation', 'ProtocolError', 'TypeConstraintViolation'] }, rule: 'OCPP-J 1.6 §4.2.1',
  }),
  'action-not-a-string': ({ id, action, payload }) => ({
    raw: JSON.stringify([2, id, 42, payload]), id, action, expect: FORMATION, rule: 'OCPP-J 1.6 §4.2.1',
  }),
  'callresult-unknown-id': ({ id, action }) => ({ raw: JSON.stringify([3, id, {}]), action, expect: { kind: 'alive' }, rule: 'OCPP-J 1.6 §4.2.2' }),
  'callerror-unknown-id': ({ id, action }) => ({
    raw: JSON.stringify([4, id, 'GenericError', 'fuzz', {}]), action, expect: { kind: 'alive' }, rule: CALL_ERROR,
  }),
  // OCPP-J 1.6 §4.1.1 asks the sender to wait for the answer; the receiver's duty is only to keep working: the
  // health probe follows at once, while this CALL is still pending.
  'call-while-pending': ({ id, action, payload }) => ({ raw: JSON.stringify([2, id, action, payload]), id, action, expect: { kind: 'alive' }, rule: 'OCPP-J 1.6 §4.1.1' }),
  // The id of the previous input again (§4.1.4 asks the sender for unique ids; the receiver must survive a repeat).
  'duplicate-id': ({ previousId, id, action, payload }) => ({
    raw: JSON.stringify([2, previousId ?? id, action, payload]), action, expect: { kind: 'alive' }, rule: 'OCPP-J 1.6 §4.1.4',
  }),
  oversized: ({ id }, rng) => ({
    // DataTransfer's data has no maxLength (OCPP 1.6 §6.17): the payload is valid, only big.
    raw: JSON.stringify([2, id, 'DataTransfer', { vendorId: 'org.ocpp-conformance.fuzz', data: 'O'.repeat(rng.pick([65_536, 262_144, 1_048_576])) }]),
    id, action: 'DataTransfer', expect: { kind: 'result' }, rule: 'OCPP-J 1.6 §4.2.2',
  }),
};

export const FRAME_MUTATION_NAMES = Object.keys(FRAME_MUTATIONS);

export function mutateFrame(seed: FrameSeed, rng: Random, name = rng.pick(FRAME_MUTATION_NAMES)): FuzzInput {
  const make = FRAME_MUTATIONS[name];
  if (!make) throw new Error(`unknown frame mutation "${name}"; the mutations are ${FRAME_MUTATION_NAMES.join(', ')}`);
  return { mutation: name, ...make(seed, rng) };
}

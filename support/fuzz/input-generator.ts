/**
 * The sequence of fuzz inputs for one seed: mostly CALLs of the actions the SUT receives with payloads built from the
 * OCPP 1.6 schemas and mutated (schema-mutations.ts), some left valid, and framing mutations (frame-mutations.ts).
 * Whether a mutant is still valid is asked of the harness's schema validator, and the codes a refusal may carry come
 * from the keywords it breaks (`acceptableCodesForSchemaKeyword`, OCPP-J 1.6 §4.2.3 Table 7).
 */
import { acceptableCodesForSchemaKeyword } from '../ocpp/call-error-codes';
import { SchemaValidator, schemaOf } from '../schemas/schema-validator';
import { mutateFrame } from './frame-mutations';
import type { FuzzInput } from './fuzz-input';
import { examplePayload, type Json, mutatePayload, Random } from './schema-mutations';

export interface GeneratorOptions {
  readonly seed: number;
  /** Actions whose CALLs the SUT receives (and that the fuzzer may send). */
  readonly actions: readonly string[];
  /** Connector ids 1…n of the SUT: valid examples name one of them (or 0). */
  readonly connectors: number;
  /** An idTag the SUT knows, so that valid examples look like real traffic. */
  readonly idTag: string;
  /** The SUT is a charger that takes TriggerMessage.req: some inputs fuzz the answer to the CALL it triggers. */
  readonly fuzzAnswers?: boolean;
}

/** Messages TriggerMessage.req asks for (OCPP 1.6 §5.17) whose answers the fuzzer mutates. */
const TRIGGERED = ['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification'];

/** Interval keys a wrong value of which makes a charger misbehave (OCPP 1.6 §9.1): values a charger must refuse, and some it may take. */
const INTERVAL_KEYS = ['HeartbeatInterval', 'MeterValueSampleInterval', 'ConnectionTimeOut', 'ClockAlignedDataInterval'];
const INTERVAL_VALUES = ['-1', '0', 'abc', '1.5', '', '-2147483649', ' 5', '5'];

export class InputGenerator {
  private readonly rng: Random;
  private readonly schemas = new Map<string, Record<string, unknown>>();
  private readonly validator = SchemaValidator.shared();
  private n = 0;
  private lastId: string | undefined;

  constructor(private readonly options: GeneratorOptions) {
    if (options.actions.length === 0) throw new Error('no action to fuzz');
    this.rng = new Random(options.seed);
  }

  private schema(action: string): Record<string, unknown> {
    let s = this.schemas.get(action);
    if (!s) this.schemas.set(action, (s = schemaOf(action, 'req')));
    return s;
  }

  /** A fresh message id, the same for the same seed and position (≤ 36 characters, OCPP-J 1.6 §4.1.4). */
  private nextId(): string {
    this.n += 1;
    return `fz-${this.options.seed.toString(36)}-${this.n}`;
  }

  /** A schema-valid payload of `action` that a SUT would see in real traffic (existing connectors, a known idTag). */
  validPayload(action: string): Json {
    const payload = examplePayload(this.schema(action), this.rng) as Record<string, Json>;
    if ('connectorId' in payload) payload['connectorId'] = this.rng.int(this.options.connectors + 1);
    if ('idTag' in payload && this.rng.chance(0.7)) payload['idTag'] = this.options.idTag;
    if (action === 'ChangeConfiguration' && this.rng.chance(0.7)) {
      payload['key'] = this.rng.pick(INTERVAL_KEYS);
      payload['value'] = this.rng.pick(INTERVAL_VALUES);
    }
    return payload;
  }

  next(): FuzzInput {
    if (this.options.fuzzAnswers && this.rng.chance(0.08)) return this.answerInput();
    const id = this.nextId();
    const action = this.rng.pick(this.options.actions);
    const valid = this.validPayload(action);
    const roll = this.rng.next();
    const previousId = this.lastId;
    this.lastId = id;
    if (roll < 0.25) return mutateFrame({ id, action, payload: valid, previousId }, this.rng);
    const mutation = roll < 0.45 ? undefined : mutatePayload(this.schema(action), valid, this.rng);
    const payload = mutation?.payload ?? valid;
    const raw = JSON.stringify([2, id, action, payload]);
    const verdict = this.validator.validate(action, 'req', payload);
    const base = { raw, id, action, mutation: mutation?.strategy ?? 'valid', pointer: mutation?.pointer };
    // A huge array is schema-valid but may exceed the SUT's own limit (GetConfigurationMaxKeys, SendLocalListMaxLength,
    // OCPP 1.6 §9.1): refusing it as an occurrence constraint is right too.
    if (verdict.valid && mutation?.strategy === 'array-huge') {
      return { ...base, expect: { kind: 'error', codes: ['OccurenceConstraintViolation'], mayAccept: true }, rule: 'OCPP 1.6 §9.1' };
    }
    if (verdict.valid) return { ...base, expect: { kind: 'result' }, rule: 'OCPP-J 1.6 §4.2.2' };
    const codes = new Set(verdict.violations.flatMap((v) => acceptableCodesForSchemaKeyword(v.keyword)));
    const mayAccept = mutation?.strategy === 'date-without-offset';
    return { ...base, expect: { kind: 'error', codes: [...codes], mayAccept }, rule: 'OCPP-J 1.6 §4.2.3' };
  }

  /** TriggerMessage.req of a message, whose CALL the fuzzer then answers with a mutated .conf. */
  private answerInput(): FuzzInput {
    const id = this.nextId();
    const requestedMessage = this.rng.pick(TRIGGERED);
    const schema = schemaOf(requestedMessage, 'conf');
    const valid = examplePayload(schema, this.rng);
    const mutation = mutatePayload(schema, valid, this.rng);
    const payload = { requestedMessage, ...(requestedMessage === 'StatusNotification' || requestedMessage === 'MeterValues' ? { connectorId: 1 + this.rng.int(this.options.connectors) } : {}) };
    return {
      raw: JSON.stringify([2, id, 'TriggerMessage', payload]), id, action: 'TriggerMessage', mutation: `answer-${mutation?.strategy ?? 'valid'}`,
      expect: { kind: 'result' }, rule: 'OCPP-J 1.6 §4.2.2',
      answer: { action: requestedMessage, payload: mutation?.payload ?? valid, mutation: mutation?.strategy ?? 'valid', pointer: mutation?.pointer },
    };
  }
}

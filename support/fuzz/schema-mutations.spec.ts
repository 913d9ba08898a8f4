// The schema-driven mutations of the fuzzer (issue 14): examples valid by the same validator the harness judges
// with, each strategy producing what it says, and a seed giving the same sequence every time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTION_NAMES } from '../ocpp/actions';
import { SchemaValidator, schemaOf } from '../schemas/schema-validator';
import { examplePayload, mutatePayload, Random, STRATEGY_NAMES, type Json } from './schema-mutations';

const validator = SchemaValidator.shared();
const KINDS = ['req', 'conf'] as const;

test('examplePayload is schema-valid for every message of OCPP 1.6, with and without optional fields', () => {
  const rng = new Random(1);
  for (const action of ACTION_NAMES) {
    for (const kind of KINDS) {
      for (const optional of [0, 1]) {
        const payload = examplePayload(schemaOf(action, kind), rng, optional);
        const r = validator.validate(action, kind, payload);
        assert.equal(r.valid, true, `${action}.${kind} ${JSON.stringify(payload)}: ${r.violations.map((v) => v.message).join('; ')}`);
      }
    }
  }
});

test('every strategy applies somewhere, and the breaking ones break the schema with the keyword they aim at', () => {
  const expected: Record<string, string | 'valid'> = {
    'missing-required': 'required', 'extra-property': 'additionalProperties', 'wrong-type': 'type', 'enum-case': 'enum', 'enum-unknown': 'enum',
    'string-at-max': 'valid', 'string-over-max': 'maxLength', 'non-integer': 'type', 'date-without-offset': 'format', 'date-out-of-range': 'format',
    'not-a-date': 'format', 'not-a-uri': 'format', 'deep-nesting': 'additionalProperties',
  };
  const seen = new Set<string>();
  const rng = new Random(7);
  for (const action of ACTION_NAMES) {
    for (const kind of KINDS) {
      const schema = schemaOf(action, kind);
      const valid = examplePayload(schema, rng, 1);
      for (const strategy of STRATEGY_NAMES) {
        const m = mutatePayload(schema, valid, rng, strategy);
        if (!m) continue;
        seen.add(strategy);
        const r = validator.validate(action, kind, m.payload);
        const want = expected[strategy];
        if (want === undefined) continue;
        if (want === 'valid') assert.equal(r.valid, true, `${strategy} on ${action}.${kind} ${m.pointer}`);
        else assert.ok(r.violations.some((v) => v.keyword === want), `${strategy} on ${action}.${kind} ${m.pointer}: ${JSON.stringify(r.violations.map((v) => v.keyword))}`);
      }
    }
  }
  assert.deepEqual([...seen].sort(), [...STRATEGY_NAMES].sort());
});

test('a seed fixes the sequence; another seed gives another', () => {
  const run = (seed: number): Json[] => {
    const rng = new Random(seed);
    const schema = schemaOf('StatusNotification', 'req');
    const valid = examplePayload(schema, rng, 1);
    return Array.from({ length: 50 }, () => mutatePayload(schema, valid, rng)?.payload ?? null);
  };
  assert.deepEqual(run(42), run(42));
  assert.notDeepEqual(run(42), run(43));
});

test('a mutation never changes the payload it started from', () => {
  const rng = new Random(3);
  const schema = schemaOf('MeterValues', 'req');
  const valid = examplePayload(schema, rng, 1);
  const before = JSON.stringify(valid);
  for (let i = 0; i < 200; i += 1) mutatePayload(schema, valid, rng);
  assert.equal(JSON.stringify(valid), before);
});

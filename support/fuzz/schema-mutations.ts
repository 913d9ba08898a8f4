/**
 * Payload mutations generated from the OCPP 1.6 JSON schemas, for the fuzzer (issue 14). `examplePayload` builds a
 * schema-valid payload of a message; `mutatePayload` changes one node of it the way field failures do: a required
 * field missing, a field the PDU does not define, a wrong JSON type, an enum value off by case or unknown, a string
 * at and beyond maxLength, integers at 0 / -1 / 2^31 / 2^53 and non-integers, dates without offset, out of range or
 * not dates, empty and huge arrays, unicode and control characters, deeply nested objects. Whether a mutant is still
 * valid is not guessed here: the fuzzer asks the schema validator (the same judge as everywhere else), and the codes
 * a receiver may answer come from the schema keyword it breaks (call-error-codes.ts, OCPP-J 1.6 §4.2.3 Table 7).
 * Everything is drawn from a seeded generator, so a seed gives the same sequence on every run.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

/** A small, fast, seeded generator (mulberry32): the fuzzer's only source of randomness. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

const props = (s: Schema): Record<string, Schema> => (s['properties'] as Record<string, Schema> | undefined) ?? {};
const required = (s: Schema): string[] => (s['required'] as string[] | undefined) ?? [];
const typeOf = (s: Schema): string | undefined => (Array.isArray(s['type']) ? (s['type'] as string[])[0] : (s['type'] as string | undefined));

/** A fixed, valid date-time with an offset (RFC 3339, OCPP 1.6 §3.15). */
const A_DATE = '2024-05-01T10:00:00.000Z';

/**
 * A schema-valid instance: every required property and, with `optional` probability, each optional one; the first
 * enum value or a random one; strings short and within maxLength; date-times with an offset; arrays of minItems
 * (at least one) items.
 */
export function examplePayload(schema: Schema, rng: Random, optional = 0.5): Json {
  if (Array.isArray(schema['enum'])) return rng.pick(schema['enum'] as Json[]);
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, Json> = {};
      const req = new Set(required(schema));
      for (const [name, sub] of Object.entries(props(schema))) {
        if (req.has(name) || rng.chance(optional)) out[name] = examplePayload(sub, rng, optional);
      }
      return out;
    }
    case 'array': {
      const n = Math.max(1, Number(schema['minItems'] ?? 1));
      return Array.from({ length: n }, () => examplePayload((schema['items'] as Schema | undefined) ?? {}, rng, optional));
    }
    case 'string': {
      if (schema['format'] === 'date-time') return A_DATE;
      if (schema['format'] === 'uri') return 'ftp://127.0.0.1/fz';
      const max = Number(schema['maxLength'] ?? 20);
      return 'fz'.padEnd(Math.min(max, 2 + rng.int(6)), 'x').slice(0, max);
    }
    case 'integer':
      return 1 + rng.int(100);
    case 'number':
      return Math.round(rng.next() * 1000) / 10;
    case 'boolean':
      return rng.chance(0.5);
    default:
      return 'fz';
  }
}

/** A node of the payload with the schema that describes it, found by its JSON pointer. */
interface Node {
  readonly pointer: string;
  readonly schema: Schema;
  readonly value: Json;
}

function nodes(schema: Schema, value: Json, pointer = ''): Node[] {
  const here: Node = { pointer, schema, value };
  if (typeOf(schema) === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    return [here, ...Object.entries(value).flatMap(([k, v]) => (props(schema)[k] ? nodes(props(schema)[k]!, v, `${pointer}/${escape(k)}`) : []))];
  }
  if (typeOf(schema) === 'array' && Array.isArray(value)) {
    return [here, ...value.flatMap((v, i) => nodes((schema['items'] as Schema | undefined) ?? {}, v, `${pointer}/${i}`))];
  }
  return [here];
}

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** `root` with the node at `pointer` replaced by `next`, or removed when `next` is undefined. */
function withNode(root: Json, pointer: string, next: Json | undefined): Json {
  if (pointer === '') return next === undefined ? {} : next;
  const copy = structuredClone(root);
  const parts = pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let parent = copy as Record<string, Json> | Json[];
  for (const part of parts.slice(0, -1)) parent = (parent as Record<string, Json>)[part] as Record<string, Json>;
  const last = parts[parts.length - 1]!;
  if (Array.isArray(parent)) {
    if (next === undefined) parent.splice(Number(last), 1);
    else parent[Number(last)] = next;
  } else if (next === undefined) delete parent[last];
  else parent[last] = next;
  return copy;
}

/** One mutant: what was changed, where, and the payload to send. */
export interface Mutation {
  readonly strategy: string;
  readonly pointer: string;
  readonly payload: Json;
}

type Strategy = (node: Node, rng: Random) => Json | undefined | typeof SKIP;
const SKIP = Symbol('not applicable here');

const OTHER_TYPES: Readonly<Record<string, Json[]>> = {
  string: [12, true, null, ['fz'], { fz: 1 }],
  integer: ['12', 1.5, true, null, [1]],
  number: ['1.5', false, null, {}],
  boolean: ['true', 0, null],
  object: ['{}', [], 1, null],
  array: [{}, 'fz', 1, null],
};

/** Where each strategy applies and what it puts there (undefined removes the node). */
export const STRATEGIES: Readonly<Record<string, { applies: (n: Node) => boolean; make: Strategy }>> = {
  'missing-required': {
    applies: (n) => typeOf(n.schema) === 'object' && required(n.schema).some((r) => typeof n.value === 'object' && n.value !== null && r in n.value),
    make: () => SKIP, // handled in mutatePayload: the removed node is a child of this one
  },
  'extra-property': { applies: (n) => typeOf(n.schema) === 'object', make: (n) => ({ ...(n.value as Record<string, Json>), fuzzExtra: 1 }) },
  'wrong-type': { applies: (n) => typeOf(n.schema) !== undefined && n.pointer !== '', make: (n, rng) => rng.pick(OTHER_TYPES[typeOf(n.schema)!] ?? [null]) },
  'enum-case': { applies: (n) => Array.isArray(n.schema['enum']), make: (n) => swapCase(String(n.value)) },
  'enum-unknown': { applies: (n) => Array.isArray(n.schema['enum']), make: (n) => `${String(n.value)}Fuzz` },
  'string-at-max': { applies: (n) => typeof n.schema['maxLength'] === 'number', make: (n) => 'm'.repeat(n.schema['maxLength'] as number) },
  'string-over-max': { applies: (n) => typeof n.schema['maxLength'] === 'number', make: (n) => 'm'.repeat((n.schema['maxLength'] as number) + 1) },
  'integer-edge': { applies: (n) => typeOf(n.schema) === 'integer', make: (_n, rng) => rng.pick([0, -1, 2 ** 31, 2 ** 53, -(2 ** 31) - 1]) },
  'non-integer': { applies: (n) => typeOf(n.schema) === 'integer', make: () => 1.5 },
  'not-a-uri': { applies: (n) => n.schema['format'] === 'uri', make: () => 'not a uri' },
  'date-without-offset': { applies: (n) => n.schema['format'] === 'date-time', make: () => '2024-05-01T10:00:00' },
  'date-out-of-range': { applies: (n) => n.schema['format'] === 'date-time', make: () => '2024-13-45T25:61:00Z' },
  'not-a-date': { applies: (n) => n.schema['format'] === 'date-time', make: (_n, rng) => rng.pick(['yesterday', '', '1714557600']) },
  'array-empty': { applies: (n) => typeOf(n.schema) === 'array', make: () => [] },
  'array-huge': { applies: (n) => typeOf(n.schema) === 'array' && Array.isArray(n.value) && n.value.length > 0, make: (n) => Array.from({ length: 2000 }, () => (n.value as Json[])[0]!) },
  'unicode-string': {
    applies: (n) => typeOf(n.schema) === 'string' && !Array.isArray(n.schema['enum']) && n.schema['format'] === undefined,
    make: (n, rng) => rng.pick(['é漢字🔌', '\u0000\u0007\u001b', '\u202e\ufeff', 'a\nb\tc']).slice(0, Number(n.schema['maxLength'] ?? 20)),
  },
  'deep-nesting': { applies: (n) => typeOf(n.schema) === 'object' && n.pointer !== '', make: () => nested(64) },
};

function swapCase(s: string): string {
  const swapped = [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  return swapped === s ? `${s}x` : swapped;
}

function nested(depth: number): Json {
  let v: Json = { fuzz: true };
  for (let i = 0; i < depth; i += 1) v = { n: v };
  return v;
}

export const STRATEGY_NAMES = Object.keys(STRATEGIES);

/**
 * One mutant of `valid` (a payload of `schema`): a strategy among those that apply somewhere in it (or the one
 * asked), at a node where it applies. Undefined when the asked strategy applies nowhere.
 */
export function mutatePayload(schema: Schema, valid: Json, rng: Random, strategy?: string): Mutation | undefined {
  const all = nodes(schema, valid);
  const names = strategy ? [strategy] : STRATEGY_NAMES.filter((s) => all.some((n) => STRATEGIES[s]!.applies(n)));
  if (names.length === 0) return undefined;
  const name = rng.pick(names);
  const spec = STRATEGIES[name];
  if (!spec) throw new Error(`unknown mutation strategy "${name}"; the strategies are ${STRATEGY_NAMES.join(', ')}`);
  const at = all.filter((n) => spec.applies(n));
  if (at.length === 0) return undefined;
  const node = rng.pick(at);
  if (name === 'missing-required') {
    const present = required(node.schema).filter((r) => r in (node.value as Record<string, Json>));
    const pointer = `${node.pointer}/${escape(rng.pick(present))}`;
    return { strategy: name, pointer, payload: withNode(valid, pointer, undefined) };
  }
  const next = spec.make(node, rng);
  if (next === SKIP) return undefined;
  return { strategy: name, pointer: node.pointer, payload: withNode(valid, node.pointer, next as Json | undefined) };
}

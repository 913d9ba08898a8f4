/**
 * Validates OCPP 1.6 payloads against the OCA's JSON schemas (draft-04, errata set `urn:OCPP:1.6:2019:12`, bundled
 * unchanged in `./ocpp-1.6/`; the security white paper's draft-06 set in `./ocpp-1.6-security/`). Each schema is compiled once per process. A violation names the JSON pointer, the
 * schema keyword, the offending value and the §6 section of the message, so a failure can be shown to a vendor.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import AjvDraft06, { _ } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from './formats';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ACTION_NAMES, isKnownAction, isSecurityAction, type MessageKind, messageName, messageSection } from '../ocpp/actions';

export interface SchemaViolation {
  /** JSON pointer into the payload (RFC 6901), `""` for the payload itself. */
  readonly pointer: string;
  readonly keyword: string;
  /** The offending value (absent for a missing property). */
  readonly value?: unknown;
  /** The property a `required` or `additionalProperties` violation is about. */
  readonly property?: string;
  readonly message: string;
  /** e.g. `OCPP 1.6 §6.4 BootNotification.conf` */
  readonly rule: string;
}

export interface ValidationResult {
  readonly valid: boolean;
  readonly violations: readonly SchemaViolation[];
}

const SCHEMA_DIR = join(__dirname, 'ocpp-1.6');
/** The white paper's 22 draft-06 schemas (NOTICE.md there). */
const SECURITY_SCHEMA_DIR = join(__dirname, 'ocpp-1.6-security');

function schemaFile(action: string, kind: MessageKind): string {
  return join(isSecurityAction(action) ? SECURITY_SCHEMA_DIR : SCHEMA_DIR, `${action}${kind === 'conf' ? 'Response' : ''}.json`);
}

/** Where scripts/generate-validators.ts writes the precompiled validators, relative to this folder. */
export const GENERATED_MODULE = join('generated', 'validators.js');

/** The name of a message's validator in the generated module, e.g. `BootNotification_conf`. */
export function validatorKey(action: string, kind: MessageKind): string {
  return `${action}_${kind}`;
}

/** A hash of every bundled schema: precompiled validators are used only if they were built from these files. */
export function schemasHash(): string {
  const hash = createHash('sha256');
  for (const action of ALL_ACTION_NAMES) for (const kind of ['req', 'conf'] as const) hash.update(readFileSync(schemaFile(action, kind)));
  return hash.digest('hex');
}

/**
 * The ajv instance the schemas are compiled with, at run time or by the generator (`source: true`).
 * strict: false — the OCA schemas put additionalProperties on string properties (TOOLCHAIN.md).
 * multipleOfPrecision — charging schedule limits use multipleOf 0.1.
 */
export function createAjv(code: { source?: boolean } = {}): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, multipleOfPrecision: 6, code: { source: code.source ?? false } });
  addOcppFormats(ajv);
  return ajv;
}

/**
 * ajv-formats' full formats with formats.ts's faster `date-time` (same verdicts); the standalone validators require
 * them from `../formats`, relative to the generated module (support/schemas/generated/, dist/ alike).
 */
function addOcppFormats(ajv: Ajv): void {
  ajv.opts.code.formats ??= _`require("../formats").fullFormats`;
  addFormats(ajv);
  ajv.addFormat('date-time', fullFormats['date-time'] as Parameters<Ajv['addFormat']>[1]);
}

/**
 * The ajv instance for the white paper's draft-06 schemas (`$id`, not draft-04's `id`: one ajv per draft, TOOLCHAIN.md),
 * with the same options. Ajv 8 reads draft-06 once its meta-schema is added.
 */
export function createSecurityAjv(code: { source?: boolean } = {}): AjvDraft06 {
  const ajv = new AjvDraft06({ strict: false, allErrors: true, multipleOfPrecision: 6, code: { source: code.source ?? false } });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>);
  addOcppFormats(ajv as unknown as Ajv);
  return ajv;
}

type Generated = Record<string, ValidateFunction | undefined> & { readonly schemasHash?: string };

/** The precompiled validators, if they exist and were built from the schemas bundled now; else undefined. */
function loadGenerated(path = join(__dirname, GENERATED_MODULE)): Generated | undefined {
  let generated: Generated;
  try {
    generated = require(path) as Generated;
  } catch {
    return undefined; // not built (a fresh clone before the build step): compile at run time
  }
  return generated.schemasHash === schemasHash() ? generated : undefined;
}

/** The bundled JSON schema of a message (draft-04, or draft-06 for the white paper's, as the OCA publishes them). */
export function schemaOf(action: string, kind: MessageKind): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaFile(action, kind), 'utf8')) as Record<string, unknown>;
}

function valueAt(payload: unknown, pointer: string): unknown {
  if (pointer === '') return payload;
  let node: unknown = payload;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function describe(error: ErrorObject, payload: unknown, rule: string): SchemaViolation {
  const pointer = error.instancePath;
  const where = pointer === '' ? 'the payload' : pointer;
  switch (error.keyword) {
    case 'required': {
      const property = (error.params as { missingProperty: string }).missingProperty;
      return { pointer, keyword: 'required', property, message: `${where} lacks the required property "${property}"`, rule };
    }
    case 'additionalProperties': {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      const at = `${pointer}/${property}`;
      return {
        pointer: at, keyword: 'additionalProperties', property, value: valueAt(payload, at),
        message: `${where} has the property "${property}", which the schema does not define`, rule,
      };
    }
    default: {
      const value = valueAt(payload, pointer);
      const detail = error.keyword === 'enum'
        ? `is not one of ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`
        : (error.message ?? 'is invalid');
      return { pointer, keyword: error.keyword, value, message: `${where} = ${JSON.stringify(value)} ${detail}`, rule };
    }
  }
}

const VALID: ValidationResult = Object.freeze({ valid: true, violations: Object.freeze([]) as readonly SchemaViolation[] });

/**
 * One compiled validator per message; load with `SchemaValidator.shared()`. The validators come precompiled from
 * the generated module when it is there and current, else each schema is compiled on first use.
 */
export class SchemaValidator {
  private static instance: SchemaValidator | undefined;
  private ajvInstance: Ajv | undefined;
  private securityAjvInstance: AjvDraft06 | undefined;
  /** Where the validators came from: `generated` (scripts/generate-validators.ts) or `compiled` at run time. */
  readonly source: 'generated' | 'compiled';
  /** By kind, then action: no message name is built per frame. */
  private readonly compiled = { req: new Map<string, ValidateFunction>(), conf: new Map<string, ValidateFunction>() };

  private readonly generated: Generated | undefined;

  /** @param generated precompiled validators (tests); by default the generated module if it is current. */
  constructor(generated: Generated | undefined | 'compile' = loadGenerated()) {
    this.generated = generated === 'compile' ? undefined : generated;
    this.source = this.generated ? 'generated' : 'compiled';
  }

  static shared(): SchemaValidator {
    SchemaValidator.instance ??= new SchemaValidator();
    return SchemaValidator.instance;
  }

  /** Reads the generated module at `path` (for tests and the generator's check); undefined if absent or stale. */
  static loadGenerated(path: string): Generated | undefined {
    return loadGenerated(path);
  }

  private compile(action: string, kind: MessageKind): ValidateFunction {
    if (isSecurityAction(action)) {
      this.securityAjvInstance ??= createSecurityAjv();
      return this.securityAjvInstance.compile(schemaOf(action, kind));
    }
    this.ajvInstance ??= createAjv();
    return this.ajvInstance.compile(schemaOf(action, kind));
  }

  /** Compiles all 78 schemas now rather than on first use (so a broken schema shows at start-up). */
  compileAll(): this {
    for (const action of ALL_ACTION_NAMES) {
      this.validator(action, 'req');
      this.validator(action, 'conf');
    }
    return this;
  }

  private validator(action: string, kind: MessageKind): ValidateFunction {
    let fn = this.compiled[kind].get(action);
    if (!fn) {
      fn = this.generated?.[validatorKey(action, kind)] ?? this.compile(action, kind);
      this.compiled[kind].set(action, fn);
    }
    return fn;
  }

  /** Validates a payload of a known action; throws for an action OCPP 1.6 does not define (a caller's bug). */
  validate(action: string, kind: MessageKind, payload: unknown): ValidationResult {
    if (!isKnownAction(action)) throw new Error(`no OCPP 1.6 schema for action "${action}"`);
    const fn = this.validator(action, kind);
    if (fn(payload)) return VALID;
    const rule = `${messageSection(action, kind)} ${messageName(action, kind)}`;
    return { valid: false, violations: (fn.errors ?? []).map((e) => describe(e, payload, rule)) };
  }
}

/** One line per violation, for failure messages. */
export function formatViolations(violations: readonly SchemaViolation[]): string {
  return violations.map((v) => `${v.pointer || '/'} [${v.keyword}] ${v.message} (${v.rule})`).join('; ');
}

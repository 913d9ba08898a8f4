/**
 * Partial payload patterns for waits: an object pattern matches when every key it names matches (other keys are
 * ignored); a function is a predicate; arrays match element by element; anything else compares with `===`.
 */
export type PatternValue = unknown | ((value: unknown) => boolean);
export type PayloadPattern = Readonly<Record<string, PatternValue>>;

/** A predicate with a description, so timeout messages can say what was expected. */
export interface DescribedPredicate {
  (value: unknown): boolean;
  readonly describe: string;
}

function described(describe: string, fn: (value: unknown) => boolean): DescribedPredicate {
  return Object.assign(fn, { describe });
}

/** Case-insensitive string equality, as OCPP 1.6 compares idTags (§7.28 IdToken, CiString20Type). */
export function caseInsensitive(expected: string): DescribedPredicate {
  return described(`"${expected}" (case-insensitive)`, (v) => typeof v === 'string' && v.toLowerCase() === expected.toLowerCase());
}

export function oneOf(...expected: unknown[]): DescribedPredicate {
  return described(`one of ${JSON.stringify(expected)}`, (v) => expected.includes(v));
}

export function present(): DescribedPredicate {
  return described('present', (v) => v !== undefined);
}

export function absent(): DescribedPredicate {
  return described('absent', (v) => v === undefined);
}

export function matches(value: unknown, pattern: PatternValue): boolean {
  if (typeof pattern === 'function') return (pattern as (v: unknown) => boolean)(value);
  if (Array.isArray(pattern)) {
    return Array.isArray(value) && value.length === pattern.length && pattern.every((p, i) => matches(value[i], p));
  }
  if (pattern !== null && typeof pattern === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const obj = value as Record<string, unknown>;
    return Object.entries(pattern as Record<string, unknown>).every(([k, p]) => matches(obj[k], p));
  }
  return value === pattern;
}

/** `status = "Charging", connectorId = 1`, for messages. */
export function describePattern(pattern: PayloadPattern | undefined): string {
  if (!pattern || Object.keys(pattern).length === 0) return '';
  return Object.entries(pattern)
    .map(([k, p]) => `${k} ${describeValue(p)}`)
    .join(', ');
}

function describeValue(p: PatternValue): string {
  if (typeof p === 'function') return (p as Partial<DescribedPredicate>).describe ?? 'matching a condition';
  if (p !== null && typeof p === 'object' && !Array.isArray(p)) return `{ ${describePattern(p as PayloadPattern)} }`;
  return `= ${JSON.stringify(p)}`;
}

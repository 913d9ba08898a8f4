/**
 * Parameter types turning step text into domain values:
 *   {message}   `BootNotification.req`        → { action, kind }
 *   {duration}  `10 s`, `500 ms`, `2 min`     → milliseconds
 *   {idTag}     `the valid idTag`, `the blocked idTag`, … → the SUT file's tag (see IdTags)
 *   {docStep}   an optional ` (step 4)` / ` (steps 2/6)` at the end of a step: the test case step it carries out,
 *               cited in failures (`this.rule(rule, docStep)`); undefined when absent
 *   {choices}   `"Finishing"` or `"Finishing" or "Available"` → the values a field may have, as a list
 */
import { defineParameterType } from '@cucumber/cucumber';
import type { HarnessWorld } from './world';
import type { IdTags } from '../sut/sut-config';

export interface MessageRef {
  readonly action: string;
  readonly kind: 'req' | 'conf';
}

defineParameterType({
  name: 'message',
  regexp: /[A-Z][A-Za-z]+\.(?:req|conf)/,
  transformer: (s: string): MessageRef => {
    const [action, kind] = s.split('.') as [string, 'req' | 'conf'];
    return { action, kind };
  },
});

const UNIT: Record<string, number> = { ms: 1, s: 1000, seconds: 1000, second: 1000, min: 60_000, minutes: 60_000 };

defineParameterType({
  name: 'duration',
  regexp: /\d+(?:\.\d+)? ?(?:ms|s|seconds?|min|minutes)/,
  transformer: (s: string): number => {
    const m = /^(\d+(?:\.\d+)?) ?(\w+)$/.exec(s) as RegExpExecArray;
    return Math.round(Number(m[1]) * (UNIT[m[2] as string] ?? 1000));
  },
});

const TAG_ROLES: Record<string, keyof IdTags> = {
  valid: 'valid', 'second valid': 'valid2', invalid: 'invalid', blocked: 'blocked', expired: 'expired',
  parent: 'parent', child: 'child', 'second child': 'child2',
};

defineParameterType({
  name: 'idTag',
  regexp: /the (valid|second valid|invalid|blocked|expired|parent|child|second child) idTag/,
  transformer(this: HarnessWorld, which: string): string {
    return this.sut.idTags[TAG_ROLES[which] as keyof IdTags];
  },
});

defineParameterType({
  name: 'docStep',
  regexp: /(?: \(steps? \d[\d, /and]*\))?/,
  transformer: (s: string): string | undefined => (s ? s.trim().slice(1, -1) : undefined),
  useForSnippets: false,
});

defineParameterType({
  name: 'choices',
  regexp: /"[^"]*"(?: or "[^"]*")*/,
  transformer: (s: string): string[] => [...s.matchAll(/"([^"]*)"/g)].map((m) => m[1] as string),
});

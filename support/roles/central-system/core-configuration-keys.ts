/**
 * What a case may ask of a configuration key before it starts ("Before: configuration state", the SUT file's
 * baseline), and what it means when the charger does not give it. The facts come from OCPP 1.6 §9 with the errata:
 * the accessibility and type of each standard key (`ext-standard-keys`), and whether the profile requires it (the
 * lists of TC_019_CS, `required-configuration-keys`). The judgement:
 *
 * | the charger …                                                    | verdict of the case that needs the value   |
 * | ---------------------------------------------------------------- | ------------------------------------------ |
 * | does not report a key its profiles require (§9.1, §9.2, §9.4)    | FAIL, the profile's section                |
 * | does not report an optional or vendor key                        | N/A                                        |
 * | reports read-only a key §9 makes read-write                      | FAIL, the profile's section                |
 * | reports read-only a key §9 lets be read-only (R, "R or RW")      | N/A                                        |
 * | refuses (Rejected, CALLERROR) a legal value of a read-write key  | FAIL §5.3                                  |
 * | answers NotSupported for a key it reports                        | FAIL §5.3                                  |
 * | refuses a value whose legality §9 leaves to it (CSL, vendor key) | N/A                                        |
 * | answers RebootRequired                                           | N/A (the value is not in effect now)       |
 * | is asked a value that is not legal for the key's type            | ERROR (the SUT file or the case is wrong)  |
 *
 * "Legal" is what §9 fixes by the key's type alone: `true`/`false` for a boolean, a non-negative integer for an
 * integer (every integer key of §9 counts seconds, times, items or percent). §5.3 lets a charger reject values
 * outside its own range, so a refusal of a legal integer names the value in the reason: a charger whose range
 * excludes the SUT file's value wants another value there.
 */
import { accessOf, STANDARD_KEYS, standardKey, type KeyAccess, type KeyType } from './ext-standard-keys';
import { REQUIRED_KEYS } from './required-configuration-keys';

export interface KeyFacts {
  readonly key: string;
  /** The key's own section, e.g. `OCPP 1.6 §9.1.19`. */
  readonly section: string;
  /** The section of the profile that requires it, e.g. `OCPP 1.6 §9.1`; undefined when no supported profile does. */
  readonly requiredBy?: string;
  readonly access: KeyAccess;
  readonly type: KeyType;
}

/** The charger as far as the judgement needs it. */
export interface ChargerFacts {
  readonly fixedCable: boolean;
  /** Its supported feature profiles (Core is always one). */
  readonly profiles: readonly string[];
}

/** The facts §9 gives `key` on this charger, or undefined for a key §9 does not define (a vendor key). */
export function keyFacts(key: string, charger: ChargerFacts): KeyFacts | undefined {
  const std = standardKey(key);
  if (!std) return undefined;
  const requiredBy = ['Core', ...charger.profiles]
    .map((p) => REQUIRED_KEYS[p])
    .find((r) => r !== undefined && Object.keys(r.keys).some((k) => k.toLowerCase() === std.key.toLowerCase()));
  return {
    key: std.key, section: std.section, requiredBy: requiredBy && `OCPP 1.6 ${requiredBy.section}`,
    access: accessOf(std, charger.fixedCable), type: std.type,
  };
}

/** true when §9 makes `value` legal for the key whatever the charger, false when it is not, undefined when §9 leaves it to the charger. */
export function legalValue(facts: KeyFacts | undefined, value: string): boolean | undefined {
  switch (facts?.type) {
    case 'boolean':
      return /^(true|false)$/i.test(value);
    case 'integer':
      return /^\d+$/.test(value);
    default:
      return undefined;
  }
}

/** Why the wanted value is not in effect. */
export type ConfigurationShortfall =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'read-only'; readonly value: string | undefined }
  /** The answer to ChangeConfiguration.req: a status other than Accepted, or `CALLERROR <code>`. */
  | { readonly kind: 'refused'; readonly answer: string };

export type ConfigurationJudgement =
  | { readonly verdict: 'FAIL'; readonly rule: string; readonly message: string; readonly expected: string }
  | { readonly verdict: 'N/A'; readonly reason: string }
  | { readonly verdict: 'ERROR'; readonly message: string };

function describe(f: KeyFacts): string {
  return `${f.section.replace(/^OCPP 1\.6 /, '')}: ${f.requiredBy ? 'required' : 'optional'}, ${f.access}, ${f.type}`;
}

/** The verdict of a case that needs `key` = `value` when the charger falls short as `shortfall` says (table above). */
export function judgeShortfall(key: string, value: string, shortfall: ConfigurationShortfall, charger: ChargerFacts): ConfigurationJudgement {
  const facts = keyFacts(key, charger);
  if (legalValue(facts, value) === false) {
    return { verdict: 'ERROR', message: `"${value}" is not a legal ${facts?.type} value for ${key} (${facts && describe(facts)}): the SUT file's chargePoint.configuration or the case asks for it` };
  }
  switch (shortfall.kind) {
    case 'unknown':
      if (facts?.requiredBy) {
        return { verdict: 'FAIL', rule: facts.requiredBy, message: `the Charge Point does not report the configuration key ${key}, which its profiles require (${describe(facts)})`, expected: `${key} in GetConfiguration.conf` };
      }
      return { verdict: 'N/A', reason: `the Charge Point does not implement the configuration key ${key}${facts ? ` (${describe(facts)})` : ' (not a key of OCPP 1.6 §9)'}; the case needs it = "${value}"` };
    case 'read-only':
      if (facts?.access === 'RW') {
        return { verdict: 'FAIL', rule: facts.requiredBy ?? facts.section, message: `the Charge Point reports ${key} read-only (value "${shortfall.value ?? ''}"), which OCPP 1.6 makes read-write (${describe(facts)})`, expected: `${key} read-write` };
      }
      return { verdict: 'N/A', reason: `the Charge Point reports ${key} read-only with value "${shortfall.value ?? ''}"${facts ? `, as ${describe(facts)} allows` : ''}; the case needs "${value}"` };
    case 'refused': {
      if (shortfall.answer === 'RebootRequired') {
        return { verdict: 'N/A', reason: `the Charge Point takes ${key} = "${value}" only after a reboot (ChangeConfiguration.conf RebootRequired); the case needs it in effect at once` };
      }
      if (shortfall.answer === 'NotSupported') {
        return { verdict: 'FAIL', rule: 'OCPP 1.6 §5.3', message: `the Charge Point answered ChangeConfiguration ${key} = "${value}" with NotSupported, although GetConfiguration reports the key (NotSupported is for keys it does not support)`, expected: 'Accepted' };
      }
      if (facts?.access === 'RW' && legalValue(facts, value) === true) {
        return {
          verdict: 'FAIL', rule: 'OCPP 1.6 §5.3',
          message: `the Charge Point refused ChangeConfiguration ${key} = "${value}" with ${shortfall.answer}, a legal value of a read-write key (${describe(facts)}) that the case needs (if the charger's documented range excludes it, give one it accepts in the SUT file)`,
          expected: `ChangeConfiguration.conf Accepted for ${key} = "${value}"`,
        };
      }
      return { verdict: 'N/A', reason: `the Charge Point answered ChangeConfiguration ${key} = "${value}" with ${shortfall.answer}${facts ? ` (${describe(facts)}: the values it takes are its own choice)` : ''}; the case needs that value` };
    }
  }
}

/** The keys of §9.1 as a Core-only charger without a fixed cable has them (the table a reader checks against the spec). */
export function coreKeyTable(): KeyFacts[] {
  const core: ChargerFacts = { fixedCable: false, profiles: ['Core'] };
  return STANDARD_KEYS.filter((k) => k.section.startsWith('OCPP 1.6 §9.1.')).map((k) => keyFacts(k.key, core) as KeyFacts);
}

/**
 * The tag vocabulary (README "Tags"; checked by `tags.spec.ts` over every feature file):
 *   exactly one id per scenario: `@TC_<nnn>[_<n>]_CS` | `@TC_<nnn>[_<n>]_CSMS` | `@EXT_<AREA>_<NNN>`
 *   `@sut:charge-point` | `@sut:central-system`   the role under test
 *   `@feature-profile:<Profile>`                  Core, LocalAuthListManagement, RemoteTrigger, Reservation,
 *                                                 SmartCharging, FirmwareManagement, Security
 *   `@operator`                                   a person or rig must act
 *   `@level:SHOULD`                               the rule checked is a SHOULD (severity in the report)
 *   `@spec=<section>`                             a link to the spec section checked, e.g. `@spec=OCPP-1.6-4.2`
 *   `@slow`                                       waits on long protocol timers
 */
export const ID_TAG = /^@(TC_\d{3}(?:_\d+)?_(?:CS|CSMS)|EXT_[A-Z0-9]+(?:_[A-Z0-9]+)*_\d{3})$/;
export const PROFILES = ['Core', 'LocalAuthListManagement', 'RemoteTrigger', 'Reservation', 'SmartCharging', 'FirmwareManagement', 'Security'] as const;

const FIXED = new Set(['@operator', '@slow', '@level:SHOULD', '@sut:charge-point', '@sut:central-system', ...PROFILES.map((p) => `@feature-profile:${p}`)]);

export interface ScenarioTags {
  readonly id: string | undefined;
  readonly ids: string[];
  readonly role: 'charge-point' | 'central-system' | undefined;
  readonly profile: string | undefined;
  readonly operator: boolean;
  readonly level: 'SHALL' | 'SHOULD';
  readonly unknown: string[];
}

export function isKnownTag(tag: string): boolean {
  return FIXED.has(tag) || ID_TAG.test(tag) || /^@spec=\S+$/.test(tag);
}

export function readTags(tags: readonly string[]): ScenarioTags {
  const ids = tags.filter((t) => ID_TAG.test(t)).map((t) => t.slice(1));
  const role = tags.includes('@sut:charge-point') ? 'charge-point' : tags.includes('@sut:central-system') ? 'central-system' : undefined;
  const profile = tags.find((t) => t.startsWith('@feature-profile:'))?.slice('@feature-profile:'.length);
  return {
    id: ids.length === 1 ? ids[0] : undefined,
    ids,
    role,
    profile,
    operator: tags.includes('@operator'),
    level: tags.includes('@level:SHOULD') ? 'SHOULD' : 'SHALL',
    unknown: tags.filter((t) => !isKnownTag(t)),
  };
}

/**
 * The bundled reference SUT files `ocpp-conformance main` and the self-test's conformance stage run, and the cases
 * that need a second build of a reference: a test case that is N/A in the main configuration (its prerequisite is a
 * fixed cable, a missing profile…) runs, and must PASS, against the configuration where it applies, so that every
 * scenario has been seen to pass; a build the field has (FTP-only diagnostics) runs the cases it changes. The main run leaves those cases out, so a combined report shows each id once,
 * with the verdict of the configuration it was made for.
 */
import { join } from 'node:path';
import type { SutRole } from '../sut/sut-config';

/** A reference configuration that runs only some test cases. */
export interface ReferenceVariant {
  readonly role: SutRole;
  /** File name under fixtures/sut/. */
  readonly file: string;
  /** The main configuration of the role, where these cases are N/A. */
  readonly mainFile: string;
  /** Official or EXT ids, without `@`. */
  readonly scenarios: readonly string[];
}

/** The main configuration of each role, in the order `main` runs them (the Charge Point suite first). */
export const MAIN_REFERENCE_FILE: Readonly<Record<SutRole, string>> = {
  'charge-point': 'reference-charge-point.json',
  'central-system': 'reference-central-system.json',
};
export const MAIN_REFERENCE_FILES: readonly string[] = [MAIN_REFERENCE_FILE['charge-point'], MAIN_REFERENCE_FILE['central-system']];

export const REFERENCE_VARIANTS: readonly ReferenceVariant[] = [
  {
    role: 'charge-point',
    file: 'reference-charge-point-fixed-cable.json',
    mainFile: 'reference-charge-point.json',
    // Fixed cable: TC_017_2_CS, TC_018_2_CS (OCPP 1.6 §5.18); no LocalAuthListManagement: TC_043_1_CS (§5.15);
    // Reservation not declared: TC_048_4_CS, TC_050_4_CS (§5.13). A request of a profile the charger lacks
    // (EXT_RPC_003, OCPP-J 1.6 §4.2.3) needs one, which the main build, declaring every profile, has not.
    scenarios: ['TC_017_2_CS', 'TC_018_2_CS', 'TC_043_1_CS', 'TC_048_4_CS', 'TC_050_4_CS', 'EXT_RPC_003'],
  },
  {
    role: 'charge-point',
    file: 'reference-charge-point-ftp-diagnostics.json',
    mainFile: 'reference-charge-point.json',
    // A charger with FTP-only diagnostics (issue 11): the Get Diagnostics cases (OCPP 1.6 §5.9) upload over FTP here;
    // the main configuration's diagnostics go over HTTP in EXT_FW_002.
    scenarios: ['TC_045_1_CS', 'TC_045_2_CS'],
  },
  {
    role: 'charge-point',
    file: 'reference-charge-point-security.json',
    mainFile: 'reference-charge-point.json',
    // The security white paper (issue 13): the reference with its security options, starting on profile 1.
    scenarios: [
      'TC_073_CS', 'TC_074_CS', 'TC_075_1_CS', 'TC_075_2_CS', 'TC_076_CS', 'TC_077_CS', 'TC_078_CS', 'TC_079_CS', 'TC_080_CS', 'TC_081_CS',
      'TC_083_CS', 'TC_084_CS', 'TC_085_CS', 'TC_086_CS', 'TC_087_CS',
      'EXT_SEC_101', 'EXT_SEC_102', 'EXT_SEC_103', 'EXT_SEC_104', 'EXT_SEC_105', 'EXT_SEC_106', 'EXT_SEC_107', 'EXT_SEC_108', 'EXT_SEC_109',
    ],
  },
  {
    role: 'central-system',
    file: 'reference-central-system-security.json',
    mainFile: 'reference-central-system.json',
    // The security white paper (issue 13), Central System under test: the main configuration does not declare the
    // Security profile; this one serves profiles 1 (main port), 2 and 3 (TLS ports) with a test PKI made per run.
    scenarios: ['TC_073_CSMS', 'TC_074_CSMS', 'TC_075_1_CSMS', 'TC_075_2_CSMS', 'TC_076_CSMS', 'TC_077_CSMS', 'TC_078_CSMS', 'TC_079_CSMS', 'TC_080_CSMS',
      'TC_081_CSMS', 'TC_083_CSMS', 'TC_085_CSMS', 'TC_086_CSMS', 'TC_087_CSMS', 'EXT_SEC_201', 'EXT_SEC_202', 'EXT_SEC_203', 'EXT_SEC_204', 'EXT_SEC_205',
      'EXT_SEC_206', 'EXT_SEC_207', 'EXT_SEC_208', 'EXT_SEC_209', 'EXT_SEC_210', 'EXT_SEC_211', 'EXT_SEC_212'],
  },
];

export function sutPath(root: string, file: string): string {
  return join(root, 'fixtures', 'sut', file);
}

/** A Cucumber tag expression for exactly `ids`. */
export function tagsOf(ids: readonly string[]): string {
  return ids.map((id) => `@${id}`).join(' or ');
}

/** The tag expression of a main configuration's run: everything but the cases a variant runs instead. */
export function mainRunTags(file: string): string | undefined {
  const moved = REFERENCE_VARIANTS.filter((v) => v.mainFile === file).flatMap((v) => v.scenarios);
  return moved.length > 0 ? moved.map((id) => `not @${id}`).join(' and ') : undefined;
}

/** `base` narrowed to `ids` (both when a user gave tags, only `ids` otherwise). */
export function variantTags(ids: readonly string[], base?: string): string {
  return base ? `(${base}) and (${tagsOf(ids)})` : tagsOf(ids);
}

/**
 * The SUT file a fault of `role` runs against: the variant whose cases it declares (a fault detected by
 * TC_017_2_CS needs the fixed-cable build), else the main configuration. A fault declaring cases of both cannot be
 * judged in one run.
 */
export function referenceFileFor(role: SutRole, detectedBy: readonly string[]): string {
  const main = MAIN_REFERENCE_FILE[role];
  const variants = REFERENCE_VARIANTS.filter((v) => v.role === role && detectedBy.some((id) => v.scenarios.includes(id)));
  if (variants.length === 0) return main;
  const variant = variants[0] as ReferenceVariant;
  const elsewhere = detectedBy.filter((id) => !variant.scenarios.includes(id));
  if (variants.length > 1 || elsewhere.length > 0) {
    throw new Error(`${detectedBy.join(', ')}: a fault's cases must all run against one reference configuration (${variant.file} runs only ${variant.scenarios.join(', ')})`);
  }
  return variant.file;
}

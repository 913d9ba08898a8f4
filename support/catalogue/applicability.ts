/**
 * Whether a test case applies to a system under test, decided as the Before hook decides it: declared N/A in the
 * SUT file, the other role, or a profile the SUT file does not list (Core always applies). Also says when the SUT
 * file declares the case a known deviation (expected XFAIL).
 */
import { relative } from 'node:path';
import { supportedProfiles, type SutConfig } from '../sut/sut-config';

export interface CaseKey {
  readonly id: string;
  readonly role: 'charge-point' | 'central-system' | undefined;
  readonly profile: string | undefined;
}

export type Applicability =
  | { readonly applies: true; readonly knownDeviation?: string }
  | { readonly applies: false; readonly reason: string };

export function applicability(sut: SutConfig, key: CaseKey): Applicability {
  const declared = sut.notApplicable.get(key.id);
  if (declared !== undefined) return { applies: false, reason: `declared not applicable in ${relative(process.cwd(), sut.file)}: ${declared}` };
  if (key.role && key.role !== sut.role) {
    return { applies: false, reason: `tests a ${key.role.replace('-', ' ')}; the SUT is a ${sut.role.replace('-', ' ')}` };
  }
  if (key.profile && key.profile !== 'Core' && !supportedProfiles(sut).includes(key.profile)) {
    return { applies: false, reason: `the SUT file does not list the ${key.profile} profile as supported` };
  }
  const deviation = sut.knownDeviations.get(key.id);
  return deviation ? { applies: true, knownDeviation: deviation.reason } : { applies: true };
}

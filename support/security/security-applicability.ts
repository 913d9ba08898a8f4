/**
 * Whether a security white paper case can run against a SUT, from its SUT file's `security` section: the profile
 * it needs is supported, the use case it tests is implemented. A case outside them is N/A with the reason (the
 * feature profile tag `@feature-profile:Security` already makes every case N/A when Security is not in
 * supportedProfiles).
 */
import { relative } from 'node:path';
import { NotApplicable } from '../reporting/errors';
import type { SecurityFeature, SutConfig } from '../sut/sut-config';

/** Why the SUT cannot run a case needing `feature`, or undefined when it can. */
export function missingSecurityFeature(sut: SutConfig, feature: SecurityFeature): string | undefined {
  if (sut.security.features.includes(feature)) return undefined;
  return `the SUT file ${relative(process.cwd(), sut.file)} does not list "${feature}" in /security/features`;
}

/** Why the SUT cannot run a case needing security profile `profile`, or undefined when it can. */
export function missingSecurityProfile(sut: SutConfig, profile: number): string | undefined {
  if (sut.security.profiles.includes(profile)) return undefined;
  return `the SUT file ${relative(process.cwd(), sut.file)} does not list security profile ${profile} in /security/profiles (it lists ${sut.security.profiles.join(', ')})`;
}

/** Throws NotApplicable unless the SUT implements every feature and supports every profile given. */
export function requireSecurity(sut: SutConfig, needs: { readonly features?: readonly SecurityFeature[]; readonly profiles?: readonly number[] }): void {
  for (const f of needs.features ?? []) {
    const reason = missingSecurityFeature(sut, f);
    if (reason) throw new NotApplicable(reason);
  }
  for (const p of needs.profiles ?? []) {
    const reason = missingSecurityProfile(sut, p);
    if (reason) throw new NotApplicable(reason);
  }
}

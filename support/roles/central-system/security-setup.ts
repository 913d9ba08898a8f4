/**
 * The run's security set-up for a Charge Point under test (security white paper cases, `@feature-profile:Security`):
 * the test PKI made per run in memory, and the emulated Central System's transport for the charger's profile.
 */
import { ConfigError } from '../../reporting/errors';
import { createTestPki } from '../../security/pki';
import type { SutConfig } from '../../sut/sut-config';
import { SecurityTransport } from './security-transport';

/** Whether the SUT file asks for the security cases (Security in chargePoint.supportedProfiles). */
export function wantsSecurity(sut: SutConfig): boolean {
  return sut.chargePoint?.supportedProfiles.includes('Security') === true;
}

export async function createSecurityTransport(sut: SutConfig): Promise<SecurityTransport> {
  const cp = sut.chargePoint!;
  const s = sut.security;
  if (s.pki !== 'generate') {
    throw new ConfigError(`the SUT file ${sut.file} gives /security/pki as files; the Charge Point suite makes its PKI per run only ("pki": "generate") so far`);
  }
  const serialNumber = s.serialNumber ?? cp.identity;
  const pki = await createTestPki({ chargePointIdentity: serialNumber, cpoName: s.cpoName, centralSystemHost: s.host });
  const password = cp.security.basicAuthPassword === undefined ? undefined : Buffer.from(cp.security.basicAuthPassword, 'utf8');
  return new SecurityTransport({ pki, identity: cp.identity, serialNumber, profile: s.profile, ...(password ? { password } : {}) });
}

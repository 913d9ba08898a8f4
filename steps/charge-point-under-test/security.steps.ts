// Charge Point under test: the security white paper's profiles, passwords, TLS and security events (test case
// document §2.24; white paper edition 3). The certificate, log and firmware steps are in security-certificates.steps.ts.
import { Given, Then, When } from '../../support/cucumber/define';
import type { HarnessWorld } from '../../support/cucumber/world';
import { HarnessError } from '../../support/reporting/errors';
import { SecurityCertificateFlows } from '../../support/roles/central-system/security-certificate-flows';
import { SecurityFlows, type BadServerCertificate } from '../../support/roles/central-system/security-flows';
import type { SecurityFeature } from '../../support/sut/sut-config';

/** The scenario's security flows over the bench's profile transport. */
export function security(w: HarnessWorld): SecurityFlows {
  const transport = w.bench.security;
  if (!transport) throw new HarnessError(`the SUT file ${w.sut.file} does not list Security in chargePoint.supportedProfiles: no security transport was set up`);
  return new SecurityFlows(w, transport, w.centralSystem, (fileName, text) => w.attach(text, { mediaType: 'text/markdown', fileName }));
}

export const certificates = (w: HarnessWorld): SecurityCertificateFlows => new SecurityCertificateFlows(security(w));

const profilesOf = (text: string): number[] => text.split(/,| or /).map((p) => Number(p.trim())).filter((n) => Number.isInteger(n));

Given('the Charge Point implements the security feature {string}, with security profile {string}', function (feature: string, profiles: string) {
  security(this).require([feature as SecurityFeature], profilesOf(profiles));
});

Given('the Charge Point is connected with security profile {string}', async function (profiles: string) {
  const s = security(this);
  await s.ensureProfile(profilesOf(profiles), (target) => new SecurityCertificateFlows(s).prepareProfile(target));
});

Given('the Charge Point is ready for the next security profile', async function () {
  const s = security(this);
  await new SecurityCertificateFlows(s).prepareProfile(s.nextProfile());
});

When('the Central System sends ChangeConfiguration.req with the new AuthorizationKey{docStep}', async function (step?: string) {
  await security(this).changeConfiguration('AuthorizationKey', this.sut.security.newAuthorizationKey, this.rule('Security whitepaper A01.FR.01', step));
});

When('the Central System sends ChangeConfiguration.req raising SecurityProfile by one{docStep}', async function (step?: string) {
  const s = security(this);
  this.memory.set('security:next-profile', s.nextProfile());
  await s.changeConfiguration('SecurityProfile', String(this.memory.get('security:next-profile')), this.rule('Security whitepaper A05.FR.05', step));
});

When('the Central System sends ChangeConfiguration.req lowering SecurityProfile by one{docStep}', async function (step?: string) {
  const s = security(this);
  await s.changeConfiguration('SecurityProfile', String(s.currentProfile - 1), this.rule('Security whitepaper A05.FR.01', step));
});

Then('the Charge Point answers ChangeConfiguration.conf Accepted and reconnects with the new password{docStep}', async function (step?: string) {
  const s = security(this);
  s.requests.expectConf('ChangeConfiguration', { status: 'Accepted' }, this.rule('Security whitepaper A01.FR.01', step));
  await s.expectReconnection([1, 2], this.rule('Security whitepaper A01.FR.01', step));
});

Then('the Charge Point answers ChangeConfiguration.conf Accepted or RebootRequired and connects with the higher security profile{docStep}', async function (step?: string) {
  await security(this).expectUpgrade(this.memory.get('security:next-profile') as number, this.rule('Security whitepaper A05.FR.06', step));
});

Then('the Charge Point answers ChangeConfiguration.conf Rejected and stays on its security profile{docStep}', async function (step?: string) {
  const s = security(this);
  s.requests.expectConf('ChangeConfiguration', { status: 'Rejected' }, this.rule('Security whitepaper A05.FR.01', step));
  await s.expectNoReconnection(this.rule('Security whitepaper A05.FR.01', step));
});

When('the Central System resets the Charge Point with Reset.req Hard{docStep}', async function (step?: string) {
  await security(this).reset(this.rule('OCPP 1.6 §5.14', step));
});

Then('the Charge Point connects with Basic credentials of its identity and AuthorizationKey{docStep}', async function (step?: string) {
  await security(this).expectBasicAuthReconnection(this.rule('Security whitepaper A00.FR.205', step));
});

Then('the Charge Point connects over TLS 1.2 or newer with a white paper cipher suite{docStep}', async function (step?: string) {
  await security(this).expectTlsReconnection([2, 3], this.rule('Security whitepaper A00.FR.312', step));
});

Then('the Charge Point connects over TLS with its client certificate{docStep}', async function (step?: string) {
  await security(this).expectClientCertificateReconnection(this.rule('Security whitepaper A00.FR.405', step));
});

Then('the Charge Point registers again with BootNotification.req{docStep}', async function (step?: string) {
  await security(this).expectBoot(this.rule('OCPP 1.6 §4.2', step));
});

When('the Central System presents a server certificate {string} and closes the connection', async function (kind: BadServerCertificate) {
  await security(this).presentBadServerCertificate(kind);
});

Then('the Charge Point refuses the server certificate {string}', async function (kind: BadServerCertificate) {
  await security(this).expectServerCertificateRefused(kind, this.rule(kind === 'wrong-name' ? 'Security whitepaper A00.FR.308' : 'Security whitepaper A00.FR.307'));
});

When('the Central System presents its valid server certificate again', async function () {
  await security(this).restoreServerCertificate();
});

Then('the Charge Point connects again and sends SecurityEventNotification.req {string}', async function (type: string) {
  const s = security(this);
  await s.expectReconnection([2, 3], this.rule('Security whitepaper A00.FR.307'));
  await s.expectSecurityEvent(type, this.rule('Security whitepaper A00.FR.309'));
});

Then('the Charge Point sends SecurityEventNotification.req {string}{docStep}', async function (type: string, step?: string) {
  await security(this).expectSecurityEvent(type, this.rule('Security whitepaper A04.FR.01', step));
});

Then('the Charge Point rejects AuthorizationKeys that are too short, not hex or too long', async function () {
  await security(this).expectBadAuthorizationKeysRejected(this.rule('Security whitepaper A00.FR.205'));
});

Then('the Charge Point rejects a SecurityProfile equal to its own and profile 0', async function () {
  await security(this).expectProfileNotLowered(this.rule('Security whitepaper A05.FR.01'));
});

Then('the Charge Point never reveals the AuthorizationKey in GetConfiguration.conf', async function () {
  await security(this).expectAuthorizationKeyHidden(this.rule('Security whitepaper §7.2'));
});

When('the Charge Point gets its network back after restarting offline', async function () {
  await security(this).regainNetwork();
});

Then('the Charge Point delivers the SecurityEventNotification.req {string} it raised while offline', async function (type: string) {
  await security(this).expectOfflineEventDelivered(type, this.rule('Security whitepaper A04.FR.02'));
});

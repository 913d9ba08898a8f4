// Central System under test: the security white paper (test case document §3.21 and EXT_SEC_2xx). The emulated
// Charge Point connects on the Central System's security profiles and answers its white paper requests; the
// handshakes go into tls-handshake.md.
import { Given, Then, When } from '../../support/cucumber/define';
import type { HarnessWorld } from '../../support/cucumber/world';
import { ConformanceAssertionError, NotApplicable } from '../../support/reporting/errors';
import { createRoot } from '../../support/security/pki';
import { requireSecurity } from '../../support/security/security-applicability';
import type { SecurityFeature } from '../../support/sut/sut-config';
import { supportedProfiles } from '../../support/sut/sut-config';
import type { EmulatedChargePoint, HandshakeOutcome } from '../../support/roles/charge-point/emulated-charge-point';
import { expectEmptyConf } from '../../support/roles/charge-point/firmware-checks';
import {
  expectAbsoluteUri, expectAuthorizationKeyValue, expectField, expectHashDataOf, expectLetIn, expectPemChain, expectRefused, expectRootCertificate, expectSignature, expectWhitePaperSuites, expectWhitePaperTls,
} from '../../support/roles/charge-point/security-checks';
import {
  connectWith, downloadSignedFirmware, endpointHost, firmwareSignatureVerifies, pickProfile, probeWhitePaperSuites, receiveRequest, receiveSignedCertificate, reconnectWithChanges,
  renderSuiteProbe, requireChargePointCa, securityOf, sendSignCertificate, signedFirmwareOf, uploadSecurityLog, wrongCertificate,
} from '../../support/roles/charge-point/security-flow';
import type { ConnectionOffer } from '../../support/roles/charge-point/security-transport';

/** The white paper rule each notification's answer rests on (A04.FR.03, N01, L01). */
const ACK_RULES: Record<string, string> = {
  SecurityEventNotification: 'Security whitepaper A04.FR.03',
  LogStatusNotification: 'Security whitepaper N01.FR.08',
  SignedFirmwareStatusNotification: 'Security whitepaper L01.FR.10',
};

const cpOf = (world: HarnessWorld): EmulatedChargePoint => world.chargePointNamed('default');

/** Attaches the TLS handshakes of the default charge point seen since the last attachment (tls-handshake.md). */
function attachTls(world: HarnessWorld, extra = ''): void {
  const security = cpOf(world).security;
  if (!security) return;
  const from = (world.memory.get('tls attached') as number | undefined) ?? 0;
  const text = security.render(from) + extra;
  world.memory.set('tls attached', security.evidence.length);
  if (text.trim()) world.attach(text, { mediaType: 'text/markdown', fileName: 'tls-handshake.md' });
}

/** Keeps a connection's outcome and the rule a refusal of it breaks, for the "lets in" step. */
function remember(world: HarnessWorld, handshake: HandshakeOutcome, rule: string, what: string): void {
  world.memory.set('handshake', handshake);
  world.memory.set('admission rule', rule);
  world.memory.set('admission what', what);
  attachTls(world);
}

/** A new default charge point (not connected) on `profile`. */
function chargePointOn(world: HarnessWorld, profile: number): EmulatedChargePoint {
  const cp = world.newChargePoint('default');
  world.cleanups.push(() => cp.sessions.stopAll());
  securityOf(cp).profile = profile;
  if (profile === 3) requireChargePointCa(world.bench.securityPki);
  return cp;
}

async function bootOn(world: HarnessWorld, profile: number): Promise<void> {
  const cp = chargePointOn(world, profile);
  try {
    await cp.connectAndBeAccepted(world.rule('OCPP 1.6 §4.2', `reusable state Booted on security profile ${profile}`));
  } finally {
    attachTls(world);
  }
  await cp.statusOfEveryConnector('Available', world.rule('OCPP 1.6 §4.9', 'reusable state Booted'));
}

function needs(world: HarnessWorld, ...features: SecurityFeature[]): void {
  requireSecurity(world.sut, { features });
}

// ---- Reusable states ----

Given('the emulated Charge Point is booted on security profile 1 or 2', async function () {
  await bootOn(this, pickProfile(this.sut, [1, 2]));
});

Given('the emulated Charge Point is booted on security profile 3', async function () {
  await bootOn(this, pickProfile(this.sut, [3]));
});

Given('the emulated Charge Point is booted on a security profile below the highest one declared', async function () {
  needs(this, 'profile-change');
  const { profile, profiles } = this.sut.security;
  const higher = profiles.find((p) => p > profile);
  if (higher === undefined) throw new NotApplicable(`the SUT uses security profile ${profile}, the highest in /security/profiles: there is none to upgrade to`);
  if (higher === 3) requireChargePointCa(this.bench.securityPki);
  this.memory.set('upgrade to', higher);
  await bootOn(this, profile);
});

Given('the emulated Charge Point will reject the certificate it is sent', function () {
  securityOf(cpOf(this)).rejectSignedCertificates = true;
});

Given('the emulated Charge Point will reject the certificates it is asked to install', function () {
  securityOf(cpOf(this)).rejectInstalls = true;
});

Given('the CSMS operator has installed a second CentralSystemRootCertificate on the Charge Point', async function () {
  needs(this, 'certificate-management');
  const root2 = await createRoot({ subject: `CN=${this.sut.security.cpoName} Root 2 (test), O=${this.sut.security.cpoName}` });
  this.memory.set('root 2', root2.certPem);
  await this.act('install-certificate', { chargePointId: cpOf(this).identity, certificateType: 'CentralSystemRootCertificate', certificate: root2.certPem });
  const call = await receiveRequest(cpOf(this), 'InstallCertificate', this.sut.timeouts.messageMs, this.rule('Security whitepaper §5.11', 'memory state: Root 2 installed'));
  expectField(call.payload, 'InstallCertificate', 'certificate', root2.certPem.trim(), this.rule('Security whitepaper §5.11', 'memory state: Root 2 installed'));
});

// ---- Connections ----

When('the emulated Charge Point connects on security profile 1 or 2 with its identity and AuthorizationKey{docStep}', async function (step?: string) {
  const cp = chargePointOn(this, pickProfile(this.sut, [1, 2]));
  remember(this, await cp.connect(), 'Security whitepaper A00.FR.203', `${cp.identity} with its Basic credentials`);
  this.rule('Security whitepaper A00.FR.203', step);
});

When('the emulated Charge Point connects on security profile 2 or 3{docStep}', async function (step?: string) {
  const profile = pickProfile(this.sut, [2, 3]);
  const cp = chargePointOn(this, profile);
  this.memory.set('tls profile', profile);
  remember(this, await cp.connect(), 'Security whitepaper A00.FR.306', `${cp.identity} on security profile ${profile}`);
  this.rule('Security whitepaper A00.FR.306', step);
});

When('the emulated Charge Point connects on security profile 3{docStep}', async function (step?: string) {
  const cp = chargePointOn(this, pickProfile(this.sut, [3]));
  this.memory.set('tls profile', 3);
  remember(this, await cp.connect(), 'Security whitepaper A00.FR.403', `${cp.identity} with its client certificate`);
  this.rule('Security whitepaper A00.FR.403', step);
});

/** A connection a conformant Central System refuses: `offer` changes one thing of a valid one. */
async function connectRefusable(world: HarnessWorld, profiles: number[], offer: (cp: EmulatedChargePoint, profile: number) => Promise<ConnectionOffer> | ConnectionOffer, what: string): Promise<void> {
  const profile = pickProfile(world.sut, profiles);
  const cp = chargePointOn(world, profile);
  world.memory.set('handshake', await connectWith(cp, { profile, ...(await offer(cp, profile)) }));
  world.memory.set('admission what', `${cp.identity} ${what}`);
  attachTls(world);
}

When('the emulated Charge Point connects on security profile 2 or 3 offering only TLS 1.0 and 1.1', async function () {
  await connectRefusable(this, [2, 3], () => ({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1' }), 'offering only TLS 1.0 and 1.1');
});

When('the emulated Charge Point connects on security profile 2 or 3 offering only CBC cipher suites', async function () {
  await connectRefusable(this, [2, 3], () => ({ maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA:AES128-SHA:AES256-SHA' }), 'offering only CBC cipher suites over TLS 1.2');
});

When('the emulated Charge Point connects on security profile 3 without a client certificate', async function () {
  await connectRefusable(this, [3], () => ({ certificate: 'none' }), 'without a client certificate');
});

When('the emulated Charge Point connects on security profile 3 with a certificate from a CA the Central System does not know', async function () {
  await connectRefusable(this, [3], (cp) => wrongCertificate(cp, this.sut, this.bench.securityPki!, 'unknown-ca'), 'with a certificate from an unknown CA');
});

When('the emulated Charge Point connects on security profile 3 with a certificate whose CN is another charge point\'s', async function () {
  await connectRefusable(this, [3], (cp) => wrongCertificate(cp, this.sut, this.bench.securityPki!, 'other-name'), 'with a certificate for another serial number');
});

When('the emulated Charge Point connects on security profile 1 or 2 with a wrong password', async function () {
  await connectRefusable(this, [1, 2], () => ({ password: Buffer.from('not-the-authorization-key', 'utf8') }), 'with a wrong Basic password');
});

When('the emulated Charge Point connects on security profile 1 or 2 with another charge point\'s username', async function () {
  await connectRefusable(this, [1, 2], (cp) => ({ username: `${cp.identity}-OTHER` }), 'with another charge point\'s Basic username');
});

When('the emulated Charge Point reconnects with the new password{docStep}', async function (step?: string) {
  remember(this, await reconnectWithChanges(cpOf(this)), 'Security whitepaper A01.FR.02', `${cpOf(this).identity} with its new AuthorizationKey`);
  this.rule('Security whitepaper A01.FR.02', step);
});

When('the emulated Charge Point reconnects with its new certificate{docStep}', async function (step?: string) {
  remember(this, await reconnectWithChanges(cpOf(this)), 'Security whitepaper A02.FR.08', `${cpOf(this).identity} with the certificate the Central System sent`);
  this.rule('Security whitepaper A02.FR.08', step);
});

When('the emulated Charge Point reconnects on its new security profile', async function () {
  remember(this, await reconnectWithChanges(cpOf(this)), 'Security whitepaper A05.FR.07', `${cpOf(this).identity} on the security profile it was upgraded to`);
});

When('the emulated Charge Point connects again on its old security profile', async function () {
  const cp = cpOf(this);
  await cp.disconnect();
  this.memory.set('handshake', await connectWith(cp, { profile: securityOf(cp).previousProfile }));
  this.memory.set('admission what', `${cp.identity} on security profile ${String(securityOf(cp).previousProfile)}, below the one it was upgraded to`);
  attachTls(this);
});

Then('the Central System lets the emulated Charge Point in{docStep}', function (step?: string) {
  expectLetIn(this.memory.get('handshake') as HandshakeOutcome, this.memory.get('admission what') as string, this.rule(this.memory.get('admission rule') as string, step));
});

Then('the Central System refuses the connection for {string}', function (rule: string) {
  expectRefused(this.memory.get('handshake') as HandshakeOutcome, this.memory.get('admission what') as string, this.rule(rule));
});

Then('the Central System refuses the emulated Charge Point with the password it had before', async function () {
  const cp = cpOf(this);
  const old = securityOf(cp).previousPassword;
  await cp.disconnect();
  const handshake = await connectWith(cp, { password: old });
  attachTls(this);
  expectRefused(handshake, `${cp.identity} with the password it had before the AuthorizationKey change`, this.rule('Security whitepaper A01.FR.03'));
});

Then('the Central System used TLS 1.2 or newer and a server certificate that meets the white paper{docStep}', function (step?: string) {
  const cp = cpOf(this);
  const evidence = securityOf(cp).evidence.at(-1);
  const host = endpointHost(cp, this.memory.get('tls profile') as number);
  expectWhitePaperTls(evidence, host, { version: this.rule('Security whitepaper A00.FR.312', step), certificate: this.rule('Security whitepaper A00.FR.510', step) });
});

Then('the Central System supports the white paper\'s four TLS 1.2 cipher suites{docStep}', async function (step?: string) {
  const profile = (this.memory.get('tls profile') as number | undefined) ?? pickProfile(this.sut, [2, 3]);
  const probes = await probeWhitePaperSuites(cpOf(this), profile, this.sut.timeouts.connectMs);
  attachTls(this, renderSuiteProbe(probes));
  expectWhitePaperSuites(probes, this.rule('Security whitepaper A00.FR.317', step));
});

// ---- Operator actions ----

When('the CSMS operator sets a new AuthorizationKey for the Charge Point', async function () {
  needs(this, 'authorization-key');
  await this.act('change-authorization-key', { chargePointId: cpOf(this).identity, key: this.sut.security.newAuthorizationKey });
});

When('the CSMS operator asks the Charge Point to renew its certificate', async function () {
  needs(this, 'certificate-signing', 'extended-trigger');
  await this.act('extended-trigger-message', { chargePointId: cpOf(this).identity, requestedMessage: 'SignChargePointCertificate' });
});

When('the CSMS operator installs a {word} on the Charge Point', async function (certificateType: string) {
  needs(this, 'certificate-management');
  pickProfile(this.sut, [2, 3]);
  await this.act('install-certificate', { chargePointId: cpOf(this).identity, certificateType });
});

When('the CSMS operator lists the {word} certificates of the Charge Point', async function (certificateType: string) {
  await this.act('get-installed-certificate-ids', { chargePointId: cpOf(this).identity, certificateType });
});

When('the CSMS operator deletes that certificate from the Charge Point', async function () {
  await this.act('delete-certificate', { chargePointId: cpOf(this).identity, certificateType: 'CentralSystemRootCertificate', certificate: this.memory.get('root 2') });
});

When('the CSMS operator requests the security log of the Charge Point', async function () {
  needs(this, 'security-log');
  await this.act('get-log', { chargePointId: cpOf(this).identity, logType: 'SecurityLog' });
});

/** L01 needs the signed-firmware feature and, as the test case document says, the FirmwareManagement profile. */
function needsSignedFirmware(world: HarnessWorld): void {
  needs(world, 'signed-firmware');
  if (!supportedProfiles(world.sut).includes('FirmwareManagement')) throw new NotApplicable('the case needs the FirmwareManagement feature profile, which the SUT file does not list in centralSystem.supportedProfiles');
}

When('the CSMS operator updates the firmware of the Charge Point with a signed image', async function () {
  needsSignedFirmware(this);
  this.memory.set('signature valid', true);
  await this.act('signed-update-firmware', { chargePointId: cpOf(this).identity });
});

When('the CSMS operator updates the firmware of the Charge Point with an invalid signature', async function () {
  needsSignedFirmware(this);
  this.memory.set('signature valid', false);
  await this.act('signed-update-firmware', { chargePointId: cpOf(this).identity, invalidSignature: true });
});

When('the CSMS operator raises the security profile of the Charge Point by one', async function () {
  await this.act('change-security-profile', { chargePointId: cpOf(this).identity, profile: this.memory.get('upgrade to') });
});

// ---- Requests of the Central System ----

Then('the emulated Charge Point receives ChangeConfiguration.req for AuthorizationKey with the new key in hex{docStep}', async function (step?: string) {
  const call = await receiveRequest(cpOf(this), 'ChangeConfiguration', this.sut.timeouts.messageMs, this.rule('Security whitepaper A01.FR.02', step), { key: 'AuthorizationKey' });
  expectAuthorizationKeyValue(call.payload, this.sut.security.newAuthorizationKey, this.rule('Security whitepaper §7.2', step));
});

Then('the emulated Charge Point receives ChangeConfiguration.req for SecurityProfile one above its own', async function () {
  const call = await receiveRequest(cpOf(this), 'ChangeConfiguration', this.sut.timeouts.messageMs, this.rule('Security whitepaper A05.FR.05'), { key: 'SecurityProfile' });
  expectField(call.payload, 'ChangeConfiguration', 'value', String(this.memory.get('upgrade to')), this.rule('Security whitepaper A05.FR.05'));
});

Then('the emulated Charge Point receives ExtendedTriggerMessage.req for SignChargePointCertificate without connectorId{docStep}', async function (step?: string) {
  const call = await receiveRequest(cpOf(this), 'ExtendedTriggerMessage', this.sut.timeouts.messageMs, this.rule('Security whitepaper §5.5', step), { requestedMessage: 'SignChargePointCertificate' });
  expectField(call.payload, 'ExtendedTriggerMessage', 'connectorId', undefined, this.rule('Security whitepaper §5.5', step));
});

When('the emulated Charge Point sends SignCertificate.req with a new key{docStep}', async function (step?: string) {
  await sendSignCertificate(cpOf(this), this.sut, this.rule('Security whitepaper A02.FR.11', step));
});

When('the emulated Charge Point sends SignCertificate.req with a CSR whose O is not the CpoName', async function () {
  needs(this, 'certificate-signing');
  this.memory.set('csr rule', 'Security whitepaper A02.FR.13');
  await sendSignCertificate(cpOf(this), this.sut, this.rule('Security whitepaper A02.FR.13'), 'wrong-organization');
});

When('the emulated Charge Point sends SignCertificate.req with a CSR that is not one', async function () {
  needs(this, 'certificate-signing');
  this.memory.set('csr rule', 'Security whitepaper A02.FR.12');
  await sendSignCertificate(cpOf(this), this.sut, this.rule('Security whitepaper A02.FR.12'), 'malformed');
});

Then('the Central System responds to SignCertificate.req with status {string}{docStep}', function (status: string, step?: string) {
  cpOf(this).expectLastConf('SignCertificate', { status }, this.rule('Security whitepaper A02.FR.11', step));
});

Then('the Central System responds to SignCertificate.req with status "Rejected" and sends no CertificateSigned.req', async function () {
  const rule = this.rule(this.memory.get('csr rule') as string);
  cpOf(this).expectLastConf('SignCertificate', { status: 'Rejected' }, rule);
  await cpOf(this).receiveNone({ action: 'CertificateSigned' }, this.sut.timeouts.responseMs, rule);
});

Then('the emulated Charge Point receives CertificateSigned.req with a valid certificate for its new key{docStep}', async function (step?: string) {
  const { why } = await receiveSignedCertificate(cpOf(this), this.sut.timeouts.messageMs, this.rule('Security whitepaper A02.FR.06', step));
  if (why) {
    throw new ConformanceAssertionError({
      rule: 'Security whitepaper A02.FR.06', step, level: 'SHALL', category: 'behaviour',
      message: `the certificate of CertificateSigned.req is not valid for the charge point: ${why}`, expected: 'a certificate of the CPO hierarchy for the CSR\'s key, CN = serial number, O = CpoName', actual: why,
    });
  }
});

Then('the emulated Charge Point receives CertificateSigned.req with a PEM certificate chain{docStep}', async function (step?: string) {
  const { chain } = await receiveSignedCertificate(cpOf(this), this.sut.timeouts.messageMs, this.rule('Security whitepaper A02.FR.11', step));
  expectPemChain(chain, this.rule('Security whitepaper A00.FR.507', step));
});

Then('the emulated Charge Point receives InstallCertificate.req with a {word} root certificate{docStep}', async function (certificateType: string, step?: string) {
  const call = await receiveRequest(cpOf(this), 'InstallCertificate', this.sut.timeouts.messageMs, this.rule('Security whitepaper §5.11', step));
  expectField(call.payload, 'InstallCertificate', 'certificateType', certificateType, this.rule('Security whitepaper §5.11', step));
  expectRootCertificate(call.payload['certificate'], 'InstallCertificate', this.rule('Security whitepaper A00.FR.507', step));
});

Then('the emulated Charge Point receives GetInstalledCertificateIds.req for {word}{docStep}', async function (certificateType: string, step?: string) {
  const call = await receiveRequest(cpOf(this), 'GetInstalledCertificateIds', this.sut.timeouts.messageMs, this.rule('Security whitepaper §5.7', step));
  expectField(call.payload, 'GetInstalledCertificateIds', 'certificateType', certificateType, this.rule('Security whitepaper §5.7', step));
});

Then('the emulated Charge Point receives DeleteCertificate.req with the hash data of that certificate{docStep}', async function (step?: string) {
  const call = await receiveRequest(cpOf(this), 'DeleteCertificate', this.sut.timeouts.messageMs, this.rule('Security whitepaper M04.FR.07', step));
  expectHashDataOf(call.payload['certificateHashData'], this.memory.get('root 2') as string, this.rule('Security whitepaper M04.FR.07', step));
});

Then('the emulated Charge Point receives GetLog.req for the SecurityLog with an absolute remoteLocation{docStep}', async function (step?: string) {
  const call = await receiveRequest(cpOf(this), 'GetLog', this.sut.timeouts.messageMs, this.rule('Security whitepaper N01.FR.01', step));
  expectField(call.payload, 'GetLog', 'logType', 'SecurityLog', this.rule('Security whitepaper N01.FR.01', step));
  this.memory.set('log location', expectAbsoluteUri((call.payload['log'] as Record<string, unknown>)?.['remoteLocation'], 'log.remoteLocation of GetLog.req', this.rule('Security whitepaper N01.FR.02', step)));
  this.memory.set('request id', call.payload['requestId']);
});

Then('the emulated Charge Point receives SignedUpdateFirmware.req with a signing certificate and a signature{docStep}', async function (step?: string) {
  const call = await receiveRequest(cpOf(this), 'SignedUpdateFirmware', this.sut.timeouts.messageMs, this.rule('Security whitepaper L01.FR.11', step));
  this.memory.set('firmware', signedFirmwareOf(call, this.rule('Security whitepaper L01.FR.11', step)));
  this.memory.set('request id', call.payload['requestId']);
});

// ---- The emulated Charge Point's requests and transfers ----

When('the emulated Charge Point sends SecurityEventNotification.req of type {string}{docStep}', async function (type: string, step?: string) {
  if (type !== 'FirmwareUpdated' && type !== 'InvalidFirmwareSignature') needs(this, 'security-events');
  await cpOf(this).send('SecurityEventNotification', { type, timestamp: new Date().toISOString(), techInfo: 'emulated Charge Point' }, this.rule('Security whitepaper A04.FR.03', step));
});

When('the emulated Charge Point sends LogStatusNotification.req with status {string}{docStep}', async function (status: string, step?: string) {
  await cpOf(this).send('LogStatusNotification', { status, requestId: this.memory.get('request id') }, this.rule('Security whitepaper N01.FR.08', step));
});

When('the emulated Charge Point sends SignedFirmwareStatusNotification.req with status {string}{docStep}', async function (status: string, step?: string) {
  await cpOf(this).send('SignedFirmwareStatusNotification', { status, requestId: this.memory.get('request id') }, this.rule('Security whitepaper L01.FR.10', step));
});

When('the emulated Charge Point uploads its security log to that location', async function () {
  await uploadSecurityLog(this.memory.get('log location') as string, this.sut.timeouts.messageMs, this.rule('Security whitepaper N01.FR.02', 'the upload'));
});

When('the emulated Charge Point downloads the signed firmware from that location', async function () {
  this.memory.set('image', await downloadSignedFirmware(this.memory.get('firmware') as Record<string, unknown>, this.sut.timeouts.messageMs, this.rule('Security whitepaper L01', 'the download')));
});

Then('the signature of the firmware verifies with the signing certificate the Central System sent{docStep}', function (step?: string) {
  const verifies = firmwareSignatureVerifies(this.memory.get('firmware') as Record<string, unknown>, this.memory.get('image') as Buffer, true);
  expectSignature(verifies, true, this.rule('Security whitepaper L01.FR.04', step));
});

Then('the signature of the firmware does not verify with the signing certificate the Central System sent{docStep}', function (step?: string) {
  firmwareSignatureVerifies(this.memory.get('firmware') as Record<string, unknown>, this.memory.get('image') as Buffer, false);
  this.rule('Security whitepaper L01.FR.03', step);
});

Then('the Central System responds to {word}.req with an empty .conf{docStep}', function (action: string, step?: string) {
  const cp = cpOf(this);
  const rule = this.rule(ACK_RULES[action] ?? 'Security whitepaper §5', step);
  cp.expectLastConf(action, {}, rule);
  expectEmptyConf(cp.lastOutcome(action), action, rule);
});

// Charge Point under test: the security white paper's certificates (M03–M05, A02), security log (N01) and signed
// firmware (L01), test case document §2.24.
import { Given, Then, When } from '../../support/cucumber/define';
import type { RootType } from '../../support/roles/central-system/security-certificate-flows';
import { certificates, security } from './security.steps';

Given('the Charge Point has the {word} installed', async function (type: RootType) {
  await certificates(this).ensureInstalled(type);
});

Given('the Charge Point has a second CentralSystemRootCertificate installed', async function () {
  await certificates(this).ensureRoot2Installed();
});

Given('the Charge Point has its CpoName set', async function () {
  await certificates(this).setCpoName(this.rule('Security whitepaper A02.FR.13', 'before state'));
});

When('the Central System sends InstallCertificate.req with its {word}{docStep}', async function (type: RootType, step?: string) {
  await certificates(this).sendInstall(type, 'run', this.rule('Security whitepaper M05.FR.02', step));
});

When('the Central System sends InstallCertificate.req with an {word} {word}{docStep}', async function (which: 'expired' | 'malformed', type: RootType, step?: string) {
  await certificates(this).sendInstall(type, which, this.rule('Security whitepaper M05.FR.06', step));
});

Then('the Charge Point answers InstallCertificate.conf {word}{docStep}', function (status: string, step?: string) {
  security(this).requests.expectConf('InstallCertificate', { status }, this.rule(status === 'Accepted' ? 'Security whitepaper M05.FR.02' : 'Security whitepaper M05.FR.06', step));
});

Then('the Charge Point lists the {word} with the hash data of the installed certificate{docStep}', async function (type: RootType, step?: string) {
  await certificates(this).expectListed(type, 'run', this.rule('Security whitepaper M03.FR.03', step));
});

When('the Central System deletes the second CentralSystemRootCertificate by the hash data the Charge Point lists{docStep}', async function (step?: string) {
  await certificates(this).deleteRoot2(this.rule('Security whitepaper M04.FR.02', step));
});

Then('the Charge Point no longer lists the deleted certificate{docStep}', async function (step?: string) {
  await certificates(this).expectRoot2Gone(this.rule('Security whitepaper M04.FR.02', step));
});

When('the Central System sends ExtendedTriggerMessage.req for SignChargePointCertificate{docStep}', async function (step?: string) {
  await certificates(this).triggerSignCertificate(this.rule('Security whitepaper A02.FR.02', step));
});

Then('the Charge Point answers ExtendedTriggerMessage.conf Accepted{docStep}', function (step?: string) {
  security(this).requests.expectConf('ExtendedTriggerMessage', { status: 'Accepted' }, this.rule('Security whitepaper A02.FR.02', step));
});

Then('the Charge Point sends SignCertificate.req with a CSR for its CpoName, which the Central System signs {word}{docStep}', async function (kind: 'valid' | 'invalid' | 'oversized', step?: string) {
  await certificates(this).expectSignCertificate(kind, this.rule('Security whitepaper A02.FR.13', step));
});

When('the Central System sends CertificateSigned.req with the signed certificate{docStep}', async function (step?: string) {
  await certificates(this).sendCertificateSigned(this.rule('Security whitepaper A02.FR.06', step));
});

Then('the Charge Point answers CertificateSigned.conf {word}{docStep}', function (status: string, step?: string) {
  security(this).requests.expectConf('CertificateSigned', { status }, this.rule(status === 'Accepted' ? 'Security whitepaper A02.FR.06' : 'Security whitepaper A02.FR.07', step));
});

Then('the Charge Point reconnects with the new certificate{docStep}', async function (step?: string) {
  await certificates(this).expectReconnectionWithNewCertificate(this.rule('Security whitepaper A02.FR.08', step));
});

When('the Central System sends GetLog.req for the SecurityLog into the upload directory of its file server{docStep}', async function (step?: string) {
  await certificates(this).sendGetLog(this.rule('Security whitepaper N01.FR.01', step));
});

Then('the Charge Point answers GetLog.conf Accepted{docStep}', function (step?: string) {
  security(this).requests.expectConf('GetLog', { status: 'Accepted' }, this.rule('Security whitepaper N01.FR.01', step));
});

Then('the Charge Point reports the upload Uploading and Uploaded and the log arrives{docStep}', async function (step?: string) {
  await certificates(this).expectLogUploaded(this.rule('Security whitepaper N01.FR.09', step));
});

When('the Central System sends SignedUpdateFirmware.req for a firmware it serves, with a {word} signature{docStep}', async function (signature: 'valid' | 'invalid', step?: string) {
  await certificates(this).sendSignedUpdate(signature, this.rule('Security whitepaper L01.FR.01', step));
});

Then('the Charge Point answers SignedUpdateFirmware.conf Accepted{docStep}', function (step?: string) {
  security(this).requests.expectConf('SignedUpdateFirmware', { status: 'Accepted' }, this.rule('Security whitepaper L01.FR.23', step));
});

Then('the Charge Point sends SignedFirmwareStatusNotification.req {string}, in this order{docStep}', async function (statuses: string, step?: string) {
  await certificates(this).expectFirmwareStatuses(statuses.split(',').map((s) => s.trim()), this.rule(statuses.includes('InvalidSignature') ? 'Security whitepaper L01.FR.03' : 'Security whitepaper L01.FR.04', step));
});

Then('the Charge Point reboots and reports its connectors Available and the firmware Installed, in any order{docStep}', async function (step?: string) {
  await certificates(this).expectInstalledAfterReboot(this.rule('Security whitepaper L01.FR.10', step));
});

Then('the Charge Point does not install the firmware', async function () {
  await certificates(this).expectNotInstalled(this.rule('Security whitepaper L01.FR.03'));
});

// Charge Point under test: firmware update and diagnostics with the harness's file server (OCPP 1.6 §5.19, §5.9,
// §4.4, §4.5). The messages of the test case steps reuse the generic phrases ("the Charge Point sends {message} with
// status …", "the Charge Point answers {message}").
import { Given, Then, When } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import type { HarnessWorld } from '../../support/cucumber/world';
import type { StatusAfterBoot } from '../../support/roles/central-system/boot-flows';
import type { RebootRules } from '../../support/roles/central-system/firmware-flows';
import { firmware, operation } from './flows';

/** After the reboot of an update: connector 0 and every connector as `statuses` allow (errata §3.22, §4.9). */
const afterReboot = (w: HarnessWorld, statuses: (connectorId: number) => string[], step?: string) =>
  (connectorId: number): StatusAfterBoot => ({ statuses: statuses(connectorId), rule: w.rule('OCPP 1.6 §4.9', step) });

/** Steps 9, 11, 13: the reboot onto the new firmware (§5.19), the statuses after it (errata §3.22), Installed (§4.5). */
const rebootRules = (w: HarnessWorld, step?: string): RebootRules => ({
  reboot: w.rule('OCPP 1.6 §5.19', step), statuses: w.rule('OCPP 1.6 errata §3.22', step), installed: w.rule('OCPP 1.6 §4.5', step),
});

/** retrieveDate ahead by twice the SUT file's tolerance, at least 3 s: a download before it is clearly early. */
const retrieveAhead = (w: HarnessWorld): number => Math.max(3000, 2 * w.sut.tolerances.intervalMs);

Given('the Charge Point will fail to install the firmware it is sent', async function () {
  await firmware(this).failInstallation();
});

When('the Central System sends UpdateFirmware.req for the firmware it serves{docStep}', async function (step?: string) {
  await firmware(this).sendUpdate({}, this.rule('OCPP 1.6 §5.19', step));
});

When('the Central System sends UpdateFirmware.req for a file the Charge Point cannot install{docStep}', async function (step?: string) {
  await firmware(this).sendUpdate({ image: 'invalid' }, this.rule('OCPP 1.6 §5.19', step));
});

When('the Central System sends UpdateFirmware.req for a location that refuses the connection, with retries {int}{docStep}', async function (retries: number, step?: string) {
  await firmware(this).sendUpdate({ refusing: 'connection-refused', retries }, this.rule('OCPP 1.6 §5.19', step));
});

When('the Central System sends UpdateFirmware.req for a file its server does not have, with retries {int} and retryInterval {int} s', async function (retries: number, retryInterval: number) {
  await firmware(this).sendUpdate({ refusing: 'not-found', retries, retryInterval }, this.rule('OCPP 1.6 §6.55'));
});

When('the Central System sends UpdateFirmware.req for the firmware it serves, with a retrieveDate a few seconds ahead', async function () {
  await firmware(this).sendUpdate({ retrieveInMs: retrieveAhead(this) }, this.rule('OCPP 1.6 §5.19'));
});

When('the Central System sends GetDiagnostics.req for the upload directory of its file server{docStep}', async function (step?: string) {
  await firmware(this).sendGetDiagnostics(this.rule('OCPP 1.6 §5.9', step));
});

When('the Central System sends GetDiagnostics.req for a location that refuses the connection, with retries {int}{docStep}', async function (retries: number, step?: string) {
  await firmware(this).sendGetDiagnostics(this.rule('OCPP 1.6 §5.9', step), { how: 'connection-refused', retries });
});

Then('the Charge Point reboots and reports the firmware Installed: BootNotification.req, StatusNotification.req "Available" and FirmwareStatusNotification.req "Installed", in any order{docStep}', async function (step?: string) {
  await firmware(this).expectRebootAndInstalled(rebootRules(this, step), afterReboot(this, () => ['Available'], step));
});

Then('the Charge Point reboots and reports the firmware Installed, its connectors as the ended session left them', async function () {
  const sessionLeft = (id: number): string[] => (id === this.chargePoint.connectorUnderTest ? ['Available', 'Preparing', 'Finishing'] : ['Available']);
  await firmware(this).expectRebootAndInstalled(rebootRules(this), afterReboot(this, sessionLeft));
});

Then('the Charge Point sends FirmwareStatusNotification.req with status "InstallationFailed", after a reboot and StatusNotification.req "Available" if it reboots{docStep}', async function (step?: string) {
  await firmware(this).expectInstallationFailed(this.rule('OCPP 1.6 §4.5', step), this.rule('OCPP 1.6 errata §3.22', step), afterReboot(this, () => ['Available'], step));
});

Then('the Charge Point downloaded the firmware from the file server', async function () {
  await firmware(this).expectDownloaded(this.rule('OCPP 1.6 §5.19', 'expected result'));
});

Then('the Charge Point reports the progress with {message} statuses in a legal order up to {string}', async function (message: MessageRef, terminal: string) {
  const kind = message.action === 'FirmwareStatusNotification' ? 'firmware' : 'diagnostics';
  await firmware(this).expectStatusesInOrder(kind, terminal, this.rule(operation(this, message.action)));
});

Then('the Charge Point sends no {message} unless a TriggerMessage.req asks for it', async function (message: MessageRef) {
  await firmware(this).expectNoneUnprompted(message.action, this.rule(message.action === 'FirmwareStatusNotification' ? 'OCPP 1.6 §4.5' : 'OCPP 1.6 §4.4'));
});

Then('the Charge Point sends FirmwareStatusNotification.req with status "DownloadFailed" once the retries are spent', async function () {
  await firmware(this).expectFailedAfterRetries(this.rule('OCPP 1.6 §4.5'));
});

Then('the Charge Point tried the download as often as retries asked, retryInterval apart', async function () {
  await firmware(this).expectRetried(this.rule('OCPP 1.6 §6.55'));
});

Then('the Charge Point does not download the firmware before its retrieveDate', async function () {
  await firmware(this).expectNoDownloadBeforeRetrieveDate(this.rule('OCPP 1.6 §5.19'));
});

Then('the Charge Point should not install the firmware while the transaction runs', async function () {
  await firmware(this).expectNoInstallDuringTransaction(this.rule('OCPP 1.6 §5.19', undefined, 'SHOULD'));
});

Then('the Charge Point sends FirmwareStatusNotification.req with status "Installing" once the transaction has ended', async function () {
  await firmware(this).expectInstalling(this.rule('OCPP 1.6 §4.5'));
});

Then('the Charge Point has uploaded a non-empty diagnostics file named as its GetDiagnostics.conf said{docStep}', async function (step?: string) {
  await firmware(this).expectUpload(this.rule('OCPP 1.6 §5.9', step ?? 'expected result'));
});

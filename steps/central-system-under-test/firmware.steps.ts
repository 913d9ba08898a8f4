// Central System under test: FirmwareManagement (test case document §3.15, §3.16). The CSMS operator starts a
// firmware update (OCPP 1.6 §5.19) or asks for diagnostics (§5.9); the emulated Charge Point transfers the file for
// real with the location the Central System sent and reports each stage (§4.5, §4.4).
import { Then, When } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import type { HarnessWorld } from '../../support/cucumber/world';
import { expectEmptyConf } from '../../support/roles/charge-point/firmware-checks';
import { startRefusingLocation } from '../../support/roles/charge-point/firmware-transfer-flow';

/**
 * The operator action, with a location of the harness's file server that refuses (TC_044_2, TC_045_2) when
 * `refusing` names what it is for; the location entered is kept for the check of step 1.
 */
async function operatorSends(world: HarnessWorld, action: 'update-firmware' | 'get-diagnostics', refusing?: 'firmware' | 'diagnostics'): Promise<void> {
  const chargePointId = world.chargePointNamed('default').identity;
  if (!refusing) {
    await world.act(action, { chargePointId });
    return;
  }
  const server = await startRefusingLocation(world.sut.fileTransfer, refusing);
  world.cleanups.push(server.stop);
  world.memory.set('entered location', server.location);
  await world.act(action, { chargePointId, location: server.location });
}

When('the CSMS operator updates the firmware of the Charge Point', async function () {
  await operatorSends(this, 'update-firmware');
});

When('the CSMS operator updates the firmware of the Charge Point from a location that refuses the download', async function () {
  await operatorSends(this, 'update-firmware', 'firmware');
});

When('the CSMS operator requests the diagnostics of the Charge Point', async function () {
  await operatorSends(this, 'get-diagnostics');
});

When('the CSMS operator requests the diagnostics of the Charge Point to a location that refuses the upload', async function () {
  await operatorSends(this, 'get-diagnostics', 'diagnostics');
});

Then('the emulated Charge Point receives UpdateFirmware.req with an absolute location and a retrieveDate with offset{docStep}', async function (step?: string) {
  await this.chargePointNamed('default').firmware.receiveRequest(this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.19', step), this.rule('OCPP 1.6 §6.55', step),
    this.rule('OCPP 1.6 §3.15', step), this.memory.get('entered location') as string | undefined);
});

Then('the emulated Charge Point receives GetDiagnostics.req with an absolute location{docStep}', async function (step?: string) {
  await this.chargePointNamed('default').diagnostics.receiveRequest(this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.9', step), this.rule('OCPP 1.6 §6.25', step),
    this.memory.get('entered location') as string | undefined);
});

When('the emulated Charge Point downloads the firmware from that location', async function () {
  await this.chargePointNamed('default').firmware.download(this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.19', 'the firmware download'));
});

When('the emulated Charge Point fails to download the firmware from that location', async function () {
  await this.chargePointNamed('default').firmware.downloadThatFails(this.sut.timeouts.messageMs);
});

When('the emulated Charge Point uploads its diagnostics file to that location', async function () {
  await this.chargePointNamed('default').diagnostics.upload(this.sut.timeouts.messageMs, this.rule('OCPP 1.6 §5.9', 'expected result: the upload'));
});

When('the emulated Charge Point fails to upload its diagnostics file to that location', async function () {
  await this.chargePointNamed('default').diagnostics.uploadThatFails(this.sut.timeouts.messageMs);
});

When('the emulated Charge Point sends FirmwareStatusNotification.req with status {string}{docStep}', async function (status: string, step?: string) {
  await this.chargePointNamed('default').firmware.report(status, this.rule('OCPP 1.6 §4.5', step));
});

When('the emulated Charge Point sends DiagnosticsStatusNotification.req with status {string}{docStep}', async function (status: string, step?: string) {
  await this.chargePointNamed('default').diagnostics.report(status, this.rule('OCPP 1.6 §4.4', step));
});

Then('the Central System responds with an empty {message}{docStep}', function (message: MessageRef, step?: string) {
  const cp = this.chargePointNamed('default');
  cp.expectLastConf(message.action, {}, this.rule(`OCPP 1.6 ${this.operationOf(message.action)}`, step));
  expectEmptyConf(cp.lastOutcome(message.action), message.action, this.rule(`OCPP 1.6 ${this.operationOf(message.action)}`, step));
});

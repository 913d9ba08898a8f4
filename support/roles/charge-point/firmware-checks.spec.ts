// The FirmwareManagement judgements on a Central System under test (TC_044_x_CSMS, TC_045_x_CSMS): the checks of
// firmware-checks.ts, and the emulated Charge Point's real transfers (firmware-update.ts, firmware-diagnostics.ts)
// against the harness's file server. Each mutation that accepts more (a relative location, a date without offset,
// an empty firmware, a refused upload) fails a test here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import type { ReceivedCall } from '../../recording/mailbox';
import { ConformanceAssertionError, HarnessError, NotApplicable } from '../../reporting/errors';
import { FileTransferServer } from '../../transfer/file-transfer-server';
import { DIAGNOSTICS_FILE_NAME } from './charge-point-handlers';
import type { EmulatedChargePoint } from './emulated-charge-point';
import { expectAbsoluteLocation, expectDateTimeWithOffset, expectEmptyConf, expectLocationAsEntered, isAbsoluteUri } from './firmware-checks';
import { DiagnosticsUploadFlow } from './firmware-diagnostics';
import { startRefusingLocation } from './firmware-transfer-flow';
import { FirmwareUpdateFlow } from './firmware-update';

const RULE = { rule: 'OCPP 1.6 §6.55', step: 'TC_044_1_CSMS step 1' };

async function failure(check: () => unknown): Promise<ConformanceAssertionError | 'passed'> {
  try {
    await check();
    return 'passed';
  } catch (e) {
    assert.ok(e instanceof ConformanceAssertionError, String(e));
    return e;
  }
}

/** An emulated Charge Point that has received `payload` as the request; `send` records the notifications. */
function chargePointWith(action: string, payload: Record<string, unknown>): { cp: EmulatedChargePoint; sent: Array<[string, unknown]> } {
  const sent: Array<[string, unknown]> = [];
  const cp = {
    identity: 'CP-SPEC',
    receive: async () => ({ action, id: '1', payload } as unknown as ReceivedCall),
    send: async (a: string, p: unknown) => void sent.push([a, p]),
  } as unknown as EmulatedChargePoint;
  return { cp, sent };
}

test('absolute URIs pass; a path, a bare word, an empty string or a number do not', async () => {
  for (const ok of ['ftp://user:pw@10.0.0.1/fw.bin', 'https://host/file', 'http://127.0.0.1:8080/diagnostics/']) assert.ok(isAbsoluteUri(ok), ok);
  for (const bad of ['/firmware.bin', 'firmware.bin', '', '//host/x', 42, undefined]) assert.equal(isAbsoluteUri(bad), false, String(bad));
  const f = await failure(() => expectAbsoluteLocation({ location: '/firmware.bin' }, 'UpdateFirmware', RULE));
  assert.ok(f !== 'passed');
  assert.deepEqual([f.detail.rule, f.detail.step, f.detail.category], ['OCPP 1.6 §6.55', 'TC_044_1_CSMS step 1', 'schema violation']);
  assert.match(f.message, /location "\/firmware\.bin", which is not an absolute URI/);
});

test('retrieveDate needs Z or ±hh:mm and a real instant', async () => {
  for (const ok of ['2024-05-01T10:00:00Z', '2024-05-01T12:00:00.123+02:00']) assert.equal(await failure(() => expectDateTimeWithOffset({ retrieveDate: ok }, 'UpdateFirmware', 'retrieveDate', RULE)), 'passed');
  for (const bad of ['2024-05-01T10:00:00', '2024-05-01', '2024-13-45T99:00:00Z', undefined]) {
    const f = await failure(() => expectDateTimeWithOffset({ retrieveDate: bad }, 'UpdateFirmware', 'retrieveDate', { rule: 'OCPP 1.6 §3.15' }));
    assert.ok(f !== 'passed', String(bad));
    assert.equal(f.detail.rule, 'OCPP 1.6 §3.15');
  }
});

test('the location must be the one entered; the .conf must have no field', async () => {
  assert.equal(await failure(() => expectLocationAsEntered('ftp://a/b', 'ftp://a/b', 'UpdateFirmware', RULE)), 'passed');
  assert.notEqual(await failure(() => expectLocationAsEntered('ftp://a/c', 'ftp://a/b', 'UpdateFirmware', RULE)), 'passed');
  const outcome = (payload: Record<string, unknown>): CallOutcome => ({ kind: 'result', payload, response: { seq: 7 } } as unknown as CallOutcome);
  assert.equal(await failure(() => expectEmptyConf(outcome({}), 'FirmwareStatusNotification', RULE)), 'passed');
  const f = await failure(() => expectEmptyConf(outcome({ status: 'Accepted' }), 'FirmwareStatusNotification', RULE));
  assert.ok(f !== 'passed');
  assert.match(f.message, /carrying status, fields it does not define \[frame #7\]/);
});

const server = new FileTransferServer({ files: { 'fw.bin': 'firmware bytes', 'empty.bin': '' }, stopGraceMs: 100 });
before(() => server.start());
after(() => server.stop());

test('the firmware is downloaded for real; a missing or empty file fails §5.19', async () => {
  const update = async (location: string): Promise<FirmwareUpdateFlow> => {
    const flow = new FirmwareUpdateFlow(chargePointWith('UpdateFirmware', { location, retrieveDate: '2024-05-01T10:00:00Z' }).cp);
    await flow.receiveRequest(1000, { rule: 'OCPP 1.6 §5.19' }, RULE, { rule: 'OCPP 1.6 §3.15' });
    return flow;
  };
  for (const protocol of ['http', 'ftp'] as const) assert.equal(await (await update(server.url(protocol, 'fw.bin'))).download(2000, { rule: 'OCPP 1.6 §5.19' }), 14);
  const empty = await failure(async () => (await update(server.url('http', 'empty.bin'))).download(2000, { rule: 'OCPP 1.6 §5.19' }));
  assert.ok(empty !== 'passed');
  assert.match(empty.message, /is an empty file/);
  const missing = await failure(async () => (await update(server.url('http', 'nothing.bin'))).download(2000, { rule: 'OCPP 1.6 §5.19' }));
  assert.ok(missing !== 'passed');
  assert.deepEqual([missing.detail.rule, missing.detail.category], ['OCPP 1.6 §5.19', 'behaviour']);
  assert.match(missing.message, /could not be downloaded .*HTTP 404/);
});

test('a refusing location refuses; a transfer with it that succeeds is a harness error; sftp is N/A', async () => {
  const refusing = await startRefusingLocation({ host: '127.0.0.1', protocols: { firmware: ['http'], diagnostics: ['ftp'] } }, 'firmware');
  try {
    const flow = new FirmwareUpdateFlow(chargePointWith('UpdateFirmware', { location: refusing.location, retrieveDate: '2024-05-01T10:00:00Z' }).cp);
    await flow.receiveRequest(1000, { rule: 'OCPP 1.6 §5.19' }, RULE, { rule: 'OCPP 1.6 §3.15' }, refusing.location);
    assert.match(await flow.downloadThatFails(2000), /HTTP 404/);
  } finally {
    await refusing.stop();
  }
  const working = new FirmwareUpdateFlow(chargePointWith('UpdateFirmware', { location: server.url('http', 'fw.bin'), retrieveDate: '2024-05-01T10:00:00Z' }).cp);
  await working.receiveRequest(1000, { rule: 'OCPP 1.6 §5.19' }, RULE, { rule: 'OCPP 1.6 §3.15' });
  await assert.rejects(working.downloadThatFails(2000), HarnessError);
  const sftp = new FirmwareUpdateFlow(chargePointWith('UpdateFirmware', { location: 'sftp://host/fw.bin', retrieveDate: '2024-05-01T10:00:00Z' }).cp);
  await sftp.receiveRequest(1000, { rule: 'OCPP 1.6 §5.19' }, RULE, { rule: 'OCPP 1.6 §3.15' });
  await assert.rejects(sftp.download(2000, { rule: 'OCPP 1.6 §5.19' }), NotApplicable);
});

test('the diagnostics file is uploaded for real under the fileName of GetDiagnostics.conf; a refused upload fails §5.9', async () => {
  const { cp, sent } = chargePointWith('GetDiagnostics', { location: server.url('ftp') });
  const flow = new DiagnosticsUploadFlow(cp);
  await flow.receiveRequest(1000, { rule: 'OCPP 1.6 §5.9' }, { rule: 'OCPP 1.6 §6.25' });
  await flow.upload(2000, { rule: 'OCPP 1.6 §5.9' });
  const upload = await server.waitForUpload(DIAGNOSTICS_FILE_NAME, 1000);
  assert.equal(upload.outcome, 'completed');
  assert.ok(upload.bytes > 0);
  await flow.report('Uploaded', { rule: 'OCPP 1.6 §4.4' });
  assert.deepEqual(sent, [['DiagnosticsStatusNotification', { status: 'Uploaded' }]]);

  for (const [protocol, why] of [['http', /HTTP 404/], ['ftp', /FTP 530/]] as const) {
    const refusing = await startRefusingLocation({ host: '127.0.0.1', protocols: { firmware: ['http'], diagnostics: [protocol] } }, 'diagnostics');
    try {
      const refused = new DiagnosticsUploadFlow(chargePointWith('GetDiagnostics', { location: refusing.location }).cp);
      await refused.receiveRequest(1000, { rule: 'OCPP 1.6 §5.9' }, { rule: 'OCPP 1.6 §6.25' });
      const f = await failure(() => refused.upload(2000, { rule: 'OCPP 1.6 §5.9' }));
      assert.ok(f !== 'passed', protocol);
      assert.deepEqual([f.detail.rule, f.detail.category], ['OCPP 1.6 §5.9', 'behaviour']);
      assert.match(await refused.uploadThatFails(2000), why);
    } finally {
      await refusing.stop();
    }
  }
});

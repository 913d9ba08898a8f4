import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConformanceAssertionError } from '../../reporting/errors';
import { downloadFile, uploadFile } from '../../transfer/transfer-client';
import { FirmwareFlows } from './firmware-flows';
import { testBench, testSut, type TestBench } from './test-charger';

const RULE = { rule: 'OCPP 1.6 §5.9', step: 'TC_045_1_CS expected result' };

/**
 * A bare charger that answers the harness's GetDiagnostics.req with `fileName` and then does `after` with the
 * location; the flows and the attachments of the scenario.
 */
async function withCharger(
  body: (flows: FirmwareFlows, bench: TestBench, attached: Map<string, string>) => Promise<void>,
  fileName?: string,
  after: (location: string) => Promise<void> = async () => undefined,
  sut = testSut(),
): Promise<void> {
  const bench = await testBench(sut);
  const attached = new Map<string, string>();
  try {
    const { ws } = await bench.connect();
    ws.on('message', (data) => {
      const [type, id, action, payload] = JSON.parse(String(data)) as [number, string, string, Record<string, unknown>];
      if (type !== 2) return;
      ws.send(JSON.stringify([3, id, action === 'GetDiagnostics' && fileName ? { fileName } : {}]));
      void after(String(payload['location']));
    });
    await body(new FirmwareFlows(bench.ctx, (name, text) => attached.set(name, text)), bench, attached);
  } finally {
    for (const cleanup of bench.ctx.cleanups.reverse()) await cleanup();
    await bench.close();
  }
}

const failureOf = async (p: Promise<unknown>): Promise<ConformanceAssertionError> => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof ConformanceAssertionError, String(e));
  return e;
};

test('the file server starts once per scenario, is stopped at its end, and its log is attached', async () => {
  let port = '';
  let log: Map<string, string> | undefined;
  await withCharger(async (flows, _bench, attached) => {
    log = attached;
    const server = await flows.server();
    assert.equal(await flows.server(), server);
    await flows.sendUpdate({}, { rule: 'OCPP 1.6 §5.19' });
    port = new URL(server.url('http', 'firmware-update.bin')).port;
    assert.match(String(await downloadFile(server.url('http', 'firmware-update.bin'))), /^ocpp-conformance test firmware for UNIT-CP/);
    assert.equal(attached.size, 0);
  });
  await assert.rejects(downloadFile(`http://127.0.0.1:${port}/fw.bin`, { timeoutMs: 1000 }), /connection refused/);
  assert.match(log?.get('file-transfers.txt') ?? '', /handed out the firmware "firmware-update\.bin"[\s\S]*HTTP download of "firmware-update\.bin" \(\d+ bytes\).*completed/);
});

test('the SUT file\'s firmware images are served under their own names', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fw-images-'));
  writeFileSync(join(dir, 'vendor-2.1.bin'), 'vendor image');
  const base = testSut();
  const sut = { ...base, fileTransfer: { ...base.fileTransfer, images: { valid: join(dir, 'vendor-2.1.bin') } } };
  await withCharger(async (flows) => {
    await flows.sendUpdate({}, { rule: 'OCPP 1.6 §5.19' });
    const server = await flows.server();
    assert.equal(String(await downloadFile(server.url('http', 'vendor-2.1.bin'))), 'vendor image');
    await flows.sendUpdate({ image: 'invalid' }, { rule: 'OCPP 1.6 §5.19' });
    assert.match(String(await downloadFile(server.url('http', 'unsupported-firmware.bin'))), /not a firmware image/);
  }, undefined, undefined, sut);
});

test('the upload named as GetDiagnostics.conf said passes; another name, an empty file or none fails §5.9', async () => {
  await withCharger(async (flows) => {
    await flows.sendGetDiagnostics(RULE);
    await flows.expectUpload(RULE);
  }, 'diag.log', (location) => uploadFile(location, 'diag.log', 'log line\n'));
  await withCharger(async (flows) => {
    await flows.sendGetDiagnostics(RULE);
    const e = await failureOf(flows.expectUpload(RULE));
    assert.equal(e.detail.category, 'behaviour');
    assert.match(e.message, /uploaded the diagnostics as "other\.log", not as "diag\.log"/);
  }, 'diag.log', (location) => uploadFile(location, 'other.log', 'log line\n'));
  await withCharger(async (flows) => {
    await flows.sendGetDiagnostics(RULE);
    assert.match((await failureOf(flows.expectUpload(RULE))).message, /an empty diagnostics file/);
  }, 'diag.log', (location) => uploadFile(location, 'diag.log', ''));
  await withCharger(async (flows) => {
    await flows.sendGetDiagnostics(RULE);
    const e = await failureOf(flows.expectUpload(RULE));
    assert.equal(e.detail.category, 'missing message');
    assert.match(e.message, /no diagnostics upload .* arrived/);
  }, 'diag.log');
});

test('retries: too few attempts fail as behaviour, attempts closer than retryInterval as timing (§6.55)', async () => {
  await withCharger(async (flows) => {
    await flows.sendUpdate({ refusing: 'not-found', retries: 2, retryInterval: 1 }, { rule: 'OCPP 1.6 §6.55' });
    const server = await flows.server();
    const location = await server.refusingUrl('http', 'not-found', 'firmware-update.bin');
    await downloadFile(location).catch(() => undefined);
    const few = await failureOf(flows.expectRetried({ rule: 'OCPP 1.6 §6.55' }));
    assert.equal(few.detail.category, 'behaviour');
    await downloadFile(location).catch(() => undefined);
    const close = await failureOf(flows.expectRetried({ rule: 'OCPP 1.6 §6.55' }));
    assert.equal(close.detail.category, 'timing');
  });
});

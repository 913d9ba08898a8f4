/**
 * The bench of a Charge Point under test, opened as the hooks open it: a stranger is refused and becomes one counted
 * run note (in the reports folder) without reaching the charger's mailbox or the trace; closing resolves within its
 * deadlines whatever the charger does, and says in one line what it had to force.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Bench, describeForcedStop, TEARDOWN_MS } from './bench';
import { BareCharger } from './central-system/bare-charger';
import { freeLoopbackPort } from '../testing/free-loopback-port';
import { loadSutFile } from '../sut/sut-config';
import { readRunNotes } from '../reporting/run-notes';

async function openBench(): Promise<{ bench: Bench; url: string; reportsDir: string; said: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const port = await freeLoopbackPort();
  const file = join(dir, 'sut.json');
  writeFileSync(file, JSON.stringify({
    name: 'unit', role: 'charge-point',
    chargePoint: { identity: 'BENCH-CP', listen: { host: '127.0.0.1', port, path: '/ocpp' }, connectors: 1 },
    actuator: { type: 'prompt', timeout: '1s' },
    timeouts: { response: '0.5s', message: '1s', operator: '1s', connect: '1s', step: '10s' },
  }));
  const reportsDir = join(dir, 'reports');
  const said: string[] = [];
  const bench = await Bench.open(loadSutFile(file), { reportsDir, worker: '0', say: (l) => said.push(l) });
  return { bench, url: `ws://127.0.0.1:${port}/ocpp`, reportsDir, said };
}

function dial(url: string): Promise<{ ws?: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, ['ocpp1.6']);
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_q, res) => resolve({ status: res.statusCode }));
    ws.on('error', () => resolve({}));
  });
}

test('a stranger is refused with 404 and noted once, counted; the charger under test is unaffected', async () => {
  const { bench, url, reportsDir } = await openBench();
  const ours = await dial(`${url}/BENCH-CP`);
  assert.ok(ours.ws);
  bench.log.beginScenario();
  assert.equal((await dial(`${url}/OTHER-CP`)).status, 404);
  assert.equal((await dial(`${url}/OTHER-CP`)).status, 404);
  assert.equal((await dial(`${url}/bench-cp`)).status, 404);
  assert.deepEqual(bench.log.endScenario(), [], "the strangers left nothing in the scenario's trace");
  assert.deepEqual(bench.centralSystem?.drainMailboxes(), []);
  const notes = readRunNotes(reportsDir);
  assert.deepEqual(notes.map((n) => [n.kind, n.count]), [['stranger-refused', 2], ['stranger-refused', 1]]);
  assert.match(notes[0]?.message ?? '', /refused charge point "OTHER-CP" from 127\.0\.0\.1:\d+ with HTTP 404 \(OCPP-J 1\.6 §3\.2\): the SUT file names only "BENCH-CP"/);
  assert.match(notes[1]?.message ?? '', /differs from "BENCH-CP" in case only/);
  ours.ws?.close();
  await bench.close();
});

test('closing the bench with an instantly reconnecting charger resolves within seconds and forces nothing', async () => {
  const { bench, url, said } = await openBench();
  const charger = new BareCharger({ url: `${url}/BENCH-CP`, connectors: 1, boots: false, redial: 'on-close-frame' });
  await charger.start();
  const t0 = Date.now();
  await bench.close();
  const ms = Date.now() - t0;
  charger.stop();
  assert.ok(ms < 2500, `closing took ${ms} ms`);
  assert.deepEqual(said, []);
});

test('a charger that ignores the closing handshake is terminated after 2 s and the teardown says so in one line', async () => {
  const { bench, url, said, reportsDir } = await openBench();
  const { ws } = await dial(`${url}/BENCH-CP`);
  (ws as unknown as { _socket: { removeAllListeners(e: string): void } })._socket.removeAllListeners('data');
  const t0 = Date.now();
  await bench.close();
  assert.ok(Date.now() - t0 < TEARDOWN_MS, `closing took ${Date.now() - t0} ms`);
  assert.deepEqual(said, ['teardown: the emulated Central System still had 1 connection after 2 s; closed it forcibly']);
  assert.deepEqual(readRunNotes(reportsDir).map((n) => n.kind), ['teardown']);
  ws?.terminate();
});

test('a teardown step that hangs or throws is one line each; close() still resolves within the deadlines', async () => {
  const { bench, said } = await openBench();
  const hanging = { ...bench.actuator, close: () => new Promise<void>(() => undefined) };
  bench.actuator = hanging;
  const t0 = Date.now();
  await bench.close();
  assert.ok(Date.now() - t0 < TEARDOWN_MS, `closing took ${Date.now() - t0} ms`);
  assert.deepEqual(said, ['teardown: the prompt actuator did not stop within 2 s; left behind']);

  const second = await openBench();
  second.bench.actuator = { ...second.bench.actuator, close: () => Promise.reject(new Error('rig said no\n    at somewhere (file.ts:1:1)')) };
  await second.bench.close();
  assert.deepEqual(second.said, ['teardown: the prompt actuator failed to stop: rig said no at somewhere (file.ts:1:1)']);
});

test('the forced-stop line names each thing forced, and nothing when nothing was', () => {
  assert.equal(describeForcedStop({ terminated: 0, destroyed: 0, refusedWhileStopping: 3, graceMs: 2000 }), undefined);
  assert.equal(describeForcedStop({ terminated: 2, destroyed: 1, refusedWhileStopping: 0, graceMs: 2000 }),
    'the emulated Central System still had 2 connections after 2 s; closed them forcibly; dropped 1 connection still in the WebSocket handshake');
});

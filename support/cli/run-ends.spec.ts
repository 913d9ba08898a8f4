/**
 * The run ends when the last case has: the bin runs one Charge Point case against a bare charger that reconnects the
 * instant its connection goes (as real chargers do), and the process exits within a few seconds of the last case's
 * end, with the exit code its verdicts give, the closing line printed and no Cucumber stack trace. A stranger that
 * tries to connect meanwhile gets HTTP 404 and is a run note at the console's end and in summary.md, in no trace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { exitCodeOf } from '../reporting/outcome';
import { readRunFile } from '../reporting/run-record';
import { readScenarioResults } from '../reporting/scenario-result';
import { BareCharger } from '../roles/central-system/bare-charger';
import { freeLoopbackPort } from '../testing/free-loopback-port';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ocpp-conformance.js');
/** Far above what a run of one case needs; a run that reaches it has hung. */
const HANG_MS = 120_000;

test('a run against an instantly reconnecting charger exits within seconds of its last case', { timeout: HANG_MS + 30_000 }, async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'run-ends-'));
  const port = await freeLoopbackPort();
  const configuration = { HeartbeatInterval: '60', ConnectionTimeOut: '10', MinimumStatusDuration: '0' };
  const sutFile = join(tmp, 'sut.json');
  writeFileSync(sutFile, JSON.stringify({
    name: 'Instantly reconnecting charger', role: 'charge-point',
    chargePoint: { identity: 'RECONNECTING-CP', listen: { host: '127.0.0.1', port, path: '/ocpp' }, connectors: 1, configuration },
    actuator: { type: 'prompt', timeout: '1s' },
    timeouts: { response: '2s', message: '2s', operator: '1s', connect: '5s', step: '60s' },
  }));
  const reports = join(tmp, 'reports');
  // While the case runs (the first CALL of the harness waits for it), a stranger dials the same endpoint.
  let strangerDialled: Promise<number | undefined> | undefined;
  const dialStranger = (): Promise<number | undefined> => new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ocpp/STRANGER-CP`, ['ocpp1.6']);
    ws.on('unexpected-response', (_q, res) => resolve(res.statusCode));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => resolve(undefined));
  });
  // Its reconnections open the TCP connection at once and send the upgrade request 300 ms later.
  const charger = new BareCharger({
    url: `ws://127.0.0.1:${port}/ocpp/RECONNECTING-CP`, connectors: 1, configuration, redial: 'on-close-frame', handshakeDelayMs: 300,
    beforeAnswer: async () => {
      strangerDialled ??= dialStranger();
      await strangerDialled;
    },
  });
  const child = spawn(process.execPath, [BIN, 'run', '--sut', sutFile, '--tags', '@EXT_RPC_002', '--reports', reports, '--quiet'], {
    cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('exit', (code) => resolve({ code, at: Date.now() })));
  // The harness listens once Cucumber has loaded; the charger dials until then.
  void charger.start();
  const hang = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
  const { code, at } = await exited;
  clearTimeout(hang);
  charger.stop();

  const results = readScenarioResults(reports);
  assert.equal(results.length, 1, `one case ran: ${stdout}\n${stderr}`);
  const lastEnd = Math.max(...results.map((r) => Date.parse(r.startedAt) + r.durationMs));
  const cucumberEnd = Date.parse(readRunFile(reports)?.runs[0]?.finishedAt ?? '');
  t.diagnostic(`verdict ${results[0]?.verdict}; from the last case's end: Cucumber exited after ${((cucumberEnd - lastEnd) / 1000).toFixed(1)} s, the process after ${((at - lastEnd) / 1000).toFixed(1)} s (reports included); the charger connected ${charger.opened} times`);
  for (const line of stderr.split('\n').filter((l) => l.startsWith('teardown:'))) t.diagnostic(line);
  assert.ok(charger.opened >= 1, 'the charger was connected');
  assert.ok(cucumberEnd - lastEnd < 10_000, `Cucumber ended ${cucumberEnd - lastEnd} ms after the last case`);
  assert.ok(at - lastEnd < 30_000, `the process ended ${at - lastEnd} ms after the last case`);
  assert.equal(code, exitCodeOf(results), `the exit code is the verdicts' (${results[0]?.verdict}): ${stderr}`);
  assert.doesNotMatch(stdout + stderr, /function timed out|errored, process exiting|\n\s+at /, 'no Cucumber timeout, no stack trace');
  assert.match(stdout, /\d+ passed, \d+ failed, \d+ skipped/, 'the closing line is printed');
  // OCPP-J 1.6 §3.2: the stranger got 404, the run notes say so, and its identity is in no trace of a case.
  assert.equal(await strangerDialled, 404);
  assert.match(stdout, /Run notes:\n {2}- the emulated Central System refused charge point "STRANGER-CP"/);
  assert.match(readFileSync(join(reports, 'summary.md'), 'utf8'), /### Run notes\n\n- the emulated Central System refused charge point "STRANGER-CP"/);
  const trace = results[0]?.trace;
  assert.ok(trace && !readFileSync(join(reports, trace), 'utf8').includes('STRANGER-CP'), 'the stranger is not in the trace');
});

// The console command, spawned as a user runs it (--script), against the bundled reference SUTs on loopback.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startReferenceCentralSystem } from '../../fixtures/reference/central-system';
import { startReferenceChargePoint } from '../../fixtures/reference/charge-point';
import { DEFAULT_CONFIG } from '../../fixtures/reference/central-system/default-config';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'ocpp-console-'));

function consoleRun(args: string[], script?: string): Promise<{ code: number; out: string }> {
  const extra = script === undefined ? [] : ['--script', write(`script-${Math.random().toString(36).slice(2)}.txt`, script)];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'ocpp-conformance.js'), 'console', ...args, ...extra, '--no-colour'], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

test('as a Charge Point: CALLs with given and example payloads, each answer shown with its schema verdict, a trace written', { timeout: 60_000 }, async () => {
  const cs = await startReferenceCentralSystem({ ...structuredClone(DEFAULT_CONFIG), port: 0 } as Parameters<typeof startReferenceCentralSystem>[0]);
  try {
    const trace = join(dir, 'cp.jsonl');
    const { code, out } = await consoleRun(['--role', 'charge-point', '--url', cs.url, '--id', 'CP-CONSOLE-1', '--trace', trace], [
      '# a boot, a heartbeat from the schema example, a status the schema refuses',
      'BootNotification {"chargePointVendor":"ACME","chargePointModel":"X1"}',
      'Heartbeat',
      'StatusNotification {"connectorId":1,"errorCode":"NoError","status":"Sleeping"}',
    ].join('\n'));
    assert.equal(code, 0, out);
    assert.match(out, /connected to ws:\/\/127\.0\.0\.1:\d+\/ocpp\/CP-CONSOLE-1 as the Charge Point/);
    assert.match(out, /← CP-CONSOLE-1 BootNotification\.conf \[[^\]]+\] \d+ ms\n(?: {4}.*\n)+ {2}✓ schema-valid/);
    assert.match(out, /→ CP-CONSOLE-1 Heartbeat\.req/);
    assert.match(out, /✗ schema OCPP 1\.6 §6\.47 StatusNotification\.req: \/status enum/);
    assert.match(out, /← CP-CONSOLE-1 CALLERROR PropertyConstraintViolation/);
    const records = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; kind?: string });
    assert.ok(records.filter((r) => r.type === 'frame').length >= 6, 'every frame in the trace');
    const drawn = await new Promise<number>((resolve) => {
      spawn(process.execPath, [join(ROOT, 'bin', 'ocpp-conformance.js'), 'report', '--trace', trace], { cwd: ROOT, stdio: 'ignore' }).on('close', (c) => resolve(c ?? 1));
    });
    assert.equal(drawn, 0);
    const svg = readFileSync(join(dir, 'cp.svg'), 'utf8');
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /BootNotification/);
  } finally {
    await cs.stop();
  }
});

test('as a Central System: waits for the charger, sends CALLs, holds the peer\'s CALLs and answers them by hand', { timeout: 60_000 }, async () => {
  const port = await freePort();
  const run = consoleRun(['--role', 'central-system', '--listen', String(port), '--trace', join(dir, 'cs.jsonl')], [
    'expect BootNotification 20',
    'expect StatusNotification 10', 'expect StatusNotification 10', 'expect StatusNotification 10',
    'GetConfiguration {"key":["HeartbeatInterval"]}',
    'auto off',
    'TriggerMessage {"requestedMessage":"Heartbeat"}',
    'expect Heartbeat 10',
    'answer last {"currentTime":"2026-01-01T00:00:00Z"}',
    'TriggerMessage {"requestedMessage":"Heartbeat"}',
    'expect Heartbeat 10',
    'error last InternalError console says no',
    'auto on',
    'Reset {"type":"Sideways"}',
  ].join('\n'));
  const cp = await startReferenceChargePoint({ csmsUrl: `ws://127.0.0.1:${port}/ocpp`, identity: 'CP-CONSOLE-2', reconnectDelayMs: 200 });
  try {
    const { code, out } = await run;
    assert.equal(code, 0, out);
    assert.match(out, /← CP-CONSOLE-2 BootNotification\.req/);
    assert.match(out, /→ CP-CONSOLE-2 BootNotification\.conf/);
    assert.match(out, /← CP-CONSOLE-2 GetConfiguration\.conf/);
    assert.match(out, /held Heartbeat\.req \[/);
    assert.match(out, /→ CP-CONSOLE-2 Heartbeat\.conf \[[^\]]+\]\n {4}\{\n {6}"currentTime": "2026-01-01T00:00:00Z"\n {4}\}\n {2}✓ schema-valid/);
    assert.match(out, /→ CP-CONSOLE-2 CALLERROR InternalError/);
    assert.match(out, /✗ schema OCPP 1\.6 §6\.39 Reset\.req: \/type enum/);
  } finally {
    await cp.stop();
  }
});

test('bad input: one sentence and exit 3; an expect the peer does not meet: exit 1', { timeout: 60_000 }, async () => {
  const bad = await consoleRun(['--role', 'operator']);
  assert.equal(bad.code, 3);
  assert.match(bad.out, /--role takes central-system or charge-point, not "operator"/);
  assert.doesNotMatch(bad.out, /\n\s+at /, 'no stack trace');
  const noPort = await consoleRun(['--role', 'central-system']);
  assert.equal(noPort.code, 3);
  assert.match(noPort.out, /needs --listen <port>/);
  const unreachable = await consoleRun(['--role', 'charge-point', '--url', `ws://127.0.0.1:${await freePort()}/ocpp`, '--id', 'CP-X', '--timeout', '3'], 'Heartbeat');
  assert.equal(unreachable.code, 3);
  assert.match(unreachable.out, /cannot connect to ws:\/\/127\.0\.0\.1:\d+\/ocpp\/CP-X/);
  const port = await freePort();
  const line = await consoleRun(['--role', 'central-system', '--listen', String(port)], 'FlyToTheMoon {}');
  assert.equal(line.code, 3);
  assert.match(line.out, /line 1: unknown command or action "FlyToTheMoon"/);
  const unmet = await consoleRun(['--role', 'central-system', '--listen', String(port)], 'expect BootNotification 0.5');
  assert.equal(unmet.code, 1);
  assert.match(unmet.out, /no BootNotification\.req from the peer within 0\.5 s/);
});

test('two consoles over wss with Basic auth: the Central System lets in only the right password', { timeout: 60_000 }, async () => {
  const cert = join(ROOT, 'support', 'roles', 'testdata', 'localhost-cert.pem');
  const key = join(ROOT, 'support', 'roles', 'testdata', 'localhost-key.pem');
  const port = await freePort();
  const server = consoleRun(['--role', 'central-system', '--listen', String(port), '--cert', cert, '--key', key, '--id', 'CP-TLS-1', '--password', 'a-long-enough-secret'], [
    'expect BootNotification 20',
    'GetConfiguration {"key":["HeartbeatInterval"]}',
  ].join('\n'));
  await new Promise((r) => setTimeout(r, 1500)); // the server console starts listening
  const url = `wss://127.0.0.1:${port}/ocpp`;
  const wrong = await consoleRun(['--role', 'charge-point', '--url', url, '--id', 'CP-TLS-1', '--ca', cert, '--password', 'not-the-secret', '--timeout', '5'], 'Heartbeat');
  assert.equal(wrong.code, 3, wrong.out);
  assert.match(wrong.out, /cannot connect to wss:\/\/127\.0\.0\.1:\d+\/ocpp\/CP-TLS-1: .*401/);
  const client = await consoleRun(['--role', 'charge-point', '--url', url, '--id', 'CP-TLS-1', '--ca', cert, '--password', 'a-long-enough-secret'], [
    'BootNotification {"chargePointVendor":"ACME","chargePointModel":"X1"}',
    'wait 1',
  ].join('\n'));
  assert.equal(client.code, 0, client.out);
  assert.match(client.out, /connected to wss:\/\/127\.0\.0\.1:\d+\/ocpp\/CP-TLS-1 as the Charge Point/);
  assert.match(client.out, /← CP-TLS-1 GetConfiguration\.req/);
  const { code, out } = await server;
  assert.equal(code, 0, out);
  assert.match(out, /listening on wss:\/\/127\.0\.0\.1:\d+\/ocpp\/<identity>/);
  assert.match(out, /← CP-TLS-1 GetConfiguration\.conf/);
});

/**
 * The command as a user meets it. The bin itself is spawned for --help, a bad flag, a bad SUT file and an
 * unreachable SUT: exit code, one sentence on stderr, no stack trace, nothing written to the reports folder. The other
 * refusals and `list` go through `dispatch` in this process (spawning costs seconds of ts-node start-up each).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { freeLoopbackPort } from '../testing/free-loopback-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ConfigError } from '../reporting/errors';
import { COMMANDS, dispatch } from './main';
import { listCommand } from './list-command';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ocpp-conformance.js');
const tmp = mkdtempSync(join(tmpdir(), 'cli-'));

interface Outcome { code: number | null; stdout: string; stderr: string }

function cli(args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Exit 3, one line on stderr matching `pattern`, no stack trace. */
function refusedWith(r: Outcome, pattern: RegExp): void {
  assert.equal(r.code, 3, `exit code 3 expected: ${r.stderr}`);
  assert.match(r.stderr, pattern);
  assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at |internal error/, 'no stack trace');
}

function sutFile(name: string, content: unknown): string {
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(content));
  return p;
}

// The spawned runs start at once and are awaited by the tests below.
const badSut = sutFile('bad.json', { name: 'x', role: 'charge-point', chargePoint: { identity: 'CP', listen: { port: 9000 } }, colour: 'blue' });
const spawned = {
  help: cli(['--help']),
  runHelp: cli(['run', '--help']),
  badFlag: cli(['run', '--sut', badSut, '--bogus']),
  badSut: cli(['run', '--sut', badSut, '--reports', join(tmp, 'reports-bad-sut')]),
  unreachable: freeLoopbackPort().then((port) => {
    const sut = sutFile('unreachable.json', { name: 'Gone', role: 'central-system', centralSystem: { url: `ws://127.0.0.1:${port}/ocpp` }, timeouts: { connect: '2s' } });
    return cli(['run', '--sut', sut, '--reports', join(tmp, 'reports-unreachable')]).then((r) => ({ ...r, port }));
  }),
};

test('--help lists every command and says this is not a certification; run --help gives the options and exit codes', async () => {
  const top = await spawned.help;
  assert.equal(top.code, 0);
  for (const c of ['run --sut <file>', 'list [--sut <file>]', 'report [<dir>]', 'reference charge-point|central-system', 'main']) assert.ok(top.stdout.includes(c), c);
  assert.match(top.stdout, /not an OCA\s+certification/);
  const run = await spawned.runHelp;
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^Usage: ocpp-conformance run --sut <file>[\s\S]*--strict[\s\S]*Exit codes: 0/);
});

test('a bad flag: one sentence naming it, exit 3', async () => {
  refusedWith(await spawned.badFlag, /^ocpp-conformance run: unknown option --bogus \(see ocpp-conformance run --help\)$/m);
});

test('a bad SUT file: the file and the field named, exit 3, no reports folder', async () => {
  refusedWith(await spawned.badSut, /the SUT file .*bad\.json has an unknown field "colour"/);
  assert.equal(existsSync(join(tmp, 'reports-bad-sut')), false);
});

test('an unreachable Central System: its URL and why, exit 3, no reports folder', async () => {
  const r = await spawned.unreachable;
  refusedWith(r, new RegExp(`cannot reach the Central System at ws://127\\.0\\.0\\.1:${r.port}/ocpp: ECONNREFUSED`));
  assert.equal(existsSync(join(tmp, 'reports-unreachable')), false);
});

async function refusal(args: readonly string[]): Promise<string> {
  try {
    await dispatch(args);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `ConfigError expected, got ${String(e)}`);
    assert.doesNotMatch(e.message, /\n/);
    return e.message;
  }
  assert.fail(`${args.join(' ')} was not refused`);
}

test('every refusal is one ConfigError sentence', async () => {
  assert.match(await refusal(['frobnicate']), /^unknown command "frobnicate" \(see ocpp-conformance --help\)$/);
  assert.match(await refusal(['run', '--sut', 'x.json', '--parallel', 'two']), /--parallel takes a whole number, not "two"/);
  assert.match(await refusal(['run', '--sut']), /--sut needs a value/);
  assert.match(await refusal(['run']), /--sut <file> is required/);
  assert.match(await refusal(['run', '--sut', join(tmp, 'missing.json')]), /cannot read the SUT file .*missing\.json: no such file/);
  assert.match(await refusal(['run', '--sut', badSut, 'extra']), /unexpected argument "extra"/);
  assert.match(await refusal(['list', '--format', 'xml']), /--format takes text, json or csv, not "xml"/);
  assert.match(await refusal(['list', '--role', 'cp']), /--role takes charge-point or central-system, not "cp"/);
  assert.match(await refusal(['list', '--sut', badSut]), /unknown field "colour"/);
  assert.match(await refusal(['report', join(tmp, 'nowhere')]), /there is no folder/);
  assert.match(await refusal(['report', tmp]), /holds no test case results/);
  assert.match(await refusal(['main', '--bogus']), /ocpp-conformance main: unknown option --bogus/);
  assert.match(await refusal(['reference', 'toaster']), /say "charge-point" or "central-system", not "toaster"/);
});

test('each of our commands has a help of its own', () => {
  for (const name of ['run', 'list', 'report', 'main']) {
    const help = COMMANDS[name]?.help;
    assert.match(typeof help === 'function' ? help() : help ?? '', new RegExp(`^Usage: ocpp-conformance ${name}`), name);
  }
});

async function list(args: readonly string[]): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  assert.equal(await listCommand(args, out), 0);
  return text;
}

test('list: the catalogue as JSON, CSV or a table; with a SUT, what applies and why not', async () => {
  const json = JSON.parse(await list(['--format', 'json', '--role', 'central-system'])) as { testCases: Array<{ id: string; role: string }> };
  assert.ok(json.testCases.length >= 77);
  assert.ok(json.testCases.every((t) => t.role === 'central-system'));
  const csv = await list(['--format', 'csv']);
  assert.match(csv, /^id,title,role,profile,section,in_catalogue,implemented_at,operator_actions\n/);
  assert.match(csv, /^TC_003_CS,Regular Charging Session - Plugin First,charge-point,Core,2\.2 Start Charging Session,true,[^,]*,plug-in present-idTag$/m);
  const text = await list(['--sut', join(ROOT, 'fixtures', 'sut', 'reference-charge-point.json')]);
  assert.match(text, /^ID +ROLE +PROFILE +IMPLEMENTED +APPLIES +TITLE$/m);
  assert.match(text, /^TC_073_CS +CP +Security .* N\/A +Update Charge Point Password for HTTP Basic Authentication \(N\/A: the SUT file does not list the Security profile/m);
  assert.match(text, /^TC_056_CS +CP +SmartCharging +\S+ +yes +Central Smart Charging - TxDefaultProfile$/m);
  assert.match(text, /189 catalogue test cases, \d+ implemented; \d+ of ours beyond the catalogue; for Reference Charge Point: \d+ apply/);
});

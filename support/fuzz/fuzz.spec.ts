// The fuzzer's pure parts (issue 14): the oracle's verdicts, the shrinker, the seeded input sequence and what each
// frame mutation expects of the receiver; and the fuzz command's refusal of bad flags (exit 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzzCommand } from '../cli/fuzz-command';
import { parseFrame } from '../ocpp/frame';
import { ConfigError } from '../reporting/errors';
import { loadSutFile } from '../sut/sut-config';
import { runFuzz } from './fuzz-runner';
import { replayFinding } from './replay';
import { FRAME_MUTATION_NAMES, mutateFrame } from './frame-mutations';
import type { FuzzInput } from './fuzz-input';
import { InputGenerator } from './input-generator';
import { judgeAnswer } from './oracle';
import { Random } from './schema-mutations';
import { shrink } from './shrink';

const none = { unsupported: new Set<string>() };
const input = (expect: FuzzInput['expect'], action = 'Authorize'): FuzzInput => ({ raw: '[]', id: 'x', action, mutation: 'm', expect, rule: 'r' });

test('the oracle: a prescribed code passes, another code, a CALLRESULT or silence is a finding of its category', () => {
  const bad = input({ kind: 'error', codes: ['OccurenceConstraintViolation'] });
  assert.equal(judgeAnswer(bad, { type: 4, id: 'x', code: 'OccurenceConstraintViolation', description: '', details: {} }, 1000, none), undefined);
  assert.equal(judgeAnswer(bad, { type: 4, id: 'x', code: 'GenericError', description: '', details: {} }, 1000, none)?.category, 'wrong code');
  assert.equal(judgeAnswer(bad, { type: 3, id: 'x', payload: { idTagInfo: { status: 'Accepted' } } }, 1000, none)?.category, 'wrong code');
  assert.equal(judgeAnswer(bad, undefined, 1000, none)?.category, 'hang');
  assert.equal(judgeAnswer(bad, { type: 4, id: 'x', code: 'FormatViolation', description: '', details: {} }, 1000, none)?.category, 'wrong code', 'not a Table 7 code');
});

test('the oracle: a valid CALL needs a schema-valid CALLRESULT; an ignored frame no answer; NotSupported for an undeclared profile', () => {
  const valid = input({ kind: 'result' });
  assert.equal(judgeAnswer(valid, { type: 3, id: 'x', payload: { idTagInfo: { status: 'Accepted' } } }, 1000, none), undefined);
  assert.equal(judgeAnswer(valid, { type: 3, id: 'x', payload: { idTagInfo: { status: 'Fine' } } }, 1000, none)?.category, 'schema-invalid answer');
  assert.equal(judgeAnswer(valid, { type: 4, id: 'x', code: 'FormationViolation', description: '', details: {} }, 1000, none)?.category, 'wrong code');
  const ignored = input({ kind: 'ignored' });
  assert.equal(judgeAnswer(ignored, undefined, 1000, none), undefined);
  assert.equal(judgeAnswer(ignored, { type: 4, id: 'x', code: 'NotSupported', description: '', details: {} }, 1000, none)?.rule, 'OCPP-J 1.6 §4.1.3');
  const smart = input({ kind: 'error', codes: ['TypeConstraintViolation'] }, 'SetChargingProfile');
  assert.equal(judgeAnswer(smart, { type: 4, id: 'x', code: 'NotSupported', description: '', details: {} }, 1000, { unsupported: new Set(['SetChargingProfile']) }), undefined);
});

test('shrink keeps a subsequence that still reproduces, and the last element alone when it suffices', async () => {
  const items = Array.from({ length: 40 }, (_, i) => i);
  const needs = (c: readonly number[]): Promise<boolean> => Promise.resolve(c.includes(7) && c.includes(23));
  assert.deepEqual((await shrink(items, needs, 200)).items, [7, 23]);
  const last = await shrink(items, (c) => Promise.resolve(c.includes(39)));
  assert.deepEqual(last.items, [39]);
  assert.equal(last.tries, 1);
});

test('a seed gives the same inputs; another seed others; a schema-valid CALL expects a CALLRESULT', () => {
  const options = { actions: ['Authorize', 'StatusNotification', 'StartTransaction'], connectors: 2, idTag: 'TAG' };
  const a = new InputGenerator({ ...options, seed: 5 });
  const b = new InputGenerator({ ...options, seed: 5 });
  const c = new InputGenerator({ ...options, seed: 6 });
  const first = Array.from({ length: 200 }, () => a.next());
  assert.deepEqual(first, Array.from({ length: 200 }, () => b.next()));
  assert.notDeepEqual(first.map((i) => i.raw), Array.from({ length: 200 }, () => c.next().raw));
  const kinds = new Set(first.map((i) => i.expect.kind));
  for (const k of ['result', 'error', 'alive']) assert.ok(kinds.has(k as never), k);
  for (const i of first.filter((x) => x.mutation === 'valid')) assert.equal(i.expect.kind, 'result', i.raw);
});

test('each frame mutation expects what the harness framing makes of it', () => {
  const rng = new Random(3);
  for (const name of FRAME_MUTATION_NAMES) {
    const m = mutateFrame({ id: 'fz-1', action: 'Authorize', payload: { idTag: 'T' } }, rng, name);
    const parsed = parseFrame(m.raw);
    if (m.expect.kind === 'ignored') assert.equal(!parsed.ok && parsed.ignored, true, name);
    if (m.expect.kind === 'error') assert.ok(m.id !== undefined, `${name} has an id to answer`);
    if (name === 'not-json' || name === 'not-an-array') assert.equal(parsed.ok, false, name);
  }
  assert.throws(() => mutateFrame({ id: 'x', action: 'Authorize', payload: {} }, rng, 'nope'), /unknown frame mutation/);
});

const bin = join(__dirname, '..', '..', 'bin', 'ocpp-conformance.js');

test('fuzz refuses bad flags with one sentence (a ConfigError: exit 3)', async () => {
  const sut = join(__dirname, '..', '..', 'fixtures', 'sut', 'reference-charge-point.json');
  for (const [args, said] of [
    [['--budget', '5'], /--sut/],
    [['--sut', sut, '--budget', '5', '--duration', '2s'], /not both/],
    [['--sut', sut, '--duration', 'soon'], /--duration takes a duration/],
    [['--sut', sut, '--actions', 'Heartbeat'], /does not receive Heartbeat/],
    [['--sut', sut, '--colour', 'red'], /unknown option --colour/],
  ] as Array<[string[], RegExp]>) {
    await assert.rejects(fuzzCommand(args), (e: Error) => e instanceof ConfigError && said.test(e.message) && !e.message.includes('\n'), args.join(' '));
  }
  const spawned = spawnSync(process.execPath, [bin, 'fuzz', '--sut', sut, '--seed', 'x'], { encoding: 'utf8' });
  assert.equal(spawned.status, 3);
  assert.equal(spawned.stderr.trim().split('\n').length, 1, spawned.stderr);
});

test('a charger that takes TriggerMessage gets inputs that fuzz the answer to the CALL it triggers', () => {
  const g = new InputGenerator({ seed: 2, actions: ['TriggerMessage', 'ChangeAvailability'], connectors: 2, idTag: 'TAG', fuzzAnswers: true });
  const answers = Array.from({ length: 400 }, () => g.next()).filter((i) => i.answer);
  assert.ok(answers.length > 10, `${answers.length} answer inputs`);
  for (const i of answers) {
    const [, , action, payload] = JSON.parse(i.raw) as [number, string, string, { requestedMessage: string }];
    assert.equal(action, 'TriggerMessage');
    assert.equal(payload.requestedMessage, i.answer!.action);
    assert.equal(i.expect.kind, 'result');
  }
  assert.ok(answers.some((i) => i.answer!.mutation !== 'valid'));
});

test('fuzz spawned as a user runs it finds a fault (exit 1) and saves it minimized; the saved finding replays; a conformant run finds nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-cli-'));
  const path = join(__dirname, '..', '..', 'fixtures', 'sut', 'reference-central-system.json');
  try {
    const faulty = spawnSync(process.execPath, [bin, 'fuzz', '--sut', path, '--budget', '2000', '--seed', '1', '--fault', 'fuzz-csms-crash-on-unknown-action', '--reports', join(dir, 'faulty')], { encoding: 'utf8' });
    assert.equal(faulty.status, 1, faulty.stdout + faulty.stderr);
    assert.match(faulty.stdout, /crash: the SUT dropped the connection/);
    const file = join(dir, 'faulty', 'fuzz', 'findings', 'finding-1-crash.json');
    const finding = JSON.parse(readFileSync(file, 'utf8')) as { category: string; frames: Array<{ mutation: string }> };
    assert.equal(finding.category, 'crash');
    assert.deepEqual(finding.frames.map((f) => f.mutation), ['unknown-action'], 'minimized to the frame that crashes it');
    const replay = await replayFinding(file);
    assert.equal(replay.verdict?.category, 'crash');
    const clean = await runFuzz({ sut: loadSutFile(path), seed: 1, budget: 300, reportsDir: join(dir, 'clean') });
    assert.equal(clean.inputs, 300);
    assert.deepEqual(clean.findings, []);
    assert.equal((JSON.parse(readFileSync(join(dir, 'clean', 'summary.json'), 'utf8')) as { inputs: number }).inputs, 300);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

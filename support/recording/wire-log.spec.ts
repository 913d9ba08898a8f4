import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WireLog } from './wire-log';

const dir = mkdtempSync(join(tmpdir(), 'wirelog-'));
const text = (p: string): string => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
};
const lines = (p: string): Array<Record<string, unknown>> => text(p).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const heartbeat = { connection: 'CP1', direction: 'in' as const, raw: '[2,"1","Heartbeat",{}]', kind: 'CALL' as const, id: '1', action: 'Heartbeat', problems: [], violations: [] };

test('records are written in batches: after flush() every record is on disk, numbered, in order', () => {
  const run = join(dir, 'run.jsonl');
  const log = new WireLog(run, { flushIntervalMs: 3_600_000 });
  log.frame(heartbeat);
  log.event('CP1', 'note', { kind: 'x' });
  assert.equal(text(run), '', 'nothing is written per frame');
  log.flush();
  const [first, second] = lines(run);
  assert.equal(first?.['seq'], 1);
  assert.equal(first?.['direction'], 'in');
  assert.equal(first?.['raw'], '[2,"1","Heartbeat",{}]');
  assert.ok(typeof first?.['time'] === 'string' && typeof first?.['mono'] === 'number');
  assert.equal(second?.['seq'], 2);
  log.close();
});

test('a record is written at the latest one flush interval after it was recorded', async () => {
  const run = join(dir, 'timed.jsonl');
  const log = new WireLog(run, { flushIntervalMs: 10 });
  log.frame(heartbeat);
  const deadline = Date.now() + 2000;
  while (lines(run).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  assert.equal(lines(run).length, 1, 'the record reached the file within 2 s of a 10 ms interval');
  log.close();
});

test('a scenario trace gets the scenario\'s records, on disk when the scenario ends; the run log gets all of them', () => {
  const run = join(dir, 'run2.jsonl');
  const scenario = join(dir, 'traces', 'TC_001_CS.jsonl');
  const log = new WireLog(run, { flushIntervalMs: 3_600_000 });
  log.event('CP1', 'open', {});
  log.beginScenario(scenario);
  log.frame({ connection: 'CP1', direction: 'out', raw: 'x', kind: 'INVALID', problems: [], violations: [], deliberate: true });
  assert.equal(log.scenarioTrace().length, 1);
  const ended = log.endScenario();
  log.event('CP1', 'close', { code: 1000 });
  assert.equal(ended.length, 1);
  assert.deepEqual(lines(scenario).map((r) => r['seq']), [2]);
  log.close();
  assert.deepEqual(lines(run).map((r) => r['seq']), [1, 2, 3]);
});

test('listeners see every record in order, as it is recorded', () => {
  const log = new WireLog();
  const seen: number[] = [];
  const off = log.subscribe((r) => seen.push(r.seq));
  log.event('a', 'note');
  log.event('a', 'note');
  off();
  log.event('a', 'note');
  assert.deepEqual(seen, [1, 2]);
});

test('an in-memory log and a closed log leave no exit or signal handler behind', () => {
  const before = process.listenerCount('SIGTERM');
  const log = new WireLog(join(dir, 'hooks.jsonl'));
  assert.equal(process.listenerCount('SIGTERM'), before + 1);
  log.close();
  new WireLog().event('a', 'note');
  assert.equal(process.listenerCount('SIGTERM'), before);
});

interface ChildEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
}

/** Runs wire-log-child.ts; with `signal`, sends it once the child has recorded `after` frames. */
function runChild(how: string, file: string, signal?: NodeJS.Signals, after = 1000): Promise<ChildEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', 'ts-node/register/transpile-only', join(__dirname, 'wire-log-child.ts'), how, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let sent = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the wire-log child (${how}) did not end within 20 s; stdout: ${stdout}`));
    }, 20_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const last = [...stdout.matchAll(/recorded (\d+)/g)].pop();
      if (signal && !sent && last && Number(last[1]) >= after) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stdout });
    });
  });
}

/** Every frame the child said it recorded is in the file, numbered 1..n without a gap, each line whole. */
function assertEveryFrame(file: string, end: ChildEnd): void {
  const reported = Math.max(...[...end.stdout.matchAll(/recorded (\d+)/g)].map((m) => Number(m[1])));
  const bytesBefore = Number(/bytes (\d+)/.exec(end.stdout)?.[1]);
  assert.equal(bytesBefore, 0, 'the frames were still in memory, so the exit path is what wrote them');
  const seqs = lines(file).map((r) => r['seq']);
  assert.ok(seqs.length >= reported, `the file holds ${seqs.length} frames; the child had recorded ${reported}`);
  assert.deepEqual(seqs, seqs.map((_, i) => i + 1));
}

for (const how of ['exit', 'process-exit', 'throw'] as const) {
  test(`no frame is lost when the process ends by ${how === 'exit' ? 'draining its event loop' : how === 'throw' ? 'an uncaught exception' : 'process.exit'}`, async () => {
    const file = join(dir, `child-${how}.jsonl`);
    const end = await runChild(how, file);
    assert.equal(end.code, how === 'throw' ? 1 : 0);
    assertEveryFrame(file, end);
  });
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`no frame is lost when ${signal} kills the process mid-run, and it still dies of ${signal}`, async () => {
    const file = join(dir, `child-${signal}.jsonl`);
    const end = await runChild('wait', file, signal);
    assert.equal(end.signal, signal, `the child ended with code ${end.code}, signal ${end.signal}`);
    assertEveryFrame(file, end);
  });
}

test('a listener of one connection hears that connection only; unsubscribing stops it', () => {
  const log = new WireLog();
  const heard: string[] = [];
  const all: string[] = [];
  log.subscribe((r) => all.push(r.connection));
  const stop = log.subscribe((r) => heard.push(r.connection), 'CP1');
  log.frame(heartbeat);
  log.frame({ ...heartbeat, connection: 'CP2' });
  log.event('CP1', 'close', {});
  stop();
  log.frame(heartbeat);
  assert.deepEqual(heard, ['CP1', 'CP1']);
  assert.deepEqual(all, ['CP1', 'CP2', 'CP1', 'CP1']);
});

test('a batch larger than the write buffer and text beyond ASCII reach the file whole', () => {
  const run = join(dir, 'big.jsonl');
  const log = new WireLog(run, { flushIntervalMs: 3_600_000 });
  const wide = 'é€😀'.repeat(20_000);
  for (let i = 0; i < 50; i++) log.frame({ ...heartbeat, id: String(i), raw: `[2,"${i}","DataTransfer",{"data":"${wide}"}]` });
  log.flush();
  const got = lines(run);
  assert.equal(got.length, 50);
  assert.ok(got.every((l, i) => l['id'] === String(i) && (l['raw'] as string).includes(wide)));
  log.close();
});

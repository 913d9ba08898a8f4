import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WireLog } from './wire-log';

const dir = mkdtempSync(join(tmpdir(), 'wirelog-'));
const lines = (p: string): Array<Record<string, unknown>> => readFileSync(p, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

test('every record is numbered and on disk as soon as it is recorded (nothing lost on a crash)', () => {
  const run = join(dir, 'run.jsonl');
  const log = new WireLog(run);
  log.frame({ connection: 'CP1', direction: 'in', raw: '[2,"1","Heartbeat",{}]', kind: 'CALL', id: '1', action: 'Heartbeat', problems: [], violations: [] });
  // No close, no flush: the line must already be there.
  const [first] = lines(run);
  assert.equal(first?.['seq'], 1);
  assert.equal(first?.['direction'], 'in');
  assert.equal(first?.['raw'], '[2,"1","Heartbeat",{}]');
  assert.ok(typeof first?.['time'] === 'string' && typeof first?.['mono'] === 'number');
  log.close();
});

test('a scenario trace gets the scenario\'s records; the run log gets all of them', () => {
  const run = join(dir, 'run2.jsonl');
  const scenario = join(dir, 'traces', 'TC_001_CS.jsonl');
  const log = new WireLog(run);
  log.event('CP1', 'open', {});
  log.beginScenario(scenario);
  log.frame({ connection: 'CP1', direction: 'out', raw: 'x', kind: 'INVALID', problems: [], violations: [], deliberate: true });
  assert.equal(log.scenarioTrace().length, 1);
  const ended = log.endScenario();
  log.event('CP1', 'close', { code: 1000 });
  assert.equal(ended.length, 1);
  assert.deepEqual(lines(scenario).map((r) => r['seq']), [2]);
  assert.deepEqual(lines(run).map((r) => r['seq']), [1, 2, 3]);
  log.close();
});

test('listeners see every record in order', () => {
  const log = new WireLog();
  const seen: number[] = [];
  const off = log.subscribe((r) => seen.push(r.seq));
  log.event('a', 'note');
  log.event('a', 'note');
  off();
  log.event('a', 'note');
  assert.deepEqual(seen, [1, 2]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRunNote, readRunNotes, RunNotes } from './run-notes';
import { readScenarioResults, resultsDir, writeScenarioResult } from './scenario-result';
import { buildSummary, renderSummaryMarkdown } from './summary';
import { renderConsoleSummary } from './console-summary';
import { everyVerdict, sampleRun, scenarioResult } from './test-results';
import { writeReports } from './write-reports';

test('a repeated note is one note with a count; every worker\'s notes are read, a broken line left out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'notes-'));
  const a = new RunNotes(dir, '0');
  a.note('stranger-refused', 'stranger-refused:X', 'refused "X"');
  a.note('stranger-refused', 'stranger-refused:X', 'refused "X"');
  new RunNotes(dir, '1').note('teardown', 'teardown:t', 'teardown: forced');
  writeFileSync(join(resultsDir(dir), 'run-notes-2.ndjson'), '{"cut short\n');
  const notes = readRunNotes(dir);
  assert.deepEqual(notes.map((n) => [n.kind, n.count, n.worker]), [['stranger-refused', 2, '0'], ['teardown', 1, '1']]);
  assert.match(formatRunNote(notes[0]!), /^refused "X" \(2 times, the last at \d{4}-/);
  assert.equal(formatRunNote(notes[1]!), 'teardown: forced');
  assert.deepEqual(readScenarioResults(dir), [], 'notes are not scenario results');
});

test('summary.json, summary.md and the console end show the run notes; none, no section', async () => {
  const notes = [{ key: 'k', kind: 'stranger-refused' as const, message: 'refused charge point "X" with HTTP 404', worker: '0', first: 'f', last: 'l', count: 1 }];
  const summary = buildSummary(everyVerdict(), sampleRun, {}, notes);
  assert.deepEqual(summary.notes, notes);
  assert.match(renderSummaryMarkdown(summary), /### Run notes\n\n- refused charge point "X" with HTTP 404\n/);
  assert.doesNotMatch(renderSummaryMarkdown(buildSummary(everyVerdict(), sampleRun)), /Run notes/);

  const dir = mkdtempSync(join(tmpdir(), 'notes-'));
  writeScenarioResult(dir, 'TC_001_CS', scenarioResult({ id: 'TC_001_CS', verdict: 'PASS' }));
  new RunNotes(dir, '0').note('teardown', 'teardown:x', 'teardown: the emulated Central System still had 1 connection after 2 s; closed it forcibly');
  const written = await writeReports(dir, { html: false });
  const out = renderConsoleSummary(written);
  assert.match(out, /Run notes:\n {2}- teardown: the emulated Central System still had 1 connection after 2 s; closed it forcibly\n/);
  assert.ok(out.indexOf('Run notes:') < out.indexOf('1 passed'), 'before the closing line, which stays last');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressPrinter, type PrinterStream } from './progress-printer';
import { scenarioResult } from './test-results';

function stream(isTTY: boolean): PrinterStream & { text: string } {
  return { isTTY, columns: 100, text: '', write(t: string) { this.text += t; } };
}

test('one line per test case: verdict, id, title, duration; the reason beneath anything but a PASS', () => {
  const out = stream(false);
  const p = new ProgressPrinter(out, {});
  p.planned();
  p.planned();
  p.finished({ id: 'TC_001_CS', title: 'Cold Boot Charge Point', result: scenarioResult({ id: 'TC_001_CS', verdict: 'PASS', durationMs: 1500 }), durationMs: 0 });
  p.finished({ id: 'TC_003_CS', title: 'Plugin First', result: scenarioResult({ id: 'TC_003_CS', verdict: 'FAIL', reason: 'FAIL [OCPP 1.6 §4.9] no Charging\n  expected: x' }), durationMs: 0 });
  p.end();
  const lines = out.text.split('\n');
  assert.match(lines[0] ?? '', /^PASS {9}TC_001_CS {10}Cold Boot Charge Point +1\.5 s$/);
  assert.match(lines[1] ?? '', /^FAIL {9}TC_003_CS {10}Plugin First +1\.2 s$/);
  assert.equal(lines[2], '             └ FAIL [OCPP 1.6 §4.9] no Charging');
  assert.doesNotMatch(out.text, /\u001b|\r|\[#/, 'no colour, no bar without a terminal');
});

test('a scenario that wrote no result is an ERROR line naming Cucumber\'s status', () => {
  const out = stream(false);
  new ProgressPrinter(out, {}).finished({ id: 'TC_013_CS', title: 't', cucumberStatus: 'FAILED', durationMs: 20 });
  assert.match(out.text, /^ERROR +TC_013_CS[\s\S]*no result was recorded \(Cucumber status FAILED\)/);
});

test('on a terminal: colours and a progress bar redrawn beneath the lines, gone at the end', () => {
  const out = stream(true);
  const p = new ProgressPrinter(out, {});
  for (let i = 0; i < 3; i++) p.planned();
  p.started();
  assert.match(out.text, /^\[\.{30}\] 0\/3/);
  p.finished({ id: 'A', title: 't', result: scenarioResult({ id: 'A', verdict: 'PASS' }), durationMs: 0 });
  assert.match(out.text, /\u001b\[32mPASS/);
  assert.match(out.text, /\[#{10}\.{20}\] 1\/3  PASS 1/);
  p.finished({ id: 'B', title: 't', result: scenarioResult({ id: 'B', verdict: 'N/A' }), durationMs: 0 });
  assert.match(out.text, /\r\u001b\[K\u001b\[90mN\/A/);
  p.end();
  assert.ok(out.text.endsWith('\r\u001b[K'));
  const plain = new ProgressPrinter(stream(true), { NO_COLOR: '1' });
  assert.equal((plain as unknown as { colour: boolean }).colour, false);
});

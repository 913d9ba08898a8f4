import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImplementedCase } from '../support/catalogue/feature-index';
import { describeCoverage, proofCoverage } from './proof-coverage';

const scenario = (id: string): ImplementedCase => ({ id, title: id, file: 'features/x.feature', line: 1, role: undefined, profile: undefined, tags: [] });
const cases = ['TC_001_CS', 'TC_002_CS', 'EXT_RPC_001', 'TC_003_CS'].map(scenario);

test('a scenario is proven only by a fault that was detected', () => {
  const c = proofCoverage(cases, [
    { fault: 'a', declared: ['TC_001_CS', 'EXT_RPC_001'], detected: true },
    { fault: 'b', declared: ['TC_002_CS'], detected: false },
  ]);
  assert.deepEqual(c.unproven, ['TC_002_CS', 'TC_003_CS']);
  assert.deepEqual(c.declaredOnly, ['TC_002_CS']);
  assert.deepEqual(c.provenBy.get('TC_001_CS'), ['a']);
  assert.deepEqual(describeCoverage(c), [
    'scenarios proven: 2/4',
    "  in no fault's detectedBy: TC_003_CS",
    '  named only by faults that were not detected: TC_002_CS',
  ]);
});

test('every scenario proven: one line, no list', () => {
  const c = proofCoverage(cases.slice(0, 1), [{ fault: 'a', declared: ['TC_001_CS', 'TC_009_CS'], detected: true }]);
  assert.deepEqual(describeCoverage(c), ['scenarios proven: 1/1']);
});

test('the same id in two feature files counts once', () => {
  const c = proofCoverage([scenario('TC_001_CS'), scenario('TC_001_CS')], []);
  assert.equal(c.scenarios.length, 1);
  assert.deepEqual(c.unproven, ['TC_001_CS']);
});

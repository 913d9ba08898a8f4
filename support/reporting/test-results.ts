/** Builders of scenario results for unit tests of the report writers. */
import type { RunFile } from './run-record';
import type { ScenarioResult } from './scenario-result';

/** A run.json of one Charge Point suite with one declared known deviation. */
export const sampleRun: RunFile = {
  harness: { name: 'ocpp-conformance', version: '9.9.9' },
  node: 'v20.0.0',
  catalogue: 'OCTT test',
  runs: [{
    sutName: 'Bench charger', sutFile: '/x/bench.json', role: 'charge-point', target: '0.0.0.0:9000/ocpp', strict: false, faults: [],
    notApplicable: [], knownDeviations: [{ id: 'TC_021_CS', reason: 'ticket 42', link: 'https://tracker.example/42' }], startedAt: '2026-01-02T03:04:05.000Z',
  }],
};

export function scenarioResult(fields: Partial<ScenarioResult> & Pick<ScenarioResult, 'id' | 'verdict'>): ScenarioResult {
  return {
    title: `Title of ${fields.id}`,
    role: 'charge-point',
    profile: 'Core',
    reason: fields.verdict === 'PASS' ? '' : `why ${fields.id} is ${fields.verdict}`,
    rulesBroken: [],
    rulesChecked: ['OCPP 1.6 §4.2'],
    unexpectedPass: false,
    findings: [],
    actuations: [],
    startedAt: '2026-01-02T03:04:05.000Z',
    durationMs: 1234,
    feature: 'features/charge-point/core/boot.feature',
    line: 7,
    tags: ['@sut:charge-point', '@feature-profile:Core', `@${fields.id}`],
    worker: '0',
    sut: 'Bench charger',
    ...fields,
  };
}

/** One result of every verdict, plus an unexpected pass. */
export function everyVerdict(): ScenarioResult[] {
  return [
    scenarioResult({ id: 'TC_001_CS', verdict: 'PASS' }),
    scenarioResult({
      id: 'TC_003_CS', verdict: 'FAIL', rulesBroken: ['OCPP 1.6 §4.9'],
      failure: { category: 'missing message', message: 'no StatusNotification Charging', rule: 'OCPP 1.6 §4.9', level: 'SHALL', step: 'TC_003_CS step 7', expected: 'status Charging', actual: 'nothing within 15 s', evidence: [4] },
      findings: [{ level: 'SHALL', category: 'schema violation', rule: 'OCPP 1.6 §6.47', message: 'bad <status> & more', seq: 5 }],
    }),
    scenarioResult({ id: 'TC_019_CS', verdict: 'WARN', findings: [{ level: 'SHOULD', category: 'timing', rule: 'OCPP-J 1.6 §4.1.1', message: 'late' }] }),
    scenarioResult({ id: 'TC_042_1_CS', verdict: 'N/A', profile: 'LocalAuthListManagement', reason: 'the SUT file does not list the LocalAuthListManagement profile as supported' }),
    scenarioResult({ id: 'TC_010_CS', verdict: 'INCONCLUSIVE', failure: { category: 'operator timeout', message: 'nobody plugged in' } }),
    scenarioResult({ id: 'TC_013_CS', verdict: 'ERROR', failure: { category: 'harness error', message: 'bench down' } }),
    scenarioResult({ id: 'TC_021_CS', verdict: 'XFAIL', reason: 'known deviation (ticket 42): FAIL …', failure: { category: 'wrong CALLERROR', message: 'x', rule: 'OCPP-J 1.6 §4.2.3', level: 'SHALL' } }),
    scenarioResult({ id: 'TC_001_CSMS', verdict: 'PASS', role: 'central-system', unexpectedPass: true, reason: 'passed although declared a known deviation (ticket 7)' }),
  ];
}

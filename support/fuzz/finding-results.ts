/**
 * The fuzzer's findings as test case results (`<reports>/fuzz/report/results/FUZZ_<n>.json`, the format every report
 * writer reads) with the frames that reproduce each as its trace, so that the HTML report of that folder shows one
 * test per finding, labelled with its category (crash / hang / wrong code / flood / schema-invalid answer) and rule.
 */
import { join } from 'node:path';
import type { FindingCategory as RecordedCategory } from '../recording/finding';
import { WireLog } from '../recording/wire-log';
import { type ScenarioResult, writeScenarioResult } from '../reporting/scenario-result';
import type { SutConfig } from '../sut/sut-config';
import { describeInput } from './fuzz-input';
import type { FuzzFinding } from './fuzz-runner';
import type { FindingCategory } from './oracle';

/** The report's category nearest to each fuzz category. */
const RECORDED: Readonly<Record<FindingCategory, RecordedCategory>> = {
  crash: 'protocol violation',
  hang: 'missing message',
  'wrong code': 'wrong CALLERROR',
  flood: 'timing',
  'schema-invalid answer': 'schema violation',
};

export function writeFindingResults(reportsDir: string, sut: SutConfig, findings: readonly FuzzFinding[], startedAt: string): void {
  for (const [k, f] of findings.entries()) {
    const id = `FUZZ_${String(k + 1).padStart(3, '0')}`;
    const trace = new WireLog(join(reportsDir, 'traces', `${id}.jsonl`));
    for (const input of f.frames) {
      trace.frame({ connection: 'fuzz', direction: 'out', raw: input.raw, kind: 'CALL', id: input.id, action: input.action, problems: [], violations: [], deliberate: true });
    }
    trace.close();
    const result: ScenarioResult = {
      id, title: `${f.category}: ${describeInput(f.input)}`, role: sut.role, profile: 'Core', verdict: 'FAIL',
      reason: `FAIL [${f.rule}] ${f.message}`, rulesBroken: [f.rule], rulesChecked: [f.rule], unexpectedPass: false,
      findings: [{ level: 'SHALL', category: RECORDED[f.category], rule: f.rule, message: `${f.message} (${f.frames.length} frame(s) reproduce it${f.reproduced ? '' : ' — did not reproduce on replay'}; ${f.file ?? ''})` }],
      actuations: [], startedAt, durationMs: 0, trace: `traces/${id}.jsonl`, feature: 'fuzz', tags: ['@fuzz', `@fuzz-category:${f.category.replace(/ /g, '-')}`],
      worker: 'fuzz', sut: sut.name,
    };
    writeScenarioResult(reportsDir, id, result);
  }
}

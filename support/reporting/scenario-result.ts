/**
 * The result of one scenario as the harness judged it, written by the worker that ran it to
 * `<reports>/results/<worker>-<n>-<caseId>.json` as soon as the scenario ends. The summary, JUnit and report
 * writers read these files, so results survive a crash of another worker or an interrupted run.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../recording/finding';
import type { Actuation } from '../sut/actuators/actuator';
import type { FailureRecord } from './failure-record';
import type { Verdict } from './verdict';

export interface ScenarioResult {
  /** Official test case id (`TC_003_CS`) or ours (`EXT_…`). */
  readonly id: string;
  readonly title: string;
  /** Role under test. */
  readonly role: 'charge-point' | 'central-system';
  readonly profile: string;
  readonly verdict: Verdict;
  readonly reason: string;
  readonly rulesBroken: readonly string[];
  readonly rulesChecked: readonly string[];
  readonly unexpectedPass: boolean;
  readonly findings: readonly Finding[];
  readonly actuations: readonly Actuation[];
  readonly startedAt: string;
  readonly durationMs: number;
  /** Path of the scenario's JSONL wire trace, relative to the reports folder. */
  readonly trace?: string;
  readonly feature: string;
  readonly line?: number;
  readonly tags: readonly string[];
  readonly worker: string;
  readonly sut: string;
  /** CALLs of the SUT that no step consumed, one summary line each (evidence, not judged). */
  readonly leftovers?: readonly string[];
  /** How the scenario ended when an error ended it: rule, expected vs actual, evidence frames; or the harness error. */
  readonly failure?: FailureRecord;
}

export function resultsDir(reportsDir: string): string {
  return join(reportsDir, 'results');
}

export function writeScenarioResult(reportsDir: string, fileStem: string, result: ScenarioResult): string {
  const dir = resultsDir(reportsDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${fileStem}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/**
 * Every result written under `reportsDir`, ordered by id. A file cut short (a worker killed while writing it) is
 * left out rather than failing the whole report.
 */
export function readScenarioResults(reportsDir: string): ScenarioResult[] {
  let names: string[];
  try {
    names = readdirSync(resultsDir(reportsDir)).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names
    .flatMap((n) => {
      try {
        return [JSON.parse(readFileSync(join(resultsDir(reportsDir), n), 'utf8')) as ScenarioResult];
      } catch {
        return [];
      }
    })
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

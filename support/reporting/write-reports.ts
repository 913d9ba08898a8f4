/**
 * Every output of a reports folder, from what the run left there (`run.json`, `results/*.json`, `traces/*.jsonl`,
 * `allure-results/`): `summary.json`, `summary.md`, `junit.xml`, the decorated Allure results and the single-file
 * HTML report. Used after a run, after an interrupted run, and by `ocpp-conformance report`.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decorateAllureResults } from './allure-results';
import { generateAllureReport } from './allure-report';
import { renderJunit } from './junit';
import { readRunFile, type RunFile } from './run-record';
import { readRunNotes } from './run-notes';
import { readScenarioResults, type ScenarioResult } from './scenario-result';
import { buildSummary, renderSummaryMarkdown, type Summary } from './summary';

export interface WrittenReports {
  readonly results: ScenarioResult[];
  readonly run: RunFile | undefined;
  readonly summary: Summary;
  readonly files: { readonly summaryJson: string; readonly summaryMd: string; readonly junit: string; readonly html?: string };
  /** Why the HTML report could not be written, when it could not. */
  readonly htmlError?: string;
}

/** Writes a file whole or not at all (a reader never sees half of it). */
function writeWhole(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

export interface WriteOptions {
  /** Overrides run.json's --strict (e.g. `report --strict`). */
  readonly strict?: boolean;
  /** Skip the HTML report (faster; the machine-readable outputs only). */
  readonly html?: boolean;
}

export async function writeReports(reportsDir: string, options: WriteOptions = {}): Promise<WrittenReports> {
  mkdirSync(reportsDir, { recursive: true });
  const run = readRunFile(reportsDir);
  const strict = options.strict ?? Boolean(run?.runs.some((r) => r.strict));
  const results = readScenarioResults(reportsDir);
  const summary = buildSummary(results, run, { strict }, readRunNotes(reportsDir));
  const files = {
    summaryJson: join(reportsDir, 'summary.json'),
    summaryMd: join(reportsDir, 'summary.md'),
    junit: join(reportsDir, 'junit.xml'),
  };
  writeWhole(files.summaryJson, `${JSON.stringify(summary, null, 2)}\n`);
  writeWhole(files.summaryMd, renderSummaryMarkdown(summary));
  writeWhole(files.junit, renderJunit(results, { strict }));
  if (options.html === false) return { results, run, summary, files };
  try {
    decorateAllureResults(reportsDir, results, { strict, run });
    const html = await generateAllureReport(reportsDir);
    return { results, run, summary, files: { ...files, html } };
  } catch (e) {
    return { results, run, summary, files, htmlError: (e as Error).message };
  }
}

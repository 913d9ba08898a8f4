/**
 * What was run into a reports folder (`<reports>/run.json`): per suite the SUT, its N/A and known deviations, the
 * tags, --strict, the faults switched on, when it started and ended, whether it was interrupted. `report` rebuilds
 * every output from this file, the result files and the traces, so nothing else needs to survive.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SutConfig } from '../sut/sut-config';
import { CATALOGUE_REVISION } from '../catalogue/catalogue';
import { PACKAGE_ROOT as ROOT } from '../cli/package-root';

export interface SuiteRun {
  readonly sutName: string;
  readonly sutFile: string;
  readonly role: 'charge-point' | 'central-system';
  /** The CSMS URL, or where the harness listens for the Charge Point. */
  readonly target: string;
  readonly tags?: string;
  readonly strict: boolean;
  readonly faults: readonly string[];
  readonly notApplicable: ReadonlyArray<{ readonly id: string; readonly reason: string }>;
  readonly knownDeviations: ReadonlyArray<{ readonly id: string; readonly reason: string; readonly link?: string }>;
  readonly startedAt: string;
  finishedAt?: string;
  interrupted?: boolean;
}

export interface RunFile {
  readonly harness: { readonly name: string; readonly version: string };
  readonly node: string;
  readonly catalogue: string;
  readonly runs: SuiteRun[];
}

export function harnessVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

export function runFilePath(reportsDir: string): string {
  return join(reportsDir, 'run.json');
}

export function readRunFile(reportsDir: string): RunFile | undefined {
  try {
    return JSON.parse(readFileSync(runFilePath(reportsDir), 'utf8')) as RunFile;
  } catch {
    return undefined;
  }
}

function write(reportsDir: string, file: RunFile): void {
  mkdirSync(reportsDir, { recursive: true });
  const tmp = `${runFilePath(reportsDir)}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`);
  renameSync(tmp, runFilePath(reportsDir));
}

export function describeSuiteRun(sut: SutConfig, options: { tags?: string; strict?: boolean; faults?: readonly string[] }): SuiteRun {
  const target = sut.centralSystem
    ? sut.centralSystem.url
    : `${sut.chargePoint?.listen.host}:${sut.chargePoint?.listen.port}${sut.chargePoint?.listen.path ?? ''}`;
  return {
    sutName: sut.name,
    sutFile: sut.file,
    role: sut.role,
    target,
    tags: options.tags,
    strict: Boolean(options.strict),
    faults: [...(sut.reference?.faults ?? []), ...(options.faults ?? [])],
    notApplicable: [...sut.notApplicable].map(([id, reason]) => ({ id, reason })),
    knownDeviations: [...sut.knownDeviations].map(([id, d]) => ({ id, ...d })),
    startedAt: new Date().toISOString(),
  };
}

/** Records a suite as started; `fresh` starts a new run file (a new run into a cleaned folder). */
export function recordSuiteStart(reportsDir: string, run: SuiteRun, fresh: boolean): void {
  const previous = fresh ? undefined : readRunFile(reportsDir);
  write(reportsDir, {
    harness: harnessVersion(),
    node: process.version,
    catalogue: CATALOGUE_REVISION,
    runs: [...(previous?.runs ?? []), run],
  });
}

/** Marks the last suite of the run file as finished (or interrupted). */
export function recordSuiteEnd(reportsDir: string, interrupted: boolean): void {
  const file = readRunFile(reportsDir);
  const last = file?.runs[file.runs.length - 1];
  if (!file || !last) return;
  last.finishedAt = new Date().toISOString();
  last.interrupted = interrupted;
  write(reportsDir, file);
}

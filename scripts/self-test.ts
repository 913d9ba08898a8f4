/**
 * The self-test that proves the suites (issue: reference SUTs and faults):
 *
 *   conformance   every scenario against the conformant reference SUTs: PASS, or N/A with its reason
 *   faults        for every fault of the references, its declared scenarios FAIL (not ERROR, not INCONCLUSIVE) and
 *                 a finding or failure cites the clause the fault breaks (by clause id), with the category the fault
 *                 declares (a fault of a SHOULD: they WARN); writes reports/fault-matrix.json (with the category and
 *                 the rule each scenario matched) and prints
 *                 `faults detected: X/Y`
 *
 * Usage (also `npm run self-test --`):  [conformance|faults] [--role charge-point|central-system] [--fault name…]
 *                                       [--jobs n] [--tags expr] [--reports dir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chargePointFaults } from '../fixtures/reference/charge-point';
import { centralSystemFaults } from '../fixtures/reference/central-system';
import type { FaultDefinition } from '../fixtures/reference/fault';
import { REFERENCE_VARIANTS, type ReferenceVariant, referenceFileFor, sutPath, variantTags } from '../support/cli/reference-suites';
import { describeCode, PACKAGE_ROOT } from '../support/cli/package-root';
import { runSuite } from '../support/cli/run-command';
import { scanFeatures } from '../support/catalogue/feature-index';
import type { FindingCategory } from '../support/recording/finding';
import { citesClause } from '../support/reporting/rule-clauses';
import type { ScenarioResult } from '../support/reporting/scenario-result';
import { describeCoverage, proofCoverage } from './proof-coverage';

const root = PACKAGE_ROOT;
/** Where runs and the fault matrix go; `--reports <dir>` when several self-tests run side by side. */
let reports = join(root, 'reports');

export function setReportsDir(dir: string): void {
  reports = dir;
}
const SUT_FILES = {
  'charge-point': join(root, 'fixtures', 'sut', 'reference-charge-point.json'),
  'central-system': join(root, 'fixtures', 'sut', 'reference-central-system.json'),
} as const;
type Role = keyof typeof SUT_FILES;

export interface StageResult {
  passed: number;
  failed: number;
}

export interface FaultOutcome {
  readonly fault: string;
  readonly role: Role;
  readonly rule: string;
  /** The finding category the fault declares (or categories, see FaultDefinition): the detection must be of this kind. */
  readonly category: FaultDefinition['category'];
  /** The verdict the declared scenarios must reach: FAIL, or WARN for a fault of a SHOULD. */
  readonly expected: 'FAIL' | 'WARN';
  readonly declared: readonly string[];
  readonly failed: readonly string[];
  /** Declared ids and how each ended. */
  readonly verdicts: Readonly<Record<string, string>>;
  /** Declared ids that detected the fault, and the rule of the finding or failure that did. */
  readonly matched: Readonly<Record<string, string>>;
  readonly detected: boolean;
  readonly why: string;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Every scenario of a role against its conformant reference: PASS or N/A. */
async function conformantRole(role: Role, tags?: string): Promise<StageResult> {
  let passed = 0;
  let failed = 0;
  const dir = join(reports, 'self-test', `conformant-${role}`);
  const { results } = await runSuite({ sutFile: SUT_FILES[role], reportsDir: dir, parallel: 2, quiet: true, resultsOnly: true, tags });
  if (results.length === 0) {
    log(`conformance ${role}: no scenario ran`);
    return { passed: 0, failed: 1 };
  }
  for (const r of results) {
    if (r.verdict === 'PASS' || r.verdict === 'N/A') {
      passed += 1;
    } else {
      failed += 1;
      log(`conformance ${role}: ${r.id} ${r.verdict} against the conformant reference\n  ${r.reason.split('\n').join('\n  ')}`);
    }
  }
  log(`conformance ${role}: ${results.filter((r) => r.verdict === 'PASS').length} PASS, ${results.filter((r) => r.verdict === 'N/A').length} N/A, ${results.filter((r) => r.verdict !== 'PASS' && r.verdict !== 'N/A').length} other`);
  return { passed, failed };
}

/** The cases N/A in the main configuration must PASS where they apply: N/A there too would leave them unproven. */
async function conformantVariant(variant: ReferenceVariant, tags?: string): Promise<StageResult> {
  let passed = 0;
  let failed = 0;
  const dir = join(reports, 'self-test', `conformant-${variant.file.replace(/\.json$/, '')}`);
  const started = Date.now();
  const { results } = await runSuite({ sutFile: sutPath(root, variant.file), reportsDir: dir, quiet: true, resultsOnly: true, tags: variantTags(variant.scenarios, tags) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (results.length === 0 && tags) return { passed, failed }; // the given tags select none of the variant's cases
  for (const id of variant.scenarios) {
    const r = results.find((x) => x.id === id);
    if (!r && tags) continue;
    if (r?.verdict === 'PASS') {
      passed += 1;
    } else {
      failed += 1;
      log(`conformance ${variant.file}: ${id} ${r ? `${r.verdict}, not PASS, where it applies\n  ${r.reason.split('\n').join('\n  ')}` : 'did not run'}`);
    }
  }
  log(`conformance ${variant.file}: ${results.filter((r) => r.verdict === 'PASS').length}/${variant.scenarios.length} PASS (${seconds} s)`);
  return { passed, failed };
}

/**
 * Runs every scenario of the roles against their conformant references, then each role's variants; the roles side by
 * side (each suite mostly waits on its reference, so two keep 2 cores busy without starving either).
 */
export async function conformance(roles: readonly Role[], tags?: string): Promise<StageResult> {
  log(`conformance: Cucumber runs ${describeCode()}`);
  const perRole = await Promise.all(roles.map(async (role) => {
    const counts = [await conformantRole(role, tags)];
    for (const variant of REFERENCE_VARIANTS.filter((v) => v.role === role)) counts.push(await conformantVariant(variant, tags));
    return counts;
  }));
  return perRole.flat().reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }), { passed: 0, failed: 0 });
}

/** What a scenario found broken, with its kind: the failure that ended it and the findings recorded on the way. */
function brokenRules(r: ScenarioResult): Array<{ rule: string; category: string; level?: string }> {
  return [...(r.failure?.rule ? [{ rule: r.failure.rule, category: r.failure.category, level: r.failure.level }] : []), ...r.findings];
}

/**
 * Whether a fault was detected (issue 10, "exact detection"): every declared scenario ran and ended FAIL (WARN for
 * a fault of a SHOULD), and in each a failure or finding of that level, listed in rulesBroken, cites the fault's
 * clause (or a sub-clause of it) and is of the fault's category. A timeout citing the same section, or `§4.10` for
 * `§4.1`, does not count.
 */
export function judgeFault(fault: FaultDefinition, results: readonly ScenarioResult[]): FaultOutcome {
  const byId = new Map(results.map((r) => [r.id, r]));
  const verdicts: Record<string, string> = {};
  const matched: Record<string, string> = {};
  const problems: string[] = [];
  // A broken SHALL must FAIL; a broken SHOULD must WARN (never pass unnoticed, never FAIL).
  const expected = fault.level === 'SHOULD' ? 'WARN' : 'FAIL';
  const level = fault.level ?? 'SHALL';
  const categories: readonly FindingCategory[] = typeof fault.category === 'string' ? [fault.category] : fault.category;
  for (const id of fault.detectedBy) {
    const r = byId.get(id);
    verdicts[id] = r?.verdict ?? 'not run';
    if (!r) {
      problems.push(`${id} did not run (no such scenario?)`);
      continue;
    }
    if (r.verdict !== expected) {
      problems.push(`${id} ended ${r.verdict}, not ${expected}${r.reason ? `: ${r.reason.split('\n')[0]}` : ''}`);
      continue;
    }
    const forRule = brokenRules(r).filter((b) => b.level === level && r.rulesBroken.includes(b.rule) && citesClause(b.rule, fault.rule));
    const hit = forRule.find((b) => categories.includes(b.category as FindingCategory));
    if (hit) matched[id] = hit.rule;
    else if (forRule.length > 0) {
      problems.push(`${id} failed for ${fault.rule}, but as ${[...new Set(forRule.map((b) => b.category))].join(', ')}, not ${categories.join(' or ')}`);
    } else {
      problems.push(`${id} ${expected === 'FAIL' ? 'failed' : 'warned'}, but not for ${fault.rule}: ${r.reason.split('\n')[0]}`);
    }
  }
  const failed = fault.detectedBy.filter((id) => byId.get(id)?.verdict === expected);
  return {
    fault: fault.name, role: fault.role as Role, rule: fault.rule, category: fault.category, expected, declared: fault.detectedBy, failed, verdicts, matched,
    detected: fault.detectedBy.length > 0 && problems.length === 0,
    why: fault.detectedBy.length === 0 ? 'declares no scenario' : problems.join('; '),
  };
}

async function runFault(fault: FaultDefinition): Promise<FaultOutcome> {
  const role = fault.role as Role;
  const dir = join(reports, 'self-test', 'faults', fault.name);
  if (fault.detectedBy.length === 0) return judgeFault(fault, []);
  const tags = fault.detectedBy.map((id) => `@${id}`).join(' or ');
  try {
    const { results } = await runSuite({ sutFile: sutPath(root, referenceFileFor(role, fault.detectedBy)), reportsDir: dir, quiet: true, resultsOnly: true, tags, faults: [fault.name] });
    return judgeFault(fault, results);
  } catch (e) {
    return { ...judgeFault(fault, []), why: `could not run: ${(e as Error).message}` };
  }
}

/**
 * Runs the fault matrix, `jobs` faults at a time, both roles' faults in one queue. Most of a fault's time is spent
 * waiting for what its reference no longer sends, so more jobs than cores pay; the faults with the most scenarios
 * start first, so that the last ones to start are short.
 */
export async function faults(roles: readonly Role[], only: readonly string[], jobs: number = DEFAULT_JOBS): Promise<StageResult> {
  // Fuzz-class faults have no scenario: the fuzz stage (scripts/fuzz-stage.ts) proves them.
  const all = [...chargePointFaults, ...centralSystemFaults].filter((f) => !f.fuzz && roles.includes(f.role as Role) && (only.length === 0 || only.includes(f.name)));
  const outcomes: FaultOutcome[] = [];
  const queue = [...all].sort((a, b) => b.detectedBy.length - a.detectedBy.length);
  log(`faults: ${all.length} faults, ${jobs} at a time; Cucumber runs ${describeCode()}`);
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const outcome = await runFault(f);
      outcomes.push(outcome);
      log(`fault ${outcome.fault.padEnd(40)} ${outcome.detected ? 'detected' : `NOT DETECTED — ${outcome.why}`}`);
    }
  }));
  outcomes.sort((a, b) => a.fault.localeCompare(b.fault));
  mkdirSync(reports, { recursive: true });
  writeFileSync(join(reports, 'fault-matrix.json'), `${JSON.stringify(outcomes.map((o) => ({
    fault: o.fault, role: o.role, rule: o.rule, category: o.category, expected: o.expected, declaredIds: o.declared, failedIds: o.failed, verdicts: o.verdicts,
    matchedRules: o.matched, detected: o.detected, why: o.why || undefined,
  })), null, 2)}\n`);
  const detected = outcomes.filter((o) => o.detected).length;
  log(`faults detected: ${detected}/${outcomes.length}`);
  if (only.length > 0) return { passed: detected, failed: outcomes.length - detected };
  // Every scenario of the roles run must have been seen to fail for its fault (issue 10): each unproven one fails.
  const coverage = proofCoverage(scanFeatures(root).filter((c) => roles.includes((c.role ?? '') as Role)), outcomes);
  for (const line of describeCoverage(coverage)) log(line);
  return { passed: detected, failed: outcomes.length - detected + coverage.unproven.length };
}

/** Fault runs at a time: each is a Cucumber process of ~2 s CPU (compiled) that mostly waits. */
export const DEFAULT_JOBS = 8;

function parse(argv: readonly string[]): { stages: string[]; roles: Role[]; faults: string[]; jobs: number; tags?: string } {
  const stages: string[] = [];
  const roles: Role[] = [];
  const only: string[] = [];
  let jobs = DEFAULT_JOBS;
  let tags: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--role') roles.push(argv[++i] as Role);
    else if (a === '--fault') only.push(...(argv[++i] ?? '').split(','));
    else if (a === '--jobs') jobs = Number(argv[++i]);
    else if (a === '--tags') tags = argv[++i];
    else if (a === '--reports') setReportsDir(resolve(argv[++i] ?? 'reports'));
    else stages.push(a);
  }
  return { stages: stages.length ? stages : ['conformance', 'faults'], roles: roles.length ? roles : ['charge-point', 'central-system'], faults: only, jobs, tags };
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  let passed = 0;
  let failed = 0;
  if (o.stages.includes('conformance')) {
    const r = await conformance(o.roles, o.tags);
    passed += r.passed;
    failed += r.failed;
  }
  if (o.stages.includes('faults')) {
    const r = await faults(o.roles, o.faults, o.jobs);
    passed += r.passed;
    failed += r.failed;
  }
  log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

if (require.main === module) void main();

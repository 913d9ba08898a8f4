/**
 * Makes the Allure results tell the harness's verdicts. allure-cucumberjs records the steps as Cucumber saw them; the
 * verdict, decided later by the "judge the scenario" hook, lives in the result files. This pass rewrites each Allure
 * result from its scenario result (idempotent, so `report` can run it again):
 *
 * - status from the verdict (support/reporting/outcome.ts), the reason as the message, expected vs actual and the
 *   rule broken as details; XFAIL is failed + known (Allure: accepted);
 * - labels: epic = role under test, feature = profile, story = id and title, testCase, sut, rule (each rule broken),
 *   verdict, severity from the rule's level (SHALL critical, `@level:SHOULD` normal), the category, the verdict as a
 *   tag, suites for the tree (role, profile, the feature file's title); cucumber-js's defaults (language, framework,
 *   package) dropped, host and thread (the Timeline's) moved last;
 * - links to the spec sections checked (`rulesChecked`, `@spec=` tags) and to a known deviation's reference;
 * - attachments at the test's own level: the sequence diagram (SVG) and the JSONL wire trace.
 *
 * A scenario result without an Allure result (a crashed formatter) gets a result of its own, so the report shows
 * every test case that ran. Also writes `environment.properties` (SUT, harness, catalogue, Node, date).
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTags } from '../cucumber/tags';
import { leadOf } from './failure-record';
import { allureStatus, CATEGORY_TITLES, categoryOf, roleTitle, type OutcomeOptions } from './outcome';
import type { RunFile } from './run-record';
import type { ScenarioResult } from './scenario-result';
import { renderSequenceDiagram, type Highlight } from './sequence-diagram';
import { learnIdentity, readTrace, type SutIdentity } from './trace-file';

/** Where a reader can get the OCPP 1.6 documents (edition 2, OCPP-J, errata); the link's name is the section. */
export const SPEC_URL = 'https://openchargealliance.org/protocols/open-charge-point-protocol/';

export const NOTICE = 'Pre-certification testing with ocpp-conformance. This is not an OCA certification.';

interface Label { name: string; value: string }
interface Link { name?: string; url: string; type?: string }
interface Attachment { name: string; source: string; type: string }
interface AllureResult {
  uuid: string;
  name: string;
  status?: string;
  statusDetails?: Record<string, unknown>;
  labels: Label[];
  links: Link[];
  attachments: Attachment[];
  description?: string;
  descriptionHtml?: string;
  start?: number;
  stop?: number;
  [key: string]: unknown;
}
interface Fixture { name?: string; attachments?: Attachment[]; steps?: Fixture[] }
interface Container { uuid: string; name?: string; children: string[]; afters?: Fixture[]; befores?: Fixture[] }

/** Names of what this pass adds, so a second pass replaces rather than repeats them. */
const DIAGRAM = 'Sequence diagram';
const TRACE = 'Wire trace (JSONL)';
/** Labels this pass owns: replaced on every pass. */
const OWNED_LABELS = new Set(['epic', 'feature', 'story', 'testCase', 'sut', 'rule', 'verdict', 'severity', 'category', 'tag', 'parentSuite', 'suite', 'subSuite']);
/** cucumber-js defaults allure-cucumberjs copies onto every test: nothing a reader of a conformance report needs. */
const DROPPED_LABELS = new Set(['language', 'framework', 'package']);
/**
 * Kept, but last: the report's Timeline places a test by host and thread (the worker). The awesome template shows a
 * test's first 8 label groups and the rest behind "Show more", and ours come first, so these stay out of the way.
 */
const TRAILING_LABELS = new Set(['host', 'thread']);

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function caseIdOf(result: AllureResult): string | undefined {
  const tags = result.labels.filter((l) => l.name === 'tag').map((l) => (l.value.startsWith('@') ? l.value : `@${l.value}`));
  return readTags(tags).id ?? result.name.split(' ')[0];
}

/** `@spec=OCPP-1.6-4.2` → `OCPP 1.6 §4.2`; `@spec=OCPP-J-1.6-4.1.4` → `OCPP-J 1.6 §4.1.4`. */
export function specTagName(value: string): string {
  const m = /^(OCPP(?:-J)?)-(\d\.\d)-(errata-)?([\d.]+)$/i.exec(value);
  if (!m) return value;
  return `${m[1]?.toUpperCase()} ${m[2]}${m[3] ? ' errata' : ''} §${m[4]}`;
}

function specLinks(r: ScenarioResult): Link[] {
  const fromTags = r.tags.filter((t) => t.startsWith('@spec=')).map((t) => specTagName(t.slice('@spec='.length)));
  const names = [...new Set([...r.rulesBroken, ...r.rulesChecked, ...fromTags])];
  return names.map((name) => ({ name, url: SPEC_URL, type: 'spec' }));
}

/**
 * The verdict beside the name where Allure's status icon does not tell it (WARN passes, XFAIL is an accepted failure,
 * N/A and INCONCLUSIVE look like any skipped or unknown test), so the tree reads like the console.
 */
export function nameSuffix(r: Pick<ScenarioResult, 'verdict' | 'unexpectedPass'>): string {
  if (r.verdict === 'PASS') return r.unexpectedPass ? ' — PASS, declared a known deviation' : '';
  return ` — ${r.verdict}`;
}

function statusMessage(r: ScenarioResult, options: OutcomeOptions): string {
  if (r.verdict === 'PASS' && r.unexpectedPass) return `PASS, unexpectedly: ${r.reason}${options.strict ? ' (--strict fails the run on it)' : ''}`;
  if (r.verdict === 'PASS') return '';
  const head = r.verdict === 'WARN' && options.strict ? 'WARN (--strict fails the run on it)' : r.verdict;
  // A step's failure already starts with its verdict (`FAIL [rule; step] …`): not twice.
  return r.reason.startsWith(`${r.verdict} `) && head === r.verdict ? r.reason : `${head}: ${r.reason}`;
}

/** The evidence a reader needs beneath the message: the rule, the test case step, the frames, every finding. */
function details(r: ScenarioResult): string {
  const lines: string[] = [];
  const f = r.failure;
  // The root cause first, as the message leads with it (issue 10).
  const lead = leadOf(r);
  if (lead?.rule) lines.push(`Rule broken: ${lead.rule}${lead.level ? ` (${lead.level})` : ''}`);
  if (f?.step) lines.push(`Test case step: ${f.step}`);
  if (r.rulesBroken.length) lines.push(`Rules broken: ${r.rulesBroken.join('; ')}`);
  if (f?.evidence?.length) lines.push(`Evidence: frame${f.evidence.length > 1 ? 's' : ''} ${f.evidence.map((s) => `#${s}`).join(', ')} (highlighted in the sequence diagram)`);
  if (r.findings.length) {
    lines.push('Findings:');
    for (const x of r.findings) lines.push(`  ${x.level === 'SHALL' ? 'FAIL' : 'WARN'} [${x.rule}] ${x.message}${x.seq !== undefined ? ` [frame #${x.seq}]` : ''}`);
  }
  if (r.leftovers?.length) lines.push('CALLs of the SUT no step consumed:', ...r.leftovers.map((l) => `  ${l}`));
  if (f?.category === 'harness error') lines.push('The harness or its configuration failed: nothing is said about the SUT.');
  if (r.trace) lines.push(`Wire trace: ${r.trace}`);
  return lines.join('\n');
}

function highlightsOf(r: ScenarioResult): Map<number, Highlight> {
  const map = new Map<number, Highlight>();
  for (const f of r.findings) if (f.seq !== undefined && !map.has(f.seq)) map.set(f.seq, { level: f.level, message: `[${f.rule}] ${f.message}` });
  const failure = r.failure;
  for (const seq of failure?.evidence ?? []) {
    if (!map.has(seq)) map.set(seq, { level: failure?.level ?? 'SHALL', message: `[${failure?.rule ?? ''}] ${failure?.message ?? ''}` });
  }
  return map;
}

/**
 * Ours first, in the order a reader asks (role, profile, test case, SUT, rule broken, verdict), then the grouping of
 * the tree; other labels of allure-cucumberjs after them (hidden ones like `_fallbackTestCaseId`), host and thread
 * last; cucumber-js's defaults dropped.
 */
function labelsFor(r: ScenarioResult, featureTitle: string | undefined, keep: readonly Label[]): Label[] {
  const tags = readTags(r.tags);
  const category = categoryOf(r);
  const labels: Label[] = [
    { name: 'epic', value: roleTitle(r.role) },
    { name: 'feature', value: r.profile },
    { name: 'story', value: `${r.id} ${r.title}` },
    { name: 'testCase', value: r.id },
    { name: 'sut', value: r.sut },
    ...r.rulesBroken.map((rule) => ({ name: 'rule', value: rule })),
    { name: 'verdict', value: r.verdict },
    { name: 'severity', value: tags.level === 'SHOULD' ? 'normal' : 'critical' },
  ];
  if (category) labels.push({ name: 'category', value: CATEGORY_TITLES[category] });
  labels.push({ name: 'tag', value: r.verdict });
  if (r.unexpectedPass) labels.push({ name: 'tag', value: 'unexpected pass' });
  if (tags.operator) labels.push({ name: 'tag', value: 'operator' });
  labels.push(
    { name: 'parentSuite', value: roleTitle(r.role) },
    { name: 'suite', value: r.profile },
    { name: 'subSuite', value: featureTitle ?? r.feature },
  );
  const others = keep.filter((l) => !OWNED_LABELS.has(l.name) && !DROPPED_LABELS.has(l.name));
  return [...labels, ...others.filter((l) => !TRAILING_LABELS.has(l.name)), ...others.filter((l) => TRAILING_LABELS.has(l.name))];
}

/**
 * Moves the wire trace the "judge the scenario" hook attached out of that tear-down fixture, so it sits at the test's
 * own level beside the diagram (Allure shows an attachment once: a second reference to it would be "missed").
 * Returns the moved attachments by test uuid.
 */
function takeTraceAttachments(resultsDir: string, names: readonly string[]): Map<string, Attachment> {
  const byTest = new Map<string, Attachment>();
  const isTrace = (a: Attachment): boolean => a.name.endsWith('-wire-trace.jsonl');
  for (const n of names.filter((x) => x.endsWith('-container.json'))) {
    const path = join(resultsDir, n);
    const c = readJson<Container>(path);
    if (!c) continue;
    let moved = false;
    for (const fx of c.afters ?? []) {
      const keep: Fixture[] = [];
      for (const step of fx.steps ?? []) {
        const trace = step.attachments?.find(isTrace);
        if (trace) {
          for (const child of c.children) byTest.set(child, trace);
          moved = true;
        } else {
          keep.push(step);
        }
      }
      if (fx.steps) fx.steps = keep;
      const direct = fx.attachments?.find(isTrace);
      if (direct) {
        for (const child of c.children) byTest.set(child, direct);
        fx.attachments = fx.attachments?.filter((a) => !isTrace(a));
        moved = true;
      }
    }
    if (moved) writeFileSync(path, JSON.stringify(c));
  }
  return byTest;
}

export interface DecorateOptions extends OutcomeOptions {
  readonly run?: RunFile;
}

/** Rewrites `<reports>/allure-results` from the scenario results; returns how many Allure results it touched. */
export function decorateAllureResults(reportsDir: string, results: readonly ScenarioResult[], options: DecorateOptions = {}): number {
  const dir = join(reportsDir, 'allure-results');
  mkdirSync(dir, { recursive: true });
  const names = readdirSync(dir);
  const byId = new Map(results.map((r) => [r.id, r]));
  const traces = takeTraceAttachments(dir, names);
  const done = new Set<string>();
  let touched = 0;

  const attach = (test: AllureResult, r: ScenarioResult, movedTrace: Attachment | undefined): void => {
    const own = test.attachments.filter((a) => a.name !== DIAGRAM && a.name !== TRACE);
    const diagramSource = `${test.uuid}-sequence-diagram.svg`;
    const records = r.trace ? readTrace(join(reportsDir, r.trace)) : [];
    const title = `${r.id} ${r.title} — ${r.verdict}`;
    writeFileSync(join(dir, diagramSource), renderSequenceDiagram(records, { role: r.role, title, sutName: r.sut, highlights: highlightsOf(r) }));
    const added: Attachment[] = [{ name: DIAGRAM, source: diagramSource, type: 'image/svg+xml' }];
    // The trace: moved from the tear-down now, or already here from an earlier pass, or copied from traces/.
    let trace = movedTrace ?? test.attachments.find((a) => a.name === TRACE && existsSync(join(dir, a.source)));
    if (!trace && r.trace && existsSync(join(reportsDir, r.trace))) {
      trace = { name: TRACE, source: `${test.uuid}-wire-trace.jsonl`, type: 'application/x-ndjson' };
      copyFileSync(join(reportsDir, r.trace), join(dir, trace.source));
    }
    if (trace) added.push({ name: TRACE, source: trace.source, type: 'application/x-ndjson' });
    test.attachments = [...added, ...own];
  };

  const apply = (test: AllureResult, r: ScenarioResult, featureTitle: string | undefined): void => {
    test.name = `${r.id} ${r.title}${nameSuffix(r)}`;
    test.status = allureStatus(r, options);
    const message = statusMessage(r, options);
    test.statusDetails = {
      ...(message ? { message } : {}),
      ...(r.verdict !== 'PASS' || r.unexpectedPass ? { trace: details(r) } : {}),
      ...(r.failure?.expected !== undefined ? { expected: r.failure.expected } : {}),
      ...(r.failure?.actual !== undefined ? { actual: r.failure.actual } : {}),
      ...(r.verdict === 'XFAIL' ? { known: true } : {}),
    };
    test.labels = labelsFor(r, featureTitle, test.labels);
    // A step the SUT failed carries the rule and expected vs actual in its message; the harness's stack trace
    // beneath it says nothing to the reader. Kept for an ERROR, where it is the evidence.
    if (r.verdict !== 'ERROR') dropStepTraces(test.steps);
    const deviation = options.run?.runs.flatMap((x) => x.knownDeviations).find((d) => d.id === r.id);
    test.links = [
      ...specLinks(r),
      ...(deviation?.link ? [{ name: `known deviation: ${deviation.reason}`, url: deviation.link, type: 'issue' }] : []),
    ];
  };

  for (const name of names.filter((n) => n.endsWith('-result.json'))) {
    const path = join(dir, name);
    const test = readJson<AllureResult>(path);
    if (!test) continue;
    const id = caseIdOf(test);
    const r = id ? byId.get(id) : undefined;
    if (!r) continue;
    const original = test.labels.find((l) => l.name === 'subSuite')?.value ?? test.labels.find((l) => l.name === 'feature' && l.value !== r.profile)?.value;
    apply(test, r, original);
    attach(test, r, traces.get(test.uuid));
    writeFileSync(path, JSON.stringify(test));
    done.add(r.id);
    touched++;
  }
  for (const r of results) {
    if (done.has(r.id)) continue;
    const start = Date.parse(r.startedAt);
    const test: AllureResult = {
      uuid: randomUUID(), name: `${r.id} ${r.title}`, fullName: `${r.feature}#${r.id}`, historyId: r.id, testCaseId: r.id,
      stage: 'finished', start, stop: start + Math.round(r.durationMs), labels: [], links: [], attachments: [], steps: [], parameters: [],
    };
    apply(test, r, undefined);
    attach(test, r, undefined);
    writeFileSync(join(dir, `${test.uuid}-result.json`), JSON.stringify(test));
    touched++;
  }
  dropJudgedHookErrors(dir, names);
  writeEnvironment(dir, reportsDir, results, options.run);
  return touched;
}

interface Step { statusDetails?: Record<string, unknown>; steps?: Step[] }

/** The message without the stack frames Cucumber appends to it (`    at fn (file:line)`), and without `Error: `. */
export function withoutStack(message: string): string {
  return message.replace(/^\w*Error: /, '').split('\n').filter((line) => !/^\s+at .+/.test(line)).join('\n');
}

function dropStepTraces(steps: unknown): void {
  for (const step of (Array.isArray(steps) ? steps : []) as Step[]) {
    if (step.statusDetails) {
      delete step.statusDetails['trace'];
      const message = step.statusDetails['message'];
      if (typeof message === 'string') step.statusDetails['message'] = withoutStack(message);
    }
    dropStepTraces(step.steps);
  }
}

/**
 * The "judge the scenario" hook throws to make Cucumber agree with a FAIL; allure-cucumberjs files that as a global
 * error. The verdict is on the test itself, so the duplicate goes.
 */
function dropJudgedHookErrors(dir: string, names: readonly string[]): void {
  for (const n of names.filter((x) => x.endsWith('-globals.json'))) {
    const path = join(dir, n);
    const g = readJson<{ errors?: Array<{ message?: string }> }>(path);
    if (!g?.errors) continue;
    const errors = g.errors.filter((e) => !(e.message ?? '').startsWith('judge the scenario failed:'));
    if (errors.length !== g.errors.length) writeFileSync(path, JSON.stringify({ ...g, errors }));
  }
}

function escapeProperty(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/^\s/, '\\ ');
}

function escapeKey(key: string): string {
  return key.replace(/([ :=\\])/g, '\\$1');
}

/** Report metadata: the SUT as it identified itself, the harness, the catalogue, Node, the date, the notice. */
export function environmentOf(reportsDir: string, results: readonly ScenarioResult[], run: RunFile | undefined): Array<[string, string]> {
  const entries: Array<[string, string]> = [['Notice', 'Pre-certification testing, not an OCA certification']];
  for (const suite of run?.runs ?? []) {
    const cp = suite.role === 'charge-point';
    const who = cp ? 'CP' : 'CSMS';
    const identity: SutIdentity = {};
    for (const r of results.filter((x) => x.role === suite.role && x.sut === suite.sutName && x.trace)) {
      if (learnIdentity(identity, readTrace(join(reportsDir, r.trace as string)), suite.role)) break;
    }
    entries.push([`${who} under test`, suite.sutName]);
    if (cp) {
      entries.push([`${who} vendor`, identity.vendor ?? '(no BootNotification.req recorded)']);
      entries.push([`${who} model`, identity.model ?? '(no BootNotification.req recorded)']);
      entries.push([`${who} serial number`, identity.serial ?? '(not reported)']);
      entries.push([`${who} firmware`, identity.firmware ?? '(not reported)']);
    } else {
      entries.push([`${who} URL`, identity.url ?? suite.target]);
    }
    if (suite.tags) entries.push([`${who} tags`, suite.tags]);
    if (suite.faults.length) entries.push([`${who} faults on`, suite.faults.join(', ')]);
    if (suite.strict) entries.push([`${who} strict`, 'yes: WARN and unexpected passes fail the run']);
    if (suite.interrupted) entries.push([`${who} run`, 'interrupted: only finished test cases are reported']);
  }
  if (run) {
    entries.push(['Harness', `${run.harness.name} ${run.harness.version}`]);
    entries.push(['Catalogue', run.catalogue]);
    entries.push(['Node.js', run.node]);
    entries.push(['Date', run.runs[0]?.startedAt ?? new Date().toISOString()]);
  }
  return entries;
}

function writeEnvironment(dir: string, reportsDir: string, results: readonly ScenarioResult[], run: RunFile | undefined): void {
  const lines = environmentOf(reportsDir, results, run).map(([k, v]) => `${escapeKey(k)}=${escapeProperty(v)}`);
  writeFileSync(join(dir, 'environment.properties'), `${lines.join('\n')}\n`);
}

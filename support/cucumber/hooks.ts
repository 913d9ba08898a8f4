/**
 * Named hooks (Allure shows hook names): open the worker's test bench once, begin each scenario (N/A decisions,
 * its own trace, a clean monitor), judge each scenario (verdict from how it ended and what the monitor found,
 * result file, evidence attached), close the bench.
 */
import { After, AfterAll, Before, BeforeAll, type ITestCaseHookParameter, setDefaultTimeout, setWorldConstructor, Status } from '@cucumber/cucumber';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Bench, TEARDOWN_MS } from '../roles/bench';
import { formatFinding } from '../recording/finding';
import { summarize } from '../recording/frame-record';
import { ConformanceAssertionError, HarnessError } from '../reporting/errors';
import { decideVerdict } from '../reporting/verdict';
import { describeEnding } from '../reporting/failure-record';
import { writeScenarioResult } from '../reporting/scenario-result';
import { supportedProfiles } from '../sut/sut-config';
import { readEnvironment } from './environment';
import { readTags } from './tags';
import { HarnessWorld } from './world';

const environment = readEnvironment();
const { sut, reportsDir, worker } = environment;
setDefaultTimeout(sut.timeouts.stepMs);
setWorldConstructor(HarnessWorld);

let bench: Bench | undefined;

BeforeAll({ name: 'open the test bench', timeout: sut.timeouts.connectMs + 60_000 }, async function () {
  bench = await Bench.open(sut, { reportsDir, worker });
});

/** Why a case does not apply to this SUT, or undefined. */
function notApplicableReason(tags: ReturnType<typeof readTags>): string | undefined {
  if (!tags.id) return undefined;
  const declared = sut.notApplicable.get(tags.id);
  if (declared) return `declared not applicable in the SUT file (${basename(sut.file)}): ${declared}`;
  if (tags.role && tags.role !== sut.role) return `the case tests a ${tags.role.replace('-', ' ')}, the SUT is a ${sut.role.replace('-', ' ')}`;
  if (tags.profile && tags.profile !== 'Core' && !supportedProfiles(sut).includes(tags.profile)) {
    return `the SUT file does not list the ${tags.profile} profile as supported`;
  }
  return undefined;
}

Before({ name: 'begin the scenario' }, function (this: HarnessWorld, { pickle, gherkinDocument }: ITestCaseHookParameter) {
  if (!bench) throw new HarnessError('the test bench is not open');
  this.bench = bench;
  const rawTags = pickle.tags.map((t) => t.name);
  const tags = readTags(rawTags);
  const id = tags.id ?? pickle.name.split(' ')[0] ?? pickle.id;
  const scenarioLine = gherkinDocument.feature?.children.find((c) => c.scenario?.id === pickle.astNodeIds[0])?.scenario?.location.line;
  this.scenario = {
    id, title: pickle.name.replace(new RegExp(`^${id}\\s*`), ''), tags, rawTags, feature: pickle.uri, line: scenarioLine,
    startedAt: new Date().toISOString(), t0: performance.now(),
  };
  const outside = bench.monitor.takeFindings();
  if (outside.length > 0) {
    mkdirSync(join(reportsDir, 'results'), { recursive: true });
    appendFileSync(join(reportsDir, 'results', `outside-scenarios-${worker}.log`), `${outside.map(formatFinding).join('\n')}\n`);
  }
  bench.takeHarnessErrors();
  // CALLs that arrived between scenarios belong to none: a wait of this scenario must not consume them.
  bench.centralSystem?.drainMailboxes();
  bench.identities.nextScenario();
  bench.log.beginScenario(join(reportsDir, 'traces', `${id}.jsonl`));
  this.notApplicable = notApplicableReason(tags);
  return this.notApplicable ? 'skipped' : undefined;
});

After({ name: 'judge the scenario' }, async function (this: HarnessWorld, { result }: ITestCaseHookParameter) {
  const b = this.bench;
  if (!b) return;
  const cleanupErrors: string[] = [];
  for (const cleanup of this.cleanups.reverse()) {
    await cleanup().catch((e: unknown) => cleanupErrors.push((e as Error).message));
  }
  // Leftovers: CALLs of the SUT that no step consumed (reported as evidence, not judged).
  const leftovers = [
    ...(b.centralSystem?.drainMailboxes() ?? []),
    ...[...this.chargePoints.values()].flatMap((cp) => cp.mailbox.drain()),
  ].map((c) => summarize(c.record));
  b.centralSystem && b.policy && resetCentralSystem(b);
  const findings = b.monitor.takeFindings();
  const harnessErrors = b.takeHarnessErrors();
  let error = this.endedBy;
  if (error === undefined && result && (result.status === Status.FAILED || result.status === Status.UNDEFINED || result.status === Status.AMBIGUOUS)) {
    error = new HarnessError(result.message ?? `scenario ended ${result.status}`);
  }
  if (error === undefined && harnessErrors.length > 0) error = new HarnessError(harnessErrors.join('; '));
  b.log.flush(); // every frame of the scenario on disk before its verdict (wire-log.ts)
  const outcome = decideVerdict({ error, findings, knownDeviation: sut.knownDeviations.get(this.scenario.id), notApplicable: this.notApplicable });
  const trace = b.log.scenarioTracePath;
  b.log.endScenario();
  const scenario = this.scenario;
  writeScenarioResult(reportsDir, scenario.id, {
    id: scenario.id,
    title: scenario.title,
    role: scenario.tags.role ?? sut.role,
    profile: scenario.tags.profile ?? 'Core',
    verdict: outcome.verdict,
    reason: [outcome.reason, ...cleanupErrors.map((m) => `(clean-up: ${m})`)].filter(Boolean).join('\n'),
    rulesBroken: outcome.rulesBroken,
    rulesChecked: [...this.rulesChecked],
    unexpectedPass: outcome.unexpectedPass,
    findings,
    actuations: this.actuations,
    startedAt: scenario.startedAt,
    durationMs: performance.now() - scenario.t0,
    trace: trace ? relative(reportsDir, trace) : undefined,
    feature: scenario.feature,
    line: scenario.line,
    tags: scenario.rawTags,
    worker,
    sut: sut.name,
    leftovers,
    failure: outcome.verdict === 'N/A' ? undefined : describeEnding(error),
  });
  if (trace) this.attach(readFileSync(trace), { mediaType: 'application/x-ndjson', fileName: `${scenario.id}-wire-trace.jsonl` });
  if (findings.length > 0) this.attach(findings.map(formatFinding).join('\n'), { mediaType: 'text/plain', fileName: 'findings.txt' });
  if (leftovers.length > 0) this.attach(leftovers.join('\n'), { mediaType: 'text/plain', fileName: 'unconsumed-calls.txt' });
  if (this.actuations.length > 0) {
    this.attach(this.actuations.map((a) => `${a.action} via ${a.via}: ${a.detail} (${Math.round(a.durationMs)} ms)`).join('\n'), { mediaType: 'text/plain', fileName: 'steps-carried-out.txt' });
  }
  // Make Cucumber (and Allure) agree with the verdict when the steps themselves passed.
  const passed = !result || result.status === Status.PASSED;
  if (passed && outcome.verdict === 'FAIL') throw ConformanceAssertionError.fromFindings(findings);
  if (passed && outcome.verdict === 'ERROR') throw new HarnessError(outcome.reason);
});

function resetCentralSystem(b: Bench): void {
  b.centralSystem?.handlers.clearOverrides();
  if (b.policy) {
    b.policy.registration = 'Accepted';
    b.policy.interval = Number(b.sut.chargePoint?.configuration['HeartbeatInterval'] ?? 60);
  }
}

// Longer than the teardown steps' deadlines together, so that Cucumber's own timeout (and its stack trace) never
// comes first; and it never throws: a teardown problem is one line on stderr, the results are already written.
AfterAll({ name: 'close the test bench', timeout: TEARDOWN_MS + 10_000 }, async function () {
  try {
    await bench?.close();
  } catch (e) {
    process.stderr.write(`teardown: closing the test bench failed: ${(e as Error)?.message ?? String(e)}\n`);
  }
});

/**
 * `ocpp-conformance run --sut <file>`: checks the SUT file, the flags and that the SUT can be reached (or the port is
 * free) before anything is written; then runs the suite of its role in Cucumber, in a child process that prints one
 * line per test case as it finishes (support/reporting/progress-formatter.cjs); then writes every report from what
 * was recorded and prints the per-profile table and the closing line. Ctrl-C (or SIGTERM) stops Cucumber, and the
 * reports of the test cases that finished are still written (exit code 130). Exit codes: support/reporting/verdict.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError } from '../reporting/errors';
import { renderConsoleSummary } from '../reporting/console-summary';
import { exitCodeOf } from '../reporting/outcome';
import { describeSuiteRun, recordSuiteEnd, recordSuiteStart } from '../reporting/run-record';
import { readScenarioResults, type ScenarioResult } from '../reporting/scenario-result';
import { writeReports } from '../reporting/write-reports';
import { loadSutFile, type SutConfig } from '../sut/sut-config';
import { type FlagSpec, helpText, parseArgs } from './args';
import { codeRoot, PACKAGE_ROOT, useCompiled } from './package-root';

/** The package's folder (features/, fixtures/sut/, cucumber.cjs), whether this runs from dist/ or the sources. */
export const ROOT = PACKAGE_ROOT;

/** Cucumber's command (the package's exports hide its bin folder from require.resolve). */
const CUCUMBER_BIN = join(dirname(require.resolve('@cucumber/cucumber/package.json')), 'bin', 'cucumber.js');

/** Exit code of a run stopped by Ctrl-C or SIGTERM (the shell's convention for SIGINT). */
export const INTERRUPTED_EXIT_CODE = 130;

export const RUN_FLAGS: Record<string, FlagSpec> = {
  sut: { kind: 'string', placeholder: 'file', description: 'SUT file (fixtures/sut/*.json); its role picks the suite.' },
  tags: { kind: 'string', placeholder: 'expr', description: 'Cucumber tag expression, e.g. "@TC_003_CS or @feature-profile:Core".' },
  parallel: { kind: 'number', placeholder: 'n', description: 'Worker processes (a Central System under test or a reference SUT only).' },
  reports: { kind: 'string', placeholder: 'dir', description: 'Reports folder (default ./reports); emptied first.' },
  strict: { kind: 'boolean', description: 'WARN and an unexpected pass of a declared known deviation fail the run too.' },
  fault: { kind: 'list', placeholder: 'name', description: 'Switch on a fault of the reference SUT (self-test; repeatable).' },
  quiet: { kind: 'boolean', description: 'Print only the table and the closing line.' },
  features: { kind: 'list', placeholder: 'dir', description: 'Also run your own .feature files from this folder (repeatable).' },
  require: { kind: 'list', placeholder: 'file', description: 'Your step definitions (JavaScript), loaded after the harness\'s World and steps (repeatable).' },
};

export const RUN_HELP = `${helpText(
  'ocpp-conformance run --sut <file> [options]',
  'Runs the test cases that apply to the system under test described by the SUT file, then writes\n'
    + 'reports/allure-report/index.html, junit.xml, summary.json and summary.md.',
  RUN_FLAGS,
)}
Exit codes: 0 nothing failed; 1 the SUT failed a test case (or, with --strict, a WARN or an unexpected pass);
2 only inconclusive test cases; 3 harness or configuration error; 130 interrupted.
`;

export interface RunOptions {
  readonly sutFile: string;
  readonly tags?: string;
  readonly parallel?: number;
  readonly reportsDir: string;
  readonly strict?: boolean;
  readonly faults?: readonly string[];
  readonly quiet?: boolean;
  /** Feature paths; default the folder of the SUT's role. */
  readonly paths?: readonly string[];
  /** Folders of the user's own feature files, run beside `paths` (`--features`). */
  readonly extraFeatures?: readonly string[];
  /** The user's step definition files (`--require`). */
  readonly extraRequire?: readonly string[];
  /** Keep results already in the reports folder (the main job runs two suites into one folder). */
  readonly keepReports?: boolean;
  /**
   * Record only what judging reads (results/, traces/, run.json), not the Allure results and Cucumber's message
   * stream: for runs whose reports are never written (the self-test's conformance and fault runs).
   */
  readonly resultsOnly?: boolean;
}

export interface RunOutcome {
  readonly results: ScenarioResult[];
  readonly exitCode: 0 | 1 | 2 | 3;
  /** Stopped by Ctrl-C or SIGTERM. */
  readonly interrupted: boolean;
  /** Why no test case ran, when none did. */
  readonly problem?: string;
  /** Cucumber ran cleanly but the tags selected no scenario. */
  readonly noneSelected?: boolean;
}

export function featureDir(sut: SutConfig): string {
  return join(ROOT, 'features', sut.role);
}

/** The feature paths of a run: the suite (or the given paths), then the user's folders. */
function featurePaths(sut: SutConfig, options: RunOptions): string[] {
  return [...(options.paths ?? [featureDir(sut)]), ...(options.extraFeatures ?? []).map((d) => resolve(d))];
}

/** Fails with one sentence when the SUT cannot be reached or the harness cannot listen where it must. */
export async function preflight(sut: SutConfig): Promise<void> {
  if (sut.reference) return;
  if (sut.role === 'central-system' && sut.centralSystem) {
    const url = new URL(sut.centralSystem.url);
    const port = Number(url.port || (url.protocol === 'wss:' ? 443 : 80));
    await new Promise<void>((ok, fail) => {
      const socket = connect({ host: url.hostname, port, timeout: Math.min(sut.timeouts.connectMs, 10_000) });
      socket.once('connect', () => {
        socket.destroy();
        ok();
      });
      const refuse = (why: string): void => {
        socket.destroy();
        fail(new ConfigError(`cannot reach the Central System at ${sut.centralSystem?.url}: ${why}`));
      };
      socket.once('timeout', () => refuse('no answer'));
      socket.once('error', (e: NodeJS.ErrnoException) => refuse(e.code ?? e.message));
    });
  }
  if (sut.role === 'charge-point' && sut.chargePoint) {
    const { host, port } = sut.chargePoint.listen;
    await new Promise<void>((ok, fail) => {
      const server = createServer();
      server.once('error', (e: NodeJS.ErrnoException) =>
        fail(new ConfigError(`the harness cannot listen on ${host}:${port} for the Charge Point: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.code ?? e.message}`)),
      );
      server.listen(port, host, () => server.close(() => ok()));
    });
  }
}

/** Removes the outputs of an earlier run (Allure never cleans its results folder). */
export function cleanReports(reportsDir: string): void {
  for (const sub of ['allure-results', 'allure-report', 'results', 'traces']) rmSync(join(reportsDir, sub), { recursive: true, force: true });
  for (const file of ['run.json', 'summary.json', 'summary.md', 'junit.xml', 'cucumber-messages.ndjson', 'cucumber-summary.txt']) {
    rmSync(join(reportsDir, file), { force: true });
  }
  mkdirSync(reportsDir, { recursive: true });
}

/** One sentence for a reports folder that cannot be one. */
export function checkReportsDir(reportsDir: string): void {
  if (existsSync(reportsDir) && !statSync(reportsDir).isDirectory()) throw new ConfigError(`--reports ${reportsDir} is a file, not a folder`);
}

/** Checks everything that can be checked before a run writes anything; returns the SUT. */
export async function prepareRun(options: RunOptions): Promise<SutConfig> {
  const sut = loadSutFile(options.sutFile);
  if (options.parallel !== undefined && options.parallel < 1) throw new ConfigError('--parallel takes a whole number of workers, 1 or more');
  if ((options.parallel ?? 1) > 1 && sut.role === 'charge-point' && !sut.reference) {
    throw new ConfigError('--parallel needs a Central System under test or a reference SUT: one real charger cannot run several scenarios at once');
  }
  if ((options.parallel ?? 1) > 1 && sut.actuator.type === 'prompt') {
    throw new ConfigError('--parallel cannot ask an operator: prompts need one worker');
  }
  if (options.faults?.length && !sut.reference) throw new ConfigError(`--fault needs a reference SUT, but ${options.sutFile} has no "reference" section`);
  for (const p of featurePaths(sut, options)) if (!existsSync(p)) throw new ConfigError(`no feature files at ${p}`);
  for (const f of options.extraRequire ?? []) if (!existsSync(f)) throw new ConfigError(`--require ${f}: no such file`);
  checkReportsDir(resolve(options.reportsDir));
  await preflight(sut);
  return sut;
}

/** Runs Cucumber; resolves with its exit code and whether a signal stopped it. */
function runCucumber(args: string[], env: NodeJS.ProcessEnv, parallel: boolean): Promise<{ code: number; interrupted: boolean }> {
  return new Promise((done) => {
    // With workers, Cucumber gets a process group of its own so a signal reaches the workers too (they do not stop
    // when the coordinator dies). Without, it stays in the terminal's group: an operator prompt reads the terminal.
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env, detached: parallel });
    let interrupted = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (interrupted) {
        // A second Ctrl-C: stop now, whatever is left.
        process.exit(INTERRUPTED_EXIT_CODE);
      }
      interrupted = true;
      process.stderr.write(`\nStopping (${signal}); writing the reports of the test cases that finished…\n`);
      try {
        if (parallel && child.pid) process.kill(-child.pid, 'SIGINT');
        else child.kill('SIGINT');
      } catch {
        // Already gone.
      }
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    child.on('exit', (c, signal) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done({ code: c ?? (signal ? INTERRUPTED_EXIT_CODE : 1), interrupted: interrupted || signal === 'SIGINT' });
    });
  });
}

/** Runs one suite (no report writing: the self-test runs many); resolves when Cucumber has finished or was stopped. */
export async function runSuite(options: RunOptions): Promise<RunOutcome> {
  const sut = await prepareRun(options);
  const reportsDir = resolve(options.reportsDir);
  if (!options.keepReports) cleanReports(reportsDir);
  mkdirSync(reportsDir, { recursive: true });
  recordSuiteStart(reportsDir, describeSuiteRun(sut, options), !options.keepReports);
  const paths = featurePaths(sut, options);
  const args = [CUCUMBER_BIN, '--config', 'cucumber.cjs', ...paths.map((p) => relative(ROOT, p))];
  for (const file of options.extraRequire ?? []) args.push('--require', resolve(file));
  if (options.tags) args.push('--tags', options.tags);
  const parallel = (options.parallel ?? 1) > 1;
  if (parallel) args.push('--parallel', String(options.parallel));
  args.push('--format', `./${relative(ROOT, join(codeRoot(), 'support', 'reporting', 'progress-formatter.cjs'))}`);
  args.push('--format', `summary:${join(reportsDir, 'cucumber-summary.txt')}`);
  if (options.quiet) args.push('--format-options', JSON.stringify({ ocppProgress: { quiet: true } }));
  const { code, interrupted } = await runCucumber(args, {
    ...process.env,
    OCPP_CONFORMANCE_SUT: sut.file,
    OCPP_CONFORMANCE_REPORTS: reportsDir,
    OCPP_CONFORMANCE_FAULTS: (options.faults ?? []).join(','),
    // cucumber.cjs: the step definitions from dist/ when it is up to date, else the TypeScript through ts-node.
    OCPP_CONFORMANCE_CODE: useCompiled() ? 'dist' : 'sources',
    OCPP_CONFORMANCE_EVIDENCE: options.resultsOnly ? 'results' : 'all',
  }, parallel);
  recordSuiteEnd(reportsDir, interrupted);
  const results = readScenarioResults(reportsDir).filter((r) => r.sut === sut.name);
  if (results.length === 0 && !interrupted) {
    // Cucumber failing before any scenario (a broken step file, the bench not opening) is the harness's failure; so
    // is a run that checked nothing (tags matching no scenario): an empty run must not pass a CI gate.
    const problem = code !== 0
      ? `Cucumber stopped (exit ${code}) before any test case finished: see the messages above and ${join(relative(process.cwd(), reportsDir) || '.', 'cucumber-summary.txt')}`
      : `no test case ran: ${options.tags ? `the tags "${options.tags}" match no scenario` : 'there is no scenario'} in ${paths.map((p) => relative(process.cwd(), p)).join(', ')}`;
    return { results, exitCode: 3, interrupted, problem, noneSelected: code === 0 };
  }
  return { results, exitCode: exitCodeOf(results, { strict: options.strict }), interrupted };
}

/** Writes the reports of a folder and prints the table and the closing line; returns the run's exit code. */
export async function finishRun(reportsDir: string, outcome: { exitCode: number; interrupted: boolean; problem?: string }, strict: boolean): Promise<number> {
  const written = await writeReports(reportsDir, { strict });
  if (outcome.problem) process.stderr.write(`ocpp-conformance: ${outcome.problem}\n`);
  process.stdout.write(renderConsoleSummary(written, { strict, interrupted: outcome.interrupted }));
  if (outcome.interrupted) return INTERRUPTED_EXIT_CODE;
  return outcome.exitCode;
}

export async function runCommand(argv: readonly string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, RUN_FLAGS, 'ocpp-conformance run');
  if (positionals.length > 0) throw new ConfigError(`ocpp-conformance run: unexpected argument "${positionals[0]}" (see ocpp-conformance run --help)`);
  if (typeof flags['sut'] !== 'string') throw new ConfigError('ocpp-conformance run: --sut <file> is required (see ocpp-conformance run --help)');
  const reportsDir = resolve((flags['reports'] as string | undefined) ?? 'reports');
  const strict = Boolean(flags['strict']);
  const outcome = await runSuite({
    sutFile: flags['sut'],
    tags: flags['tags'] as string | undefined,
    parallel: flags['parallel'] as number | undefined,
    reportsDir,
    strict,
    faults: flags['fault'] as string[] | undefined,
    quiet: Boolean(flags['quiet']),
    extraFeatures: flags['features'] as string[] | undefined,
    extraRequire: flags['require'] as string[] | undefined,
  });
  return finishRun(reportsDir, outcome, strict);
}

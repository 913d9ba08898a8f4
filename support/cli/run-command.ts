/**
 * `ocpp-conformance run --sut <file>`: checks the SUT file and that the SUT can be reached (or the port is free),
 * then runs the suite of its role in Cucumber (a child process, so Ctrl-C reaches it and the results written so far
 * survive), then reads the scenario results and reports them. Exit codes: see support/reporting/verdict.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError } from '../reporting/errors';
import { exitCodeFor } from '../reporting/verdict';
import { readScenarioResults, type ScenarioResult } from '../reporting/scenario-result';
import { loadSutFile, type SutConfig } from '../sut/sut-config';
import { formatDuration } from '../sut/duration';
import { type FlagSpec, helpText, parseArgs } from './args';

export const ROOT = resolve(__dirname, '..', '..');

/** Cucumber's command (the package's exports hide its bin folder from require.resolve). */
const CUCUMBER_BIN = join(dirname(require.resolve('@cucumber/cucumber/package.json')), 'bin', 'cucumber.js');

export const RUN_FLAGS: Record<string, FlagSpec> = {
  sut: { kind: 'string', placeholder: 'file', description: 'SUT file (fixtures/sut/*.json); its role picks the suite.' },
  tags: { kind: 'string', placeholder: 'expr', description: 'Cucumber tag expression, e.g. "@TC_003_CS or @feature-profile:Core".' },
  parallel: { kind: 'number', placeholder: 'n', description: 'Worker processes (Central System under test or reference SUTs only).' },
  reports: { kind: 'string', placeholder: 'dir', description: 'Reports folder (default reports).' },
  strict: { kind: 'boolean', description: 'WARN and unexpected passes of known deviations fail the run too.' },
  fault: { kind: 'list', placeholder: 'name', description: 'Switch on a fault of the reference SUT (self-test).' },
  quiet: { kind: 'boolean', description: 'Print only the closing line.' },
};

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
  /** Keep results already in the reports folder (the main job runs two suites into one folder). */
  readonly keepReports?: boolean;
}

export interface RunOutcome {
  readonly results: ScenarioResult[];
  readonly exitCode: 0 | 1 | 2 | 3;
}

export function featureDir(sut: SutConfig): string {
  return join(ROOT, 'features', sut.role);
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
  for (const sub of ['allure-results', 'results', 'traces']) rmSync(join(reportsDir, sub), { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
}

/** Runs one suite; resolves when Cucumber has finished (or was interrupted). */
export async function runSuite(options: RunOptions): Promise<RunOutcome> {
  const sut = loadSutFile(options.sutFile);
  if ((options.parallel ?? 1) > 1 && sut.role === 'charge-point' && !sut.reference) {
    throw new ConfigError('--parallel needs a Central System under test or a reference SUT: one real charger cannot run several scenarios at once');
  }
  if ((options.parallel ?? 1) > 1 && sut.actuator.type === 'prompt') {
    throw new ConfigError('--parallel cannot ask an operator: prompts need one worker');
  }
  if (options.faults?.length && !sut.reference) throw new ConfigError(`--fault needs a reference SUT, but ${options.sutFile} has no "reference" section`);
  await preflight(sut);
  const reportsDir = resolve(options.reportsDir);
  if (!options.keepReports) cleanReports(reportsDir);
  mkdirSync(reportsDir, { recursive: true });
  const paths = options.paths ?? [featureDir(sut)];
  for (const p of paths) if (!existsSync(p)) throw new ConfigError(`no feature files at ${p}`);
  const args = [CUCUMBER_BIN, '--config', 'cucumber.cjs', ...paths.map((p) => relative(ROOT, p))];
  if (options.tags) args.push('--tags', options.tags);
  if ((options.parallel ?? 1) > 1) args.push('--parallel', String(options.parallel));
  args.push('--format', options.quiet ? 'summary:/dev/null' : 'progress');
  const code = await new Promise<number>((done) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        OCPP_CONFORMANCE_SUT: sut.file,
        OCPP_CONFORMANCE_REPORTS: reportsDir,
        OCPP_CONFORMANCE_FAULTS: (options.faults ?? []).join(','),
      },
    });
    const forward = (): void => {
      child.kill('SIGINT');
    };
    process.on('SIGINT', forward);
    child.on('exit', (c, signal) => {
      process.off('SIGINT', forward);
      done(c ?? (signal ? 130 : 1));
    });
  });
  const results = readScenarioResults(reportsDir).filter((r) => r.sut === sut.name);
  let exitCode = exitCodeFor(results.map((r) => r.verdict), { strict: options.strict, unexpectedPasses: results.filter((r) => r.unexpectedPass).length });
  // Cucumber failing before any scenario (a broken step file, the bench not opening) is the harness's failure.
  if (results.length === 0 && code !== 0) exitCode = 3;
  return { results, exitCode };
}

/** One line per test case and the closing line. */
export function printResults(results: readonly ScenarioResult[], out: NodeJS.WritableStream = process.stdout): void {
  for (const r of results) {
    out.write(`${r.verdict.padEnd(12)} ${r.id.padEnd(16)} ${r.title.slice(0, 70).padEnd(70)} ${formatDuration(r.durationMs)}\n`);
  }
  const passed = results.filter((r) => r.verdict === 'PASS' || r.verdict === 'WARN' || r.verdict === 'XFAIL').length;
  const failed = results.filter((r) => r.verdict === 'FAIL' || r.verdict === 'ERROR' || r.verdict === 'INCONCLUSIVE').length;
  const skipped = results.filter((r) => r.verdict === 'N/A').length;
  out.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
}

export const RUN_HELP = helpText('ocpp-conformance run --sut <file> [options]', 'Runs the test cases that apply to the system under test described by the SUT file.', RUN_FLAGS);

export async function runCommand(argv: readonly string[]): Promise<number> {
  const { flags } = parseArgs(argv, RUN_FLAGS, 'ocpp-conformance run');
  if (typeof flags['sut'] !== 'string') throw new ConfigError('ocpp-conformance run: --sut <file> is required (see ocpp-conformance run --help)');
  const outcome = await runSuite({
    sutFile: flags['sut'],
    tags: flags['tags'] as string | undefined,
    parallel: flags['parallel'] as number | undefined,
    reportsDir: (flags['reports'] as string | undefined) ?? join(process.cwd(), 'reports'),
    strict: Boolean(flags['strict']),
    faults: flags['fault'] as string[] | undefined,
    quiet: Boolean(flags['quiet']),
  });
  printResults(outcome.results);
  return outcome.exitCode;
}

/**
 * `ocpp-conformance main` (what `npm start` runs): both suites against the bundled reference SUTs, the Charge Point
 * suite first, into one reports folder, then every report of both (one HTML report showing every test case).
 */
import { join, resolve } from 'node:path';
import { ConfigError } from '../reporting/errors';
import { type FlagSpec, helpText, parseArgs } from './args';
import { finishRun, ROOT, runSuite } from './run-command';

export const MAIN_FLAGS: Record<string, FlagSpec> = {
  reports: { kind: 'string', placeholder: 'dir', description: 'Reports folder (default ./reports); emptied first.' },
  parallel: { kind: 'number', placeholder: 'n', description: 'Worker processes per suite (default 2).' },
  strict: { kind: 'boolean', description: 'WARN and unexpected passes fail the run too.' },
  quiet: { kind: 'boolean', description: 'Print only the table and the closing line.' },
};

export const MAIN_HELP = helpText(
  'ocpp-conformance main [options]',
  'Runs both suites against the bundled reference Charge Point and Central System (npm start) and writes\nall reports into one folder.',
  MAIN_FLAGS,
);

const SUITES = ['reference-charge-point.json', 'reference-central-system.json'];

export async function mainCommand(argv: readonly string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, MAIN_FLAGS, 'ocpp-conformance main');
  if (positionals.length > 0) throw new ConfigError(`ocpp-conformance main: unexpected argument "${positionals[0]}" (see ocpp-conformance main --help)`);
  const reportsDir = resolve((flags['reports'] as string | undefined) ?? 'reports');
  const strict = Boolean(flags['strict']);
  const codes: number[] = [];
  let interrupted = false;
  for (const [i, file] of SUITES.entries()) {
    if (!flags['quiet']) process.stdout.write(`\n== ${file} ==\n`);
    const outcome = await runSuite({
      sutFile: join(ROOT, 'fixtures', 'sut', file),
      reportsDir,
      parallel: (flags['parallel'] as number | undefined) ?? 2,
      strict,
      quiet: Boolean(flags['quiet']),
      keepReports: i > 0,
    });
    if (outcome.problem) process.stderr.write(`ocpp-conformance: ${outcome.problem}\n`);
    codes.push(outcome.exitCode);
    interrupted = outcome.interrupted;
    if (interrupted) break;
  }
  // A FAIL is certain evidence, so it decides over a harness error (as exitCodeFor does for verdicts).
  const exitCode = codes.includes(1) ? 1 : codes.includes(3) ? 3 : codes.includes(2) ? 2 : 0;
  return finishRun(reportsDir, { exitCode, interrupted }, strict);
}

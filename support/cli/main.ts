/**
 * `ocpp-conformance <command>`: run, reference, main (the job behind `npm start`). A ConfigError prints one
 * sentence and exits 3; no stack trace reaches the user.
 */
import { join } from 'node:path';
import { ConfigError } from '../reporting/errors';
import { RUN_HELP, ROOT, printResults, runCommand, runSuite } from './run-command';
import { runReferenceCentralSystemCli } from '../../fixtures/reference/central-system';
import { runReferenceChargePointCli } from '../../fixtures/reference/charge-point';
import { LOAD_COMMANDS } from '../load/commands';

const HELP = `Usage: ocpp-conformance <command> [options]

Commands:
  run --sut <file>            Run the test cases that apply to a system under test.
  reference charge-point      Start the reference Charge Point (see --help).
  reference central-system    Start the reference Central System (see --help).
  main                        Both suites against the bundled reference SUTs (npm start).
${Object.values(LOAD_COMMANDS).map((c) => `  ${c.usage.padEnd(28)}${c.summary}\n`).join('')}
Run "ocpp-conformance <command> --help" for a command's options.
`;

async function mainJob(argv: readonly string[]): Promise<number> {
  if (argv.length > 0) throw new ConfigError(`ocpp-conformance main: unexpected argument "${argv[0]}"`);
  const reportsDir = join(ROOT, 'reports');
  const suites = ['reference-charge-point.json', 'reference-central-system.json'];
  const codes: number[] = [];
  const all = [];
  for (const [i, file] of suites.entries()) {
    process.stdout.write(`\n== ${file} ==\n`);
    const outcome = await runSuite({ sutFile: join(ROOT, 'fixtures', 'sut', file), reportsDir, parallel: 2, keepReports: i > 0 });
    all.push(...outcome.results);
    codes.push(outcome.exitCode);
  }
  printResults(all);
  return codes.includes(1) ? 1 : codes.includes(3) ? 3 : codes.includes(2) ? 2 : 0;
}

export async function dispatch(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const loadMode = command !== undefined && Object.hasOwn(LOAD_COMMANDS, command) ? LOAD_COMMANDS[command] : undefined;
  if (loadMode) return loadMode.run(rest);
  if (rest.includes('--help') || command === '--help' || command === 'help') {
    if (command === 'run') process.stdout.write(RUN_HELP);
    else if (command === 'reference') return dispatchReference(rest);
    else process.stdout.write(HELP);
    return 0;
  }
  switch (command) {
    case 'run':
      return runCommand(rest);
    case 'reference':
      return dispatchReference(rest);
    case 'main':
      return mainJob(rest);
    case undefined:
      process.stdout.write(HELP);
      return 3;
    default:
      throw new ConfigError(`unknown command "${command}" (see ocpp-conformance --help)`);
  }
}

function dispatchReference(argv: readonly string[]): Promise<number> {
  const [which, ...rest] = argv;
  if (which === 'charge-point') return runReferenceChargePointCli(rest);
  if (which === 'central-system') return runReferenceCentralSystemCli(rest);
  throw new ConfigError('ocpp-conformance reference: say "charge-point" or "central-system"');
}

export function main(argv: readonly string[]): void {
  dispatch(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof ConfigError) {
        process.stderr.write(`ocpp-conformance: ${e.message}\n`);
        process.exitCode = 3;
      } else {
        process.stderr.write(`ocpp-conformance: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
        process.exitCode = 3;
      }
    },
  );
}

/**
 * `ocpp-conformance <command>`: one entry per command in COMMANDS (usage, one-line summary, help, handler). The
 * harness's own commands load their module only when they run (ts-node compiles what is loaded, so `--help` and a
 * refused flag answer quickly). A ConfigError (a bad flag, value, SUT file or address) prints one sentence and exits 3;
 * no stack trace reaches the user. `<command> --help` prints the command's help and exits 0.
 */
import { ConfigError } from '../reporting/errors';
import { LOAD_COMMANDS } from '../load/commands';

export interface Command {
  /** Shown in the command list. */
  readonly usage: string;
  readonly summary: string;
  /** The command's --help (or a function that loads it); undefined when the handler prints its own. */
  readonly help?: string | (() => string);
  run(argv: readonly string[]): Promise<number>;
}

/* eslint-disable @typescript-eslint/no-require-imports -- commands load lazily */
const runModule = (): typeof import('./run-command') => require('./run-command');
const listModule = (): typeof import('./list-command') => require('./list-command');
const reportModule = (): typeof import('./report-command') => require('./report-command');
const mainModule = (): typeof import('./main-command') => require('./main-command');
const consoleModule = (): typeof import('../console/console-command') => require('../console/console-command');
const fuzzModule = (): typeof import('./fuzz-command') => require('./fuzz-command');
const referenceCentralSystem = (): typeof import('../../fixtures/reference/central-system') => require('../../fixtures/reference/central-system');
const referenceChargePoint = (): typeof import('../../fixtures/reference/charge-point') => require('../../fixtures/reference/charge-point');
/* eslint-enable @typescript-eslint/no-require-imports */

const REFERENCE_HELP = `Usage: ocpp-conformance reference charge-point|central-system [options]

Starts a bundled reference SUT on its own, for trying the harness or a SUT file by hand.
Run "ocpp-conformance reference charge-point --help" or "… central-system --help" for its options.
`;

function dispatchReference(argv: readonly string[]): Promise<number> {
  const [which, ...rest] = argv;
  if (which === 'charge-point') return referenceChargePoint().runReferenceChargePointCli(rest);
  if (which === 'central-system') return referenceCentralSystem().runReferenceCentralSystemCli(rest);
  if (which === undefined || which === '--help') {
    process.stdout.write(REFERENCE_HELP);
    return Promise.resolve(which === undefined ? 3 : 0);
  }
  throw new ConfigError(`ocpp-conformance reference: say "charge-point" or "central-system", not "${which}"`);
}

export const COMMANDS: Record<string, Command> = {
  run: {
    usage: 'run --sut <file>', summary: 'Run the test cases that apply to a system under test.',
    help: () => runModule().RUN_HELP, run: (argv) => runModule().runCommand(argv),
  },
  list: {
    usage: 'list [--sut <file>]', summary: 'List the test cases: implemented or not, applicable or N/A.',
    help: () => listModule().LIST_HELP, run: (argv) => listModule().listCommand(argv),
  },
  report: {
    usage: 'report [<dir>]', summary: 'Write the HTML report and summaries again from recorded results.',
    help: () => reportModule().REPORT_HELP, run: (argv) => reportModule().reportCommand(argv),
  },
  reference: { usage: 'reference charge-point|central-system', summary: 'Start a bundled reference SUT on its own.', run: dispatchReference },
  main: {
    usage: 'main', summary: 'Both suites against the bundled reference SUTs (npm start).',
    help: () => mainModule().MAIN_HELP, run: (argv) => mainModule().mainCommand(argv),
  },
  console: {
    usage: 'console --role <role> | --sut <file>', summary: 'An interactive OCPP console: send CALLs, see and answer frames.',
    help: () => consoleModule().CONSOLE_HELP, run: (argv) => consoleModule().consoleCommand(argv),
  },
  fuzz: { usage: 'fuzz --sut <file>', summary: 'Fuzz a system under test with mutated OCPP-J frames.', help: () => fuzzModule().FUZZ_HELP, run: (argv) => fuzzModule().fuzzCommand(argv) },
  ...LOAD_COMMANDS,
};

function helpOf(command: Command | undefined): string | undefined {
  return typeof command?.help === 'function' ? command.help() : command?.help;
}

export function mainHelp(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length)) + 2;
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}${c.summary}`);
  return `Usage: ocpp-conformance <command> [options]

Conformance tests for OCPP 1.6-J Charge Points and Central Systems (pre-certification testing, not an OCA
certification).

Commands:
${lines.join('\n')}

Run "ocpp-conformance <command> --help" for a command's options.
Exit codes: 0 nothing failed; 1 the SUT failed; 2 only inconclusive; 3 harness or configuration error; 130 interrupted.
`;
}

export async function dispatch(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stdout.write(mainHelp());
    return 3;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const about = rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    process.stdout.write(helpOf(about) ?? mainHelp());
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new ConfigError(`unknown command "${name}" (see ocpp-conformance --help)`);
  const help = rest.includes('--help') || rest.includes('-h') ? helpOf(command) : undefined;
  if (help !== undefined) {
    process.stdout.write(help);
    return 0;
  }
  return command.run(rest);
}

export function main(argv: readonly string[]): void {
  dispatch(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof ConfigError) {
        process.stderr.write(`${e.message.startsWith('ocpp-conformance') ? '' : 'ocpp-conformance: '}${e.message}\n`);
      } else {
        process.stderr.write(`ocpp-conformance: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      }
      process.exitCode = 3;
    },
  );
}

/**
 * The commands this folder adds to `ocpp-conformance`, in the shape of the CLI's command table: `load` and
 * `bench`. Their modules load only when they run or print their help (ts-node compiles what is loaded, so other
 * commands do not pay for them). Each resolves with its exit code.
 */
export interface LoadModeCommand {
  readonly usage: string;
  readonly summary: string;
  readonly help: () => string;
  run(argv: readonly string[]): Promise<number>;
}

/* eslint-disable @typescript-eslint/no-require-imports -- commands load lazily */
const loadOptions = (): typeof import('./load-options') => require('./load-options');
const loadModule = (): typeof import('./load-command') => require('./load-command');
const benchModule = (): typeof import('./bench/bench-command') => require('./bench/bench-command');
/* eslint-enable @typescript-eslint/no-require-imports */

export const LOAD_COMMANDS: Readonly<Record<string, LoadModeCommand>> = {
  load: {
    usage: 'load --sut <file> --charge-points <n>',
    summary: 'Load a Central System with emulated charge points; a verdict from the SUT file\'s thresholds.',
    help: () => loadOptions().LOAD_HELP,
    run: (argv) => loadModule().loadCommand(argv),
  },
  bench: {
    usage: 'bench',
    summary: 'Measure the harness: overhead per CALL, suite efficiency, load (npm run bench).',
    help: () => benchModule().BENCH_HELP,
    run: (argv) => benchModule().benchCommand(argv),
  },
};

/**
 * The commands this folder adds to `ocpp-conformance`, in the shape of the CLI's command table: `load` and
 * `bench`. Each resolves with its exit code.
 */
import { BENCH_HELP, benchCommand } from './bench/bench-command';
import { LOAD_HELP } from './load-options';
import { loadCommand } from './load-command';

export interface LoadModeCommand {
  readonly usage: string;
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[]): Promise<number>;
}

export const LOAD_COMMANDS: Readonly<Record<string, LoadModeCommand>> = {
  load: {
    usage: 'load --sut <file> --charge-points <n>',
    summary: 'Load a Central System with emulated charge points; a verdict from the SUT file\'s thresholds.',
    help: LOAD_HELP,
    run: (argv) => loadCommand(argv),
  },
  bench: {
    usage: 'bench',
    summary: 'Measure the harness: overhead per CALL, suite efficiency, load (npm run bench).',
    help: BENCH_HELP,
    run: (argv) => benchCommand(argv),
  },
};

/**
 * `npm run bench`: the harness's benchmarks (support/load/bench/bench-command.ts); flags as for
 * `ocpp-conformance bench`, e.g. `npm run bench -- --only overhead`.
 */
import { ConfigError } from '../support/reporting/errors';
import { benchCommand } from '../support/load/bench/bench-command';

benchCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof ConfigError ? e.message : (e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 3;
  },
);

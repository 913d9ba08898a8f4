/**
 * `ocpp-conformance load --sut <file> --charge-points <n> …`: the load run, its table on the terminal, and
 * `<reports>/load.json` and `<reports>/load.html`. Exit 0 PASS or WARN, 1 FAIL, 3 bad input or a harness limit.
 */
import { relative } from 'node:path';
import { LOAD_HELP, parseLoadOptions } from './load-options';
import { formatLoadTable, writeLoadReports } from './load-report';
import { runLoad } from './load-run';
import { loadExitCode } from './load-verdict';

export async function loadCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  if (argv.includes('--help')) {
    out.write(LOAD_HELP);
    return 0;
  }
  const options = parseLoadOptions(argv);
  if (!options.quiet) out.write(`Starting ${options.chargePoints.toLocaleString('en-US')} charge points (${options.profile}) with ${options.workers} worker thread(s)…\n`);
  const report = await runLoad(options, { progress: (line) => !options.quiet && out.write(`${line}\n`) });
  const files = writeLoadReports(report, options.reportsDir);
  out.write(`\n${formatLoadTable(report)}`);
  out.write(`Reports: ${relative(process.cwd(), files.json)}, ${relative(process.cwd(), files.html)}\n`);
  return loadExitCode(report.verdict.verdict);
}

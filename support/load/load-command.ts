/**
 * `ocpp-conformance load --sut <file> --charge-points <n> …`: the load run, its table on the terminal, and
 * `<reports>/load.json` and `<reports>/load.html`; `--merge` combines the reports of a run's shards. Exit 0 PASS or
 * WARN, 1 FAIL, 3 bad input or a harness limit, 130 interrupted by Ctrl-C (after writing the reports).
 */
import { relative } from 'node:path';
import { loadSutFile } from '../sut/sut-config';
import { mergeLoadReports, readLoadReport } from './load-merge';
import { LOAD_HELP, type MergeOptions, parseLoadOptions, parseMergeOptions } from './load-options';
import { formatLoadTable, writeLoadReports } from './load-report';
import { runLoad } from './load-run';
import { loadExitCode } from './load-verdict';

export async function loadCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  if (argv.includes('--help')) {
    out.write(LOAD_HELP);
    return 0;
  }
  const merge = parseMergeOptions(argv);
  if (merge) return mergeCommand(merge, out);
  const options = parseLoadOptions(argv);
  const report = await runLoad(options, { progress: (line) => !options.quiet && out.write(`${line}\n`) });
  const files = writeLoadReports(report, options.reportsDir);
  out.write(`\n${formatLoadTable(report)}`);
  out.write(`Reports: ${relative(process.cwd(), files.json)}, ${relative(process.cwd(), files.html)}\n`);
  return report.run.interrupted ? INTERRUPTED : loadExitCode(report.verdict.verdict);
}

/** The CLI's exit code for a run stopped by Ctrl-C (the reports are written all the same). */
const INTERRUPTED = 130;

/** `--merge`: the shards' reports of one run combined into one report and verdict. */
function mergeCommand(options: MergeOptions, out: NodeJS.WritableStream): number {
  const sut = loadSutFile(options.sutFile);
  const report = mergeLoadReports(options.files.map(readLoadReport), sut);
  const files = writeLoadReports(report, options.reportsDir);
  out.write(formatLoadTable(report));
  out.write(`Reports: ${relative(process.cwd(), files.json)}, ${relative(process.cwd(), files.html)}\n`);
  return loadExitCode(report.verdict.verdict);
}

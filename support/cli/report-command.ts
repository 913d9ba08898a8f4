/**
 * `ocpp-conformance report [<dir>]`: writes every report of a reports folder again from what a run recorded there
 * (results, traces, Allure results, run.json): the single-file HTML report, junit.xml, summary.json, summary.md.
 * Exits 0 when the reports were written, 3 when the folder holds no results or the HTML report failed.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { renderSequenceDiagram } from '../reporting/sequence-diagram';
import { readTrace } from '../reporting/trace-file';
import { renderConsoleSummary } from '../reporting/console-summary';
import { ConfigError } from '../reporting/errors';
import { readScenarioResults } from '../reporting/scenario-result';
import { writeReports } from '../reporting/write-reports';
import { type FlagSpec, helpText, parseArgs } from './args';

export const REPORT_FLAGS: Record<string, FlagSpec> = {
  strict: { kind: 'boolean', description: 'Count WARN and unexpected passes as failed (default: as the run did).' },
  trace: { kind: 'string', placeholder: 'file.jsonl', description: 'Draw one JSONL wire trace (a console session\'s, a test case\'s) as a sequence diagram instead.' },
  out: { kind: 'string', placeholder: 'file.svg', description: 'With --trace: where the diagram goes (default: beside the trace, .svg).' },
};

export const REPORT_HELP = helpText(
  'ocpp-conformance report [<dir>] [options]',
  'Writes the reports of a reports folder (default ./reports) again from the results recorded there:\n'
    + '<dir>/allure-report/index.html (one self-contained file), junit.xml, summary.json and summary.md.\n'
    + 'With --trace, draws that JSONL trace as a self-contained SVG sequence diagram.',
  REPORT_FLAGS,
);

export async function reportCommand(argv: readonly string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, REPORT_FLAGS, 'ocpp-conformance report');
  if (typeof flags['trace'] === 'string') return drawTrace(flags['trace'], typeof flags['out'] === 'string' ? flags['out'] : undefined);
  if (positionals.length > 1) throw new ConfigError(`ocpp-conformance report: one folder at most, not "${positionals.join(' ')}"`);
  const dir = resolve(positionals[0] ?? 'reports');
  const shown = relative(process.cwd(), dir) || '.';
  if (!existsSync(dir)) throw new ConfigError(`ocpp-conformance report: there is no folder ${shown}`);
  if (readScenarioResults(dir).length === 0) throw new ConfigError(`ocpp-conformance report: ${shown} holds no test case results (run "ocpp-conformance run" first)`);
  const written = await writeReports(dir, { strict: flags['strict'] === true ? true : undefined });
  process.stdout.write(renderConsoleSummary(written, { strict: written.run?.runs.some((r) => r.strict) || flags['strict'] === true }));
  return written.htmlError ? 3 : 0;
}

/**
 * `report --trace`: one JSONL trace as a sequence diagram. The system under test is the side that did not send
 * BootNotification.req: a trace where the harness booted is one of a Central System under test.
 */
function drawTrace(trace: string, out: string | undefined): number {
  if (!existsSync(trace)) throw new ConfigError(`ocpp-conformance report --trace: there is no file ${trace}`);
  const records = readTrace(trace);
  if (records.length === 0) throw new ConfigError(`ocpp-conformance report --trace: ${trace} holds no trace records`);
  const harnessBooted = records.some((r) => r.type === 'frame' && r.direction === 'out' && r.kind === 'CALL' && r.action === 'BootNotification');
  const target = resolve(out ?? trace.replace(/\.jsonl$/, '') + '.svg');
  writeFileSync(target, renderSequenceDiagram(records, { role: harnessBooted ? 'central-system' : 'charge-point', title: basename(trace), maxRows: 2000 }));
  process.stdout.write(`${relative(process.cwd(), target) || target}: ${records.length} records drawn\n`);
  return 0;
}

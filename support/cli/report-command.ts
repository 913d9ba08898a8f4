/**
 * `ocpp-conformance report [<dir>]`: writes every report of a reports folder again from what a run recorded there
 * (results, traces, Allure results, run.json): the single-file HTML report, junit.xml, summary.json, summary.md.
 * Exits 0 when the reports were written, 3 when the folder holds no results or the HTML report failed.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { renderConsoleSummary } from '../reporting/console-summary';
import { ConfigError } from '../reporting/errors';
import { readScenarioResults } from '../reporting/scenario-result';
import { writeReports } from '../reporting/write-reports';
import { type FlagSpec, helpText, parseArgs } from './args';

export const REPORT_FLAGS: Record<string, FlagSpec> = {
  strict: { kind: 'boolean', description: 'Count WARN and unexpected passes as failed (default: as the run did).' },
};

export const REPORT_HELP = helpText(
  'ocpp-conformance report [<dir>] [options]',
  'Writes the reports of a reports folder (default ./reports) again from the results recorded there:\n'
    + '<dir>/allure-report/index.html (one self-contained file), junit.xml, summary.json and summary.md.',
  REPORT_FLAGS,
);

export async function reportCommand(argv: readonly string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, REPORT_FLAGS, 'ocpp-conformance report');
  if (positionals.length > 1) throw new ConfigError(`ocpp-conformance report: one folder at most, not "${positionals.join(' ')}"`);
  const dir = resolve(positionals[0] ?? 'reports');
  const shown = relative(process.cwd(), dir) || '.';
  if (!existsSync(dir)) throw new ConfigError(`ocpp-conformance report: there is no folder ${shown}`);
  if (readScenarioResults(dir).length === 0) throw new ConfigError(`ocpp-conformance report: ${shown} holds no test case results (run "ocpp-conformance run" first)`);
  const written = await writeReports(dir, { strict: flags['strict'] === true ? true : undefined });
  process.stdout.write(renderConsoleSummary(written, { strict: written.run?.runs.some((r) => r.strict) || flags['strict'] === true }));
  return written.htmlError ? 3 : 0;
}

/**
 * `ocpp-conformance main` (what `npm start` runs): both suites against the bundled reference SUTs, the Charge Point
 * suite first, into one reports folder, then every report of both (one HTML report showing every test case). The
 * cases that are N/A in a main configuration run instead against the reference configuration where they apply
 * (`REFERENCE_VARIANTS`), right after it, so that each id appears once, with a verdict about a SUT it was made for.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../reporting/errors';
import { type FlagSpec, helpText, parseArgs } from './args';
import { MAIN_REFERENCE_FILES, mainRunTags, REFERENCE_VARIANTS, sutPath, tagsOf } from './reference-suites';
import { finishRun, ROOT, runSuite } from './run-command';

export const MAIN_FLAGS: Record<string, FlagSpec> = {
  reports: { kind: 'string', placeholder: 'dir', description: 'Reports folder (default ./reports); emptied first.' },
  tags: { kind: 'string', placeholder: 'expr', description: 'Only the test cases this Cucumber tag expression selects, e.g. "@TC_001_CS or @TC_001_CSMS".' },
  parallel: { kind: 'number', placeholder: 'n', description: 'Worker processes per suite (default 2).' },
  strict: { kind: 'boolean', description: 'WARN and unexpected passes fail the run too.' },
  quiet: { kind: 'boolean', description: 'Print only the table and the closing line.' },
};

export const MAIN_HELP = helpText(
  'ocpp-conformance main [options]',
  'Runs both suites against the bundled reference Charge Point and Central System (npm start) and writes\nall reports into one folder. The cases N/A there (a fixed cable, no local list) run against the\nreference configuration where they apply (fixtures/sut/reference-charge-point-fixed-cable.json), the Get\nDiagnostics cases against a build with FTP-only diagnostics (reference-charge-point-ftp-diagnostics.json).',
  MAIN_FLAGS,
);

/**
 * Each main configuration (less the cases a variant takes over), followed by its variants with only those cases; a
 * variant runs a handful of cases, for which one worker starts faster than two.
 */
const SUITES: ReadonlyArray<{ readonly file: string; readonly tags?: string; readonly variant?: boolean }> = MAIN_REFERENCE_FILES.flatMap((file) => [
  { file, tags: mainRunTags(file) },
  ...REFERENCE_VARIANTS.filter((v) => v.mainFile === file).map((v) => ({ file: v.file, tags: tagsOf(v.scenarios), variant: true })),
]);

export async function mainCommand(argv: readonly string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, MAIN_FLAGS, 'ocpp-conformance main');
  if (positionals.length > 0) throw new ConfigError(`ocpp-conformance main: unexpected argument "${positionals[0]}" (see ocpp-conformance main --help)`);
  const reportsDir = resolve((flags['reports'] as string | undefined) ?? 'reports');
  const strict = Boolean(flags['strict']);
  const only = flags['tags'] as string | undefined;
  const codes: number[] = [];
  let interrupted = false;
  let ran = 0;
  for (const [i, { file, tags, variant }] of SUITES.entries()) {
    if (!flags['quiet']) process.stdout.write(`\n== ${file}${variant ? ` (only ${tags})` : ''} ==\n`);
    const outcome = await runSuite({
      sutFile: sutPath(ROOT, file),
      tags: only && tags ? `(${only}) and (${tags})` : only ?? tags,
      reportsDir,
      parallel: variant ? 1 : (flags['parallel'] as number | undefined) ?? 2,
      strict,
      quiet: Boolean(flags['quiet']),
      keepReports: i > 0,
    });
    // With --tags, a suite none of whose cases is selected is left out; only all of them empty is an error.
    if (only && outcome.noneSelected) continue;
    ran += 1;
    if (outcome.problem) process.stderr.write(`ocpp-conformance: ${outcome.problem}\n`);
    codes.push(outcome.exitCode);
    interrupted = outcome.interrupted;
    if (interrupted) break;
  }
  if (only && ran === 0) throw new ConfigError(`ocpp-conformance main: the tags "${only}" select no test case of the bundled suites`);
  // A FAIL is certain evidence, so it decides over a harness error (as exitCodeFor does for verdicts).
  const exitCode = codes.includes(1) ? 1 : codes.includes(3) ? 3 : codes.includes(2) ? 2 : 0;
  return finishRun(reportsDir, { exitCode, interrupted }, strict);
}

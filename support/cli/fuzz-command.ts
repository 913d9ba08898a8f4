/**
 * `ocpp-conformance fuzz --sut <file> [--budget N | --duration T] [--seed S] [--actions A,B] [--reports DIR]` and
 * `ocpp-conformance fuzz --replay <finding.json>` (issue 14). Exit 0: no finding (or the replay no longer
 * reproduces); 1: findings (or the replay reproduces); 3: a bad flag or SUT file, in one sentence.
 */
import { relative, resolve } from 'node:path';
import { ConfigError, HarnessError } from '../reporting/errors';
import { parseDuration } from '../sut/duration';
import { loadSutFile } from '../sut/sut-config';
import { type FlagSpec, helpText, parseArgs } from './args';

export const FUZZ_FLAGS: Record<string, FlagSpec> = {
  sut: { kind: 'string', placeholder: 'file', description: 'The SUT file; its role decides which side the fuzzer plays.' },
  budget: { kind: 'number', placeholder: 'N', description: 'Fuzz inputs to send (default 1000).' },
  duration: { kind: 'string', placeholder: 'T', description: 'Fuzz for this long instead (e.g. 90s, 5m).' },
  seed: { kind: 'number', placeholder: 'S', description: 'Seed of the input sequence (default: from the clock, printed).' },
  actions: { kind: 'list', placeholder: 'A,B', description: 'Fuzz only CALLs of these actions (default: those the SUT receives in its profiles).' },
  reports: { kind: 'string', placeholder: 'dir', description: 'Reports folder (default reports): writes <dir>/fuzz/summary.json, trace.jsonl, findings/.' },
  fault: { kind: 'list', placeholder: 'name', description: 'Switch a fault of the bundled reference SUT on (trying the fuzzer out).' },
  replay: { kind: 'string', placeholder: 'finding.json', description: 'Replay a saved finding instead of fuzzing.' },
};

export const FUZZ_HELP = helpText(
  'ocpp-conformance fuzz --sut <file> [options] | fuzz --replay <finding.json>',
  'Sends schema-mutated and malformed OCPP-J frames to a system under test and judges each answer (OCPP-J 1.6\n'
    + '§4.2.3 Table 7 codes, §4.1.3 ignores, schema-valid answers), its liveness (a health probe after each input) and\n'
    + 'its message rate. Findings (crash, hang, wrong code, flood, schema-invalid answer) are minimized and saved.',
  FUZZ_FLAGS,
);

/** A path as the user can open it from here: relative when it is below the working directory. */
function shown(path: string | undefined): string {
  if (path === undefined) return '(not saved)';
  return path.startsWith('..') ? resolve(path) : path;
}

export async function fuzzCommand(argv: readonly string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, FUZZ_FLAGS, 'ocpp-conformance fuzz');
  if (positionals.length > 0) throw new ConfigError(`ocpp-conformance fuzz: unexpected argument "${positionals[0]}" (see ocpp-conformance fuzz --help)`);
  const sutPath = flags['sut'] as string | undefined;
  const sut = sutPath ? loadSutFile(resolve(sutPath)) : undefined;
  /* eslint-disable @typescript-eslint/no-require-imports -- the fuzzer loads only when it runs */
  if (flags['replay'] !== undefined) {
    const { replayFinding } = require('../fuzz/replay') as typeof import('../fuzz/replay');
    const { finding, verdict } = await replayFinding(resolve(flags['replay'] as string), { sut });
    process.stdout.write(verdict
      ? `reproduced: ${verdict.category}: ${verdict.message} (${verdict.rule})\n`
      : `not reproduced: ${finding.frames.length} frames replayed, no ${finding.category} finding\n`);
    return verdict ? 1 : 0;
  }
  if (!sut) throw new ConfigError('ocpp-conformance fuzz: say which system to fuzz with --sut <file> (or replay a finding with --replay <file>)');
  if (flags['budget'] !== undefined && flags['duration'] !== undefined) throw new ConfigError('ocpp-conformance fuzz: give --budget or --duration, not both');
  if (flags['budget'] === 0) throw new ConfigError('ocpp-conformance fuzz: --budget takes a number of inputs of at least 1');
  const durationMs = flags['duration'] !== undefined ? parseDuration(flags['duration']) : undefined;
  if (flags['duration'] !== undefined && (durationMs === undefined || durationMs <= 0)) {
    throw new ConfigError(`ocpp-conformance fuzz: --duration takes a duration such as 90s or 5m, not "${String(flags['duration'])}"`);
  }
  const { runFuzz } = require('../fuzz/fuzz-runner') as typeof import('../fuzz/fuzz-runner');
  const { fuzzTarget } = require('../fuzz/fuzz-target') as typeof import('../fuzz/fuzz-target');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const actions = flags['actions'] as string[] | undefined;
  if (actions) {
    const { WireLog } = require('../recording/wire-log') as typeof import('../recording/wire-log'); // eslint-disable-line @typescript-eslint/no-require-imports
    const receivable = fuzzTarget(sut, new WireLog()).receivable;
    const wrong = actions.filter((a) => !receivable.includes(a));
    if (wrong.length > 0) throw new ConfigError(`ocpp-conformance fuzz: a ${sut.role === 'charge-point' ? 'Charge Point' : 'Central System'} does not receive ${wrong.join(', ')}; --actions takes ${receivable.join(', ')}`);
  }
  const faults = flags['fault'] as string[] | undefined;
  if (faults && !sut.reference) throw new ConfigError(`ocpp-conformance fuzz: --fault switches faults of a bundled reference SUT; ${sut.name} is not one`);
  const seed = (flags['seed'] as number | undefined) ?? (Date.now() % 1_000_000);
  const reportsDir = resolve((flags['reports'] as string | undefined) ?? 'reports', 'fuzz');
  process.stdout.write(`fuzzing ${sut.name} (${sut.role}) with seed ${seed}\n`);
  const summary = await runFuzz({
    sut, seed, reportsDir, actions, durationMs, faults,
    budget: flags['budget'] as number | undefined,
    progress: (line) => process.stdout.write(`  ${line}\n`),
  }).catch((e: unknown) => {
    // The SUT could not be reached at the start: a harness or configuration error (exit 3), in one sentence.
    if (e instanceof HarnessError) throw new ConfigError(`ocpp-conformance fuzz: ${e.message}`);
    throw e;
  });
  process.stdout.write(`${summary.inputs} inputs in ${(summary.durationMs / 1000).toFixed(1)} s (${summary.inputsPerSecond} inputs/s, ${summary.framesPerSecond} frames/s), ${summary.findings.length} finding(s)\n`);
  if (summary.stopped) process.stdout.write(`stopped early: ${summary.stopped}\n`);
  for (const f of summary.findings) process.stdout.write(`  ${f.category}: ${f.message} [${f.rule}] -> ${shown(f.file)} (${f.frames} frame(s)${f.reproduced ? '' : ', did not reproduce'})\n`);
  if (summary.findings.length > 0) {
    // One test per finding in the HTML report, beside the suites' reports (issue 14).
    const { writeReports } = require('../reporting/write-reports') as typeof import('../reporting/write-reports'); // eslint-disable-line @typescript-eslint/no-require-imports
    const written = await writeReports(resolve(reportsDir, 'report'), {});
    process.stdout.write(`report: ${written.htmlError ? `not written (${written.htmlError})` : shown(relative(process.cwd(), resolve(reportsDir, 'report', 'allure-report', 'index.html')))}\n`);
  }
  process.stdout.write(`summary: ${shown(relative(process.cwd(), resolve(reportsDir, 'summary.json')))}\n`);
  return summary.findings.length > 0 ? 1 : 0;
}

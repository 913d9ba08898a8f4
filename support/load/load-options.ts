/**
 * The flags of `ocpp-conformance load`, checked: anything wrong is a ConfigError of one sentence (exit code 3).
 * `--charge-points` and `--ramp` describe the whole run; with `--shard i/n` this process runs its share of both.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { type FlagSpec, helpText, parseArgs } from '../cli/args';
import { ConfigError } from '../reporting/errors';
import { parseDuration } from '../sut/duration';
import { parseShard, type Shard } from './shard';

export const PROFILES = ['boot-storm', 'steady', 'sessions'] as const;
export type Profile = (typeof PROFILES)[number];

export interface LoadOptions {
  readonly sutFile: string;
  readonly chargePoints: number;
  /** Charge points started per second over the whole run; Infinity: as fast as the CSMS lets them in. */
  readonly rampPerSecond: number;
  /** How long every charge point is held once all have started (connected and booted, or failed). */
  readonly durationMs: number;
  readonly profile: Profile;
  readonly shard: Shard;
  /** Worker threads; 0: the main thread runs the charge points. */
  readonly workers: number;
  readonly reportsDir: string;
  readonly quiet: boolean;
}

export const LOAD_FLAGS: Record<string, FlagSpec> = {
  sut: { kind: 'string', placeholder: 'file', description: 'SUT file of a Central System (its load section: ids, idTags, thresholds).' },
  'charge-points': { kind: 'number', placeholder: 'n', description: 'Emulated charge points in the whole run (all shards together).' },
  ramp: { kind: 'string', placeholder: 'per second', description: 'Charge points started per second (default: boot-storm as fast as possible, else 100).' },
  duration: { kind: 'string', placeholder: 'time', description: 'How long all charge points are held once started, e.g. 60s, 5m (default 30s).' },
  profile: { kind: 'string', placeholder: 'name', description: 'boot-storm, steady (default) or sessions (authorize/start/meter values/stop cycles).' },
  shard: { kind: 'string', placeholder: 'i/n', description: 'Run part i of n of the charge points (one part per machine).' },
  workers: { kind: 'number', placeholder: 'n', description: 'Worker threads (default: one per core; 0 runs the charge points on the main thread, for small runs).' },
  reports: { kind: 'string', placeholder: 'dir', description: 'Reports folder for load.json and load.html (default reports).' },
  quiet: { kind: 'boolean', description: 'No progress lines, only the table and the verdict.' },
  merge: { kind: 'list', placeholder: 'files', description: 'Combine the load.json of the shards of one run (comma-separated or repeated) into one report and verdict, with --sut and --reports.' },
};

export const LOAD_HELP = helpText(
  'ocpp-conformance load --sut <file> --charge-points <n> [options]',
  'Connects n emulated charge points to a Central System, boots them and keeps them busy; judges every frame and gives a verdict from the thresholds of the SUT file. Exit 0 passed, 1 the CSMS broke a threshold or the spec, 3 bad input or harness limit.',
  LOAD_FLAGS,
);

export const LOAD_COMMAND = 'ocpp-conformance load';

export interface MergeOptions {
  readonly sutFile: string;
  readonly files: readonly string[];
  readonly reportsDir: string;
}

/** `--merge`: the shards' reports to combine; undefined when the flag is absent. */
export function parseMergeOptions(argv: readonly string[], cwd = process.cwd()): MergeOptions | undefined {
  const { flags, positionals } = parseArgs(argv, LOAD_FLAGS, LOAD_COMMAND);
  const files = flags['merge'] as string[] | undefined;
  if (!files) return undefined;
  const extra = Object.keys(flags).find((f) => !['merge', 'sut', 'reports', 'quiet'].includes(f));
  if (extra) throw new ConfigError(`${LOAD_COMMAND}: --merge combines finished runs and takes only --sut and --reports, not --${extra}`);
  if (positionals.length > 0) throw new ConfigError(`${LOAD_COMMAND}: unexpected argument "${positionals[0]}" (give the reports to --merge, comma-separated)`);
  const sutFile = flags['sut'];
  if (typeof sutFile !== 'string') throw new ConfigError(`${LOAD_COMMAND}: --merge needs --sut <file> for the thresholds of the verdict`);
  return { sutFile, files: files.map((f) => resolve(cwd, f)), reportsDir: resolve(cwd, (flags['reports'] as string | undefined) ?? 'reports') };
}

/** Parses and checks the flags. */
export function parseLoadOptions(argv: readonly string[], cwd = process.cwd()): LoadOptions {
  const { flags, positionals } = parseArgs(argv, LOAD_FLAGS, LOAD_COMMAND);
  if (positionals.length > 0) throw new ConfigError(`${LOAD_COMMAND}: unexpected argument "${positionals[0]}" (see ${LOAD_COMMAND} --help)`);
  const sutFile = flags['sut'];
  if (typeof sutFile !== 'string') throw new ConfigError(`${LOAD_COMMAND}: --sut <file> is required (see ${LOAD_COMMAND} --help)`);
  const chargePoints = flags['charge-points'];
  if (typeof chargePoints !== 'number') throw new ConfigError(`${LOAD_COMMAND}: --charge-points <n> is required`);
  if (chargePoints < 1) throw new ConfigError(`${LOAD_COMMAND}: --charge-points must be at least 1`);
  const profile = (flags['profile'] as string | undefined) ?? 'steady';
  if (!(PROFILES as readonly string[]).includes(profile)) throw new ConfigError(`${LOAD_COMMAND}: --profile must be one of ${PROFILES.join(', ')}, not "${profile}"`);
  const durationMs = flags['duration'] === undefined ? 30_000 : parseDuration(flags['duration']);
  if (durationMs === undefined) throw new ConfigError(`${LOAD_COMMAND}: --duration takes a time such as 30s, 500ms or 5m, not "${String(flags['duration'])}"`);
  const workers = (flags['workers'] as number | undefined) ?? availableParallelism();
  const shard = flags['shard'] === undefined ? { index: 1, count: 1 } : parseShard(String(flags['shard']));
  if (shard.count > chargePoints) throw new ConfigError(`${LOAD_COMMAND}: --shard ${shard.index}/${shard.count} splits ${chargePoints} charge point(s) into more parts than there are charge points`);
  return {
    sutFile,
    chargePoints,
    rampPerSecond: parseRamp(flags['ramp'] as string | undefined, profile as Profile),
    durationMs,
    profile: profile as Profile,
    shard,
    workers,
    reportsDir: resolve(cwd, (flags['reports'] as string | undefined) ?? 'reports'),
    quiet: Boolean(flags['quiet']),
  };
}

function parseRamp(text: string | undefined, profile: Profile): number {
  if (text === undefined) return profile === 'boot-storm' ? Number.POSITIVE_INFINITY : 100;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${LOAD_COMMAND}: --ramp takes a positive number of charge points per second, not "${text}"`);
  return value;
}

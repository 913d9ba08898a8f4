/**
 * `fuzz --replay <finding.json>`: the saved frames of a finding sent again from a fresh start of the SUT (the same
 * reference faults switched on), judged by the same oracle. Reproduced when the same category of finding shows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WireLog } from '../recording/wire-log';
import { ConfigError } from '../reporting/errors';
import { loadSutFile, type SutConfig } from '../sut/sut-config';
import type { FuzzInput } from './fuzz-input';
import { fuzzTarget } from './fuzz-target';
import { FINDING_FORMAT, replayInputs } from './fuzz-runner';
import { FINDING_CATEGORIES, type FindingCategory, type Verdict } from './oracle';

export interface SavedFinding {
  /** The SUT file as the run named it (relative to where it ran), and its absolute path. */
  readonly sut: string;
  readonly sutPath?: string;
  readonly faults: readonly string[];
  readonly category: FindingCategory;
  readonly message: string;
  readonly frames: readonly FuzzInput[];
}

export function readFinding(path: string): SavedFinding {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`ocpp-conformance fuzz: cannot read the finding ${path}: ${(e as Error).message}`);
  }
  if (data['format'] !== FINDING_FORMAT || !Array.isArray(data['frames']) || !FINDING_CATEGORIES.includes(data['category'] as FindingCategory)) {
    throw new ConfigError(`ocpp-conformance fuzz: ${path} is not a finding saved by the fuzzer (format ${FINDING_FORMAT})`);
  }
  return data as unknown as SavedFinding;
}

export interface ReplayOutcome {
  readonly finding: SavedFinding;
  readonly verdict: Verdict | undefined;
}

/** Replays a saved finding; `sut` overrides the SUT file it names. */
export async function replayFinding(path: string, options: { sut?: SutConfig; responseTimeoutMs?: number; tracePath?: string } = {}): Promise<ReplayOutcome> {
  const finding = readFinding(path);
  const sutFile = existsSync(resolve(finding.sut)) || !finding.sutPath ? resolve(finding.sut) : finding.sutPath;
  const sut = options.sut ?? loadSutFile(sutFile);
  const log = new WireLog(options.tracePath);
  const target = fuzzTarget(sut, log, finding.faults);
  try {
    await target.connect().then((s) => s.close());
    const verdict = await replayInputs(target, finding.frames, { target, timeoutMs: options.responseTimeoutMs ?? sut.timeouts.responseMs, floodLimit: 15, floodWindowMs: 500 }, finding.category);
    return { finding, verdict };
  } finally {
    await target.stop();
    log.close();
  }
}

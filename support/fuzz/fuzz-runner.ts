/**
 * The fuzz loop (issue 14): inputs from a seeded generator, each sent to the SUT and judged (oracle.ts), then a health
 * probe (the SUT stays connected and keeps answering) and the flood check (the SUT's CALLs per action over a window).
 * A finding keeps the inputs sent since the last fresh start; after it the SUT is restarted (a reference) or
 * reconnected, and fuzzing goes on. At the end each finding is minimized by replaying shorter input sequences
 * (shrink.ts) against a fresh start and saved with the frames that still reproduce it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Frame } from '../ocpp/frame';
import { WireLog } from '../recording/wire-log';
import type { SutConfig } from '../sut/sut-config';
import { writeFindingResults } from './finding-results';
import { FRAME_MUTATION_NAMES } from './frame-mutations';
import { type FuzzInput, describeInput } from './fuzz-input';
import type { FuzzSocket } from './fuzz-socket';
import { type FuzzTarget, fuzzTarget } from './fuzz-target';
import { InputGenerator } from './input-generator';
import { type FindingCategory, judgeAnswer, type Verdict } from './oracle';
import { shrink } from './shrink';

export interface FuzzOptions {
  readonly sut: SutConfig;
  /** Inputs to send (default 1000 unless a duration is given). */
  readonly budget?: number;
  readonly durationMs?: number;
  readonly seed: number;
  readonly actions?: readonly string[];
  readonly reportsDir: string;
  /** Reference faults to switch on (the fuzz stage). */
  readonly faults?: readonly string[];
  /** Overrides the SUT file's response timeout (the fuzz stage keeps hangs short). */
  readonly responseTimeoutMs?: number;
  /** Stop after this many distinct findings (default 10). */
  readonly maxFindings?: number;
  /** Stop at the first finding of this category (the fuzz stage, looking for one fault). */
  readonly stopAt?: FindingCategory;
  /** More SUT CALLs of one action than this within the flood window is a flood (default 15 in 500 ms). */
  readonly floodLimit?: number;
  readonly floodWindowMs?: number;
  /** Replays allowed to minimize one finding (default 30). */
  readonly shrinkTries?: number;
  readonly progress?: (line: string) => void;
}

export interface FuzzFinding extends Verdict {
  /** The input the oracle judged. */
  readonly input: FuzzInput;
  /** The inputs that reproduce it from a fresh start, minimized (or all since the last start, when not reproduced). */
  readonly frames: readonly FuzzInput[];
  readonly originalLength: number;
  readonly reproduced: boolean;
  file?: string;
}

export interface FuzzSummary {
  readonly sut: string;
  readonly role: string;
  readonly seed: number;
  readonly faults: readonly string[];
  readonly actions: readonly string[];
  /** Why fuzzing ended before its budget, when the SUT could not be reached any more. */
  readonly stopped?: string;
  readonly inputs: number;
  readonly framesSent: number;
  readonly framesReceived: number;
  readonly durationMs: number;
  /** Fuzz inputs per second (not counting health probes and the answers). */
  readonly inputsPerSecond: number;
  /** Frames on the wire per second, both directions, probes included. */
  readonly framesPerSecond: number;
  readonly mutations: Readonly<Record<string, number>>;
  readonly findings: ReadonlyArray<{ category: FindingCategory; rule: string; message: string; input: string; frames: number; reproduced: boolean; file?: string }>;
}

export const FINDING_FORMAT = 'ocpp-conformance-fuzz-finding/1';

interface Judge {
  readonly timeoutMs: number;
  readonly floodLimit: number;
  readonly floodWindowMs: number;
  readonly target: FuzzTarget;
}

let probes = 0;

const INTERVAL_WATCH_MS = 120;
/** CALLs of one action within a flood window (busiest() drops older ones: never ask it for a shorter window) that make the watch go on. */
const SUSPICIOUS_CALLS = 3;

function changedAnInterval(input: FuzzInput, answer: Frame): boolean {
  if (input.action !== 'ChangeConfiguration' || answer.type !== 3 || (answer.payload as { status?: string }).status !== 'Accepted') return false;
  return /Interval$/.test(String((JSON.parse(input.raw) as [number, string, string, { key?: unknown }])[3]?.key ?? ''));
}

/** Requests after which a SUT sends CALLs of its own (statuses, a transaction, the triggered message). */
const PROMPTING = new Set(['ChangeAvailability', 'TriggerMessage', 'RemoteStartTransaction', 'RemoteStopTransaction', 'UnlockConnector', 'ReserveNow', 'CancelReservation', 'Reset', 'UpdateFirmware', 'GetDiagnostics']);

/** Sends one input and judges it: its answer, then the health probe, then the flood check. */
export async function exercise(socket: FuzzSocket, input: FuzzInput, judge: Judge): Promise<Verdict | undefined> {
  const answered = input.answer ? socket.armAnswer(input.answer.action, input.answer.payload, judge.timeoutMs) : undefined;
  socket.send(input.raw);
  const what = describeInput(input);
  let answer: Frame | undefined;
  if (input.id !== undefined && (input.expect.kind === 'result' || input.expect.kind === 'error')) {
    const outcome = await socket.awaitAnswer(input.id, judge.timeoutMs);
    if (outcome.kind === 'closed') return { category: 'crash', rule: 'OCPP-J 1.6 §4.2.3', message: `the SUT dropped the connection (${outcome.detail}) on ${what} instead of answering it` };
    const verdict = judgeAnswer(input, outcome.kind === 'answer' ? outcome.frame : undefined, judge.timeoutMs, { unsupported: judge.target.unsupported });
    if (verdict) return verdict;
    if (outcome.kind === 'answer' && outcome.frame.type === 3 && PROMPTING.has(input.action)) socket.allow(judge.target.promptAllowance);
    // The triggered CALL gets the mutated answer (a charger that rejects the trigger sends none: nothing to judge).
    if (answered && outcome.kind === 'answer' && outcome.frame.type === 3 && (outcome.frame.payload as { status?: string }).status === 'Accepted') await answered;
    if (outcome.kind === 'answer') answer = outcome.frame;
  }
  const probe = judge.target.probe;
  const probeId = `fz-probe-${(probes += 1)}`;
  socket.send(JSON.stringify([2, probeId, probe.action, probe.payload]), false);
  const health = await socket.awaitAnswer(probeId, judge.timeoutMs);
  if (health.kind === 'closed') return { category: 'crash', rule: 'OCPP-J 1.6 §4.1.3', message: `the SUT dropped the connection (${health.detail}) after ${what}` };
  if (health.kind === 'timeout') return { category: 'hang', rule: 'OCPP-J 1.6 §4.1.1', message: `after ${what} the SUT left the health probe ${probe.action}.req unanswered for ${judge.timeoutMs} ms` };
  if (input.id !== undefined) {
    const late = socket.takeUnclaimed(input.id);
    const verdict = input.expect.kind === 'ignored' ? judgeAnswer(input, late, judge.timeoutMs, { unsupported: judge.target.unsupported }) : undefined;
    if (verdict) return verdict;
    answer ??= late;
  }
  if (answer && changedAnInterval(input, answer)) {
    // A new interval takes effect at once (OCPP 1.6 §5.3), whatever the input expected: watch the SUT a moment
    // before the next input resets it, and a whole flood window when it already sends several CALLs of one action
    // (a busy machine slows a flood down).
    const watchFrom = performance.now();
    await new Promise((r) => setTimeout(r, INTERVAL_WATCH_MS));
    if ((socket.busiestSince(watchFrom)?.count ?? 0) >= SUSPICIOUS_CALLS) {
      // Nothing the fuzzer sends during the watch prompts CALLs: what comes now is the SUT's own doing.
      await new Promise((r) => setTimeout(r, judge.floodWindowMs - INTERVAL_WATCH_MS));
      const top = socket.busiestSince(watchFrom);
      if (top && top.count > judge.floodLimit) return floodFinding(top, judge, ` after ${what}`);
    }
  }
  return floodVerdict(socket, judge);
}

function floodVerdict(socket: FuzzSocket, judge: Judge): Verdict | undefined {
  const top = socket.busiest(judge.floodWindowMs);
  if (!top || top.count <= judge.floodLimit) return undefined;
  return floodFinding(top, judge);
}

/** A flood: more CALLs of one action in the window than the limit (OCPP 1.6 §4.6 for Heartbeat, else §9.1). */
function floodFinding(top: { action: string; count: number }, judge: Judge, context = ''): Verdict {
  return {
    category: 'flood', rule: top.action === 'Heartbeat' ? 'OCPP 1.6 §4.6' : 'OCPP 1.6 §9.1',
    message: `the SUT sent ${top.count} ${top.action}.req within ${judge.floodWindowMs} ms${context} (more than ${judge.floodLimit})`,
  };
}

/** Replays `inputs` from a fresh start; the verdict of the first input judged wrong, or of a flood at the end. */
export async function replayInputs(target: FuzzTarget, inputs: readonly FuzzInput[], judge: Judge, wanted?: FindingCategory): Promise<Verdict | undefined> {
  const socket = await target.restart();
  try {
    for (const input of inputs) {
      const v = await exercise(socket, input, judge);
      if (v && (wanted === undefined || v.category === wanted)) return v;
      if (v) return undefined;
    }
    if (wanted === 'flood' || wanted === undefined) {
      await new Promise((r) => setTimeout(r, judge.floodWindowMs));
      return floodVerdict(socket, judge);
    }
    return undefined;
  } finally {
    socket.close();
  }
}

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const dir = options.reportsDir;
  mkdirSync(join(dir, 'findings'), { recursive: true });
  const log = new WireLog(join(dir, 'trace.jsonl'));
  const target = fuzzTarget(options.sut, log, options.faults);
  const judge: Judge = {
    target, timeoutMs: options.responseTimeoutMs ?? options.sut.timeouts.responseMs,
    floodLimit: options.floodLimit ?? 15, floodWindowMs: options.floodWindowMs ?? 500,
  };
  const actions = options.actions && options.actions.length > 0 ? options.actions : target.defaultActions;
  const generator = new InputGenerator({
    seed: options.seed, actions, fuzzAnswers: options.sut.role === 'charge-point' && actions.includes('TriggerMessage') && !target.unsupported.has('TriggerMessage'), connectors: options.sut.chargePoint?.connectors ?? options.sut.centralSystem?.connectors ?? 1, idTag: options.sut.idTags.valid,
  });
  const budget = options.budget ?? (options.durationMs !== undefined ? Number.POSITIVE_INFINITY : 1000);
  const until = options.durationMs !== undefined ? performance.now() + options.durationMs : Number.POSITIVE_INFINITY;
  const maxFindings = options.maxFindings ?? 10;
  const mutations: Record<string, number> = {};
  const raw: Array<{ verdict: Verdict; input: FuzzInput; history: FuzzInput[] }> = [];
  const seen = new Set<string>();
  let sent = 0;
  let received = 0;
  let inputs = 0;
  const started = performance.now();
  const startedAt = new Date().toISOString();
  let history: FuzzInput[] = [];
  let stopped: string | undefined;
  try {
    // Inside the try: a SUT that never connects still gets the listener and the reference stopped.
    let socket = await target.connect();
    while (inputs < budget && performance.now() < until && raw.length < maxFindings) {
      const input = generator.next();
      inputs += 1;
      mutations[input.mutation] = (mutations[input.mutation] ?? 0) + 1;
      history.push(input);
      const verdict = await exercise(socket, input, judge);
      if (inputs % 500 === 0) options.progress?.(`${inputs} inputs, ${raw.length} findings`);
      if (!verdict) continue;
      // A flood shows after whichever input came last: one finding per rule, not per input.
      const signature = findingSignature(verdict, input);
      if (!seen.has(signature)) {
        seen.add(signature);
        raw.push({ verdict, input, history });
        options.progress?.(`finding: ${verdict.category}: ${verdict.message}`);
      }
      if (verdict.category === options.stopAt) break;
      const before = socket;
      try {
        socket = await recover(target, socket, verdict);
      } catch (e) {
        stopped = `the SUT did not come back after the ${verdict.category} finding: ${(e as Error).message}`;
        options.progress?.(`stopped: ${stopped}`);
        break;
      }
      if (socket !== before) {
        sent += before.sent;
        received += before.received;
        history = [];
      }
    }
    sent += socket.sent;
    received += socket.received;
    socket.close();
    const durationMs = performance.now() - started;
    const findings: FuzzFinding[] = [];
    for (const [k, f] of raw.entries()) {
      const reproduces = async (candidate: readonly FuzzInput[]): Promise<boolean> => {
        if (stopped) return false;
        try {
          return (await replayInputs(target, candidate, judge, f.verdict.category)) !== undefined;
        } catch (e) {
          stopped = `a replay could not reach the SUT: ${(e as Error).message}`;
          return false;
        }
      };
      const { items, reproduced } = await minimize(f.history, reproduces, options.shrinkTries ?? 30);
      const finding: FuzzFinding = { ...f.verdict, input: f.input, frames: items, originalLength: f.history.length, reproduced };
      finding.file = join(dir, 'findings', `finding-${k + 1}-${slug(f.verdict.category)}.json`);
      writeFileSync(finding.file, `${JSON.stringify(findingFile(options, finding), null, 2)}\n`);
      findings.push(finding);
    }
    const summary: FuzzSummary = {
      sut: relative(process.cwd(), options.sut.file), role: options.sut.role, seed: options.seed, faults: options.faults ?? [], actions,
      stopped, inputs, framesSent: sent, framesReceived: received, durationMs: Math.round(durationMs),
      inputsPerSecond: Math.round((inputs / durationMs) * 1000), framesPerSecond: Math.round(((sent + received) / durationMs) * 1000), mutations,
      findings: findings.map((f) => ({
        category: f.category, rule: f.rule, message: f.message, input: describeInput(f.input), frames: f.frames.length, reproduced: f.reproduced,
        file: f.file ? relative(process.cwd(), f.file) : undefined,
      })),
    };
    writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFindingResults(join(dir, 'report'), options.sut, findings, startedAt);
    return summary;
  } finally {
    await target.stop();
    log.close();
  }
}

/**
 * Findings counted once: a flood per rule (it shows after whichever input came last), a framing mutation whatever
 * action it carried, a schema mutation per action.
 */
function findingSignature(verdict: Verdict, input: FuzzInput): string {
  if (verdict.category === 'flood') return `${verdict.category}|${verdict.rule}`;
  const what = FRAME_MUTATION_NAMES.includes(input.mutation) ? input.mutation : `${input.action}|${input.mutation}`;
  return `${verdict.category}|${verdict.rule}|${what}`;
}

/**
 * Back to a SUT that answers after a finding: a fresh reference; for any other SUT the same connection when it still
 * works, else a new one (after a hang the old one is dropped; after a crash the SUT's reconnect is awaited).
 */
async function recover(target: FuzzTarget, socket: FuzzSocket, verdict: Verdict): Promise<FuzzSocket> {
  if (target.restartable) {
    socket.close();
    return target.restart();
  }
  if (socket.isOpen && verdict.category !== 'hang') return socket;
  if (!socket.isOpen) return target.reconnect();
  socket.close();
  return target.restart();
}

async function minimize(history: readonly FuzzInput[], reproduces: (c: readonly FuzzInput[]) => Promise<boolean>, tries: number): Promise<{ items: FuzzInput[]; reproduced: boolean }> {
  const { items } = await shrink(history, reproduces, tries);
  if (items.length < history.length) return { items, reproduced: true };
  return { items: [...history], reproduced: await reproduces(history) };
}

export function findingFile(options: Pick<FuzzOptions, 'sut' | 'seed' | 'faults'>, f: FuzzFinding): Record<string, unknown> {
  return {
    format: FINDING_FORMAT, sut: relative(process.cwd(), options.sut.file), sutPath: options.sut.file, role: options.sut.role, seed: options.seed, faults: options.faults ?? [],
    category: f.category, rule: f.rule, message: f.message, trigger: describeInput(f.input), reproduced: f.reproduced, originalLength: f.originalLength,
    frames: f.frames,
  };
}

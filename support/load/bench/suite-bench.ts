/**
 * Benchmark 2, suite efficiency: how much longer the suites take than the protocol makes them wait.
 *
 * A scenario must wait for the system under test's timers (heartbeat and boot intervals, meter value intervals,
 * call timeouts) and for the periods of its negative checks ("sends no StartTransaction.req for 10 s"). Those
 * waits are read from the scenario's wire trace: every stretch of at least `gapMs` in which no frame or connection
 * event was recorded (from the scenario's start to its first record, between records, and from its last record to
 * its end). The harness and the reference SUTs answer in milliseconds, so a silence that long is a protocol wait;
 * the rest of the scenario's time is work: the harness's, Cucumber's, and the SUT's answers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readScenarioResults, type ScenarioResult } from '../../reporting/scenario-result';

export interface SuiteEfficiency {
  readonly suite: string;
  readonly scenarios: number;
  /** Scenarios whose trace was found (the others count with no waits). */
  readonly traced: number;
  /** The suite's wall time measured around the run (start-up included), or the span when not measured. */
  readonly wallMs: number;
  /** From the first scenario's start to the last one's end. */
  readonly spanMs: number;
  readonly scenarioMs: number;
  readonly waitMs: number;
  /** scenarioMs / waitMs: 1 would be a harness that adds nothing to what the protocol imposes. */
  readonly ratio: number;
  /** The scenarios with the most time beyond their waits. */
  readonly slowest: ReadonlyArray<{ readonly id: string; readonly durationMs: number; readonly waitMs: number }>;
}

export const WAIT_GAP_MS = 250;

/** The protocol waits of one scenario, ms, from the times of its records. */
export function protocolWaits(startMs: number, durationMs: number, recordTimes: readonly number[], gapMs = WAIT_GAP_MS): number {
  const end = startMs + durationMs;
  const times = [startMs, ...recordTimes.filter((t) => t >= startMs && t <= end).sort((a, b) => a - b), end];
  let waits = 0;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap >= gapMs) waits += gap;
  }
  return waits;
}

function traceTimes(reportsDir: string, result: ScenarioResult): number[] | undefined {
  if (!result.trace) return undefined;
  const file = join(reportsDir, result.trace);
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => Date.parse((JSON.parse(line) as { time: string }).time));
}

/** Efficiency per SUT (suite) of the results in a reports folder; `wallMs` per suite name when measured. */
export function suiteEfficiency(reportsDir: string, wallMs: Readonly<Record<string, number>> = {}, gapMs = WAIT_GAP_MS): SuiteEfficiency[] {
  const results = readScenarioResults(reportsDir);
  const suites = [...new Set(results.map((r) => r.sut))];
  return suites.map((suite) => {
    const mine = results.filter((r) => r.sut === suite);
    let traced = 0;
    const rows = mine.map((r) => {
      const start = Date.parse(r.startedAt);
      const times = traceTimes(reportsDir, r);
      if (times) traced += 1;
      return { id: r.id, durationMs: r.durationMs, waitMs: times ? protocolWaits(start, r.durationMs, times, gapMs) : 0, start };
    });
    const scenarioMs = rows.reduce((s, r) => s + r.durationMs, 0);
    const waitMs = rows.reduce((s, r) => s + r.waitMs, 0);
    const span = rows.length ? Math.max(...rows.map((r) => r.start + r.durationMs)) - Math.min(...rows.map((r) => r.start)) : 0;
    return {
      suite,
      scenarios: mine.length,
      traced,
      wallMs: wallMs[suite] ?? span,
      spanMs: span,
      scenarioMs,
      waitMs,
      ratio: waitMs > 0 ? scenarioMs / waitMs : Number.NaN,
      slowest: [...rows].sort((a, b) => b.durationMs - b.waitMs - (a.durationMs - a.waitMs)).slice(0, 3).map(({ id, durationMs, waitMs: w }) => ({ id, durationMs, waitMs: w })),
    };
  });
}

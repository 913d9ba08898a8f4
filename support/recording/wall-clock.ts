import { performance } from 'node:perf_hooks';

/**
 * A record's monotonic time, ms to the µs (what any duration of the harness needs): a number the trace line writes
 * with integer arithmetic, not the full double-to-text conversion of performance.now()'s 17 digits.
 */
export function monoNow(): number {
  return Math.round(performance.now() * 1000) / 1000;
}

/** A duration in ms to the µs, as `monoNow` keeps times. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * The wall-clock time of a record, ISO 8601 UTC with milliseconds. Formatted once per millisecond, not once per
 * record: under load many frames share a millisecond, and `toISOString` is the costly part.
 */
let lastMs = Number.NaN;
let lastIso = '';
let quotedFor = '';
let quoted = '""';

export function wallClock(now = Date.now()): string {
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}

/** `JSON.stringify(time)`, serialised once for the records that share a time (consecutive records mostly do). */
export function quotedTime(time: string): string {
  if (time !== quotedFor) {
    quotedFor = time;
    quoted = JSON.stringify(time);
  }
  return quoted;
}

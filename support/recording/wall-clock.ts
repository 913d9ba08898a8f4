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

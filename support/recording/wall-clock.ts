/**
 * The wall-clock time of a record, ISO 8601 UTC with milliseconds. Formatted once per millisecond, not once per
 * record: under load many frames share a millisecond, and `toISOString` is the costly part.
 */
let lastMs = Number.NaN;
let lastIso = '';

export function wallClock(now = Date.now()): string {
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}

/**
 * The JSON-schema formats the OCPP schemas are validated with: ajv-formats' full formats, with a faster `date-time`
 * check that gives the same answer. Every OCPP 1.6 message with a time carries a `date-time` (OCPP 1.6 §3.15,
 * RFC 3339 §5.6), and ajv-formats checks each by splitting the string and running two regular expressions with
 * captures; here the usual shape ("2026-12-04T01:20:00.123Z", "…+01:00") is read character by character, and
 * anything else — another separator, offsets without a colon, a missing offset, a leap second — goes to ajv-formats'
 * own function, so that the verdict is the same for every string (generated-validators.spec.ts and
 * formats.spec.ts compare them on random strings).
 *
 * The standalone validators (scripts/generate-validators.ts) require this module by its path relative to the
 * generated one: `support/schemas/generated/validators.js` → `../formats`, in the sources and in dist/ alike.
 */
import { fullFormats as ajvFullFormats } from 'ajv-formats/dist/formats';

type FormatDefinition = { readonly validate: (s: string) => boolean; readonly compare?: (a: string, b: string) => number | undefined };

const original = ajvFullFormats['date-time'] as FormatDefinition;

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two ASCII digits at `i` as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * RFC 3339 date-time with a time-zone offset, as ajv-formats' full `date-time` (strict time zone) decides it.
 * Fast path: `YYYY-MM-DD` `T|t` `HH:MM:SS` [`.` digits] then `Z|z` or `±HH:MM`, no leap second.
 */
export function isDateTime(s: string): boolean {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return original.validate(s);
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116) return original.validate(s);
  const century = two(s, 0);
  const yy = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (century < 0 || yy < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return original.validate(s);
  let i = 19;
  if (s.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < n) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      i++;
    }
    if (i === start) return original.validate(s);
  }
  const zone = s.charCodeAt(i);
  if (zone === 90 || zone === 122) {
    if (i + 1 !== n) return original.validate(s);
  } else if (zone === 43 || zone === 45) {
    if (i + 6 !== n || s.charCodeAt(i + 3) !== 58) return original.validate(s);
    const tzH = two(s, i + 1);
    const tzM = two(s, i + 4);
    if (tzH < 0 || tzM < 0) return original.validate(s);
    if (tzH > 23 || tzM > 59) return false;
  } else {
    return original.validate(s);
  }
  const year = century * 100 + yy;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : DAYS[month]!)) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  return original.validate(s); // a leap second, or out of range: ajv-formats' own rule
}

/** ajv-formats' full formats with the fast `date-time` (same verdicts, same comparison). */
export const fullFormats: Record<string, unknown> = {
  ...ajvFullFormats,
  'date-time': { validate: isDateTime, ...(original.compare ? { compare: original.compare } : {}) },
};

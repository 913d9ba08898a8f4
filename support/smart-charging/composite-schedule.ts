// The harness's own composite-schedule oracle: what GetCompositeSchedule.conf should report (OCPP 1.6 §3.13, §5.7).
// Pure: no I/O. Times are epoch seconds inside, ISO strings at the edges. See README.md for the choices made.
import {
  type ChargingProfile, type ChargingProfilePurpose, type ChargingRateUnit, type ChargingSchedule, type InstalledProfile,
  DEFAULT_LINE_VOLTAGE, DEFAULT_NUMBER_PHASES, RECURRENCE_SECONDS, epochSeconds, isoOf,
} from './charging-profiles';

export interface TransactionInProgress {
  transactionId: number;
  /** When the transaction started: a Relative profile starts here (OCPP 1.6 §7.9). */
  startTime: string;
}

export interface CompositeRequest {
  /** GetCompositeSchedule.req connectorId (OCPP 1.6 §6.21). */
  connectorId: number;
  /** The moment the request is received, Time X (errata §3.28/§3.29): the charger's reported time. */
  now: string;
  /** GetCompositeSchedule.req duration, seconds. */
  duration: number;
  /** The unit asked (chargingRateUnit); when the request names none, the caller passes the unit the charger chose. */
  chargingRateUnit: ChargingRateUnit;
  transaction?: TransactionInProgress;
  /** Nominal line voltage for A↔W conversion (errata §3.68), default 230 V. */
  lineVoltage?: number;
}

/** One piece of the composite: [start, end) in epoch seconds; limit null where no profile limits charging. */
export interface Segment {
  start: number;
  end: number;
  limit: number | null;
  numberPhases: number;
}

export interface ExpectedComposite {
  /** GetCompositeSchedule.conf scheduleStart: Time X (errata §3.57: chargingSchedule.startSchedule is omitted). */
  scheduleStart: string;
  duration: number;
  chargingRateUnit: ChargingRateUnit;
  segments: Segment[];
}

interface Effect { limit: number; numberPhases: number }

/** OCPP 1.6 §7.9: Relative starts at the transaction start (or now without one); Absolute/Recurring at startSchedule. */
function baseStart(profile: ChargingProfile, relativeStart: number): number {
  const { startSchedule } = profile.chargingSchedule;
  return startSchedule === undefined || profile.chargingProfileKind === 'Relative' ? relativeStart : epochSeconds(startSchedule);
}

/** Where a profile's schedule starts (the occurrence covering `at` for Recurring), or undefined before a recurrence begins. */
function occurrenceStart(profile: ChargingProfile, at: number, relativeStart: number): number | undefined {
  const base = baseStart(profile, relativeStart);
  if (profile.chargingProfileKind !== 'Recurring') return base;
  // OCPP 1.6 §7.11: Daily/Weekly recur from startSchedule; before startSchedule the profile has not begun (README).
  const period = RECURRENCE_SECONDS[profile.recurrencyKind ?? 'Daily'];
  const k = Math.floor((at - base) / period);
  return k < 0 ? undefined : base + k * period;
}

/** OCPP 1.6 §7.13 duration; errata §3.43: a Recurring schedule never runs past its recurrence period. */
function effectiveDuration(profile: ChargingProfile): number {
  const duration = profile.chargingSchedule.duration ?? Infinity;
  if (profile.chargingProfileKind !== 'Recurring') return duration;
  return Math.min(duration, RECURRENCE_SECONDS[profile.recurrencyKind ?? 'Daily']);
}

function validAt(profile: ChargingProfile, at: number): boolean {
  // OCPP 1.6 §3.13.2 / §7.8: validFrom ≤ t < validTo (errata §3.65/§3.66: TxProfiles too).
  if (profile.validFrom !== undefined && at < epochSeconds(profile.validFrom)) return false;
  return profile.validTo === undefined || at < epochSeconds(profile.validTo);
}

/** The limit a profile imposes at `at` in the asked unit, or undefined when it is not in effect then. */
function effectAt(profile: ChargingProfile, at: number, relativeStart: number, unit: ChargingRateUnit, voltage: number): Effect | undefined {
  if (!validAt(profile, at)) return undefined;
  const start = occurrenceStart(profile, at, relativeStart);
  if (start === undefined) return undefined;
  const offset = at - start;
  if (offset < 0 || offset >= effectiveDuration(profile)) return undefined; // errata §3.43: the duration ends its effect
  const period = [...profile.chargingSchedule.chargingSchedulePeriod].reverse().find(p => p.startPeriod <= offset);
  if (period === undefined) return undefined;
  const numberPhases = period.numberPhases ?? DEFAULT_NUMBER_PHASES; // errata §3.68
  return { limit: convertLimit(period.limit, profile.chargingSchedule.chargingRateUnit, unit, numberPhases, voltage), numberPhases };
}

/**
 * Errata §3.68 (§7.12): W is the total power; current per phase = power / (line voltage × numberPhases).
 * So A→W multiplies by voltage × numberPhases and W→A divides by it.
 */
export function convertLimit(limit: number, from: ChargingRateUnit, to: ChargingRateUnit, numberPhases: number, voltage: number): number {
  if (from === to) return limit;
  return from === 'A' ? limit * voltage * numberPhases : limit / (voltage * numberPhases);
}

/** Every moment inside [from, to) where a profile's limit may change. */
function profileEdges(profile: ChargingProfile, from: number, to: number, relativeStart: number): number[] {
  const edges: number[] = [];
  if (profile.validFrom !== undefined) edges.push(epochSeconds(profile.validFrom));
  if (profile.validTo !== undefined) edges.push(epochSeconds(profile.validTo));
  const starts: number[] = [];
  if (profile.chargingProfileKind === 'Recurring') {
    const period = RECURRENCE_SECONDS[profile.recurrencyKind ?? 'Daily'];
    const first = occurrenceStart(profile, Math.max(from, baseStart(profile, relativeStart)), relativeStart);
    for (let s = first; s !== undefined && s < to; s += period) starts.push(s);
  } else {
    starts.push(occurrenceStart(profile, from, relativeStart) as number);
  }
  const duration = effectiveDuration(profile);
  for (const s of starts) {
    edges.push(s, s + duration);
    for (const p of profile.chargingSchedule.chargingSchedulePeriod) if (p.startPeriod < duration) edges.push(s + p.startPeriod);
  }
  return edges.filter(t => t > from && t < to);
}

/** Which installed profiles can apply to the connector asked (OCPP 1.6 §3.13.1, errata §3.30, §3.53). */
export function applicableProfiles(installed: InstalledProfile[], request: CompositeRequest): InstalledProfile[] {
  const { connectorId, transaction } = request;
  return installed.filter(({ connectorId: on, profile }) => {
    switch (profile.chargingProfilePurpose) {
      case 'ChargePointMaxProfile': return on === 0;
      case 'TxDefaultProfile': return connectorId > 0 && (on === 0 || on === connectorId);
      case 'TxProfile': return connectorId > 0 && on === connectorId && transaction !== undefined
        && (profile.transactionId === undefined || profile.transactionId === transaction.transactionId);
    }
  });
}

/** OCPP 1.6 §3.13.2: the highest stackLevel in effect wins; a tie goes to the connector's own profile over connector 0's. */
function prevailing(candidates: InstalledProfile[], purpose: ChargingProfilePurpose, at: number, relativeStart: number,
  unit: ChargingRateUnit, voltage: number): Effect | undefined {
  let best: { rank: number; effect: Effect } | undefined;
  for (const { connectorId, profile } of candidates) {
    if (profile.chargingProfilePurpose !== purpose) continue;
    const effect = effectAt(profile, at, relativeStart, unit, voltage);
    const rank = profile.stackLevel * 2 + (connectorId > 0 ? 1 : 0);
    if (effect !== undefined && (best === undefined || rank > best.rank)) best = { rank, effect };
  }
  return best?.effect;
}

/** The composite at one moment: §3.13.3 minimum of ChargePointMaxProfile and TxProfile (else TxDefaultProfile). */
function compositeAt(candidates: InstalledProfile[], at: number, relativeStart: number, unit: ChargingRateUnit, voltage: number): Effect | undefined {
  const find = (purpose: ChargingProfilePurpose) => prevailing(candidates, purpose, at, relativeStart, unit, voltage);
  // §3.13.1: a TxProfile overrules the TxDefaultProfile for its transaction. It keeps doing so after its own schedule
  // ends while it is valid: the fall-back of errata §3.43 goes to a lower stackLevel of the same purpose, and the test
  // case document's TC_066_CS expects the ChargePointMaxProfile alone, not the TxDefaultProfile, after the TxProfile's
  // duration (README). Where no TxProfile is valid, the TxDefaultProfile applies.
  const txInCharge = candidates.some(({ profile }) => profile.chargingProfilePurpose === 'TxProfile' && validAt(profile, at));
  const limits = [find('ChargePointMaxProfile'), txInCharge ? find('TxProfile') : find('TxDefaultProfile')].filter((e): e is Effect => e !== undefined);
  return limits.reduce<Effect | undefined>((low, e) =>
    low === undefined || e.limit < low.limit || (e.limit === low.limit && e.numberPhases < low.numberPhases) ? e : low, undefined);
}

/** The composite schedule the charger should report for a GetCompositeSchedule.req (OCPP 1.6 §5.7). */
export function compositeSchedule(installed: InstalledProfile[], request: CompositeRequest): ExpectedComposite {
  const from = epochSeconds(request.now);
  const to = from + request.duration;
  const voltage = request.lineVoltage ?? DEFAULT_LINE_VOLTAGE;
  const relativeStart = request.transaction === undefined ? from : epochSeconds(request.transaction.startTime);
  const candidates = applicableProfiles(installed, request);
  const edges = [...new Set([from, to, ...candidates.flatMap(c => profileEdges(c.profile, from, to, relativeStart))])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const effect = compositeAt(candidates, edges[i], relativeStart, request.chargingRateUnit, voltage);
    const piece = { start: edges[i], end: edges[i + 1], limit: effect?.limit ?? null, numberPhases: effect?.numberPhases ?? DEFAULT_NUMBER_PHASES };
    const last = segments.at(-1);
    if (last !== undefined && last.limit === piece.limit && last.numberPhases === piece.numberPhases) last.end = piece.end;
    else segments.push(piece);
  }
  return { scheduleStart: isoOf(from), duration: request.duration, chargingRateUnit: request.chargingRateUnit, segments };
}

/**
 * The expected composite as a ChargingSchedule (errata §3.57: no startSchedule). Limits are rounded to `step` (the schema's
 * multipleOf 0.1). Where no profile limits charging the spec names no value: the caller gives the charger's own maximum.
 */
export function toChargingSchedule(expected: ExpectedComposite, noLimit?: number, step = 0.1): ChargingSchedule {
  const from = epochSeconds(expected.scheduleStart);
  return {
    duration: expected.duration,
    chargingRateUnit: expected.chargingRateUnit,
    chargingSchedulePeriod: expected.segments.map(s => {
      const limit = s.limit ?? noLimit;
      if (limit === undefined) throw new Error(`no profile limits charging from ${isoOf(s.start)}: pass the charger's maximum as noLimit`);
      return { startPeriod: Math.round(s.start - from), limit: Math.round(limit / step) / Math.round(1 / step), numberPhases: s.numberPhases };
    }),
  };
}

// Property-based tests of the composite-schedule oracle and the comparison (issue 12), seed-stable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type ChargingProfile, type InstalledProfile, RECURRENCE_SECONDS, epochSeconds, isoOf } from './charging-profiles';
import { type CompositeRequest, type Segment, compositeSchedule, toChargingSchedule } from './composite-schedule';
import { compareSchedules } from './schedule-comparison';

const NOW = epochSeconds('2026-03-02T10:00:00Z');
const RUNS = { seed: 1216, numRuns: 150 };
const at = (offset: number) => isoOf(NOW + offset);

const periodsArb = fc.record({
  starts: fc.uniqueArray(fc.integer({ min: 1, max: 30_000 }), { maxLength: 4 }),
  limits: fc.array(fc.integer({ min: 0, max: 4000 }).map(x => x / 10), { minLength: 5, maxLength: 5 }),
  phases: fc.constantFrom(undefined, 1, 3),
}).map(({ starts, limits, phases }) => [0, ...starts.sort((a, b) => a - b)]
  .map((startPeriod, i) => (phases === undefined ? { startPeriod, limit: limits[i] } : { startPeriod, limit: limits[i], numberPhases: phases })));

const installedArb: fc.Arbitrary<InstalledProfile> = fc.record({
  purpose: fc.constantFrom('ChargePointMaxProfile', 'TxDefaultProfile', 'TxProfile' as const),
  defaultOnZero: fc.boolean(),
  stackLevel: fc.integer({ min: 0, max: 3 }),
  kind: fc.constantFrom('Absolute', 'Recurring', 'Relative' as const),
  recurrencyKind: fc.constantFrom('Daily', 'Weekly' as const),
  start: fc.integer({ min: -8 * 86_400, max: 86_400 }),
  duration: fc.option(fc.integer({ min: 60, max: 200_000 }), { nil: undefined }),
  validFrom: fc.option(fc.integer({ min: -86_400, max: 86_400 }), { nil: undefined }),
  validFor: fc.option(fc.integer({ min: 1, max: 2 * 86_400 }), { nil: undefined }),
  unit: fc.constantFrom('A', 'W' as const),
  periods: periodsArb,
  transactionId: fc.constantFrom(undefined, 1, 2),
}).map((g): InstalledProfile => {
  const validFrom = g.validFrom === undefined ? undefined : at(g.validFrom);
  const validTo = g.validFor === undefined ? undefined : at((g.validFrom ?? 0) + g.validFor);
  const profile: ChargingProfile = {
    chargingProfileId: 1, stackLevel: g.stackLevel, chargingProfilePurpose: g.purpose, chargingProfileKind: g.kind,
    ...(g.kind === 'Recurring' ? { recurrencyKind: g.recurrencyKind } : {}),
    ...(validFrom === undefined ? {} : { validFrom }), ...(validTo === undefined ? {} : { validTo }),
    ...(g.purpose === 'TxProfile' && g.transactionId !== undefined ? { transactionId: g.transactionId } : {}),
    chargingSchedule: { chargingRateUnit: g.unit, duration: g.duration, startSchedule: g.kind === 'Relative' ? undefined : at(g.start), chargingSchedulePeriod: g.periods },
  };
  const connectorId = g.purpose === 'ChargePointMaxProfile' || (g.purpose === 'TxDefaultProfile' && g.defaultOnZero) ? 0 : 1;
  return { connectorId, profile };
});

// §3.13.2: one profile per (purpose, stackLevel) on a connector.
const stackArb = fc.uniqueArray(installedArb, { maxLength: 6,
  selector: i => `${i.connectorId}/${i.profile.chargingProfilePurpose}/${i.profile.stackLevel}` });

const requestArb: fc.Arbitrary<CompositeRequest> = fc.record({
  duration: fc.integer({ min: 1, max: 3 * 86_400 }),
  unit: fc.constantFrom('A', 'W' as const),
  txStart: fc.option(fc.integer({ min: -86_400, max: 0 }), { nil: undefined }),
}).map(r => ({ connectorId: 1, now: at(0), duration: r.duration, chargingRateUnit: r.unit,
  ...(r.txStart === undefined ? {} : { transaction: { transactionId: 1, startTime: at(r.txStart) } }) }));

const limitAt = (segments: Segment[], t: number) => segments.find(s => s.start <= t && t < s.end)?.limit ?? null;

test('the composite covers exactly the requested duration with increasing periods from 0', () => {
  fc.assert(fc.property(stackArb, requestArb, (stack, request) => {
    const expected = compositeSchedule(stack, request);
    const segs = expected.segments;
    assert.equal(segs[0].start, NOW);
    assert.equal(segs.at(-1)?.end, NOW + request.duration);
    segs.forEach((s, i) => { assert.ok(s.end > s.start); if (i > 0) assert.equal(s.start, segs[i - 1].end); });
    const periods = toChargingSchedule(expected, 1e6).chargingSchedulePeriod;
    assert.equal(periods[0].startPeriod, 0);
    periods.forEach((p, i) => { assert.ok(p.startPeriod < request.duration); if (i > 0) assert.ok(p.startPeriod > periods[i - 1].startPeriod); });
  }), RUNS);
});

test('the composite is the minimum of the ChargePointMaxProfile cap and the transaction limit, so never above the cap (§3.13.3)', () => {
  fc.assert(fc.property(stackArb, requestArb, (stack, request) => {
    const all = compositeSchedule(stack, request).segments;
    const cap = compositeSchedule(stack.filter(i => i.profile.chargingProfilePurpose === 'ChargePointMaxProfile'), request).segments;
    const tx = compositeSchedule(stack.filter(i => i.profile.chargingProfilePurpose !== 'ChargePointMaxProfile'), request).segments;
    for (const s of all) for (const t of [s.start, (s.start + s.end) / 2]) {
      const c = limitAt(cap, t);
      const x = limitAt(tx, t);
      const low = c === null ? x : x === null ? c : Math.min(c, x);
      assert.equal(limitAt(all, t), low, `at ${isoOf(t)}`);
      if (c !== null) assert.ok((limitAt(all, t) as number) <= c);
    }
  }), RUNS);
});

/** Is t one of the input edges: now, now + duration, a validity bound, or a schedule/period start or duration end (with recurrences)? */
function isInputEdge(stack: InstalledProfile[], request: CompositeRequest, t: number): boolean {
  const relative = request.transaction === undefined ? NOW : epochSeconds(request.transaction.startTime);
  return t === NOW || t === NOW + request.duration || stack.some(({ profile: p }) => {
    if ((p.validFrom !== undefined && epochSeconds(p.validFrom) === t) || (p.validTo !== undefined && epochSeconds(p.validTo) === t)) return true;
    const base = p.chargingProfileKind === 'Relative' ? relative : epochSeconds(p.chargingSchedule.startSchedule as string);
    const recur = p.chargingProfileKind === 'Recurring' ? RECURRENCE_SECONDS[p.recurrencyKind ?? 'Daily'] : undefined;
    const offsets = [...p.chargingSchedule.chargingSchedulePeriod.map(x => x.startPeriod), p.chargingSchedule.duration ?? 0, 0];
    return offsets.some(o => (recur === undefined ? t - base === o : (t - base - o) % recur === 0 || (t - base) % recur === 0));
  });
}

test('the composite changes only at the merged boundaries of the input periods, validity and durations', () => {
  fc.assert(fc.property(stackArb, requestArb, (stack, request) => {
    for (const s of compositeSchedule(stack, request).segments) assert.ok(isInputEdge(stack, request, s.start), `boundary ${isoOf(s.start)}`);
  }), RUNS);
});

/** The profile reshaped into an Absolute TxDefaultProfile on connector 1 in the asked unit, without validity bounds. */
function absolute(one: InstalledProfile, unit: CompositeRequest['chargingRateUnit']): ChargingProfile {
  const schedule = one.profile.chargingSchedule;
  return { ...one.profile, chargingProfileKind: 'Absolute', chargingProfilePurpose: 'TxDefaultProfile', validFrom: undefined, validTo: undefined,
    recurrencyKind: undefined, chargingSchedule: { ...schedule, chargingRateUnit: unit, startSchedule: schedule.startSchedule ?? at(-10) } };
}

/** Independently: the limit of profile p at t, or null outside its schedule (OCPP 1.6 §7.13, §7.14). */
function scheduleLimit(p: ChargingProfile, t: number): number | null {
  const start = epochSeconds(p.chargingSchedule.startSchedule as string);
  if (t < start || t >= start + (p.chargingSchedule.duration ?? Infinity)) return null;
  return [...p.chargingSchedule.chargingSchedulePeriod].reverse().find(x => start + x.startPeriod <= t)?.limit ?? null;
}

test('one Absolute profile alone is its own schedule, clipped to the window', () => {
  fc.assert(fc.property(installedArb, requestArb, (one, request) => {
    const p = absolute(one, request.chargingRateUnit);
    for (const s of compositeSchedule([{ connectorId: 1, profile: p }], request).segments) {
      for (const t of [s.start, (s.start + s.end) / 2, s.end - 0.5]) assert.equal(s.limit, scheduleLimit(p, t), `at ${isoOf(t)}`);
    }
  }), RUNS);
});

test('among stacked Absolute profiles the highest stackLevel whose schedule covers t wins (§3.13.2, errata §3.43)', () => {
  fc.assert(fc.property(fc.uniqueArray(installedArb, { maxLength: 4, selector: i => i.profile.stackLevel }), requestArb, (stack, request) => {
    const ps = stack.map(one => absolute(one, request.chargingRateUnit)).sort((a, b) => b.stackLevel - a.stackLevel);
    for (const s of compositeSchedule(ps.map(profile => ({ connectorId: 1, profile })), request).segments) {
      for (const t of [s.start, (s.start + s.end) / 2]) {
        const top = ps.find(p => scheduleLimit(p, t) !== null);
        assert.equal(s.limit, top === undefined ? null : scheduleLimit(top, t), `at ${isoOf(t)}`);
      }
    }
  }), RUNS);
});

const ours = (stack: InstalledProfile[], request: CompositeRequest) => {
  const expected = compositeSchedule(stack, request);
  return { expected, schedule: toChargingSchedule(expected, 1e4) };
};

test('the comparison says equal for any re-split of the same schedule, with rounding inside the tolerance', () => {
  fc.assert(fc.property(stackArb, requestArb, fc.array(fc.integer({ min: 1, max: 3 * 86_400 })), fc.integer({ min: -4, max: 4 }),
    (stack, request, cuts, noise) => {
      const { expected, schedule } = ours(stack, request);
      const limitFor = (o: number) => [...schedule.chargingSchedulePeriod].reverse().find(p => p.startPeriod <= o) as (typeof schedule.chargingSchedulePeriod)[number];
      const starts = [...new Set([...schedule.chargingSchedulePeriod.map(p => p.startPeriod), ...cuts.filter(c => c < request.duration)])].sort((a, b) => a - b);
      const resplit = starts.map(o => ({ ...limitFor(o), startPeriod: o, limit: limitFor(o).limit + noise / 100 }));
      const c = compareSchedules(expected, { scheduleStart: expected.scheduleStart, chargingSchedule: { ...schedule, chargingSchedulePeriod: resplit } });
      assert.deepEqual(c.differences, []);
    }), RUNS);
});

test('the comparison finds any limit change bigger than the tolerance, at the right period', () => {
  fc.assert(fc.property(stackArb, requestArb, fc.nat(), fc.integer({ min: 2, max: 1000 }), fc.boolean(), (stack, request, pick, delta, up) => {
    const { expected, schedule } = ours(stack, request);
    const limited = expected.segments.map((s, i) => ({ s, i })).filter(({ s }) => s.limit !== null);
    fc.pre(limited.length > 0);
    const { i } = limited[pick % limited.length];
    const periods = schedule.chargingSchedulePeriod.map((p, k) => (k === i ? { ...p, limit: p.limit + (up ? delta / 10 : -delta / 10) } : p));
    const c = compareSchedules(expected, { scheduleStart: expected.scheduleStart, chargingSchedule: { ...schedule, chargingSchedulePeriod: periods } });
    assert.equal(c.equal, false);
    assert.ok(c.differences.some(d => d.kind === 'limit' && d.startPeriod === schedule.chargingSchedulePeriod[i].startPeriod), JSON.stringify(c.differences));
  }), RUNS);
});

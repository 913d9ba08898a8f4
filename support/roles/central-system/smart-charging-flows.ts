/**
 * The SmartCharging profile with the Charge Point under test (OCPP 1.6 §3.13): the emulated Central System installs
 * charging profiles with SetChargingProfile.req (§5.16) or RemoteStartTransaction.req (§5.11), removes them with
 * ClearChargingProfile.req (§5.5), asks GetCompositeSchedule.req (§5.7), and judges the reported schedule against
 * the harness's own oracle (support/smart-charging/): the composite of the profiles this scenario saw Accepted, at
 * the scheduleStart the charger reports. The <Configured …> values of the test case document's §2.22 come from the
 * SUT file's `smartCharging` section. The comparison table and a step chart are attached to the report.
 */
import {
  type ChargingProfile, type ChargingProfilePurpose, type ChargingSchedulePeriod, type ClearFilter, type InstalledProfile,
  clearMatches, epochSeconds, isoOf,
} from '../../smart-charging/charging-profiles';
import { type ExpectedComposite, type Segment, compositeSchedule } from '../../smart-charging/composite-schedule';
import { type Comparison, compareSchedules, describeDifferences, renderComparisonTable, renderStepChart } from '../../smart-charging/schedule-comparison';
import type { ReceivedCall } from '../../recording/mailbox';
import { NotApplicable } from '../../reporting/errors';
import type { SmartChargingConfig } from '../../sut/sut-config';
import type { RuleContext } from '../ocpp-connection';
import { CentralSystemRequests } from './central-system-requests';
import { ChargerConfiguration } from './charger-configuration';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';

/** A period as the test case document writes it: [startPeriod, limit in A]; ×1000 in W (§2.22 "limit field × 1000"). */
export type PeriodSpec = readonly [number, number];

export interface ProfileSpec {
  readonly purpose: ChargingProfilePurpose;
  readonly periods: readonly PeriodSpec[];
  readonly stackLevel?: number;
  readonly duration?: number;
  /** validFrom now − maxTimeDeviation, validTo that + `validFor` seconds (TC_066/067/072_CS: 401). */
  readonly validFor?: number;
  readonly transactionId?: number;
  readonly kind?: 'Absolute' | 'Recurring' | 'Relative';
  readonly recurrencyKind?: 'Daily' | 'Weekly';
  /** startSchedule this many seconds before now (default maxTimeDeviation); ignored for Relative. */
  readonly startedAgo?: number;
}

export type AttachFn = (fileName: string, content: string, mediaType: string) => void;

const INSTALLED = 'sc:installed';
const REQUESTED = 'sc:requested';
const COMPOSITE_RULE = 'OCPP 1.6 §3.13';
const GET_COMPOSITE_RULE = 'OCPP 1.6 §5.7';

export class SmartChargingFlows {
  constructor(private readonly ctx: ScenarioContext, private readonly attach: AttachFn = () => undefined) {}

  private get cp() {
    return this.ctx.chargePoint;
  }

  private get requests(): CentralSystemRequests {
    return new CentralSystemRequests(this.ctx);
  }

  get settings(): SmartChargingConfig {
    return this.ctx.sut.smartCharging;
  }

  get connector(): number {
    return this.cp.connectorUnderTest;
  }

  /** The profiles this scenario saw Accepted and not cleared, as the harness understands them (the oracle's input). */
  get installed(): InstalledProfile[] {
    return (this.ctx.memory.get(INSTALLED) as InstalledProfile[] | undefined) ?? [];
  }

  private set installed(profiles: InstalledProfile[]) {
    this.ctx.memory.set(INSTALLED, profiles);
  }

  /** A test case limit in the configured unit: "if unit is A then 6(A) else 6000(W)". */
  limit(amps: number): number {
    return this.settings.chargingRateUnit === 'W' ? amps * 1000 : amps;
  }

  /** A chargingProfileId no other scenario of this run uses (profiles left behind cannot be mistaken for ours). */
  private nextId(): number {
    const n = ((this.ctx.memory.get('sc:count') as number | undefined) ?? 0) + 1;
    this.ctx.memory.set('sc:count', n);
    return (Math.floor(Date.now() / 1000) % 100_000) * 100 + n;
  }

  /** The profile a test case describes, with the SUT file's unit, numberPhases and time deviation filled in. */
  profile(spec: ProfileSpec): ChargingProfile {
    const s = this.settings;
    const base = Math.floor(Date.now() / 1000) - s.maxTimeDeviation;
    const kind = spec.kind ?? 'Absolute';
    const periods: ChargingSchedulePeriod[] = spec.periods.map(([startPeriod, amps]) => ({ startPeriod, limit: this.limit(amps), numberPhases: s.numberPhases }));
    return {
      chargingProfileId: this.nextId(),
      ...(spec.transactionId === undefined ? {} : { transactionId: spec.transactionId }),
      stackLevel: spec.stackLevel ?? s.stackLevel,
      chargingProfilePurpose: spec.purpose,
      chargingProfileKind: kind,
      ...(spec.recurrencyKind ? { recurrencyKind: spec.recurrencyKind } : {}),
      ...(spec.validFor === undefined ? {} : { validFrom: isoOf(base), validTo: isoOf(base + spec.validFor) }),
      chargingSchedule: {
        ...(spec.duration === undefined ? {} : { duration: spec.duration }),
        ...(kind === 'Relative' ? {} : { startSchedule: isoOf(Math.floor(Date.now() / 1000) - (spec.startedAgo ?? s.maxTimeDeviation)) }),
        chargingRateUnit: s.chargingRateUnit,
        chargingSchedulePeriod: periods,
      },
    };
  }

  /** The transaction running on the connector under test, as the oracle needs it (a TxProfile applies to it). */
  private transaction(): { transactionId: number; startTime: string } | undefined {
    const tx = this.cp.view.activeTransactionOn(this.connector);
    return tx && { transactionId: tx.transactionId, startTime: tx.timestamp };
  }

  /** The running transaction's id, which a TxProfile of TC_057/058_2_CS names. */
  transactionId(): number {
    const tx = this.transaction();
    if (!tx) throw new NotApplicable('no transaction is running on the connector under test, which this step needs');
    return tx.transactionId;
  }

  /**
   * SetChargingProfile.req of a test case step; the answer is kept for the Then. An Accepted profile joins the
   * oracle's set and is cleared by id when the scenario ends.
   */
  async set(connectorId: number, profile: ChargingProfile, rule: RuleContext): Promise<void> {
    const outcome = await this.requests.send('SetChargingProfile', { connectorId, csChargingProfiles: profile }, rule);
    if (outcome.kind === 'result' && outcome.payload['status'] === 'Accepted') this.accepted(connectorId, profile);
  }

  private accepted(connectorId: number, profile: ChargingProfile): void {
    this.installed = [...this.installed.filter((i) => !replaces(profile, connectorId, i)), { connectorId, profile }];
    this.ctx.cleanups.push(async () => {
      await this.cp.call('ClearChargingProfile', { id: profile.chargingProfileId }, this.ctx.rule('OCPP 1.6 §5.5', 'clean-up: profile cleared'));
    });
  }

  /** A memory state of the document: SetChargingProfile.req that must be Accepted (§5.16). */
  async install(connectorId: number, spec: ProfileSpec, state: string): Promise<ChargingProfile> {
    const profile = this.profile(spec);
    const rule = this.ctx.rule('OCPP 1.6 §5.16', `memory state SetChargingProfile (${state})`);
    await this.set(connectorId, profile, rule);
    this.requests.expectConf('SetChargingProfile', { status: 'Accepted' }, rule);
    return profile;
  }

  /** Before a case: ClearChargingProfile.req without fields, so that no profile the harness does not know applies. */
  async clearEverything(): Promise<void> {
    const rule = this.ctx.rule('OCPP 1.6 §5.5', 'set-up: no charging profile installed');
    await this.cp.request('ClearChargingProfile', {}, { status: (s: unknown) => s === 'Accepted' || s === 'Unknown' }, rule);
    this.installed = [];
  }

  /** ClearChargingProfile.req of a test case step; what it matches leaves the oracle's set when Accepted. */
  async clear(filter: ClearFilter, rule: RuleContext): Promise<void> {
    const outcome = await this.requests.send('ClearChargingProfile', { ...filter }, rule);
    if (outcome.kind === 'result' && outcome.payload['status'] === 'Accepted') this.installed = this.installed.filter((i) => !clearMatches(filter, i));
  }

  /**
   * RemoteStartTransaction.req with `profile` (§5.11) for `idTag` on the connector under test, its answer kept for
   * the Then. When Accepted, the profile is the transaction's TxProfile once it starts (the oracle's set).
   */
  async remoteStartWith(idTag: string, profile: ChargingProfile, rule: RuleContext): Promise<void> {
    const outcome = await this.requests.send('RemoteStartTransaction', { connectorId: this.connector, idTag, chargingProfile: profile }, rule);
    this.cp.physical.idTags.set(this.connector, idTag);
    if (outcome.kind === 'result' && outcome.payload['status'] === 'Accepted') this.accepted(this.connector, profile);
  }

  /** The prerequisites of TC_066_CS: keys at least as large as the case needs, else N/A (the charger cannot take it). */
  async requireCapacity(minimum: Readonly<Record<string, number>>): Promise<void> {
    const config = new ChargerConfiguration(this.ctx);
    for (const [key, wanted] of Object.entries(minimum)) {
      const value = await config.value(key, this.ctx.rule('OCPP 1.6 §9.4', `prerequisite ${key} >= ${wanted}`));
      if (value === undefined) {
        throw failure(this.ctx.rule('OCPP 1.6 §9.4', 'prerequisite'), 'behaviour', `${this.cp.who} does not report ${key}, a required key of the SmartCharging profile it supports`, { expected: `${key} >= ${wanted}` });
      }
      if (Number(value) < wanted) throw new NotApplicable(`the case needs ${key} >= ${wanted}; the Charge Point reports ${value}`);
    }
  }

  /** GetCompositeSchedule.req for the connector under test, `duration` s, in the configured unit (§5.7). */
  async requestComposite(duration: number, rule: RuleContext, connectorId = this.connector): Promise<void> {
    this.ctx.memory.set(REQUESTED, { connectorId, duration });
    await this.requests.send('GetCompositeSchedule', { connectorId, duration, chargingRateUnit: this.settings.chargingRateUnit }, rule);
  }

  /**
   * Judges GetCompositeSchedule.conf (TC_056_CS step 4 and the like): status Accepted, connectorId, duration and
   * chargingRateUnit as asked, scheduleStart within maxTimeDeviation of the harness's clock, and the periods equal to
   * the oracle's composite of the profiles installed (OCPP 1.6 §3.13) within limitTolerance. Where no profile limits
   * charging the charger reports its local limit (the SUT file's, or any one constant limit without it).
   */
  expectComposite(rule: RuleContext): void {
    const asked = this.ctx.memory.get(REQUESTED) as { connectorId: number; duration: number };
    const s = this.settings;
    const payload = this.requests.expectConf('GetCompositeSchedule', { status: 'Accepted' }, { ...rule, rule: GET_COMPOSITE_RULE });
    const answer = this.requests.lastAnswer('GetCompositeSchedule');
    const seq = ` [frame #${answer.response.seq}]`;
    const fail = (clause: string, message: string, expected: string): never => {
      throw failure({ ...rule, rule: clause }, 'behaviour', `${this.cp.who} ${message}${seq}`, { expected, actual: answer.response.raw });
    };
    if (payload['connectorId'] !== asked.connectorId) fail(GET_COMPOSITE_RULE, `reported the composite schedule of connectorId ${JSON.stringify(payload['connectorId'])}`, `connectorId ${asked.connectorId}`);
    const schedule = payload['chargingSchedule'] as ExpectedSchedule | undefined;
    if (!schedule) fail(GET_COMPOSITE_RULE, 'answered Accepted without a chargingSchedule', 'the composite chargingSchedule');
    const reported = schedule as ExpectedSchedule;
    if (reported.chargingRateUnit !== s.chargingRateUnit) fail(GET_COMPOSITE_RULE, `reported the schedule in ${reported.chargingRateUnit}`, `chargingRateUnit ${s.chargingRateUnit}, as GetCompositeSchedule.req asked`);
    if (reported.duration !== asked.duration) fail(GET_COMPOSITE_RULE, `reported a schedule of duration ${reported.duration ?? 'omitted'}`, `duration ${asked.duration} s, as asked`);
    const start = (payload['scheduleStart'] as string | undefined) ?? reported.startSchedule;
    if (start === undefined) fail(GET_COMPOSITE_RULE, 'reported no scheduleStart', 'scheduleStart: where the composite schedule begins');
    const offBy = Math.abs(epochSeconds(start as string) - Date.parse(answer.response.time) / 1000);
    if (offBy > s.maxTimeDeviation + 1) fail(GET_COMPOSITE_RULE, `reported scheduleStart ${start}, ${Math.round(offBy)} s from the time of its answer`, `at most ${s.maxTimeDeviation} s (the SUT file's maxTimeDeviation)`);
    const transaction = this.transaction();
    const expected = compositeSchedule(this.installed, {
      connectorId: asked.connectorId, now: start as string, duration: asked.duration, chargingRateUnit: s.chargingRateUnit, lineVoltage: s.lineVoltage,
      ...(transaction ? { transaction } : {}),
    });
    const comparison = this.bestComparison(expected, { scheduleStart: start as string, chargingSchedule: { ...reported, chargingRateUnit: reported.chargingRateUnit } });
    this.attach('composite-schedule.md', `${this.profilesTable()}\n\n${renderComparisonTable(comparison, s.chargingRateUnit)}\n`, 'text/markdown');
    this.attach('composite-schedule.svg', renderStepChart(comparison), 'image/svg+xml');
    if (!comparison.equal) {
      const lines = describeDifferences(comparison);
      fail(COMPOSITE_RULE, `reported a composite schedule that is not the composite of the ${this.installed.length} profile(s) installed: ${lines.join('; ')}`,
        'the minimum of the prevailing ChargePointMaxProfile and TxProfile (else TxDefaultProfile), highest stackLevel first (OCPP 1.6 §3.13.2, §3.13.3); see composite-schedule.md');
    }
    if (expected.segments.every((seg) => seg.limit === null) && s.localLimit === undefined) {
      const limits = new Set(reported.chargingSchedulePeriod.map((p) => p.limit));
      if (limits.size > 1) fail(COMPOSITE_RULE, `reported ${limits.size} different limits with no profile installed`, 'one period with the local limit (test case document TC_067_CS step 12)');
    }
  }

  /**
   * The comparison with the reading of the spec the report matches: where no profile limits charging the local
   * limit; profile limits as they are or, with a local limit, capped to it (§5.7: local limits may be taken into account).
   */
  private bestComparison(expected: ExpectedComposite, reported: Parameters<typeof compareSchedules>[1]): Comparison {
    const { localLimit, limitTolerance } = this.settings;
    if (localLimit === undefined) return compareSchedules(expected, reported, limitTolerance);
    const phases = this.settings.numberPhases;
    const first = compareSchedules(withLocalLimit(expected, localLimit, phases, false), reported, limitTolerance);
    if (first.equal) return first;
    const capped = compareSchedules(withLocalLimit(expected, localLimit, phases, true), reported, limitTolerance);
    return capped.equal ? capped : first;
  }

  /** The profiles the oracle used, for the attachment. */
  private profilesTable(): string {
    const lines = ['| connector | id | purpose | stackLevel | kind | validFrom | validTo | startSchedule | duration | periods |', '|---:|---:|---|---:|---|---|---|---|---:|---|'];
    for (const { connectorId, profile: p } of this.installed) {
      const periods = p.chargingSchedule.chargingSchedulePeriod.map((x) => `${x.startPeriod}:${x.limit}`).join(' ');
      lines.push(`| ${connectorId} | ${p.chargingProfileId} | ${p.chargingProfilePurpose}${p.transactionId === undefined ? '' : ` (tx ${p.transactionId})`} | ${p.stackLevel} `
        + `| ${p.chargingProfileKind}${p.recurrencyKind ? ` ${p.recurrencyKind}` : ''} | ${p.validFrom ?? ''} | ${p.validTo ?? ''} | ${p.chargingSchedule.startSchedule ?? ''} `
        + `| ${p.chargingSchedule.duration ?? ''} | ${periods} |`);
    }
    return `Profiles installed (the oracle's input):\n\n${lines.join('\n')}`;
  }

  /**
   * EXT_SC_006: MeterValues of the running transaction report `measurand` (Current.Offered or Power.Offered) at the
   * composite's limit in force when sampled (OCPP 1.6 §3.13: the EVSE offers at most the limit), within the
   * tolerance; the first sample taken at least one interval after the profile went in is judged.
   */
  async expectOffered(measurand: 'Current.Offered' | 'Power.Offered', since: number, rule: RuleContext): Promise<void> {
    const s = this.settings;
    const unit = measurand === 'Current.Offered' ? 'A' : 'W';
    const sample = await this.cp.expect('MeterValues', {
      meterValue: (v: unknown) => Array.isArray(v) && v.some((mv: { timestamp?: string; sampledValue?: Array<{ measurand?: string }> }) =>
        Date.parse(mv.timestamp ?? '') >= since && (mv.sampledValue ?? []).some((x) => x.measurand === measurand)),
    }, rule);
    const mv = (sample.payload['meterValue'] as Array<{ timestamp: string; sampledValue: Array<{ measurand?: string; value: string; unit?: string }> }>)
      .find((m) => Date.parse(m.timestamp) >= since && m.sampledValue.some((x) => x.measurand === measurand));
    const sampled = mv?.sampledValue.find((x) => x.measurand === measurand);
    const at = isoOf(Math.floor(Date.parse(mv?.timestamp ?? '') / 1000));
    const transaction = this.transaction();
    const expected = compositeSchedule(this.installed, { connectorId: this.connector, now: at, duration: 1, chargingRateUnit: unit, lineVoltage: s.lineVoltage, ...(transaction ? { transaction } : {}) });
    const want = expected.segments[0]?.limit;
    if (want === null || want === undefined) throw new NotApplicable(`no profile limits charging at ${at}, so ${measurand} has nothing to follow`);
    const value = Number(sampled?.value);
    const scale = sampled?.unit === 'kW' ? 1000 : 1;
    const tolerance = unit === s.chargingRateUnit ? s.limitTolerance : Math.max(1, want * 0.01);
    // A charger may cap the profile's limit at its own (§5.7 local limits), when both are in the same unit.
    const capped = s.localLimit !== undefined && unit === s.chargingRateUnit ? Math.min(want, s.localLimit) : want;
    if (!(Math.abs(value * scale - want) <= tolerance + 1e-9 || Math.abs(value * scale - capped) <= tolerance + 1e-9)) {
      throw failure(rule, 'behaviour', `${this.cp.who} reported ${measurand} ${sampled?.value}${sampled?.unit ? ` ${sampled.unit}` : ''} at ${mv?.timestamp}`, {
        expected: `${want} ${unit}, the limit of the profiles installed then (± ${tolerance})`, calls: [sample as ReceivedCall],
      });
    }
  }
}

interface ExpectedSchedule {
  duration?: number;
  startSchedule?: string;
  chargingRateUnit: 'A' | 'W';
  chargingSchedulePeriod: ChargingSchedulePeriod[];
}

/** §3.13.2 / §5.16.3: a profile with the same id, or the same stackLevel and purpose on the connector, is replaced. */
function replaces(profile: ChargingProfile, connectorId: number, i: InstalledProfile): boolean {
  return i.profile.chargingProfileId === profile.chargingProfileId
    || (i.connectorId === connectorId && i.profile.stackLevel === profile.stackLevel && i.profile.chargingProfilePurpose === profile.chargingProfilePurpose);
}

/**
 * The expected composite with the charger's local limit (on its `phases`) where nothing limits and, when `cap`, as a
 * ceiling of the profiles' limits.
 */
export function withLocalLimit(expected: ExpectedComposite, localLimit: number, phases: number, cap: boolean): ExpectedComposite {
  const local = (seg: Segment): Segment => ({ ...seg, limit: localLimit, numberPhases: phases });
  const segments = expected.segments.map((seg) => (seg.limit === null || (cap && seg.limit > localLimit) ? local(seg) : seg));
  const merged = segments.filter((seg, i) => i === 0 || seg.limit !== segments[i - 1]?.limit || seg.numberPhases !== segments[i - 1]?.numberPhases);
  return { ...expected, segments: merged.map((seg, i) => ({ ...seg, end: merged[i + 1]?.start ?? expected.segments.at(-1)?.end ?? seg.end })) };
}

/**
 * The Charge Point's configuration as the test cases need it (OCPP 1.6 §5.3, §5.8, §9): read keys with
 * GetConfiguration, set the values a case's "Before" configuration asks for and restore them after the scenario,
 * apply the SUT file's values (short timers), and read SupportedFeatureProfiles. A value a case needs and the charger
 * does not take is judged by `judgeShortfall` (core-configuration-keys.ts): FAIL where §5.3/§9 oblige the charger to
 * take it, N/A where they leave it to the charger. The SUT file's baseline is applied as far as the charger takes it
 * and judges nothing: the cases that need one of its values say so with a "has set … to the configured value" step.
 */
import { HarnessError, NotApplicable } from '../../reporting/errors';
import type { RuleContext } from '../ocpp-connection';
import { CentralSystemRequests } from './central-system-requests';
import { judgeShortfall, type ConfigurationShortfall } from './core-configuration-keys';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';

export interface ConfigurationKey {
  readonly key: string;
  readonly readonly: boolean;
  readonly value?: string;
}

export interface ConfigurationRead {
  /** Known keys by lower-case name (keys are CiString50Type, compared case-insensitively). */
  readonly known: ReadonlyMap<string, ConfigurationKey>;
  readonly unknown: readonly string[];
  readonly payload: Record<string, unknown>;
}

export function parseConfiguration(payload: Record<string, unknown>): ConfigurationRead {
  const keys = Array.isArray(payload['configurationKey']) ? (payload['configurationKey'] as ConfigurationKey[]) : [];
  const unknown = Array.isArray(payload['unknownKey']) ? (payload['unknownKey'] as string[]) : [];
  return { known: new Map(keys.map((k) => [String(k.key).toLowerCase(), k])), unknown, payload };
}

/** The test case steps a configuration precondition belongs to: a case's own, and the general one of the SUT file. */
const STEP = 'Before: configuration state';
const BASELINE_STEP = 'general precondition: configuration from the SUT file';

export class ChargerConfiguration {
  constructor(private readonly ctx: ScenarioContext) {}

  /** GetConfiguration.req for `keys` (all keys when empty). */
  async read(keys: readonly string[], rule: RuleContext): Promise<ConfigurationRead> {
    const payload = await this.ctx.chargePoint.request('GetConfiguration', keys.length > 0 ? { key: [...keys] } : {}, {}, rule);
    return parseConfiguration(payload);
  }

  /** The value of one key, or undefined when the charger does not know it; remembered for later steps. */
  async value(key: string, rule: RuleContext): Promise<string | undefined> {
    const value = (await this.read([key], rule)).known.get(key.toLowerCase())?.value;
    if (value !== undefined) this.ctx.memory.set(`config:${key}`, value);
    return value;
  }

  /** The value this scenario set or read for `key`, else read now. */
  async current(key: string, rule: RuleContext): Promise<string | undefined> {
    const known = this.ctx.memory.get(`config:${key}`);
    return typeof known === 'string' ? known : this.value(key, rule);
  }

  /** An integer key's current value in seconds (see `current`); a HarnessError when the charger has no usable value. */
  async seconds(key: string, rule: RuleContext): Promise<number> {
    const n = Number(await this.current(key, rule));
    if (!Number.isFinite(n)) throw new HarnessError(`the Charge Point reports no numeric value for ${key}, which this check needs`);
    return n;
  }

  /**
   * Makes `key` have `value` for this scenario and restores the previous value afterwards. When the charger does not
   * know the key (and it is not `optional`: "(If implemented)"), reports it read-only with another value, or refuses
   * the value, the case ends with the verdict `judgeShortfall` gives: FAIL (§5.3, §9), N/A, or ERROR.
   */
  async set(key: string, value: string, options: { optional?: boolean } = {}): Promise<void> {
    const rule = this.ctx.rule('OCPP 1.6 §5.3', STEP);
    const current = (await this.read([key], rule)).known.get(key.toLowerCase());
    if (!current) {
      if (options.optional) return;
      throw await this.shortfall(key, value, { kind: 'unknown' }, STEP);
    }
    if (current.value !== value) {
      if (current.readonly) throw await this.shortfall(key, value, { kind: 'read-only', value: current.value }, STEP);
      const answer = await this.attempt(key, value, rule);
      if (answer !== 'Accepted') throw await this.shortfall(key, value, { kind: 'refused', answer }, STEP);
      this.restoreLater(key, current.value);
    }
    this.ctx.memory.set(`config:${key}`, value);
  }

  /**
   * Applies the SUT file's configuration values (short timers, MinimumStatusDuration 0) as far as the charger takes
   * them. A key it lacks, reports read-only or refuses keeps its value, and that value is what later steps read
   * (`current`): a case that needs the SUT file's value has its own "has set" step, judged by `set`. The keys in
   * `needed` are needed by the precondition itself, "if implemented": a charger that has one and does not take the
   * value is judged as `set` judges it.
   */
  async applyBaseline(needed: readonly string[] = []): Promise<void> {
    const wanted = this.ctx.sut.chargePoint?.configuration ?? {};
    const keys = Object.keys(wanted);
    if (keys.length === 0) return;
    const rule = this.ctx.rule('OCPP 1.6 §5.3', BASELINE_STEP);
    const read = await this.read(keys, rule);
    for (const key of keys) {
      const current = read.known.get(key.toLowerCase());
      if (!current) continue;
      const value = wanted[key] as string;
      const answer = current.value === value ? 'Accepted' : current.readonly ? undefined : await this.attempt(key, value, rule);
      const taken = answer === 'Accepted';
      if (taken && current.value !== value) this.restoreLater(key, current.value);
      if (!taken && needed.includes(key)) {
        throw await this.shortfall(key, value, answer ? { kind: 'refused', answer } : { kind: 'read-only', value: current.value }, BASELINE_STEP);
      }
      const inEffect = taken ? value : current.value;
      if (inEffect !== undefined) this.ctx.memory.set(`config:${key}`, inEffect);
    }
  }

  /**
   * ChangeConfiguration.req of a test case step, its answer kept for the Then; an accepted change of a key the SUT
   * file sets is undone when the scenario ends (back to the value in effect before, else the SUT file's).
   */
  async sendChange(key: string, value: string, rule: RuleContext): Promise<void> {
    const outcome = await new CentralSystemRequests(this.ctx).send('ChangeConfiguration', { key, value }, rule);
    const known = this.ctx.memory.get(`config:${key}`);
    const before = typeof known === 'string' ? known : this.ctx.sut.chargePoint?.configuration[key];
    if (outcome.kind === 'result' && outcome.payload['status'] === 'Accepted' && before !== value) this.restoreLater(key, before);
  }

  /**
   * TC_019_CS step 7: GetConfiguration.req for keys of the full list (step 4), as many as GetConfigurationMaxKeys
   * (step 6) allows.
   */
  async readAsManyAsAllowed(rule: RuleContext): Promise<void> {
    const requests = new CentralSystemRequests(this.ctx);
    const all = this.ctx.memory.get('configuration:all') as ConfigurationRead | undefined;
    const maxAnswer = requests.lastAnswer('GetConfiguration');
    const max = maxAnswer.kind === 'result' ? Number(parseConfiguration(maxAnswer.payload).known.get('getconfigurationmaxkeys')?.value) : NaN;
    if (!all || !Number.isFinite(max)) throw new HarnessError('steps 4 and 6 must have read every key and GetConfigurationMaxKeys first');
    const keys = [...all.known.values()].map((k) => k.key).slice(0, Math.max(1, max));
    this.ctx.memory.set('configuration:asked', keys);
    await requests.send('GetConfiguration', { key: keys }, rule);
  }

  /** Remembers the values of a GetConfiguration.conf for later steps (`current`, `rememberedProfiles`). */
  remember(read: ConfigurationRead): void {
    for (const kv of read.known.values()) if (kv.value !== undefined) this.ctx.memory.set(`config:${kv.key}`, kv.value);
  }

  /** SupportedFeatureProfiles as a step of this scenario read it. */
  rememberedProfiles(): string[] {
    return String(this.ctx.memory.get('config:SupportedFeatureProfiles') ?? 'Core').split(',').map((s) => s.trim()).filter(Boolean);
  }

  /** The GetConfiguration.conf reports `key` with `value`. */
  expectValue(read: ConfigurationRead, key: string, value: string, rule: RuleContext): void {
    const kv = read.known.get(key.toLowerCase());
    if (kv?.value !== value) {
      throw failure(rule, 'behaviour', `${this.ctx.chargePoint.who} reports ${key} = ${JSON.stringify(kv?.value)} after it accepted the change`, {
        expected: `${key} = "${value}"`, actual: JSON.stringify(read.payload),
      });
    }
  }

  /** The profiles in SupportedFeatureProfiles (§9.1.29). */
  async supportedProfiles(rule: RuleContext): Promise<string[]> {
    const value = await this.value('SupportedFeatureProfiles', rule);
    return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  }

  /** ChangeConfiguration.req; the status of the answer, or `CALLERROR <code>`. */
  private async attempt(key: string, value: string, rule: RuleContext): Promise<string> {
    const outcome = await this.ctx.chargePoint.call('ChangeConfiguration', { key, value }, rule);
    return outcome.kind === 'result' ? String(outcome.payload['status']) : `CALLERROR ${outcome.code}`;
  }

  /** Puts `original` back when the scenario ends (a change the charger accepted). */
  private restoreLater(key: string, original: string | undefined): void {
    if (original === undefined) return;
    this.ctx.cleanups.push(() => this.change(key, original, this.ctx.rule('OCPP 1.6 §5.3', 'clean-up: restore the configuration')));
  }

  /** ChangeConfiguration.req of a clean-up: a value the charger took before must be taken back. */
  private async change(key: string, value: string, rule: RuleContext): Promise<void> {
    const answer = await this.attempt(key, value, rule);
    if (answer !== 'Accepted') throw new HarnessError(`could not restore ${key} = "${value}": the Charge Point answered ChangeConfiguration with ${answer}`);
  }

  /** The error that ends a case needing `key` = `value` which the charger does not give (see `judgeShortfall`). */
  private async shortfall(key: string, value: string, shortfall: ConfigurationShortfall, step: string): Promise<Error> {
    const profiles = await this.supportedProfiles(this.ctx.rule('OCPP 1.6 §9.1.29', step));
    const judged = judgeShortfall(key, value, shortfall, { fixedCable: this.ctx.chargePoint.fixedCable, profiles });
    switch (judged.verdict) {
      case 'N/A':
        return new NotApplicable(judged.reason);
      case 'ERROR':
        return new HarnessError(judged.message);
      case 'FAIL':
        return failure(this.ctx.rule(judged.rule, step), 'behaviour', judged.message, {
          expected: judged.expected, actual: shortfall.kind === 'refused' ? `ChangeConfiguration.conf ${shortfall.answer}` : undefined,
        });
    }
  }
}

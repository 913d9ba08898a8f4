/**
 * Reads and changes the configuration of a Charge Point under test over OCPP (GetConfiguration §5.8,
 * ChangeConfiguration §5.3) and judges what it reports against §9. A change made for a scenario is undone by a
 * clean-up the caller registers, so the charger leaves the scenario configured as it entered it.
 */
import { ConformanceAssertionError } from '../../reporting/errors';
import type { FindingCategory } from '../../recording/finding';
import type { FrameRecord } from '../../recording/frame-record';
import { expectConf, type RuleContext } from '../expectations';
import type { ChargePointUnderTest } from './charge-point-under-test';
import { accessOf, standardKey, typeProblem } from './ext-standard-keys';

export interface KeyValue {
  readonly key: string;
  readonly readonly: boolean;
  readonly value?: string;
}

export interface ConfigurationReport {
  readonly configurationKey: readonly KeyValue[];
  readonly unknownKey: readonly string[];
}

/** A ChangeConfiguration.req sent and its answer. */
export interface ChangeOutcome {
  readonly key: string;
  readonly value: string;
  /** The value before the change, as GetConfiguration reported it (undefined when the key was not reported). */
  readonly before: string | undefined;
  readonly status: string;
  /** The ChangeConfiguration.conf, as recorded (from when a change is due to be in effect). */
  readonly response: FrameRecord;
}

export class ConfigurationProbe {
  constructor(
    private readonly cp: ChargePointUnderTest,
    private readonly fixedCable: boolean,
  ) {}

  private get who(): string {
    return `the Charge Point ${this.cp.identity}`;
  }

  private fail(rule: RuleContext, category: FindingCategory, message: string, expected?: string, actual?: string): never {
    throw new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category, message, expected, actual });
  }

  /** GetConfiguration.req for `keys` (every key when omitted). */
  async read(rule: RuleContext, keys?: readonly string[]): Promise<ConfigurationReport> {
    const connection = await this.cp.connection();
    const outcome = await connection.call('GetConfiguration', keys ? { key: [...keys] } : {}, rule);
    const conf = expectConf(outcome, 'GetConfiguration', {}, rule, this.who) as { configurationKey?: KeyValue[]; unknownKey?: string[] };
    return { configurationKey: conf.configurationKey ?? [], unknownKey: conf.unknownKey ?? [] };
  }

  /** The value GetConfiguration reports for one key, or undefined when it reports none. */
  async valueOf(key: string, rule: RuleContext): Promise<string | undefined> {
    const report = await this.read(rule, [key]);
    return report.configurationKey.find((k) => k.key.toLowerCase() === key.toLowerCase())?.value;
  }

  /**
   * ChangeConfiguration.req `key` = `value`. When the key had a value and the Charge Point took the new one, `undo`
   * receives the clean-up that sets the old value again.
   */
  async change(key: string, value: string, rule: RuleContext, undo: (cleanup: () => Promise<void>) => void): Promise<ChangeOutcome> {
    const before = await this.valueOf(key, rule);
    const connection = await this.cp.connection();
    const outcome = await connection.call('ChangeConfiguration', { key, value }, rule);
    const status = String(expectConf(outcome, 'ChangeConfiguration', {}, rule, this.who)['status']);
    if ((status === 'Accepted' || status === 'RebootRequired') && before !== undefined && before !== value) {
      undo(async () => {
        const c = await this.cp.connection();
        await c.call('ChangeConfiguration', { key, value: before }, { rule: 'OCPP 1.6 §5.3', step: 'clean-up' });
      });
    }
    return { key, value, before, status, response: outcome.response };
  }

  /** The answer to a change must have `status` (§5.3). */
  expectStatus(change: ChangeOutcome, status: string, rule: RuleContext): void {
    if (change.status !== status) {
      this.fail(rule, 'behaviour', `${this.who} answered ChangeConfiguration.req ${change.key} = "${change.value}" with status ${change.status}`,
        `status ${status}`, `status ${change.status}`);
    }
  }

  /** Reading the key back gives `expected` (an accepted change is effective at once, §5.3; a refused one changes nothing). */
  async expectValue(key: string, expected: string | undefined, rule: RuleContext, why: string): Promise<void> {
    const now = await this.valueOf(key, rule);
    if (now !== expected) {
      this.fail(rule, 'behaviour', `${this.who} reports ${key} = ${JSON.stringify(now)} after ${why}`, JSON.stringify(expected), JSON.stringify(now));
    }
  }

  /** A key the report gives as read-only, standard keys preferred; undefined when none. */
  static readOnlyKey(report: ConfigurationReport): KeyValue | undefined {
    const readOnly = report.configurationKey.filter((k) => k.readonly === true && k.value !== undefined);
    return readOnly.find((k) => standardKey(k.key)?.type === 'integer') ?? readOnly[0];
  }

  /** A value different from `current`, of the same shape where it can tell. */
  static otherValue(current: string | undefined): string {
    if (current !== undefined && /^-?\d+$/.test(current)) return String(Number(current) + 1);
    if (current !== undefined && /^(true|false)$/i.test(current)) return current.toLowerCase() === 'true' ? 'false' : 'true';
    return `${current ?? ''}x`;
  }

  /**
   * Every standard key the Charge Point reports has the read-only flag and the type §9 gives it; a write-only key is
   * not read back (OCPP-J errata §3.10). All problems are listed; the first one's section leads.
   */
  expectKeysAsSection9Defines(report: ConfigurationReport, rule: RuleContext): void {
    const problems: Array<{ section: string; text: string }> = [];
    for (const kv of report.configurationKey) {
      const std = standardKey(kv.key);
      if (!std) continue;
      const access = accessOf(std, this.fixedCable);
      if (access === 'W') {
        if (kv.value) problems.push({ section: std.section, text: `${kv.key} is write-only but is reported with its value` });
        continue;
      }
      if (access === 'R' && kv.readonly !== true) problems.push({ section: std.section, text: `${kv.key} is read-only (R) but reported with readonly ${kv.readonly}` });
      if (access === 'RW' && kv.readonly !== false) problems.push({ section: std.section, text: `${kv.key} is read-write (RW) but reported with readonly ${kv.readonly}` });
      const wrongType = kv.value === undefined ? undefined : typeProblem(std.type, kv.value);
      if (wrongType) problems.push({ section: std.section, text: `${kv.key} has type ${std.type}, but ${wrongType}` });
    }
    const [first] = problems;
    if (!first) return;
    throw new ConformanceAssertionError({
      rule: first.section, step: rule.step, level: rule.level ?? 'SHALL', category: 'behaviour',
      message: `${this.who} reports ${problems.length} standard configuration key(s) unlike ${rule.rule} defines them:\n    ` +
        problems.map((p) => `${p.text} (${p.section})`).join('\n    '),
    });
  }

  /** `unknown` comes back in unknownKey, and not among the configuration keys (§5.8). */
  expectListedAsUnknown(report: ConfigurationReport, unknown: string, rule: RuleContext): void {
    const asKnown = report.configurationKey.some((k) => k.key.toLowerCase() === unknown.toLowerCase());
    if (!report.unknownKey.includes(unknown) || asKnown) {
      this.fail(rule, 'behaviour', `${this.who} did not put the unrecognised key "${unknown}" in unknownKey of GetConfiguration.conf`,
        `unknownKey containing "${unknown}"`, `unknownKey ${JSON.stringify(report.unknownKey)}, configurationKey ${JSON.stringify(report.configurationKey.map((k) => k.key))}`);
    }
  }

  /** `known` is reported among the configuration keys. */
  expectReported(report: ConfigurationReport, known: string, rule: RuleContext): void {
    if (!report.configurationKey.some((k) => k.key.toLowerCase() === known.toLowerCase())) {
      this.fail(rule, 'behaviour', `${this.who} did not report the key "${known}" it was asked for beside an unknown one`,
        `configurationKey with "${known}"`, JSON.stringify(report));
    }
  }
}

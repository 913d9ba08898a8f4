/**
 * The World: one per scenario. It borrows the worker's test bench (SUT file, wire log, monitor, actuator, the
 * emulated Central System or the CSMS URL), holds what belongs to this scenario (emulated Charge Points, the
 * actuations carried out, the rules checked, the error that ended it) and is the only state steps touch.
 */
import { World, type IWorldOptions } from '@cucumber/cucumber';
import type { Bench } from '../roles/bench';
import type { EmulatedChargePoint } from '../roles/charge-point/emulated-charge-point';
import type { EmulatedCentralSystem } from '../roles/central-system/emulated-central-system';
import { ChargePointUnderTest } from '../roles/central-system/charge-point-under-test';
import type { RuleContext } from '../roles/ocpp-connection';
import type { Finding } from '../recording/finding';
import type { ActionName } from '../sut/actuators/actions';
import type { Actuation } from '../sut/actuators/actuator';
import { HttpStatusError } from '../sut/actuators/http-request';
import type { RegistrationKind } from '../sut/identity-allocator';
import { centralSystemClaims, type CentralSystemClaims, type SutConfig } from '../sut/sut-config';
import { ConformanceAssertionError, HarnessError } from '../reporting/errors';
import { ACTIONS } from '../ocpp/actions';
import type { ScenarioTags } from './tags';

export interface ScenarioInfo {
  readonly id: string;
  readonly title: string;
  readonly tags: ScenarioTags;
  readonly rawTags: readonly string[];
  readonly feature: string;
  readonly line?: number;
  readonly startedAt: string;
  readonly t0: number;
}

export class HarnessWorld extends World {
  /** Set by the Before hook. */
  bench!: Bench;
  scenario!: ScenarioInfo;
  /** The error that ended the scenario (set by the step wrapper), for the verdict. */
  endedBy: unknown;
  notApplicable: string | undefined;
  readonly actuations: Actuation[] = [];
  readonly rulesChecked = new Set<string>();
  /** Emulated Charge Points of this scenario (Central System under test), by name used in steps. */
  readonly chargePoints = new Map<string, EmulatedChargePoint>();
  /** Run after the scenario, last in first out (restore configuration, close connections). */
  readonly cleanups: Array<() => Promise<void>> = [];
  /** Free-form per-scenario values steps pass to each other (a transaction id, a list version). */
  readonly memory = new Map<string, unknown>();

  constructor(options: IWorldOptions) {
    super(options);
  }

  get sut(): SutConfig {
    return this.bench.sut;
  }

  /** The Charge Point under test, through the emulated Central System. */
  get chargePoint(): ChargePointUnderTest {
    return new ChargePointUnderTest(this.centralSystem, this.sut);
  }

  /** The emulated Central System (Charge Point under test). */
  get centralSystem(): EmulatedCentralSystem {
    if (!this.bench.centralSystem) throw new HarnessError('this step needs a Charge Point under test (an emulated Central System)');
    return this.bench.centralSystem;
  }

  /**
   * The rule a step checks, as role methods take it; also remembered as checked for the report.
   * @param rule e.g. `OCPP 1.6 §4.9`
   * @param step the test case step, e.g. `step 7` (the case id is prefixed)
   */
  rule(rule: string, step?: string, level: 'SHALL' | 'SHOULD' = 'SHALL'): RuleContext {
    this.rulesChecked.add(rule);
    return { rule, level, step: step ? `${this.scenario?.id ?? ''} ${step}`.trim() : this.scenario?.id };
  }

  /** The section of OCPP 1.6 defining an action's operation, e.g. `§4.2` for BootNotification. */
  operationOf(action: string): string {
    return ACTIONS.get(action)?.operation ?? '§4';
  }

  /** Reports a SHOULD-level finding without stopping the scenario (its verdict becomes WARN at worst). */
  warn(finding: Omit<Finding, 'level'>): void {
    this.rulesChecked.add(finding.rule);
    this.bench.report({ ...finding, level: 'SHOULD' });
  }

  /** Carries out a physical or operator step through the SUT file's actuator, and keeps the record for the report. */
  async act(action: ActionName, params: Readonly<Record<string, unknown>> = {}): Promise<Actuation> {
    const actuation = await this.bench.actuator.perform(action, params);
    this.actuations.push(actuation);
    // A power cycle means a reboot: what the Central System saw before no longer says the charger is idle.
    if (action === 'power-cycle' && this.bench.centralSystem && this.sut.chargePoint) {
      this.bench.centralSystem.view(this.sut.chargePoint.identity).forgetBeforeReboot();
    }
    return actuation;
  }

  /**
   * Carries out an operator step the Central System may refuse (e.g. a remote start on a Pending charge point):
   * an HTTP 4xx answer of the CSMS's operator or trigger API is returned as the refusal, anything else as `act`.
   */
  async attempt(action: ActionName, params: Readonly<Record<string, unknown>> = {}): Promise<{ refused?: string }> {
    try {
      await this.act(action, params);
      return {};
    } catch (e) {
      if (e instanceof HttpStatusError && e.status >= 400 && e.status < 500) return { refused: e.message };
      throw e;
    }
  }

  /** What the Central System under test declares in its SUT file (ConcurrentTx, claimed recommendations). */
  get claims(): CentralSystemClaims {
    return centralSystemClaims(this.sut);
  }

  /** SHALL when the SUT file claims the recommendation, else SHOULD (see the SUT file schema). */
  levelOf(recommendation: string): 'SHALL' | 'SHOULD' {
    return this.claims.recommendations.includes(recommendation) ? 'SHALL' : 'SHOULD';
  }

  /** Runs a check; a SHOULD-level failure becomes a warning and the scenario goes on (CONTRIBUTING: a SHOULD warns). */
  async softly(check: () => unknown): Promise<void> {
    try {
      await check();
    } catch (e) {
      if (!(e instanceof ConformanceAssertionError) || e.detail.level !== 'SHOULD') throw e;
      this.warn({ category: e.detail.category, rule: e.detail.rule, message: `${e.detail.step ? `${e.detail.step}: ` : ''}${e.detail.message}` });
    }
  }

  /** A new emulated Charge Point for this scenario, with an identity of the given registration kind. */
  newChargePoint(name: string, kind: RegistrationKind = 'accepted'): EmulatedChargePoint {
    const cp = this.bench.chargePoint(this.bench.identities.take(kind));
    this.chargePoints.set(name, cp);
    this.cleanups.push(() => cp.disconnect());
    return cp;
  }

  /** A Charge Point created earlier in this scenario. */
  chargePointNamed(name: string): EmulatedChargePoint {
    const cp = this.chargePoints.get(name);
    if (!cp) throw new HarnessError(`no emulated Charge Point "${name}" in this scenario`);
    return cp;
  }
}

/**
 * The general pre- and post-conditions of the test case document (§1.3) for a Charge Point under test: connected
 * and Accepted, every connector Available, no transaction, no fault, empty Authorization Cache and no Local
 * Authorization List, the SUT file's configuration (short timers, MinimumStatusDuration 0). `establish` brings the
 * charger there from whatever the previous scenario left, with OCPP and the actuator only (so a real charger with a
 * person at the prompts works the same); `establishBooted` is the smaller state of the cases that need no idle
 * connector (connected and Accepted); `restore` is what a scenario runs when it ends.
 *
 * When the state cannot be reached the verdict says why: FAIL with the rule when the charger does not do what the
 * spec requires (no BootNotification.req after a power cycle, §4.2; no status after its boot was accepted, errata
 * §3.22; none after an accepted TriggerMessage, §5.17; no status after an accepted ChangeAvailability, §5.2),
 * INCONCLUSIVE when a step of the actuator did not happen, ERROR only for the harness or its configuration. A reason
 * that will not change by itself is decided once per run (precondition-decisions.ts).
 */
import { ConformanceAssertionError, HarnessError, NotApplicable, OperatorTimeout } from '../../reporting/errors';
import type { ActionName } from '../../sut/actuators/actions';
import { formatDuration } from '../../sut/duration';
import type { RuleContext } from '../ocpp-connection';
import { forgetCallsBefore } from './call-waits';
import { ChargerConfiguration } from './charger-configuration';
import { failure } from './failure';
import type { ObservedChargePoint } from './observed-charge-point';
import { asDecided, isLasting, lasting, PreconditionDecisions, type Precondition } from './precondition-decisions';
import type { ScenarioContext } from './scenario-context';

const TRANSACTION_STATUSES = ['Charging', 'SuspendedEV', 'SuspendedEVSE'];

/** An actuator step the harness needed and that did not happen (OperatorTimeout), and whether it never can. */
interface MissedStep {
  readonly message: string;
  readonly unavailable: boolean;
}

export class IdleState {
  constructor(private readonly ctx: ScenarioContext) {}

  private get cp() {
    return this.ctx.chargePoint;
  }

  private rule(clause: string, what: string): RuleContext {
    return this.ctx.rule(clause, `general precondition: ${what}`);
  }

  /**
   * "The Charge Point is booted and idle": restores idle, checks that the charger supports the scenario's feature
   * profile (SupportedFeatureProfiles; not applicable otherwise), applies the SUT file's configuration, empties the
   * Authorization Cache and the Local Authorization List, and arranges for idle to be restored at the end.
   */
  async establish(profile: string | undefined): Promise<void> {
    await this.reach('idle', () => this.isIdle(this.cp.view) && this.physicallyClear(), async () => {
      await this.restore();
      const profiles = await this.requireProfile(profile);
      // §1.3 of the document: MinimumStatusDuration 0 where implemented, or the cases' status waits would not hold.
      await new ChargerConfiguration(this.ctx).applyBaseline(['MinimumStatusDuration']);
      // Pushed after the baseline's restorations: idle is restored while the short timers still apply.
      this.ctx.cleanups.push(() => this.restore());
      await this.clearAuthorizationData(profiles);
    });
  }

  /**
   * "The Charge Point is booted": connected and Accepted, the scenario's profile supported; its connectors may be
   * busy or faulted (the cases that only read or change configuration, or exchange a message, TC_019_CS, TC_040_CS).
   */
  async establishBooted(profile: string | undefined): Promise<void> {
    await this.reach('booted', () => this.cp.view.registration === 'Accepted', async () => {
      await this.online();
      await this.requireProfile(profile);
    });
  }

  /**
   * Runs `attempt` (once more when the charger went away meanwhile, still restarting after the previous scenario),
   * unless an earlier case of the run decided that `precondition` cannot be reached and the charger is still not
   * there (`reached`): then this case ends at once with that verdict.
   */
  private async reach(precondition: Precondition, reached: () => boolean, attempt: () => Promise<void>): Promise<void> {
    const decisions = new PreconditionDecisions(this.cp.view);
    // Idle includes booted: a charger that cannot be booted cannot be idle either.
    const covered: Precondition[] = precondition === 'idle' ? ['idle', 'booted'] : ['booted'];
    const earlier = covered.map((p) => decisions.decided(p)).find((d) => d !== undefined);
    if (earlier && !reached()) throw asDecided(earlier, this.ctx.scenario?.id);
    for (const p of covered) decisions.forget(p);
    try {
      try {
        await attempt();
      } catch (e) {
        if (!(e instanceof ConformanceAssertionError && / closed the connection before /.test(e.detail.message))) throw e;
        await attempt();
      }
    } catch (e) {
      if (isLasting(e)) {
        // Not even Accepted: the cases that need only a booted charger cannot start either.
        const decided: Precondition = this.cp.view.registration === 'Accepted' ? precondition : 'booted';
        decisions.decide(decided, this.ctx.scenario?.id ?? 'an earlier case', e as Error);
      }
      throw e;
    }
    // What the charger sent while it was being prepared belongs to no step of the case.
    forgetCallsBefore(this.cp, Number.MAX_SAFE_INTEGER);
  }

  /** The charger's SupportedFeatureProfiles; not applicable when it lacks the scenario's profile. */
  private async requireProfile(profile: string | undefined): Promise<string[]> {
    const profiles = await new ChargerConfiguration(this.ctx).supportedProfiles(this.rule('OCPP 1.6 §9.1.29', 'supported feature profiles'));
    if (profile && profile !== 'Core' && !profiles.includes(profile)) {
      throw new NotApplicable(`the SUT file lists the ${profile} profile, but the Charge Point's SupportedFeatureProfiles is "${profiles.join(',')}" (the SUT file does not match the charger)`);
    }
    return profiles;
  }

  /** Brings the charger back to idle: registered, no transaction, no cable, no fault, every connector Available. */
  async restore(): Promise<void> {
    await this.online();
    await this.statusesKnown();
    if (this.isIdle(this.cp.view) && this.physicallyClear()) return;
    const missed: MissedStep[] = [];
    await this.repair(0, missed);
    for (const id of this.cp.connectorIds) await this.repair(id, missed);
    const { messageMs } = this.ctx.sut.timeouts;
    if (await this.cp.waitForView((v) => this.isIdle(v), messageMs)) return;
    if (await this.powerCycle(missed) && (await this.cp.waitForView((v) => this.isIdle(v), messageMs))) return;
    throw this.notIdle(missed);
  }

  /** Connected and Accepted, with the Central System's default answers and the network the harness pulled back. */
  private async online(): Promise<void> {
    // The case's own answers (a Rejected registration, a refused idTag) would keep the charger from idle.
    this.cp.restoreDefaultAnswers();
    const physical = this.cp.physical;
    if (physical.networkDown) {
      await this.act('network-restore');
      physical.networkDown = false;
    }
    if (physical.localListFailing) {
      await this.act('local-list-failure', { enabled: false });
      physical.localListFailing = false;
    }
    await this.cp.connection().catch((e: unknown) => {
      // A charger that has not booted once in this run will not connect by itself: decided once, not per case.
      if (!(e instanceof HarnessError) || this.cp.view.bootPayload !== undefined) throw e;
      throw lasting(new HarnessError(`${e.message}, and it has not registered once in this run: check that it is switched on and that its Central System URL and identity match the SUT file`));
    });
    await this.registered();
  }

  /** Idle as far as the Central System can tell: Accepted, every connector Available, the Charge Point itself not Unavailable or Faulted. */
  isIdle(v: ObservedChargePoint): boolean {
    const zero = v.statusOf(0);
    return v.registration === 'Accepted' && zero !== 'Unavailable' && zero !== 'Faulted' && this.cp.connectorIds.every((id) => v.statusOf(id) === 'Available');
  }

  /** Nothing the harness did at the charger is left to undo. */
  private physicallyClear(): boolean {
    const p = this.cp.physical;
    return p.cables.size === 0 && p.faults.size === 0 && p.lockFailures.size === 0;
  }

  private describe(v: ObservedChargePoint): string {
    const statuses = [0, ...this.cp.connectorIds].map((id) => `connector ${id} ${v.statusOf(id) ?? 'unknown'}`).join(', ');
    return `registration ${v.registration ?? 'unknown'}, ${statuses}`;
  }

  /**
   * Waits for the charger to be Accepted (a previous scenario may have left it Rejected or Pending: it boots again
   * after the interval, §4.2). A charger that was registered before the harness started may not boot again when it
   * connects: it is power-cycled once, and must then boot (§4.2).
   */
  private async registered(): Promise<void> {
    const { connectMs, messageMs } = this.ctx.sut.timeouts;
    let cycled = false;
    if (this.cp.view.registration === undefined && !(await this.cp.waitForView((v) => v.registration !== undefined, messageMs))) {
      await this.act('power-cycle', {}, 'the Charge Point connected without sending BootNotification.req (it registered before the harness started), so the harness power-cycles it');
      cycled = true;
    }
    const within = connectMs + this.cp.options.bootRetryIntervalMs + messageMs;
    if (!(await this.cp.waitForView((v) => v.registration === 'Accepted', within))) {
      const before = this.cp.view.registration;
      const what = cycled ? 'after a power cycle' : `while ${before ?? 'unregistered'} (the Central System answers Accepted again)`;
      throw failure(this.rule('OCPP 1.6 §4.2', 'booted'), 'missing message', `${this.cp.who} sent no BootNotification.req ${what} within ${formatDuration(within)}`, {
        expected: 'BootNotification.req, answered Accepted', actual: `registration: ${before ?? 'no BootNotification seen'}`,
      });
    }
  }

  /**
   * The status of every connector is known once the boot was accepted (errata §3.22), else asked for with
   * TriggerMessage (§5.17) when the SUT file lists RemoteTrigger or the charger declares it. A charger that reports none of them cannot be
   * judged idle: FAIL, decided once for the run.
   */
  private async statusesKnown(): Promise<void> {
    const { messageMs } = this.ctx.sut.timeouts;
    const unknown = (v: ObservedChargePoint): number[] => this.cp.connectorIds.filter((id) => v.statusOf(id) === undefined);
    if (await this.cp.waitForView((v) => unknown(v).length === 0, messageMs)) return;
    let trigger: string | undefined;
    if (await this.mayTrigger()) {
      // Statuses reported before the harness started are unknown to it: ask for them (§5.17).
      const outcome = await this.cp.call('TriggerMessage', { requestedMessage: 'StatusNotification' }, this.rule('OCPP 1.6 §5.17', 'connector statuses'));
      trigger = outcome.kind === 'result' ? String(outcome.payload['status']) : `CALLERROR ${outcome.code}`;
      if (await this.cp.waitForView((v) => unknown(v).length === 0, messageMs)) return;
    }
    await this.checkConnectorCount();
    const missing = unknown(this.cp.view).map((id) => `connector ${id}`).join(', ');
    const silent = `${this.cp.who} reported no StatusNotification.req for ${missing}`;
    const [clause, message] = trigger === 'Accepted'
      ? ['OCPP 1.6 §5.17', `${silent} after it accepted TriggerMessage.req StatusNotification (waited ${formatDuration(messageMs)})`]
      : ['OCPP 1.6 errata §3.22', `${silent} after its BootNotification.req was accepted (waited ${formatDuration(messageMs)}${trigger ? `; TriggerMessage.req StatusNotification was answered ${trigger}` : ''}), so no case that needs an idle connector can start`];
    throw lasting(failure(this.rule(clause, 'connector statuses'), 'missing message', message, {
      expected: `StatusNotification.req for ${missing}`,
    }));
  }

  /**
   * Whether TriggerMessage may be used: the SUT file lists RemoteTrigger, or the charger itself declares it in
   * SupportedFeatureProfiles (§9.1.29) — what the charger declares it must do, whatever the SUT file runs.
   */
  private async mayTrigger(): Promise<boolean> {
    if (this.ctx.sut.chargePoint?.supportedProfiles.includes('RemoteTrigger')) return true;
    const declared = await new ChargerConfiguration(this.ctx).supportedProfiles(this.rule('OCPP 1.6 §9.1.29', 'supported feature profiles'));
    return declared.some((p) => p.toLowerCase() === 'remotetrigger');
  }

  /** A SUT file that declares more connectors than the charger has is the configuration's fault, not the charger's. */
  private async checkConnectorCount(): Promise<void> {
    const reported = Number(await new ChargerConfiguration(this.ctx).value('NumberOfConnectors', this.rule('OCPP 1.6 §9.1.21', 'connectors')));
    if (Number.isInteger(reported) && reported < this.cp.connectorIds.length) {
      throw lasting(new HarnessError(`the SUT file ${this.ctx.sut.file} declares ${this.cp.connectorIds.length} connectors, the Charge Point reports NumberOfConnectors ${reported}: correct chargePoint.connectors`));
    }
  }

  /** Undoes what the harness did at one connector (0: the Charge Point) and what the charger reports there. */
  private async repair(id: number, missed: MissedStep[]): Promise<void> {
    const { physical, view } = this.cp;
    if (physical.lockFailures.has(id) && (await this.tryAct('lock-failure', { connectorId: id, enabled: false }, missed))) physical.lockFailures.delete(id);
    if (physical.faults.has(id) && (await this.tryAct('clear-fault', { connectorId: id }, missed))) physical.faults.delete(id);
    const status = view.statusOf(id);
    const tx = view.activeTransactionOn(id);
    if (tx && status && TRANSACTION_STATUSES.includes(status)) {
      await this.cp.call('RemoteStopTransaction', { transactionId: tx.transactionId }, this.rule('OCPP 1.6 §5.12', 'no transaction'));
      await this.cp.waitForView((v) => !TRANSACTION_STATUSES.includes(v.statusOf(id) ?? ''), this.ctx.sut.timeouts.messageMs);
    }
    if (physical.hasCable(id)) await this.removeCable(id, missed);
    else if (view.statusOf(id) === 'Preparing' && physical.idTags.has(id)) {
      // An authorization waiting for a cable: a second presentation of the same idTag ends it (§4.9 B1).
      await this.tryAct('present-idTag', { idTag: physical.idTags.get(id), connectorId: id }, missed);
    } else if (['Preparing', 'Finishing'].includes(view.statusOf(id) ?? '')) {
      // Occupied by something the harness did not do (a cable left from an earlier run): ask for it to be taken away
      // (a rig may answer that it has nothing to unplug: what the charger reports next decides).
      await this.tryAct('unplug', { connectorId: id }, missed).catch(() => false);
    }
    if (view.statusOf(id) === 'Unavailable') await this.makeOperative(id);
  }

  /** ChangeAvailability Operative; once accepted, the charger reports the new status (§5.2). */
  private async makeOperative(id: number): Promise<void> {
    const rule = this.rule('OCPP 1.6 §5.2', 'connectors available');
    const outcome = await this.cp.call('ChangeAvailability', { connectorId: id, type: 'Operative' }, rule);
    if (outcome.kind !== 'result' || outcome.payload['status'] !== 'Accepted') return;
    const { messageMs } = this.ctx.sut.timeouts;
    if (await this.cp.waitForView((v) => v.statusOf(id) !== 'Unavailable', messageMs)) return;
    throw failure(rule, 'missing message', `${this.cp.who} accepted ChangeAvailability Operative for connector ${id} but reported no new status within ${formatDuration(messageMs)}`, {
      expected: `StatusNotification.req for connector ${id}, not Unavailable`,
    });
  }

  /** Unplugs what is attached; a cable still locked in the socket is unlocked first (§5.18). */
  private async removeCable(id: number, missed: MissedStep[]): Promise<void> {
    const physical = this.cp.physical;
    if (physical.cables.get(id) === 'in-socket' && !this.cp.fixedCable) await this.unlock(id);
    // A rig may refuse to unplug a cable that is still locked: unlock it and try once more.
    const unplugged = await this.ctx.act('unplug', { connectorId: id }).then(() => true, async () => {
      await this.unlock(id);
      return this.tryAct('unplug', { connectorId: id }, missed);
    });
    if (!unplugged) return;
    physical.cables.delete(id);
    if (await this.cp.waitForView((v) => v.statusOf(id) === 'Available', this.ctx.sut.timeouts.responseMs)) return;
    // The first unplug freed the EV side only: take the cable out of the socket as well (if the rig has one left).
    await this.unlock(id);
    await this.tryAct('unplug', { connectorId: id }, missed).catch(() => false);
  }

  private async unlock(id: number): Promise<void> {
    if (this.cp.fixedCable) return;
    await this.cp.call('UnlockConnector', { connectorId: id }, this.rule('OCPP 1.6 §5.18', 'no cable attached'));
  }

  /** The last resort: switch the charger off and on, and wait for it to boot (§4.2). False when it could not be done. */
  private async powerCycle(missed: MissedStep[]): Promise<boolean> {
    const { connectMs, messageMs } = this.ctx.sut.timeouts;
    if (!(await this.tryAct('power-cycle', {}, missed))) return false;
    await this.cp.expect('BootNotification', {}, this.rule('OCPP 1.6 §4.2', 'booted after a power cycle'), connectMs + messageMs);
    await this.registered();
    await this.statusesKnown();
    return true;
  }

  /**
   * Why idle was not reached after every step the harness could take: an actuator step that did not happen
   * (INCONCLUSIVE), or a state the charger stays in whatever the harness does (INCONCLUSIVE: the bench is not in the
   * state the cases need). Decided once for the run unless a step only timed out (a person may be back next time).
   */
  private notIdle(missed: readonly MissedStep[]): OperatorTimeout {
    const state = this.describe(this.cp.view);
    if (missed.length > 0) {
      const error = new OperatorTimeout(`the Charge Point could not be brought back to idle (${state}): ${missed.map((m) => m.message).join('; ')}`);
      return missed.every((m) => m.unavailable) ? lasting(error) : error;
    }
    return lasting(new OperatorTimeout(`the Charge Point stays out of idle (${state}) after every step the harness can take (repairs through OCPP and the actuator, a power cycle): clear the connectors at the charger (a cable, a fault, an occupant the harness did not cause) before the next run`));
  }

  /** An actuator step that must happen; when it cannot, the case is INCONCLUSIVE, and decided for the run when it never can. */
  private async act(action: ActionName, params: Readonly<Record<string, unknown>> = {}, why?: string): Promise<void> {
    const missed: MissedStep[] = [];
    if (await this.tryAct(action, params, missed, why)) return;
    const error = new OperatorTimeout((missed[0] as MissedStep).message);
    throw (missed[0] as MissedStep).unavailable ? lasting(error) : error;
  }

  /** An actuator step; false (and the miss recorded) when it did not happen. Other errors (a rig answering 4xx/5xx) are the harness's. */
  private async tryAct(action: ActionName, params: Readonly<Record<string, unknown>>, missed: MissedStep[], why?: string): Promise<boolean> {
    try {
      await this.ctx.act(action, params);
      return true;
    } catch (e) {
      if (!(e instanceof OperatorTimeout)) throw e;
      const { unavailable } = e;
      const fix = unavailable ? ` (to fix: give the SUT file's actuator an "actions.${action}" template, or run it at a terminal with the prompt)` : '';
      missed.push({ message: `${why ? `${why}: ` : ''}the step "${action}" did not happen: ${e.message}${fix}`, unavailable });
      return false;
    }
  }

  /** Empty Authorization Cache (§5.4) and no Local Authorization List (§5.10, §5.15), as §1.3 of the document requires. */
  private async clearAuthorizationData(profiles: readonly string[]): Promise<void> {
    await this.cp.call('ClearCache', {}, this.rule('OCPP 1.6 §5.4', 'empty Authorization Cache'));
    if (!profiles.includes('LocalAuthListManagement')) return;
    const rule = this.rule('OCPP 1.6 §5.10', 'no Local Authorization List');
    const outcome = await this.cp.call('GetLocalListVersion', {}, rule);
    const version = outcome.kind === 'result' ? Number(outcome.payload['listVersion']) : 0;
    if (version > 0) {
      await this.cp.call('SendLocalList', { listVersion: version + 1, updateType: 'Full' }, this.rule('OCPP 1.6 §5.15', 'no Local Authorization List'));
    }
  }
}

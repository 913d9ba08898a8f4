/**
 * The general pre- and post-conditions of the test case document (§1.3) for a Charge Point under test: connected
 * and Accepted, every connector Available, no transaction, no fault, empty Authorization Cache and no Local
 * Authorization List, the SUT file's configuration (short timers, MinimumStatusDuration 0). `establish` brings the
 * charger there from whatever the previous scenario left, with OCPP and the actuator only (so a real charger with a
 * person at the prompts works the same); `restore` is what a scenario runs when it ends.
 */
import { ConformanceAssertionError, HarnessError, NotApplicable } from '../../reporting/errors';
import type { RuleContext } from '../ocpp-connection';
import { forgetCallsBefore } from './call-waits';
import { ChargerConfiguration } from './charger-configuration';
import type { ObservedChargePoint } from './observed-charge-point';
import type { ScenarioContext } from './scenario-context';

const TRANSACTION_STATUSES = ['Charging', 'SuspendedEV', 'SuspendedEVSE'];

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
    try {
      await this.prepare(profile);
    } catch (e) {
      // The charger went away while being prepared (still restarting after the previous scenario): once more.
      if (!(e instanceof ConformanceAssertionError && / closed the connection before /.test(e.detail.message))) throw e;
      await this.prepare(profile);
    }
    // What the charger sent while it was being prepared belongs to no step of the case.
    forgetCallsBefore(this.cp, Number.MAX_SAFE_INTEGER);
  }

  private async prepare(profile: string | undefined): Promise<void> {
    await this.restore();
    const config = new ChargerConfiguration(this.ctx);
    const profiles = await config.supportedProfiles(this.rule('OCPP 1.6 §9.1.29', 'supported feature profiles'));
    if (profile && profile !== 'Core' && !profiles.includes(profile)) {
      throw new NotApplicable(`the SUT file lists the ${profile} profile, but the Charge Point's SupportedFeatureProfiles is "${profiles.join(',')}" (the SUT file does not match the charger)`);
    }
    await config.applyBaseline();
    // Pushed after the baseline's restorations: idle is restored while the short timers still apply.
    this.ctx.cleanups.push(() => this.restore());
    await this.clearAuthorizationData(profiles);
  }

  /** Brings the charger back to idle: registered, no transaction, no cable, no fault, every connector Available. */
  async restore(): Promise<void> {
    // The case's own answers (a Rejected registration, a refused idTag) would keep the charger from idle.
    this.cp.restoreDefaultAnswers();
    const physical = this.cp.physical;
    if (physical.networkDown) {
      await this.ctx.act('network-restore');
      physical.networkDown = false;
    }
    if (physical.localListFailing) {
      await this.ctx.act('local-list-failure', { enabled: false });
      physical.localListFailing = false;
    }
    await this.cp.connection();
    await this.registered();
    const { messageMs } = this.ctx.sut.timeouts;
    const known = (v: ObservedChargePoint): boolean => this.cp.connectorIds.every((id) => v.statusOf(id) !== undefined);
    if (!(await this.cp.waitForView(known, messageMs)) && this.ctx.sut.chargePoint?.supportedProfiles.includes('RemoteTrigger')) {
      // Statuses reported before the harness started are unknown to it: ask for them (§5.17).
      await this.cp.call('TriggerMessage', { requestedMessage: 'StatusNotification' }, this.rule('OCPP 1.6 §5.17', 'connector statuses'));
      await this.cp.waitForView(known, messageMs);
    }
    if (this.isIdle(this.cp.view) && this.physicallyClear()) return;
    await this.repair(0);
    for (const id of this.cp.connectorIds) await this.repair(id);
    if (await this.cp.waitForView((v) => this.isIdle(v), messageMs)) return;
    await this.powerCycle();
    if (await this.cp.waitForView((v) => this.isIdle(v), messageMs)) return;
    throw new HarnessError(`the Charge Point could not be brought back to idle (the general preconditions of the test cases): ${this.describe(this.cp.view)}`);
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
   * Waits for the charger to be Accepted (a previous scenario may have left it Rejected or Pending). A charger that
   * was registered before the harness started may not boot again when it connects: it is power-cycled once.
   */
  private async registered(): Promise<void> {
    const { connectMs, messageMs } = this.ctx.sut.timeouts;
    if (this.cp.view.registration === undefined && !(await this.cp.waitForView((v) => v.registration !== undefined, messageMs))) {
      await this.ctx.act('power-cycle');
    }
    const within = connectMs + this.cp.options.bootRetryIntervalMs + messageMs;
    if (!(await this.cp.waitForView((v) => v.registration === 'Accepted', within))) {
      throw new HarnessError(`the Charge Point was not Accepted by the harness's Central System within ${Math.round(within / 1000)} s (registration: ${this.cp.view.registration ?? 'no BootNotification seen'})`);
    }
  }

  /** Undoes what the harness did at one connector (0: the Charge Point) and what the charger reports there. */
  private async repair(id: number): Promise<void> {
    const { physical, view } = this.cp;
    if (physical.lockFailures.delete(id)) await this.ctx.act('lock-failure', { connectorId: id, enabled: false });
    if (physical.faults.delete(id)) await this.ctx.act('clear-fault', { connectorId: id });
    const status = view.statusOf(id);
    const tx = view.activeTransactionOn(id);
    if (tx && status && TRANSACTION_STATUSES.includes(status)) {
      await this.cp.call('RemoteStopTransaction', { transactionId: tx.transactionId }, this.rule('OCPP 1.6 §5.12', 'no transaction'));
      await this.cp.waitForView((v) => !TRANSACTION_STATUSES.includes(v.statusOf(id) ?? ''), this.ctx.sut.timeouts.messageMs);
    }
    if (physical.hasCable(id)) await this.removeCable(id);
    else if (view.statusOf(id) === 'Preparing' && physical.idTags.has(id)) {
      // An authorization waiting for a cable: a second presentation of the same idTag ends it (§4.9 B1).
      await this.ctx.act('present-idTag', { idTag: physical.idTags.get(id), connectorId: id });
    } else if (['Preparing', 'Finishing'].includes(view.statusOf(id) ?? '')) {
      // Occupied by something the harness did not do (a cable left from an earlier run): ask for it to be taken away.
      await this.ctx.act('unplug', { connectorId: id }).catch(() => undefined);
    }
    if (view.statusOf(id) === 'Unavailable') {
      await this.cp.call('ChangeAvailability', { connectorId: id, type: 'Operative' }, this.rule('OCPP 1.6 §5.2', 'connectors available'));
    }
  }

  /** Unplugs what is attached; a cable still locked in the socket is unlocked first (§5.18). */
  private async removeCable(id: number): Promise<void> {
    const physical = this.cp.physical;
    if (physical.cables.get(id) === 'in-socket' && !this.cp.fixedCable) await this.unlock(id);
    await this.ctx.act('unplug', { connectorId: id }).catch(async () => {
      await this.unlock(id);
      await this.ctx.act('unplug', { connectorId: id });
    });
    physical.cables.delete(id);
    if (await this.cp.waitForView((v) => v.statusOf(id) === 'Available', this.ctx.sut.timeouts.responseMs)) return;
    // The first unplug freed the EV side only: take the cable out of the socket as well.
    await this.unlock(id);
    await this.ctx.act('unplug', { connectorId: id }).catch(() => undefined);
  }

  private async unlock(id: number): Promise<void> {
    if (this.cp.fixedCable) return;
    await this.cp.call('UnlockConnector', { connectorId: id }, this.rule('OCPP 1.6 §5.18', 'no cable attached'));
  }

  /** The last resort: switch the charger off and on, and wait for it to boot. */
  private async powerCycle(): Promise<void> {
    const { connectMs, messageMs } = this.ctx.sut.timeouts;
    await this.ctx.act('power-cycle');
    await this.cp.expect('BootNotification', {}, this.rule('OCPP 1.6 §4.2', 'booted'), connectMs + messageMs);
    await this.registered();
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

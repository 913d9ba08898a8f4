/**
 * A running transaction across a reset or a power failure (OCPP 1.6 §5.14, errata §3.36, §4.10, §7.36): which
 * comes first, the StopTransaction.req or the BootNotification.req, decides what the charger did.
 */
import type { ReceivedCall } from '../../recording/mailbox';
import type { RuleContext } from '../ocpp-connection';
import { BootFlows } from './boot-flows';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';
import { SessionFlows } from './session-flows';

const RESUMED = ['Preparing', 'Finishing', 'Charging'];

export class RestartFlows {
  private readonly session: SessionFlows;
  private readonly boots: BootFlows;

  constructor(private readonly ctx: ScenarioContext) {
    this.session = new SessionFlows(ctx);
    this.boots = new BootFlows(ctx);
  }

  private get cp() {
    return this.ctx.chargePoint;
  }

  /** Whichever the charger sends first after a reset: the transaction's StopTransaction.req or BootNotification.req. */
  private async stopOrBoot(rule: RuleContext): Promise<{ stop?: ReceivedCall; boot?: ReceivedCall }> {
    const { connectMs, messageMs } = this.ctx.sut.timeouts;
    const first = await this.cp.expectations.expectFirstOf([
      { action: 'StopTransaction', payload: { transactionId: this.session.transactionId } },
      { action: 'BootNotification' },
    ], connectMs + messageMs, rule);
    return first.index === 0 ? { stop: first.call } : { boot: first.call };
  }

  /**
   * Hard reset (errata §3.36): StopTransaction.req with one of `reasons` before the reboot, followed by Finishing, or
   * after the reboot and its acceptance; BootNotification.req either way.
   */
  async expectHardResetStop(reasons: readonly string[], rule: RuleContext): Promise<void> {
    const { stop, boot } = await this.stopOrBoot(rule);
    if (stop) {
      this.session.checkStop(stop, reasons, rule);
      await this.session.expectStatus(['Finishing'], { ...rule, rule: 'OCPP 1.6 §4.9' });
      await this.boots.expectBoot({ ...rule, rule: 'OCPP 1.6 §4.2' });
      return;
    }
    this.boots.acceptBoot(boot as ReceivedCall, { ...rule, rule: 'OCPP 1.6 §4.2' });
    const after = await this.cp.expect('StopTransaction', { transactionId: this.session.transactionId }, rule);
    this.session.checkStop(after, reasons, rule);
  }

  /** Soft reset (§5.14): StopTransaction.req with one of `reasons` and a status of `statuses`, both before the reboot. */
  async expectStopBeforeReset(reasons: readonly string[], statuses: readonly string[], rule: RuleContext): Promise<void> {
    const { stop, boot } = await this.stopOrBoot(rule);
    if (boot) {
      throw failure(rule, 'missing message', `${this.cp.who} rebooted without first sending StopTransaction.req for the running transaction ${this.session.transactionId}`, {
        expected: 'StopTransaction.req before the reset', calls: [boot],
      });
    }
    this.session.checkStop(stop as ReceivedCall, reasons, rule);
    await this.session.expectStatus(statuses, { ...rule, rule: 'OCPP 1.6 §4.9' });
  }

  /** The power fails and returns; with a switchable backup supply, as the scenario chose. */
  async powerFailure(): Promise<void> {
    const backup = this.ctx.memory.get('backupPower');
    await this.ctx.act('power-cycle', this.cp.options.backupPowerSupply === 'switchable' && typeof backup === 'boolean' ? { backupPower: backup } : {});
  }

  /**
   * TC_032_2_CS after the boot: the connector under test reports a session status (Unavailable or Available first is
   * allowed), the others Available; a resumed transaction is stopped by the EV driver (reason Local or omitted,
   * then Preparing or Finishing), otherwise the charger stops it with reason PowerLoss.
   */
  async expectInterruptedTransactionEnded(rule: (clause: string) => RuleContext): Promise<void> {
    const c = this.cp.connectorUnderTest;
    await this.boots.expectStatusesAfterBoot(rule('OCPP 1.6 errata §3.22'), (id) => ({
      statuses: id === c ? [...RESUMED, 'Unavailable', 'Available'] : ['Available'], rule: rule('OCPP 1.6 §4.9'),
    }));
    let status = this.cp.view.statusOf(c) ?? '';
    if (!RESUMED.includes(status)) status = String((await this.session.expectStatus(RESUMED, rule('OCPP 1.6 §4.9'))).payload['status']);
    if (status === 'Charging') {
      await this.session.present(this.ctx.sut.idTags.valid);
      await this.session.expectStopAndStatus(['Local'], ['Preparing', 'Finishing'], rule('OCPP 1.6 §4.10'), rule('OCPP 1.6 §7.36'));
      return;
    }
    const stop = await this.cp.expect('StopTransaction', { transactionId: this.session.transactionId }, rule('OCPP 1.6 §4.10'));
    // Preparing or Finishing was reported already: step 7 is only sent when it was not.
    this.session.checkStop(stop, ['PowerLoss'], rule('OCPP 1.6 §7.36'));
  }
}

/**
 * The Charge Point without its connection to the Central System (OCPP 1.6 §3.5, §3.7): the network is pulled and
 * plugged back through the actuator, the charger reconnects, and what it queued is judged. A real charger may keep
 * a dead socket open for a while: the harness waits for a new connection, whatever it noticed of the old one.
 */
import type { RuleContext } from '../ocpp-connection';
import { forgetCallsBefore } from './call-waits';
import { ChargerConfiguration } from './charger-configuration';
import { failure } from './failure';
import { LocalListFlows } from './local-list-flows';
import { MeterValueChecks } from './meter-value-checks';
import type { ScenarioContext } from './scenario-context';
import { SessionFlows } from './session-flows';

export class OfflineFlows {
  constructor(private readonly ctx: ScenarioContext) {}

  private get cp() {
    return this.ctx.chargePoint;
  }

  /** The network is pulled; the CALLs the charger sent before are not judged by the offline steps. */
  async loseConnection(): Promise<void> {
    forgetCallsBefore(this.cp, Number.MAX_SAFE_INTEGER);
    this.ctx.memory.set('offline:mark', this.cp.mark());
    this.ctx.memory.set('offline:at', Date.now());
    await this.ctx.act('network-drop');
    this.cp.physical.networkDown = true;
  }

  /** The network is plugged back; waits for the charger's new connection. */
  async regainConnection(): Promise<void> {
    await this.ctx.act('network-restore');
    this.cp.physical.networkDown = false;
    await this.cp.reconnected(Number(this.ctx.memory.get('offline:mark') ?? this.cp.mark()));
    this.ctx.memory.set('online:at', Date.now());
  }

  /** Stays offline for `intervals` MeterValueSampleIntervals and the tolerance (nothing can arrive meanwhile). */
  async stayOffline(intervals: number): Promise<void> {
    const rule = this.ctx.rule('OCPP 1.6 §3.7');
    const seconds = await new ChargerConfiguration(this.ctx).seconds('MeterValueSampleInterval', rule);
    await this.cp.expectNone('MeterValues', {}, intervals * seconds * 1000 + this.ctx.sut.tolerances.intervalMs, rule);
  }

  /** The MeterValues.req taken while offline (TC_036_CS). */
  expectQueuedMeterValues(): Promise<void> {
    return new MeterValueChecks(this.ctx).expectQueued(Number(this.ctx.memory.get('offline:at')), Number(this.ctx.memory.get('online:at')));
  }

  /**
   * Before configuration and memory states of TC_037/TC_039: LocalAuthorizeOffline true; LocalAuthListEnabled,
   * AuthorizationCacheEnabled and AllowOfflineTxForUnknownId true where implemented; `idTag` cached (an Accepted idTag
   * only: the Central System would not cache another) and in the Local Authorization List where supported.
   */
  async mayAuthorizeOffline(idTag: string, accepted: boolean): Promise<void> {
    const config = new ChargerConfiguration(this.ctx);
    await config.set('LocalAuthorizeOffline', 'true');
    await config.set('LocalAuthListEnabled', 'true', { optional: true });
    await config.set('AuthorizationCacheEnabled', 'true', { optional: true });
    await config.set('AllowOfflineTxForUnknownId', 'true', { optional: true });
    if (accepted && this.ctx.memory.get('config:AuthorizationCacheEnabled') === 'true') await new SessionFlows(this.ctx).cached(idTag);
    const profiles = await config.supportedProfiles(this.ctx.rule('OCPP 1.6 §9.1.29'));
    if (profiles.includes('LocalAuthListManagement')) await new LocalListFlows(this.ctx).listed(idTag);
  }

  /**
   * TC_039_CS: StartTransaction.req for `idTag`, then StopTransaction.req of that transaction with one of `reasons`,
   * in that order (§3.7: transaction-related messages are delivered in chronological order).
   */
  async expectStartThenStop(idTag: string, reasons: readonly string[], step: string | undefined): Promise<void> {
    const order = this.ctx.rule('OCPP 1.6 §3.7', step);
    const session = new SessionFlows(this.ctx);
    const start = await this.cp.expect('StartTransaction', { connectorId: this.cp.connectorUnderTest }, order);
    const transactionId = await session.transactionOf(start);
    const stop = await this.cp.expect('StopTransaction', {}, order);
    if (stop.record.seq < start.record.seq || stop.payload['transactionId'] !== transactionId) {
      throw failure(order, 'behaviour', `${this.cp.who} sent StopTransaction.req for transaction ${String(stop.payload['transactionId'])} ${stop.record.seq < start.record.seq ? 'before' : 'after'} the StartTransaction.req that got transactionId ${transactionId}`, {
        expected: `StartTransaction.req, then StopTransaction.req with transactionId ${transactionId}`, calls: [start, stop],
      });
    }
    const idTagRule: RuleContext = this.ctx.rule('OCPP 1.6 §4.8', step);
    if (String(start.payload['idTag']).toLowerCase() !== idTag.toLowerCase()) {
      throw failure(idTagRule, 'behaviour', `${this.cp.who} sent StartTransaction.req for idTag ${JSON.stringify(start.payload['idTag'])}`, { expected: `idTag "${idTag}"`, calls: [start] });
    }
    session.checkStop(stop, reasons, this.ctx.rule('OCPP 1.6 §7.36', step));
  }
}

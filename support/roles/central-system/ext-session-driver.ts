/**
 * Drives a plain charging session at the Charge Point under test through the SUT file's actuator (plug in, present
 * the card, present it again, unplug) and waits for the messages that show each stage happened. It remembers what
 * it did at the charger, so that a scenario ending half-way can leave the connector free again.
 */
import type { ReceivedCall } from '../../recording/mailbox';
import { oneOf } from '../../recording/payload-pattern';
import type { ActionName } from '../../sut/actuators/actions';
import type { SutConfig } from '../../sut/sut-config';
import type { RuleContext } from '../expectations';
import type { ObservedChargePoint } from './observed-charge-point';
import type { ScenarioCalls } from './ext-scenario-calls';

export type Act = (action: ActionName, params: Readonly<Record<string, unknown>>) => Promise<unknown>;

export class SessionDriver {
  private plugged = false;

  constructor(
    private readonly calls: ScenarioCalls,
    private readonly act: Act,
    private readonly view: ObservedChargePoint,
    private readonly sut: SutConfig,
  ) {}

  /** Plugs in and presents `idTag`; resolves with the StartTransaction.req once the connector charges (§4.8, §4.9). */
  async start(connectorId: number, idTag: string, rule: RuleContext): Promise<ReceivedCall> {
    await this.act('plug-in', { connectorId });
    this.plugged = true;
    await this.act('present-idTag', { idTag, connectorId });
    const within = this.sut.timeouts.messageMs;
    const start = await this.calls.expect({ action: 'StartTransaction', payload: { connectorId } }, within, rule);
    await this.calls.expect({ action: 'StatusNotification', payload: { connectorId, status: oneOf('Charging', 'SuspendedEV', 'SuspendedEVSE') } }, within, rule, start.record);
    return start;
  }

  /** Presents `idTag` again to stop, then unplugs; resolves once the connector is Available again (§4.10, §4.9). */
  async stop(connectorId: number, idTag: string, rule: RuleContext): Promise<void> {
    const within = this.sut.timeouts.messageMs;
    await this.act('present-idTag', { idTag, connectorId });
    const stop = await this.calls.expect({ action: 'StopTransaction', payload: {} }, within, rule);
    await this.act('unplug', { connectorId });
    this.plugged = false;
    await this.calls.expect({ action: 'StatusNotification', payload: { connectorId, status: 'Available' } }, within, rule, stop.record);
  }

  /** Clean-up: stops a transaction still running on the connector and takes the cable away. */
  async leaveFree(connectorId: number, idTag: string): Promise<void> {
    if (this.view.activeTransactionOn(connectorId)) await this.act('present-idTag', { idTag, connectorId });
    if (this.plugged) await this.act('unplug', { connectorId });
    this.plugged = false;
  }
}

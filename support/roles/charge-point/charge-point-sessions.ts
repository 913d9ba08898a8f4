/**
 * What the emulated Charge Point does as a charger, per connector: transactions started and stopped (OCPP 1.6
 * §4.8, §4.10), transactions started and stopped while offline and sent once the connection is back (§3.6: the
 * transaction messages are queued and delivered in order), and the ConnectionTimeOut after which a connector that
 * got no cable goes back to Available (§9.1.9). The Central System's answers are returned to the step that judges them.
 */
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import type { RuleContext } from '../ocpp-connection';
import { HarnessError } from '../../reporting/errors';
import type { EmulatedChargePoint } from './emulated-charge-point';

/** A transaction on one connector, as the Charge Point knows it. */
export interface Session {
  readonly connectorId: number;
  readonly idTag: string;
  readonly meterStart: number;
  readonly startedAt: string;
  /** Set from StartTransaction.conf; undefined while the start is queued offline. */
  transactionId?: number;
}

interface QueuedMessage {
  readonly action: 'StartTransaction' | 'StopTransaction';
  readonly connectorId: number;
  readonly reason?: string;
  readonly timestamp: string;
}

/** Energy the emulated meter adds during a transaction, Wh: any plausible non-zero amount. */
const CHARGED_WH = 1500;

export class ChargePointSessions {
  private readonly sessions = new Map<number, Session>();
  private readonly queue: QueuedMessage[] = [];

  constructor(private readonly cp: EmulatedChargePoint) {}

  /** The transaction on a connector; a harness error when the scenario has not started one. */
  session(connectorId: number): Session {
    const s = this.sessions.get(connectorId);
    if (!s) throw new HarnessError(`the emulated Charge Point ${this.cp.identity} has no transaction on connector ${connectorId}`);
    return s;
  }

  /** The connector of the only (or first) running transaction. */
  get activeConnector(): number {
    const first = this.sessions.keys().next();
    if (first.done) throw new HarnessError(`the emulated Charge Point ${this.cp.identity} has no transaction`);
    return first.value;
  }

  /**
   * StartTransaction.req (§4.8); the transaction id of the answer is remembered, whatever the idTagInfo status. With
   * a `reservationId` the transaction uses that reservation, which ends (§5.13).
   */
  async start(connectorId: number, idTag: string, rule: RuleContext, reservationId?: number): Promise<CallOutcome> {
    const session: Session = { connectorId, idTag, meterStart: 1000 * connectorId, startedAt: new Date().toISOString() };
    if (reservationId !== undefined) this.cp.reservations.end(reservationId);
    const outcome = await this.cp.send('StartTransaction', {
      connectorId, idTag, meterStart: session.meterStart, timestamp: session.startedAt, ...(reservationId !== undefined ? { reservationId } : {}),
    }, rule);
    this.remember(session, outcome);
    return outcome;
  }

  /**
   * The reusable state Charging (test case document §3.22): Authorize.req, Preparing, StartTransaction.req (optionally
   * using a reservation), Charging. `rules.start` judges StartTransaction.conf, which must accept the tag.
   */
  async charge(connectorId: number, idTag: string, rules: { readonly start: RuleContext; readonly status: RuleContext }, reservationId?: number): Promise<void> {
    await this.cp.sendDefault('Authorize', rules.start, { idTag });
    await this.cp.statusNotification(connectorId, 'Preparing', rules.status);
    await this.start(connectorId, idTag, rules.start, reservationId);
    this.cp.expectLastConf('StartTransaction', { idTagInfo: { status: 'Accepted' } }, rules.start);
    await this.cp.statusNotification(connectorId, 'Charging', rules.status);
  }

  /**
   * StopTransaction.req (§4.10) for the transaction on `connectorId`, with `reason` (§7.20); `idTag` is the tag that
   * stops it, by default the one that started it (another card of the same group may stop it, §3.10).
   */
  async stop(connectorId: number, reason: string, rule: RuleContext, timestamp = new Date().toISOString(), idTag?: string): Promise<CallOutcome> {
    const s = this.session(connectorId);
    if (s.transactionId === undefined) throw new HarnessError(`the transaction on connector ${connectorId} has no transaction id yet`);
    this.sessions.delete(connectorId);
    this.cp.model.transactions.delete(s.transactionId);
    return this.cp.send('StopTransaction', {
      transactionId: s.transactionId, idTag: idTag ?? s.idTag, meterStop: s.meterStart + CHARGED_WH, timestamp, reason,
    }, rule);
  }

  /** While offline: the driver starts a transaction; StartTransaction.req waits in the queue (§3.6). */
  startOffline(connectorId: number, idTag: string): void {
    const session: Session = { connectorId, idTag, meterStart: 1000 * connectorId, startedAt: new Date().toISOString() };
    this.sessions.set(connectorId, session);
    this.queue.push({ action: 'StartTransaction', connectorId, timestamp: session.startedAt });
  }

  /** While offline: the transaction ends; StopTransaction.req waits in the queue behind its start. */
  stopOffline(connectorId: number, reason: string): void {
    this.session(connectorId);
    this.queue.push({ action: 'StopTransaction', connectorId, reason, timestamp: new Date().toISOString() });
  }

  /** Sends the oldest queued transaction message, which must be `action` (the queue keeps its order). */
  async sendQueued(action: QueuedMessage['action'], rule: RuleContext): Promise<CallOutcome> {
    const next = this.queue[0];
    if (!next || next.action !== action) {
      throw new HarnessError(`the emulated Charge Point has ${next ? `${next.action}.req` : 'nothing'} first in its queue, not ${action}.req`);
    }
    this.queue.shift();
    const s = this.session(next.connectorId);
    if (action === 'StopTransaction') return this.stop(next.connectorId, next.reason ?? 'Local', rule, next.timestamp);
    const outcome = await this.cp.send('StartTransaction', { connectorId: s.connectorId, idTag: s.idTag, meterStart: s.meterStart, timestamp: s.startedAt }, rule);
    this.remember(s, outcome);
    return outcome;
  }

  /**
   * Waits the Charge Point's ConnectionTimeOut (its configuration key, seconds) and reports the connector Available
   * again (§4.9: Preparing → Available when no cable came in time). The wait is the charger's own timer.
   */
  async connectionTimeout(connectorId: number, rule: RuleContext): Promise<CallOutcome> {
    const seconds = Number(this.cp.model.configuration.get('ConnectionTimeOut')?.value ?? 30);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    return this.cp.statusNotification(connectorId, 'Available', rule);
  }

  /**
   * Stops every transaction still running when the scenario ends (reason Local), so that a Central System shared by
   * scenarios does not keep the idTag busy (ConcurrentTx). Best effort: the scenario has been judged already.
   */
  async stopAll(): Promise<void> {
    if (!this.cp.isConnected) return;
    for (const [connectorId, s] of [...this.sessions]) {
      if (s.transactionId !== undefined) await this.stop(connectorId, 'Local', { rule: 'OCPP 1.6 §4.10' }).catch(() => undefined);
    }
  }

  private remember(session: Session, outcome: CallOutcome): void {
    const id = outcome.kind === 'result' ? outcome.payload['transactionId'] : undefined;
    if (typeof id !== 'number') return;
    session.transactionId = id;
    this.sessions.set(session.connectorId, session);
    this.cp.model.transactions.set(id, session.connectorId);
  }
}

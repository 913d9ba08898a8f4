/**
 * What the emulated Central System knows of a charge point from the frames it exchanged with it: the last boot,
 * the registration status it answered, each connector's last status, and the transactions it started and stopped.
 * Built from the wire (CALL and the answer the harness sent), so it is right whatever handler answered.
 */
import type { ReceivedCall } from '../../recording/mailbox';
import type { FrameRecord } from '../../recording/frame-record';
import { HarnessError } from '../../reporting/errors';
import { formatDuration } from '../../sut/duration';

export interface ObservedTransaction {
  readonly transactionId: number;
  readonly connectorId: number;
  readonly idTag: string;
  readonly meterStart: number;
  /** StartTransaction.req timestamp, as the charger sent it. */
  readonly timestamp: string;
  readonly startSeq: number;
  stopSeq?: number;
  stopReason?: string;
}

export interface ObservedStatus {
  readonly status: string;
  readonly errorCode: string;
  readonly seq: number;
  readonly mono: number;
}

export class ObservedChargePoint {
  bootPayload: Record<string, unknown> | undefined;
  registration: 'Accepted' | 'Pending' | 'Rejected' | undefined;
  readonly statuses = new Map<number, ObservedStatus>();
  readonly transactions = new Map<number, ObservedTransaction>();
  private readonly listeners = new Set<(call: ReceivedCall) => void>();

  constructor(readonly identity: string) {}

  /** Calls `listener` after each answered CALL has updated the view; returns the function that unsubscribes. */
  onUpdate(listener: (call: ReceivedCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves true as soon as `predicate` holds (checked now and after every answered CALL), false after `withinMs`. */
  waitFor(predicate: (view: ObservedChargePoint) => boolean, withinMs: number): Promise<boolean> {
    if (predicate(this)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        unsubscribe();
        resolve(false);
      }, withinMs);
      const unsubscribe = this.onUpdate(() => {
        if (!predicate(this)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(true);
      });
    });
  }

  /** The answer the harness sent to `call`, once sent (a held answer comes later); a harness error after `withinMs`. */
  async answerTo(call: ReceivedCall, withinMs: number): Promise<FrameRecord> {
    await this.waitFor(() => call.answer !== undefined, withinMs);
    if (!call.answer) throw new HarnessError(`the harness did not answer ${call.action}.req [frame #${call.record.seq}] within ${formatDuration(withinMs)}`);
    return call.answer;
  }

  /**
   * The charger was switched off and on: until it boots again nothing seen before is current (its registration,
   * its connectors' statuses; §4.2, §4.9 rule "after a reboot"). Transactions stay: they may still be stopped.
   */
  forgetBeforeReboot(): void {
    this.registration = undefined;
    this.statuses.clear();
  }

  /** Updates the view from a CALL of the charge point and the answer the harness sent. */
  update(call: ReceivedCall): void {
    const p = call.payload;
    const answer = call.answer?.kind === 'CALLRESULT' ? (call.answer.payload as Record<string, unknown>) : undefined;
    switch (call.action) {
      case 'BootNotification':
        this.bootPayload = p;
        if (answer) this.registration = answer['status'] as ObservedChargePoint['registration'];
        break;
      case 'StatusNotification':
        this.statuses.set(Number(p['connectorId']), { status: String(p['status']), errorCode: String(p['errorCode']), seq: call.record.seq, mono: call.record.mono });
        break;
      case 'StartTransaction': {
        const id = answer?.['transactionId'];
        if (typeof id === 'number') {
          this.transactions.set(id, {
            transactionId: id, connectorId: Number(p['connectorId']), idTag: String(p['idTag']), meterStart: Number(p['meterStart']), timestamp: String(p['timestamp']), startSeq: call.record.seq,
          });
        }
        break;
      }
      case 'StopTransaction': {
        const tx = this.transactions.get(Number(p['transactionId']));
        if (tx) {
          tx.stopSeq = call.record.seq;
          tx.stopReason = typeof p['reason'] === 'string' ? p['reason'] : 'Local';
        }
        break;
      }
      default:
        break;
    }
    for (const listener of [...this.listeners]) listener(call);
  }

  /** Transactions started and not stopped, oldest first. */
  activeTransactions(): ObservedTransaction[] {
    return [...this.transactions.values()].filter((t) => t.stopSeq === undefined);
  }

  /** The running transaction on a connector, if any. */
  activeTransactionOn(connectorId: number): ObservedTransaction | undefined {
    return this.activeTransactions().find((t) => t.connectorId === connectorId);
  }

  statusOf(connectorId: number): string | undefined {
    return this.statuses.get(connectorId)?.status;
  }
}

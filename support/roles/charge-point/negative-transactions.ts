/**
 * Transaction checks of a Central System under test that real chargers trip over: a StopTransaction.req the Central
 * System cannot match must still be acknowledged (OCPP 1.6 §4.10, errata §3.18, §3.7.1), transaction ids must tell
 * running transactions apart across connectors and charge points (OCPP 1.6 errata §3.54, §5.12).
 */
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import type { Finding } from '../../recording/finding';
import { ConformanceAssertionError, HarnessError, NotApplicable } from '../../reporting/errors';
import { expectConf } from '../expectations';
import type { RuleContext } from '../ocpp-connection';
import type { EmulatedChargePoint } from './emulated-charge-point';
import { type NegativeContext, remembered } from './negative-context';

/** A transaction id this harness never saw a Central System give out (and no sane sequence reaches soon). */
export const NEVER_STARTED_TRANSACTION_ID = 2_000_000_017;

interface Started {
  readonly cp: EmulatedChargePoint;
  readonly connectorId: number;
  readonly idTag: string;
  readonly outcome: CallOutcome;
  readonly transactionId: number;
}

const WHO = 'the Central System';

function failure(rule: RuleContext, level: 'SHALL' | 'SHOULD', message: string, expected: string, actual: string, evidence: number[]): ConformanceAssertionError {
  return new ConformanceAssertionError({ rule: rule.rule, step: rule.step, level, category: 'behaviour', message, expected, actual, evidence });
}

export class NegativeTransactions {
  private readonly started: Started[] = [];
  private readonly stops: Array<{ readonly what: string; readonly outcome: CallOutcome }> = [];

  static of(ctx: NegativeContext): NegativeTransactions {
    return remembered(ctx, 'negative-transactions', () => new NegativeTransactions());
  }

  /** One more emulated Charge Point in the scenario, connected and Accepted (OCPP 1.6 §4.2). */
  static async bootAnother(ctx: NegativeContext, name: string, rule: RuleContext): Promise<void> {
    await ctx.newChargePoint(name).connectAndBeAccepted(rule);
  }

  /** StartTransaction.req (§4.8); the answer must be a StartTransaction.conf, whatever its idTagInfo says. */
  async start(cp: EmulatedChargePoint, connectorId: number, idTag: string, rule: RuleContext): Promise<Started> {
    const outcome = await cp.send('StartTransaction', { connectorId, idTag, meterStart: 1000 * connectorId, timestamp: new Date().toISOString() }, rule);
    const payload = expectConf(outcome, 'StartTransaction', {}, rule, WHO);
    const started: Started = { cp, connectorId, idTag, outcome, transactionId: payload['transactionId'] as number };
    this.started.push(started);
    return started;
  }

  /** Starts a transaction on every connector of every charge point, all running at once, then stops them all. */
  async startOnEveryConnector(cps: readonly EmulatedChargePoint[], idTag: string, rule: RuleContext): Promise<void> {
    if (cps.length * Math.min(...cps.map((cp) => cp.connectors)) < 2) throw new NotApplicable('the check needs two transactions running at once');
    for (const cp of cps) {
      for (let connectorId = 1; connectorId <= cp.connectors; connectorId++) await this.start(cp, connectorId, idTag, rule);
    }
    await this.stopAll(rule);
  }

  /** Stops every transaction this scenario started, with a StopTransaction.req each (answered, §4.10). */
  async stopAll(rule: RuleContext): Promise<void> {
    for (const s of this.started) {
      const outcome = await s.cp.send('StopTransaction', {
        transactionId: s.transactionId, idTag: s.idTag, meterStop: 1000 * s.connectorId + 500, timestamp: new Date().toISOString(), reason: 'Local',
      }, rule);
      this.stops.push({ what: `transaction ${s.transactionId}`, outcome });
    }
  }

  /** StopTransaction.req for a transaction the Central System never started (or -1, OCPP 1.6 errata §3.18). */
  async stopUnknown(cp: EmulatedChargePoint, transactionId: number, rule: RuleContext): Promise<void> {
    const outcome = await cp.send('StopTransaction', { transactionId, meterStop: 0, timestamp: new Date().toISOString(), reason: 'Other' }, rule);
    this.stops.push({ what: `transaction ${transactionId}, which it never started`, outcome });
  }

  /**
   * The last StopTransaction.req got a StopTransaction.conf. A CALLERROR is a "failure to process the message"
   * (OCPP 1.6 §3.7.1): the Charge Point resends the message and holds back every later transaction message.
   */
  expectLastStopAcknowledged(rule: RuleContext): void {
    const last = this.stops[this.stops.length - 1];
    if (!last) throw new HarnessError('no StopTransaction.req has been sent in this scenario');
    const { outcome, what } = last;
    if (outcome.kind === 'error') {
      throw failure(rule, 'SHALL', `${WHO} answered StopTransaction.req for ${what} with CALLERROR ${outcome.code}; that is a failure to process the message (OCPP 1.6 §3.7.1), which makes the Charge Point resend it and hold back every later transaction message [frame #${outcome.response.seq}]`,
        'StopTransaction.conf', outcome.response.raw, [outcome.request.seq, outcome.response.seq]);
    }
  }

  /**
   * Every transaction running at once got its own transactionId. Two running transactions of one charge point with
   * one id cannot be told apart by StopTransaction.req, MeterValues.req or RemoteStopTransaction.req (§5.12): a
   * SHALL. Across charge points, and for zero or negative ids, OCPP 1.6 errata §3.54 only RECOMMENDS unique
   * positive ids: a SHOULD.
   */
  expectDistinctIds(rule: RuleContext, warn: (finding: Omit<Finding, 'level'>) => void): void {
    if (this.started.length < 2) throw new HarnessError('fewer than two transactions have been started in this scenario');
    const describe = (s: Started): string => `${s.cp.identity} connector ${s.connectorId}: ${s.transactionId}`;
    const all = this.started.map(describe).join(', ');
    for (const [i, a] of this.started.entries()) {
      for (const b of this.started.slice(i + 1)) {
        if (a.transactionId !== b.transactionId) continue;
        const evidence = [a.outcome.response.seq, b.outcome.response.seq];
        if (a.cp === b.cp) {
          throw failure(rule, 'SHALL', `${WHO} gave transactionId ${a.transactionId} to two transactions running at once on ${a.cp.identity} (connectors ${a.connectorId} and ${b.connectorId}): StopTransaction.req, MeterValues.req and RemoteStopTransaction.req (OCPP 1.6 §5.12) can no longer tell them apart [frames #${evidence.join(', #')}]`,
            'a distinct transactionId per running transaction', all, evidence);
        }
        warn({ rule: rule.rule, category: 'behaviour', message: `${WHO} gave transactionId ${a.transactionId} to transactions of two charge points (${a.cp.identity}, ${b.cp.identity}); unique ids are RECOMMENDED`, seq: b.outcome.response.seq, raw: b.outcome.response.raw });
      }
    }
    for (const s of this.started.filter((t) => t.transactionId <= 0)) {
      warn({ rule: rule.rule, category: 'behaviour', message: `${WHO} gave transactionId ${s.transactionId} (${describe(s)}); positive ids are RECOMMENDED`, seq: s.outcome.response.seq, raw: s.outcome.response.raw });
    }
  }
}

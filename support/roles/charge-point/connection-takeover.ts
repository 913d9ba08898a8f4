/**
 * EXT_CSMS_CONN_001: a charge point power-cycles and its old connection is never closed (it lost power; the Central
 * System's end of the TCP connection stays open, half-open, until a ping or a timeout finds it dead). After the
 * reboot it connects again with the same identity. The connection URL names the charge point (OCPP-J 1.6 §3.1.1)
 * and the Central System matches identity and channel when a connection is established (§5.4); messages must not
 * be lost to a half-open connection (OCPP-J errata §3.9). So the Central System should take the new connection —
 * answer the charge point's CALLs on it — and let the old one go. No clause says SHALL: refusing, or answering on
 * the old connection, is a warning.
 */
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import type { WireLog } from '../../recording/wire-log';
import { ConformanceAssertionError } from '../../reporting/errors';
import { expectConf } from '../expectations';
import type { OcppConnection, RuleContext } from '../ocpp-connection';
import type { EmulatedChargePoint, HandshakeOutcome } from './emulated-charge-point';
import { type NegativeContext, remembered } from './negative-context';

const WHO = 'the Central System';

interface Attempt {
  readonly handshake: HandshakeOutcome;
  readonly old: OcppConnection;
  /** The last trace record before the new handshake: frames on the old connection after it came meanwhile. */
  readonly fromSeq: number;
  readonly answers: Array<{ readonly action: string; readonly outcome?: CallOutcome; readonly failure?: ConformanceAssertionError }>;
}

export class ConnectionTakeover {
  private attempt: Attempt | undefined;

  static of(ctx: NegativeContext): ConnectionTakeover {
    return remembered(ctx, 'connection-takeover', () => new ConnectionTakeover(ctx.chargePointNamed('default'), ctx.bench.log));
  }

  constructor(private readonly cp: EmulatedChargePoint, private readonly log: WireLog) {}

  /**
   * Reboots leaving the old connection open, and on the new connection (if let in) sends BootNotification.req and
   * Heartbeat.req. A missing answer is kept for the judgement, not thrown: the old connection may have carried it.
   */
  async rebootAndBootAgain(rule: RuleContext): Promise<void> {
    const trace = this.log.scenarioTrace();
    const fromSeq = trace.length ? (trace[trace.length - 1]?.seq ?? 0) : 0;
    const { handshake, old } = await this.cp.rebootLeavingOldConnectionOpen();
    const attempt: Attempt = { handshake, old, fromSeq, answers: [] };
    this.attempt = attempt;
    if (!handshake.ok) return;
    for (const action of ['BootNotification', 'Heartbeat']) {
      try {
        attempt.answers.push({ action, outcome: action === 'BootNotification' ? await this.cp.boot(rule) : await this.cp.send(action, {}, rule) });
      } catch (e) {
        if (!(e instanceof ConformanceAssertionError)) throw e;
        attempt.answers.push({ action, failure: e });
        return;
      }
    }
  }

  /** The new connection was let in and both CALLs were answered on it: BootNotification Accepted, then the Heartbeat. */
  expectNewConnectionTaken(rule: RuleContext): void {
    const attempt = this.attempt;
    if (!attempt) throw new Error('the emulated Charge Point has not reconnected in this scenario');
    const id = this.cp.identity;
    const level = rule.level ?? 'SHALL';
    if (!attempt.handshake.ok) {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level, category: 'behaviour',
        message: `${WHO} refused the new connection of ${id} while its old connection was still open: ${attempt.handshake.message}`,
        expected: 'the new connection accepted, the old one let go', actual: attempt.handshake.message,
      });
    }
    for (const { action, outcome, failure } of attempt.answers) {
      if (failure) {
        const onOld = this.framesOnOldConnection(attempt);
        throw new ConformanceAssertionError({
          ...failure.detail, rule: rule.rule, step: rule.step, level,
          message: `${WHO} did not answer ${action}.req on the new connection of ${id}, opened while the old one was still open`
            + `${onOld.length ? ` (it sent ${onOld.length} frame(s) on the old connection meanwhile [frame #${onOld.join(', #')}])` : ''}: ${failure.detail.message}`,
        });
      }
      // Taking the connection is what this case judges: the boot must be Accepted on it; for the Heartbeat any answer
      // on it shows it taken (a CALLERROR there is a §4.6 failure that the Heartbeat cases report, not this one).
      if (outcome && (action === 'BootNotification' || outcome.kind === 'result')) {
        expectConf(outcome, action, action === 'BootNotification' ? { status: 'Accepted' } : {}, rule, `${WHO}, on the new connection,`);
      }
    }
  }

  private framesOnOldConnection(attempt: Attempt): number[] {
    return this.log.scenarioTrace()
      .filter((r) => r.type === 'frame' && r.direction === 'in' && r.connection === attempt.old.label && r.seq > attempt.fromSeq)
      .map((r) => r.seq);
  }
}

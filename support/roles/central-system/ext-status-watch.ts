/**
 * Status reporting of the Charge Point under test (OCPP 1.6 §4.9): the statuses a connector reports during a
 * scenario, in order, and availability set over OCPP (§5.2), which must survive a reboot. The transition table
 * itself is judged on every frame by the monitor check `support/recording/checks/status-transitions.ts`.
 */
import type { Finding } from '../../recording/finding';
import { formatFinding } from '../../recording/finding';
import type { FrameRecord } from '../../recording/frame-record';
import type { ReceivedCall } from '../../recording/mailbox';
import { STATUS_RULE } from '../../recording/checks/status-transitions';
import { ConformanceAssertionError } from '../../reporting/errors';
import type { SutConfig } from '../../sut/sut-config';
import { expectConf, type RuleContext } from '../expectations';
import { oneOf } from '../../recording/payload-pattern';
import type { ChargePointUnderTest } from './charge-point-under-test';
import type { ScenarioCalls } from './ext-scenario-calls';

export class StatusWatch {
  constructor(
    private readonly cp: ChargePointUnderTest,
    private readonly calls: ScenarioCalls,
    private readonly sut: SutConfig,
  ) {}

  private get who(): string {
    return `the Charge Point ${this.cp.identity}`;
  }

  /** ChangeAvailability.req; no transaction runs, so the charger must answer Accepted (§5.2). */
  async setAvailability(connectorId: number, type: 'Operative' | 'Inoperative', rule: RuleContext): Promise<FrameRecord> {
    const outcome = await (await this.cp.connection()).call('ChangeAvailability', { connectorId, type }, rule);
    expectConf(outcome, 'ChangeAvailability', { status: oneOf('Accepted') }, rule, this.who);
    return outcome.response;
  }

  /** Waits for a StatusNotification.req of this scenario reporting `status` for the connector (after `after`). */
  expectStatus(connectorId: number, status: string, rule: RuleContext, after?: FrameRecord): Promise<ReceivedCall> {
    return this.calls.expect({ action: 'StatusNotification', payload: { connectorId, status } }, this.sut.timeouts.messageMs, rule, after);
  }

  /** The first StatusNotification.req for the connector after `after` reports `status`. */
  async expectFirstStatusAfter(connectorId: number, status: string, after: FrameRecord, rule: RuleContext): Promise<void> {
    const call = await this.calls.expect({ action: 'StatusNotification', payload: { connectorId } }, this.sut.timeouts.messageMs, rule, after);
    if (call.payload['status'] !== status) {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'behaviour',
        message: `${this.who} reported connector ${connectorId} as ${String(call.payload['status'])} [frame #${call.record.seq}] after frame #${after.seq}`,
        expected: `status ${status}`, actual: call.record.raw, evidence: [after.seq, call.record.seq],
      });
    }
  }

  /** The connector reported `expected` during this scenario in this order (other statuses may come in between). */
  expectSequence(connectorId: number, expected: readonly string[], rule: RuleContext): void {
    const reported = this.calls.frames((r) => r.direction === 'in' && r.kind === 'CALL' && r.action === 'StatusNotification' &&
      (r.payload as { connectorId?: unknown } | undefined)?.connectorId === connectorId);
    const statuses = reported.map((r) => String((r.payload as { status?: unknown }).status));
    let i = 0;
    for (const s of statuses) if (s === expected[i]) i += 1;
    if (i < expected.length) {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'behaviour',
        message: `${this.who} did not report ${expected[i]} for connector ${connectorId} where the session needed it (after ${expected.slice(0, i).join(', ') || 'the start'})`,
        expected: expected.join(' → '), actual: statuses.join(' → ') || 'no StatusNotification.req', evidence: reported.map((r) => r.seq),
      });
    }
  }

  /** No StatusNotification.req of this scenario broke the §4.9 table (the monitor's findings so far). */
  static expectNoTableFindings(findings: readonly Finding[], rule: RuleContext): void {
    const broken = findings.filter((f) => f.rule === STATUS_RULE && f.level === 'SHALL');
    const [first] = broken;
    if (first) {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: 'SHALL', category: 'behaviour',
        message: `${broken.length} StatusNotification.req broke the §4.9 transition table: ${first.message}`,
        actual: broken.map(formatFinding).join('\n'), evidence: broken.flatMap((f) => (f.seq === undefined ? [] : [f.seq])),
      });
    }
  }
}

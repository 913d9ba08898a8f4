/**
 * Charging sessions at the Charge Point under test, as the test cases drive them: the EV driver's actions (through
 * the actuator, remembered in the physical state) and the messages they must cause (OCPP 1.6 §4.1, §4.8, §4.9,
 * §4.10), including the reusable states Authorized and Charging and the memory state IdTagCached of the test case
 * document (§2.25, §2.26).
 */
import { caseInsensitive, oneOf } from '../../recording/payload-pattern';
import { type ReceivedCall, UnexpectedCall } from '../../recording/mailbox';
import { HarnessError } from '../../reporting/errors';
import type { RuleContext } from '../ocpp-connection';
import { CentralSystemRequests } from './central-system-requests';
import { ChargerConfiguration } from './charger-configuration';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';

/** A StopTransaction.req reason as the test cases name it; `undefined` stands for an omitted reason (= Local). */
export type StopReason = string | undefined;

export class SessionFlows {
  constructor(private readonly ctx: ScenarioContext) {}

  private get cp() {
    return this.ctx.chargePoint;
  }

  private get messageMs(): number {
    return this.ctx.sut.timeouts.messageMs;
  }

  /** The connector the session runs on. */
  get connector(): number {
    return this.cp.connectorUnderTest;
  }

  /** The EV driver plugs the cable into the connector and the EV. */
  async plugIn(connectorId = this.connector): Promise<void> {
    await this.ctx.act('plug-in', { connectorId });
    this.cp.physical.pluggedIn(connectorId);
  }

  /** The EV driver unplugs at the EV side; with a transaction running the cable stays in the socket. */
  async unplug(connectorId = this.connector): Promise<void> {
    const running = this.cp.view.activeTransactionOn(connectorId) !== undefined;
    await this.ctx.act('unplug', { connectorId });
    this.cp.physical.unplugged(connectorId, running);
  }

  /** The EV driver presents an identification at the connector. */
  async present(idTag: string, connectorId = this.connector): Promise<void> {
    await this.ctx.act('present-idTag', { idTag, connectorId });
    this.cp.physical.idTags.set(connectorId, idTag);
  }

  /** The connector lock no longer moves (TC_024_CS, TC_030_CS); undone when the scenario ends. */
  async lockFails(connectorId = this.connector): Promise<void> {
    await this.ctx.act('lock-failure', { connectorId, enabled: true });
    this.cp.physical.lockFailures.add(connectorId);
  }

  /** The whole Charge Point goes into a fault state (TC_041_CS); cleared when the scenario ends. */
  async faultChargePoint(): Promise<void> {
    await this.ctx.act('fault', { connectorId: 0, errorCode: 'OtherError' });
    this.cp.physical.faults.add(0);
  }

  /**
   * Waits for a StatusNotification.req of the connector with one of `statuses` (longer by MinimumStatusDuration when
   * the scenario set one); remembers it by status, e.g. the start of Preparing for ConnectionTimeOut.
   */
  async expectStatus(statuses: readonly string[], rule: RuleContext, connectorId = this.connector, withinMs = this.messageMs): Promise<ReceivedCall> {
    const minimum = Number(this.ctx.memory.get('config:MinimumStatusDuration') ?? 0) * 1000;
    const call = await this.cp.expect('StatusNotification', { connectorId, status: statuses.length === 1 ? statuses[0] : oneOf(...statuses) }, rule, withinMs + minimum);
    this.ctx.memory.set(`status:${connectorId}:${String(call.payload['status'])}`, call);
    return call;
  }

  /** Waits for Authorize.req for `idTag` (idTags compare case-insensitively, §7.28 / errata §3.73). */
  expectAuthorize(idTag: string, rule: RuleContext): Promise<ReceivedCall> {
    return this.cp.expect('Authorize', { idTag: caseInsensitive(idTag) }, rule);
  }

  /**
   * Authorize.req for `idTag` after a remote start when AuthorizeRemoteTxRequests (as read in this scenario) is true
   * and the idTag is not known locally (§5.11); nothing to wait for otherwise.
   */
  async expectRemoteAuthorization(idTag: string, rule: RuleContext): Promise<void> {
    const value = await new ChargerConfiguration(this.ctx).current('AuthorizeRemoteTxRequests', rule);
    if (this.mustAuthorizeRemote(value, idTag)) await this.expectAuthorize(idTag, rule);
  }

  /** StartTransaction.req for `idTag` on the connector; remembers the transactionId the harness gave. */
  async expectStart(idTag: string, rule: RuleContext): Promise<number> {
    return this.transactionOf(await this.cp.expect('StartTransaction', { connectorId: this.connector, idTag: caseInsensitive(idTag) }, rule));
  }

  /** None of `actions` arrives while the harness watches for the SUT file's absence wait. */
  async expectNeither(actions: readonly string[], rule: RuleContext): Promise<void> {
    const during = this.cp.options.absenceWaitMs;
    await Promise.all(actions.map((action) => this.cp.expectNone(action, {}, during, rule)));
  }

  /**
   * The EV side was unplugged with StopTransactionOnEVSideDisconnect false: a suspended status with the info the
   * test case expects (a SHOULD-level warning when the info differs: it is free text), and no StopTransaction.req
   * from the unplugging until the harness stops the transaction itself (TC_005_3_CS step 3): the watch covers the
   * frames already received and the SUT file's absence wait after the status, so a charger that reports the status
   * first and stops a moment later fails too.
   */
  async expectSuspendedKeepingTransaction(statuses: readonly string[], info: string, rule: RuleContext): Promise<void> {
    let call: ReceivedCall;
    try {
      call = await this.expectStatus(statuses, rule);
    } catch (e) {
      // Root cause first: a charger that stopped the transaction reports Finishing, not the suspended status.
      await this.expectTransactionKept(rule, 0);
      throw e;
    }
    const sent = call.payload['info'];
    if (typeof sent !== 'string' || sent.toLowerCase() !== info.toLowerCase()) {
      this.ctx.warn({
        category: 'behaviour', rule: 'OCTT TC_005_3_CS step 1',
        message: `the StatusNotification.req has info ${JSON.stringify(sent)}; the test case expects "${info}" (free text in OCPP 1.6 §6.47)`, seq: call.record.seq,
      });
    }
    await this.expectTransactionKept(rule, this.cp.options.absenceWaitMs);
  }

  /** No StopTransaction.req, neither one already received nor one arriving within `duringMs` (one deadline). */
  private async expectTransactionKept(rule: RuleContext, duringMs: number): Promise<void> {
    try {
      await this.cp.mailbox.expectNone({ action: 'StopTransaction' }, duringMs);
    } catch (e) {
      if (!(e instanceof UnexpectedCall)) throw e;
      const when = e.afterMs < 1 ? 'before the harness began watching' : `${(e.afterMs / 1000).toFixed(1)} s into the ${(duringMs / 1000).toFixed(1)} s watch after the suspended status`;
      throw failure(rule, 'unexpected message', `${this.cp.who} stopped the transaction when the EV side was unplugged (${when}), although StopTransactionOnEVSideDisconnect is false`, { calls: [e.call] });
    }
  }

  /**
   * The idTag that started the transaction was presented: StopTransaction.req and a status of `statuses`, in any
   * order, and no Authorize.req (§4.1: only a different identifier is authorized to stop).
   */
  async expectLocalStop(statuses: readonly string[], rule: RuleContext): Promise<void> {
    const stop = await this.expectStopAndStatus(['Local'], statuses, rule);
    const asked = this.cp.mailbox.pending().filter((c) => c.action === 'Authorize' && c.record.seq < stop.record.seq);
    if (asked.length > 0) {
      throw failure({ ...rule, rule: 'OCPP 1.6 §4.1' }, 'unexpected message', `${this.cp.who} sent Authorize.req for the identifier that started the transaction`, { calls: asked });
    }
  }

  /**
   * StartTransaction.req for `idTag` on the connector and StatusNotification.req Charging, in any order (the
   * document's generic conventions allow the two to be reversed); remembers the transactionId the harness gave.
   */
  async expectStartAndCharging(idTag: string, rule: RuleContext, connectorId = this.connector): Promise<number> {
    const [start] = await this.cp.expectations.expectCallsInAnyOrder([
      { action: 'StartTransaction', payload: { connectorId, idTag: caseInsensitive(idTag) } },
      { action: 'StatusNotification', payload: { connectorId, status: 'Charging' } },
    ], this.messageMs, rule);
    return this.transactionOf(start as ReceivedCall);
  }

  /** The transactionId the harness answered to a StartTransaction.req; remembered as the scenario's transaction. */
  async transactionOf(start: ReceivedCall): Promise<number> {
    const answer = await this.cp.view.answerTo(start, this.ctx.sut.timeouts.responseMs);
    const id = (answer.payload as { transactionId?: unknown } | undefined)?.transactionId;
    if (typeof id !== 'number') throw new HarnessError(`the harness did not answer StartTransaction.req [frame #${start.record.seq}] with a transactionId`);
    this.ctx.memory.set('transactionId', id);
    return id;
  }

  /** The transaction this scenario started. */
  get transactionId(): number {
    const id = this.ctx.memory.get('transactionId');
    if (typeof id !== 'number') throw new HarnessError('no transaction was started in this scenario');
    return id;
  }

  /**
   * StopTransaction.req of the scenario's transaction and StatusNotification.req with one of `statuses`, in any
   * order; then the reason (one of `reasons`, checked against `reasonRule`) and, when given, the idTag.
   */
  async expectStopAndStatus(reasons: readonly StopReason[], statuses: readonly string[], rule: RuleContext, reasonRule: RuleContext = rule, idTag?: string): Promise<ReceivedCall> {
    const [stop] = await this.cp.expectations.expectCallsInAnyOrder([
      { action: 'StopTransaction', payload: { transactionId: this.transactionId } },
      { action: 'StatusNotification', payload: { connectorId: this.connector, status: oneOf(...statuses) } },
    ], this.messageMs, rule);
    this.checkStop(stop as ReceivedCall, reasons, reasonRule, idTag);
    return stop as ReceivedCall;
  }

  /** Judges a StopTransaction.req: its reason is one of `reasons`, and it carries `idTag` when given. */
  checkStop(stop: ReceivedCall, reasons: readonly StopReason[], rule: RuleContext, idTag?: string): void {
    const reason = stop.payload['reason'] as string | undefined;
    if (!reasons.includes(reason) && !(reason === undefined && reasons.includes('Local'))) {
      const wanted = reasons.map((r) => (r === undefined ? 'omitted' : `"${r}"`)).join(' or ');
      throw failure(rule, 'behaviour', `${this.cp.who} stopped the transaction with reason ${reason === undefined ? 'omitted' : `"${reason}"`}`, {
        expected: `reason ${wanted}`, calls: [stop],
      });
    }
    const sent = stop.payload['idTag'];
    if (idTag !== undefined && (typeof sent !== 'string' || sent.toLowerCase() !== idTag.toLowerCase())) {
      throw failure(rule, 'behaviour', `${this.cp.who} sent StopTransaction.req with idTag ${JSON.stringify(sent)}`, {
        expected: `idTag "${idTag}" (case-insensitive)`, calls: [stop],
      });
    }
  }

  /** Reusable state Authorized: the EV driver presents `idTag`; Authorize.req and (unless already) Preparing. */
  async authorized(idTag: string, rule: (step: string) => RuleContext = (s) => this.ctx.rule('OCPP 1.6 §4.1', `reusable state Authorized ${s}`)): Promise<void> {
    const alreadyPreparing = this.cp.view.statusOf(this.connector) === 'Preparing';
    await this.present(idTag);
    await this.expectAuthorize(idTag, rule('step 1'));
    if (!alreadyPreparing) await this.expectStatus(['Preparing'], { ...rule('step 3'), rule: 'OCPP 1.6 §4.9' });
  }

  /**
   * Reusable state Charging: plug-in first and a remote start for `idTag` on the connector under test (§5.11):
   * Preparing, RemoteStartTransaction.conf Accepted, Authorize.req when AuthorizeRemoteTxRequests is true (and
   * the idTag is not known locally), then StartTransaction.req and Charging.
   */
  async charging(idTag: string): Promise<number> {
    const rule = (clause: string, step: string): RuleContext => this.ctx.rule(clause, `reusable state Charging ${step}`);
    const authorizeRemote = await new ChargerConfiguration(this.ctx).value('AuthorizeRemoteTxRequests', rule('OCPP 1.6 §5.8', 'step 2'));
    await this.plugIn();
    await this.expectStatus(['Preparing'], rule('OCPP 1.6 §4.9', 'step 3'));
    await this.remoteStart(idTag, rule('OCPP 1.6 §5.11', 'step 6'));
    if (this.mustAuthorizeRemote(authorizeRemote, idTag)) await this.expectAuthorize(idTag, rule('OCPP 1.6 §5.11', 'step 9'));
    return this.expectStartAndCharging(idTag, rule('OCPP 1.6 §4.8', 'steps 11 and 13'));
  }

  /** RemoteStartTransaction.req of a test case step (connectorId 0 on purpose in TC_027_CS); its answer is kept for the Then. */
  async sendRemoteStart(idTag: string, connectorId: number, rule: RuleContext): Promise<void> {
    await new CentralSystemRequests(this.ctx).send('RemoteStartTransaction', { connectorId, idTag }, rule);
    this.cp.physical.idTags.set(connectorId === 0 ? this.connector : connectorId, idTag);
  }

  /** RemoteStartTransaction.req for `idTag` on the connector under test, which must be Accepted. */
  async remoteStart(idTag: string, rule: RuleContext): Promise<void> {
    await new CentralSystemRequests(this.ctx).request('RemoteStartTransaction', { connectorId: this.connector, idTag }, { status: 'Accepted' }, rule);
    this.cp.physical.idTags.set(this.connector, idTag);
  }

  /** §5.11: with AuthorizeRemoteTxRequests true the charger authorizes first, by Authorize.req unless it knows the idTag locally. */
  mustAuthorizeRemote(authorizeRemoteTxRequests: string | undefined, idTag: string): boolean {
    return authorizeRemoteTxRequests?.toLowerCase() === 'true' && !this.ctx.memory.has(`locally-known:${idTag.toLowerCase()}`);
  }

  /** Marks an idTag as known to the charger's cache or local list in this scenario (it may then skip Authorize.req). */
  knownLocally(idTag: string): void {
    this.ctx.memory.set(`locally-known:${idTag.toLowerCase()}`, true);
  }

  /**
   * Memory state IdTagCached: a transaction for `idTag` (reusable state Charging), stopped by the same card,
   * then the cable unplugged: the idTag's IdTagInfo is now in the Authorization Cache (§3.5.1).
   */
  async cached(idTag: string): Promise<void> {
    const rule = (clause: string, step: string): RuleContext => this.ctx.rule(clause, `memory state IdTagCached ${step}`);
    await this.charging(idTag);
    await this.present(idTag);
    await this.expectStopAndStatus(['Local'], ['Finishing'], rule('OCPP 1.6 §4.10', 'steps 1 and 3'));
    await this.unplug();
    await this.expectStatus(['Available'], rule('OCPP 1.6 §4.9', 'step 5'));
    this.knownLocally(idTag);
  }
}

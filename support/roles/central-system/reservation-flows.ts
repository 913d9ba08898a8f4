/**
 * The Reservation profile with the Charge Point under test (OCPP 1.6 §3.12): the emulated Central System reserves a
 * connector or the Charge Point with ReserveNow.req (§5.13), cancels with CancelReservation.req (§5.1), and judges
 * that the reservation shows as Reserved (§4.9), ends at expiryDate, is used only by its idTag or parentIdTag, and
 * that the transaction using it carries its reservationId in StartTransaction.req (§5.13, §6.45).
 */
import type { ReceivedCall } from '../../recording/mailbox';
import { caseInsensitive, oneOf } from '../../recording/payload-pattern';
import { HarnessError, NotApplicable } from '../../reporting/errors';
import type { RuleContext } from '../ocpp-connection';
import { CentralSystemRequests } from './central-system-requests';
import { ChargerConfiguration } from './charger-configuration';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';
import { SessionFlows } from './session-flows';

/** A reservation the scenario made (or tried to make). */
export interface ReservationMade {
  readonly reservationId: number;
  readonly connectorId: number;
  readonly idTag: string;
  readonly expiresAt: number;
}

/** An expiry far enough ahead not to matter during a scenario that does not wait for it. */
const LONG_EXPIRY_MS = 10 * 60_000;
const MEMORY_KEY = 'reservation';

export class ReservationFlows {
  constructor(private readonly ctx: ScenarioContext) {}

  private get cp() {
    return this.ctx.chargePoint;
  }

  private get session(): SessionFlows {
    return new SessionFlows(this.ctx);
  }

  /** The expiry a case that waits for it uses: a few seconds, at least twice the SUT file's interval tolerance. */
  get shortExpiryMs(): number {
    return Math.max(3000, 2 * this.ctx.sut.tolerances.intervalMs);
  }

  /**
   * ReserveNow.req for `connectorId` and `idTag` (with `parentIdTag` when given), expiring `expiresInMs` from now;
   * the answer is kept for the Then. A reservation that is Accepted is cancelled when the scenario ends.
   */
  async reserve(connectorId: number, idTag: string, rule: RuleContext, options: { parentIdTag?: string; expiresInMs?: number } = {}): Promise<ReservationMade> {
    const expiresAt = Date.now() + (options.expiresInMs ?? LONG_EXPIRY_MS);
    const reservationId = 1 + (Date.now() % 1_000_000);
    const payload = { connectorId, expiryDate: new Date(expiresAt).toISOString(), idTag, reservationId, ...(options.parentIdTag ? { parentIdTag: options.parentIdTag } : {}) };
    const made: ReservationMade = { reservationId, connectorId, idTag, expiresAt };
    this.ctx.memory.set(MEMORY_KEY, made);
    const outcome = await new CentralSystemRequests(this.ctx).send('ReserveNow', payload, rule);
    if (outcome.kind !== 'error' && (outcome.payload as { status?: unknown } | undefined)?.status === 'Accepted') {
      this.ctx.cleanups.push(async () => {
        await this.cp.call('CancelReservation', { reservationId }, this.ctx.rule('OCPP 1.6 §5.1', 'clean-up: reservation cancelled'));
      });
    }
    return made;
  }

  /** The reservation this scenario made. */
  get made(): ReservationMade {
    const r = this.ctx.memory.get(MEMORY_KEY) as ReservationMade | undefined;
    if (!r) throw new HarnessError('no ReserveNow.req was sent in this scenario');
    return r;
  }

  /** Reusable state Reserved: ReserveNow.req for the connector under test, Accepted, then StatusNotification Reserved. */
  async reserved(idTag: string, step: string): Promise<ReservationMade> {
    const made = await this.reserve(this.cp.connectorUnderTest, idTag, this.ctx.rule('OCPP 1.6 §5.13', `${step} step 1`));
    new CentralSystemRequests(this.ctx).expectConf('ReserveNow', { status: 'Accepted' }, this.ctx.rule('OCPP 1.6 §5.13', `${step} step 2`));
    await this.session.expectStatus(['Reserved'], this.ctx.rule('OCPP 1.6 §4.9', `${step} step 3`));
    return made;
  }

  /** CancelReservation.req for the scenario's reservation, or for an id it does not have (`other`). */
  async cancel(rule: RuleContext, other = false): Promise<void> {
    const reservationId = other ? this.made.reservationId + 1 : this.made.reservationId;
    await new CentralSystemRequests(this.ctx).send('CancelReservation', { reservationId }, rule);
  }

  /** Reusable state SetConnectorUnavailable for every connector but the one under test (undone at the end). */
  async otherConnectorsUnavailable(): Promise<void> {
    for (const id of this.cp.connectorIds.filter((c) => c !== this.cp.connectorUnderTest)) await this.unavailable(id, `reusable state SetConnectorUnavailable (connector ${id})`);
  }

  /**
   * ChangeAvailability.req Inoperative for `connectorId` (0: the Charge Point), Accepted, then its StatusNotification
   * Unavailable (§5.2, §4.9); made Operative again when the scenario ends.
   */
  async unavailable(connectorId: number, state: string): Promise<void> {
    const requests = new CentralSystemRequests(this.ctx);
    const rule = this.ctx.rule('OCPP 1.6 §5.2', state);
    await requests.changeAvailability(connectorId, 'Inoperative', rule);
    requests.expectConf('ChangeAvailability', { status: 'Accepted' }, rule);
    await this.cp.expect('StatusNotification', { connectorId, status: 'Unavailable' }, { ...rule, rule: 'OCPP 1.6 §4.9' });
  }

  /** Reusable state SetConnectorOccupied for every connector (§4.9 Preparing): a cable plugged into each. */
  async everyConnectorOccupied(): Promise<void> {
    for (const id of this.cp.connectorIds) {
      await this.session.plugIn(id);
      await this.session.expectStatus(['Preparing'], this.ctx.rule('OCPP 1.6 §4.9', `reusable state SetConnectorOccupied (connector ${id})`), id);
    }
  }

  /** Reusable state SetConnectorFaulted: the connector under test in a fault state (cleared at the end). */
  async connectorFaulted(): Promise<void> {
    const connectorId = this.cp.connectorUnderTest;
    await this.ctx.act('fault', { connectorId, errorCode: 'OtherError' });
    this.cp.physical.faults.add(connectorId);
    await this.session.expectStatus(['Faulted'], this.ctx.rule('OCPP 1.6 §4.9', 'reusable state SetConnectorFaulted'), connectorId);
  }

  /** The prerequisite of the connector-0 cases (§9.3.1): ReserveConnectorZeroSupported is true, else N/A. */
  async requireConnectorZero(): Promise<void> {
    const value = await new ChargerConfiguration(this.ctx).value('ReserveConnectorZeroSupported', this.ctx.rule('OCPP 1.6 §9.3.1', 'prerequisite'));
    if (value?.toLowerCase() !== 'true') {
      throw new NotApplicable(`the case needs ReserveConnectorZeroSupported true; the Charge Point ${value === undefined ? 'does not report the key' : `reports "${value}"`}`);
    }
  }

  /**
   * §5.13, §9.3.1: ReserveNow.conf for connectorId 0 as the key the charger reports says: Accepted when
   * ReserveConnectorZeroSupported is true (on an idle Charge Point), Rejected when it is false or absent.
   */
  async expectConnectorZeroAsKeySays(rule: RuleContext): Promise<void> {
    const value = this.ctx.memory.get('config:ReserveConnectorZeroSupported');
    const supported = typeof value === 'string' && value.toLowerCase() === 'true';
    const wanted = supported ? 'Accepted' : 'Rejected';
    const answer = new CentralSystemRequests(this.ctx).lastAnswer('ReserveNow');
    const status = answer.kind === 'error' ? `CALLERROR ${answer.code}` : String((answer.payload as { status?: unknown } | undefined)?.status);
    if (status !== wanted) {
      const key = value === undefined ? 'does not report ReserveConnectorZeroSupported' : `reports ReserveConnectorZeroSupported "${String(value)}"`;
      throw failure(rule, 'behaviour', `${this.cp.who} ${key} but answered ReserveNow.req for connectorId 0 with ${status}`, { expected: `ReserveNow.conf status ${wanted}` });
    }
  }

  /** Reads ReserveConnectorZeroSupported (remembered for expectConnectorZeroAsKeySays). */
  async readConnectorZeroKey(rule: RuleContext): Promise<void> {
    const value = await new ChargerConfiguration(this.ctx).value('ReserveConnectorZeroSupported', rule);
    if (value === undefined) this.ctx.memory.delete('config:ReserveConnectorZeroSupported');
  }

  /**
   * StatusNotification.req Available for the reserved connector once the reservation has expired: not before its
   * expiryDate (less the SUT file's tolerance), and at the latest the message timeout after it (§5.13).
   */
  async expectAvailableAtExpiry(rule: RuleContext): Promise<void> {
    const r = this.made;
    const connectorId = r.connectorId === 0 ? this.cp.connectorUnderTest : r.connectorId;
    const within = Math.max(0, r.expiresAt - Date.now()) + this.ctx.sut.timeouts.messageMs;
    const call = await this.cp.expect('StatusNotification', { connectorId, status: 'Available' }, rule, within);
    const early = r.expiresAt - this.ctx.sut.tolerances.intervalMs - Date.parse(call.record.time);
    if (early > 0) {
      throw failure(rule, 'timing', `${this.cp.who} reported connector ${connectorId} Available ${early + this.ctx.sut.tolerances.intervalMs} ms before the reservation's expiryDate`, {
        expected: `Available at expiryDate ${new Date(r.expiresAt).toISOString()}`, calls: [call],
      });
    }
  }

  /** The connector stays Reserved: no StatusNotification.req other than Reserved while the harness watches. */
  async expectStillReserved(rule: RuleContext): Promise<void> {
    await this.cp.expectNone('StatusNotification', { connectorId: this.cp.connectorUnderTest, status: oneOf('Available', 'Preparing', 'Charging') }, this.cp.options.absenceWaitMs, rule);
  }

  /** §5.13: another idTag is refused on the reserved connector: no StartTransaction.req, the connector stays Reserved. */
  async expectRefused(idTag: string, rule: RuleContext): Promise<void> {
    await Promise.all([
      this.cp.expectNone('StartTransaction', { idTag: caseInsensitive(idTag) }, this.cp.options.absenceWaitMs, rule),
      this.expectStillReserved(rule),
    ]);
  }

  /**
   * StartTransaction.req on the connector for `idTag` and StatusNotification Charging, in any order; the
   * StartTransaction.req carries the reservation's reservationId (`uses`), or none (`none`) once it has ended (§5.13).
   */
  async expectStart(idTag: string, reservation: 'uses' | 'none', startRule: RuleContext, reservationRule: RuleContext): Promise<void> {
    const connectorId = this.cp.connectorUnderTest;
    const [start] = await this.cp.expectations.expectCallsInAnyOrder([
      { action: 'StartTransaction', payload: { connectorId, idTag: caseInsensitive(idTag) } },
      { action: 'StatusNotification', payload: { connectorId, status: 'Charging' } },
    ], this.ctx.sut.timeouts.messageMs, startRule);
    const call = start as ReceivedCall;
    await this.session.transactionOf(call);
    const sent = call.payload['reservationId'];
    if (reservation === 'uses' && sent !== this.made.reservationId) {
      throw failure(reservationRule, 'behaviour', `${this.cp.who} started the reserved transaction with reservationId ${sent === undefined ? 'omitted' : JSON.stringify(sent)}`, {
        expected: `reservationId ${this.made.reservationId} of ReserveNow.req`, calls: [call],
      });
    }
    if (reservation === 'none' && sent !== undefined) {
      throw failure(reservationRule, 'behaviour', `${this.cp.who} sent reservationId ${JSON.stringify(sent)} for a transaction that uses no reservation`, { expected: 'no reservationId', calls: [call] });
    }
  }

  /**
   * A remote start for `idTag` on the connector under test, Accepted; Authorize.req when AuthorizeRemoteTxRequests
   * is true; Preparing; then the cable plugged in.
   */
  async remoteStartAndPlugIn(idTag: string, step: string): Promise<void> {
    const s = this.session;
    const authorize = await new ChargerConfiguration(this.ctx).current('AuthorizeRemoteTxRequests', this.ctx.rule('OCPP 1.6 §5.8', step));
    await s.remoteStart(idTag, this.ctx.rule('OCPP 1.6 §5.11', step));
    if (s.mustAuthorizeRemote(authorize, idTag)) await s.expectAuthorize(idTag, this.ctx.rule('OCPP 1.6 §5.11', step));
    // §5.13: whether the connector takes the idTag is the reservation's rule (Reserved or Available → Preparing).
    await s.expectStatus(['Preparing'], this.ctx.rule('OCPP 1.6 §5.13', step));
    await s.plugIn();
  }

  /**
   * Reusable state Authorized on a reserved connector: the EV driver presents `idTag`, Authorize.req for it (§4.1),
   * then Preparing: the reservation admits its idTag or one with its parentIdTag (§5.13).
   */
  async authorizedOnReservation(idTag: string, step: string): Promise<void> {
    const s = this.session;
    await s.present(idTag);
    await s.expectAuthorize(idTag, this.ctx.rule('OCPP 1.6 §4.1', `${step} (reusable state Authorized step 1)`));
    await s.expectStatus(['Preparing'], this.ctx.rule('OCPP 1.6 §5.13', `${step} (reusable state Authorized step 3)`));
  }

  /** §5.1: the cancelled reservation's connector reports Available. */
  async expectAvailableAfterCancel(rule: RuleContext): Promise<void> {
    await this.session.expectStatus(['Available'], rule);
  }
}

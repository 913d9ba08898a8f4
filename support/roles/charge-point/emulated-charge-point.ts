/**
 * An emulated Charge Point: the harness's WebSocket client that connects to a Central System under test
 * (OCPP-J 1.6 §3.1) at `<csmsUrl>/<identity>`, offering `ocpp1.6`, with optional HTTP Basic auth and wss. Several
 * can run in one scenario. It answers the Central System's CALLs from its handler table and offers the
 * Charge Point's operations (§4) as methods returning the Central System's answer.
 */
import type { WireLog } from '../../recording/wire-log';
import { Mailbox } from '../../recording/mailbox';
import type { Finding } from '../../recording/finding';
import type { HandlerTable } from '../../ocpp/handler-table';
import type { CallOptions, CallOutcome } from '../../ocpp/rpc-endpoint';
import { OcppConnection, type RuleContext, sutName } from '../ocpp-connection';
import { Expectations, expectConf } from '../expectations';
import type { CallMatcher, ReceivedCall } from '../../recording/mailbox';
import type { PayloadPattern } from '../../recording/payload-pattern';
import { defaultPayload } from './default-payloads';
import { ConformanceAssertionError, HarnessError } from '../../reporting/errors';
import { defaultConfiguration } from './charge-point-configuration';
import { chargePointHandlers, type ChargePointModel } from './charge-point-handlers';
import { ChargePointSessions } from './charge-point-sessions';
import { chargingProfileHandlers, EmulatedChargingProfiles } from './charging-profile-handlers';
import { EmulatedReservations, reservationHandlers } from './reservation-handlers';
import { DiagnosticsUploadFlow } from './firmware-diagnostics';
import { FirmwareUpdateFlow } from './firmware-update';
import { OCPP16 } from '../central-system/emulated-central-system';
import { type Connectivity, type HandshakeRequest, isResetWithoutResponse, openHandshake } from './csms-handshake';
import { ChargePointSecurity, type ChargePointSecuritySettings } from './security-transport';
import { securityHandlers, type SecurityContext } from './security-handlers';

export interface ChargePointClientOptions {
  /** The Central System's OCPP-J endpoint URL; the identity is appended (OCPP-J 1.6 §3.1.1). */
  readonly csmsUrl: string;
  readonly identity: string;
  /** Subprotocols offered, in order of preference; default `['ocpp1.6']`. */
  readonly subprotocols?: readonly string[];
  /** Basic auth (security profile 1); the username defaults to the identity. */
  readonly basicAuth?: { readonly username?: string; readonly password: string };
  readonly tls?: { readonly caFile?: string; readonly rejectUnauthorized?: boolean };
  readonly connectors?: number;
  readonly bootInfo?: Readonly<Record<string, string>>;
  readonly log: WireLog;
  readonly defaultTimeoutMs: number;
  readonly onFinding: (finding: Finding) => void;
  readonly onHarnessError: (message: string) => void;
  /** How long a power cycle keeps the Charge Point away, ms (the SUT file's `centralSystem.rebootTime`); default 0. */
  readonly rebootTimeMs?: number;
  /** Shared by the worker's emulated Charge Points: whether the Central System has been reached (default: this one's own). */
  readonly connectivity?: Connectivity;
  /** The security white paper's profiles (security-transport.ts); without it, `basicAuth` and `tls` as before. */
  readonly security?: ChargePointSecuritySettings & SecurityContext;
}

export type HandshakeOutcome =
  | { readonly ok: true; readonly subprotocol: string }
  | {
    readonly ok: false;
    readonly status?: number;
    readonly message: string;
    readonly subprotocol?: string;
    /** The Central System closed or refused the TCP connection without any HTTP response. */
    readonly noResponse?: boolean;
  };

export const DEFAULT_BOOT_INFO = { chargePointVendor: 'ocpp-conformance', chargePointModel: 'Emulated CP' } as const;

export class EmulatedChargePoint {
  readonly model: ChargePointModel;
  readonly handlers: HandlerTable;
  readonly connectors: number;
  /** The Central System's CALLs to this charge point, over all its connections. */
  readonly mailbox = new Mailbox();
  /** Waits on the Central System's CALLs, failing for the rule at stake. */
  readonly expectations: Expectations;
  /** Transactions per connector, offline queue, ConnectionTimeOut. */
  readonly sessions: ChargePointSessions;
  /** The reservations it holds (§5.13). */
  readonly reservations: EmulatedReservations;
  /** The charging profiles it holds (§3.13). */
  readonly chargingProfiles: EmulatedChargingProfiles;
  /** The firmware update the Central System started (§5.19) and the diagnostics it asked for (§5.9). */
  readonly firmware: FirmwareUpdateFlow;
  readonly diagnostics: DiagnosticsUploadFlow;
  /** Its security profile, credentials and certificates (white paper §2), when the SUT file has a security section. */
  readonly security: ChargePointSecurity | undefined;
  private current: OcppConnection | undefined;
  /** Connections replaced by a newer one while still open (a reconnection that left the old socket behind). */
  private readonly earlier: OcppConnection[] = [];
  /** Connections the harness closed or dropped itself; any other closed one the Central System closed. */
  private readonly closedByHarness = new WeakSet<OcppConnection>();
  private readonly connectivity: Connectivity;
  private connections = 0;
  /** The messages TriggerMessage.req asked for (§5.17), being sent or sent, by action. */
  private readonly triggeredSends = new Map<string, Promise<CallOutcome>>();

  constructor(private readonly options: ChargePointClientOptions) {
    this.connectors = options.connectors ?? 1;
    this.connectivity = options.connectivity ?? { connectedOnce: false };
    this.model = {
      configuration: defaultConfiguration(this.connectors),
      localListVersion: 0,
      availability: new Map(),
      statuses: new Map(),
      transactions: new Map(),
      trigger: (message, connectorId) => this.trigger(message, connectorId),
      connectors: this.connectors,
    };
    this.reservations = new EmulatedReservations(this.model);
    this.chargingProfiles = new EmulatedChargingProfiles(this.model);
    this.handlers = chargingProfileHandlers(reservationHandlers(chargePointHandlers(this.model), this.reservations), this.chargingProfiles);
    this.security = options.security && new ChargePointSecurity(options.security, options.security.manufacturerRoot);
    if (this.security && options.security) securityHandlers(this.handlers, this.security, options.security, options.identity);
    this.expectations = new Expectations(this.mailbox, sutName('ChargePoint', options.identity));
    this.sessions = new ChargePointSessions(this);
    this.firmware = new FirmwareUpdateFlow(this);
    this.diagnostics = new DiagnosticsUploadFlow(this);
  }

  get identity(): string {
    return this.options.identity;
  }

  /** The open connection; a harness error when there is none. */
  get connection(): OcppConnection {
    if (!this.current?.isOpen) throw new HarnessError(`the emulated Charge Point ${this.identity} is not connected`);
    return this.current;
  }

  /**
   * The open connection, to send `what` over. When the Central System closed it (the harness did not), the scenario
   * cannot go on because of the SUT: a conformance failure of `rule`, not a harness error.
   */
  openConnection(rule: RuleContext, what: string): OcppConnection {
    const c = this.current;
    if (c && !c.isOpen && !this.closedByHarness.has(c)) {
      const how = c.closed ? ` (code ${c.closed.code}${c.closed.reason ? ` "${c.closed.reason}"` : ''})` : '';
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'behaviour',
        message: `the Central System closed the connection of ${this.identity}${how} before ${what} could be sent`,
        expected: 'the connection stays open', actual: `closed by the Central System${how}`,
      });
    }
    return this.connection;
  }

  get isConnected(): boolean {
    return Boolean(this.current?.isOpen);
  }

  /**
   * Opens the WebSocket. A refusal by the Central System (an HTTP status, no subprotocol) is an outcome, not an
   * exception. A connection that gets no HTTP response at all is a harness error "cannot reach" only while no
   * emulated Charge Point of this worker has reached the Central System yet; after that the Central System is
   * known to be there, and its silence (a reset, a refused or timed-out TCP connection) is its refusal.
   */
  async connect(withinMs = this.options.defaultTimeoutMs, subprotocols = this.options.subprotocols ?? [OCPP16]): Promise<HandshakeOutcome> {
    const { identity, log } = this.options;
    const n = ++this.connections;
    const label = n === 1 ? identity : `${identity}#${n}`;
    const result = await openHandshake(await this.handshakeRequest(label, subprotocols, withinMs));
    if (result.kind === 'no-response' && this.security?.tlsRefusal(result.code)) {
      // A TLS alert or a reset during the TLS handshake: the Central System answered, and refused.
      return { ok: false, noResponse: true, message: `the TLS handshake failed: ${result.message.split('\n')[0]}` };
    }
    if (result.kind === 'open') {
      const ws = result.ws;
      this.connectivity.connectedOnce = true;
      const connection = new OcppConnection(ws, identity, label, ws.protocol, {
        log, handlers: this.handlers, plays: 'ChargePoint', defaultTimeoutMs: this.options.defaultTimeoutMs, onHarnessError: this.options.onHarnessError,
      }, this.mailbox);
      if (this.current?.isOpen) this.earlier.push(this.current);
      this.current = connection;
      log.event(label, 'open', { subprotocol: ws.protocol });
      return { ok: true, subprotocol: ws.protocol };
    }
    if (result.kind === 'refused') {
      if (result.subprotocol === '' && subprotocols.includes(OCPP16)) {
        this.options.onFinding({
          level: 'SHALL', category: 'protocol violation', rule: 'OCPP-J 1.6 §3.2', connection: label,
          message: `the Central System did not select "${OCPP16}" although ${identity} offered ${JSON.stringify(subprotocols)} (${result.message})`,
        });
      }
      const { kind: _kind, ...refusal } = result;
      return { ok: false, ...refusal };
    }
    return this.judgeNoResponse(result.code, subprotocols, withinMs);
  }

  /** No HTTP response to the handshake: a refusal once the Central System is known to be reachable, else a harness error. */
  private async judgeNoResponse(code: string, subprotocols: readonly string[], withinMs: number): Promise<HandshakeOutcome> {
    const url = this.connectionUrl();
    const offersDefault = subprotocols.length === 1 && subprotocols[0] === OCPP16;
    // Before any connection of the run succeeded, a reset to an unusual offer may still be a refusal of that offer:
    // one plain attempt with ocpp1.6 tells a Central System that is there from an address that leads nowhere.
    if (!this.connectivity.connectedOnce && isResetWithoutResponse(code) && !offersDefault) await this.probeReachable(withinMs);
    if (!this.connectivity.connectedOnce) throw new HarnessError(`cannot reach the Central System at ${url}: ${code}`);
    const what = isResetWithoutResponse(code) ? 'closed the TCP connection without an HTTP response' : 'did not let the TCP connection complete';
    return { ok: false, noResponse: true, message: `it ${what} (${code}); it answered another handshake in this run, so it is there` };
  }

  /** A throw-away connection offering ocpp1.6 only; any HTTP answer shows the Central System is there. */
  private async probeReachable(withinMs: number): Promise<void> {
    const result = await openHandshake(await this.handshakeRequest(`${this.identity}#probe`, [OCPP16], withinMs));
    if (result.kind === 'open') result.ws.close(1000, 'reachability probe');
    if (result.kind !== 'no-response') this.connectivity.connectedOnce = true;
  }

  private connectionUrl(): string {
    const base = this.security ? this.security.endpoint(this.options.csmsUrl) : this.options.csmsUrl;
    return `${base.replace(/\/$/, '')}/${encodeURIComponent(this.identity)}`;
  }

  private async handshakeRequest(label: string, subprotocols: readonly string[], withinMs: number): Promise<HandshakeRequest> {
    const { basicAuth, tls, log, identity } = this.options;
    const url = this.connectionUrl();
    if (this.security) {
      const security = this.security;
      const next = await security.connection(identity);
      return { url, label, subprotocols, headers: next.headers, tls: next.tls, withinMs, log, onTls: (socket, error) => security.record(label, url, next.offered, socket, error) };
    }
    const headers: Record<string, string> = {};
    if (basicAuth) headers['Authorization'] = `Basic ${Buffer.from(`${basicAuth.username ?? identity}:${basicAuth.password}`).toString('base64')}`;
    return { url, label, subprotocols, headers, tls, withinMs, log };
  }

  /** Connects and requires success; a refusal is a conformance failure of `rule`. */
  async connectOrFail(rule: RuleContext): Promise<OcppConnection> {
    const outcome = await this.connect();
    if (!outcome.ok) {
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: 'SHALL', category: 'protocol violation',
        message: `the Central System refused the connection of ${this.identity}: ${outcome.message}`,
      });
    }
    return this.connection;
  }

  /** The last answer of the Central System per action. */
  private readonly lastOutcomes = new Map<string, CallOutcome>();

  /** Sends a CALL of the Charge Point and returns the Central System's answer. */
  send(action: string, payload: Record<string, unknown>, rule: RuleContext, options?: CallOptions): Promise<CallOutcome> {
    // Not `async`: one promise per CALL, not three (the judge's overhead per round trip, bench "overhead").
    let connection: OcppConnection;
    try {
      connection = this.openConnection(rule, `${action}.req`);
    } catch (e) {
      return Promise.reject(e);
    }
    return connection.call(action, payload, rule, options).then((outcome) => {
      this.lastOutcomes.set(action, outcome);
      return outcome;
    });
  }

  /** Sends a request with a valid default payload, `overrides` applied on top. */
  sendDefault(action: string, rule: RuleContext, overrides: Record<string, unknown> = {}, context: { idTag?: string; connectorId?: number } = {}): Promise<CallOutcome> {
    const bootInfo: Record<string, string> = { ...DEFAULT_BOOT_INFO, ...this.options.bootInfo };
    return this.send(action, { ...defaultPayload(action, { bootInfo, ...context }), ...overrides }, rule);
  }

  /** The last answer to `action`; a harness error if none was sent. */
  lastOutcome(action: string): CallOutcome {
    const outcome = this.lastOutcomes.get(action);
    if (!outcome) throw new HarnessError(`the emulated Charge Point ${this.identity} has sent no ${action}.req yet`);
    return outcome;
  }

  /** Checks the last answer to `action`: a CALLRESULT matching `pattern`, or a conformance failure of `rule`. */
  expectLastConf(action: string, pattern: PayloadPattern, rule: RuleContext): Record<string, unknown> {
    return expectConf(this.lastOutcome(action), action, pattern, rule, sutName('ChargePoint', this.identity));
  }

  /** BootNotification.req (§4.2) with the configured boot information. */
  boot(rule: RuleContext, overrides: Record<string, unknown> = {}): Promise<CallOutcome> {
    return this.send('BootNotification', { ...DEFAULT_BOOT_INFO, ...this.options.bootInfo, ...overrides }, rule);
  }

  /**
   * Connects and registers: BootNotification.conf with status Accepted, or a conformance failure of `rule` (§4.2).
   * No StatusNotification: the precondition of cases that need only a registered charge point.
   */
  async connectAndBeAccepted(rule: RuleContext): Promise<void> {
    await this.connectOrFail(rule);
    await this.boot(rule);
    this.expectLastConf('BootNotification', { status: 'Accepted' }, rule);
  }

  statusNotification(connectorId: number, status: string, rule: RuleContext, errorCode = 'NoError'): Promise<CallOutcome> {
    this.model.statuses.set(connectorId, status);
    return this.send('StatusNotification', { connectorId, errorCode, status, timestamp: new Date().toISOString() }, rule);
  }

  /** Sends what a TriggerMessage.req asked for; the step that awaits it (`triggered`) judges the answer. */
  private trigger(message: string, connectorId?: number): void {
    const sending = this.sendTriggered(message, connectorId);
    sending.catch(() => undefined);
    this.triggeredSends.set(message, sending);
  }

  /** The Central System's answer to the message a TriggerMessage.req asked for; a harness error if none was asked. */
  triggered(message: string): Promise<CallOutcome> {
    const sending = this.triggeredSends.get(message);
    if (!sending) throw new HarnessError(`the Central System has not triggered ${message} (no accepted TriggerMessage.req for it)`);
    return sending;
  }

  private async sendTriggered(message: string, connectorId?: number): Promise<CallOutcome> {
    const rule: RuleContext = { rule: 'OCPP 1.6 §5.17' };
    let outcome: CallOutcome | undefined;
    switch (message) {
      case 'BootNotification':
        outcome = await this.boot(rule);
        break;
      case 'Heartbeat':
        outcome = await this.send('Heartbeat', {}, rule);
        break;
      case 'StatusNotification':
        for (const c of connectorId !== undefined ? [connectorId] : Array.from({ length: this.connectors + 1 }, (_, i) => i)) {
          outcome = await this.statusNotification(c, this.model.availability.get(c) === 'Inoperative' ? 'Unavailable' : 'Available', rule);
        }
        break;
      case 'MeterValues':
        outcome = await this.send('MeterValues', {
          connectorId: connectorId ?? 1,
          meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '0', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }],
        }, rule);
        break;
      case 'DiagnosticsStatusNotification':
        outcome = await this.send('DiagnosticsStatusNotification', { status: 'Idle' }, rule);
        break;
      case 'FirmwareStatusNotification':
        outcome = await this.send('FirmwareStatusNotification', { status: 'Idle' }, rule);
        break;
      default:
        break;
    }
    if (!outcome) throw new HarnessError(`the emulated Charge Point cannot send ${message}`);
    return outcome;
  }

  /** Waits for a CALL of the Central System matching `matcher` (also one that arrived earlier). */
  receive(matcher: CallMatcher, withinMs: number, rule: RuleContext): Promise<ReceivedCall> {
    return this.expectations.expectCall(matcher, withinMs, rule);
  }

  /** Fails when a CALL matching `matcher` arrives within `duringMs` (or is waiting already). */
  receiveNone(matcher: CallMatcher, duringMs: number, rule: RuleContext): Promise<void> {
    return this.expectations.expectNoCall(matcher, duringMs, rule);
  }

  /** StatusNotification.req for connector 0 and every connector (the Booted state); each answer must be a .conf. */
  async statusOfEveryConnector(status: string, rule: RuleContext): Promise<void> {
    for (let c = 0; c <= this.connectors; c++) {
      expectConf(await this.statusNotification(c, status, rule), 'StatusNotification', {}, rule, sutName('ChargePoint', this.identity));
    }
  }

  /**
   * A reboot (after a reset, a power loss): the connection closes, the Charge Point is away for the SUT file's
   * reboot time, as a real one is while it starts up, then connects again and boots.
   */
  async reboot(rule: RuleContext): Promise<CallOutcome> {
    await this.disconnect();
    await this.powerCycle();
    await this.connectOrFail(rule);
    return this.boot(rule);
  }

  /**
   * A power cycle whose old TCP connection nobody closed (the charger lost power; the Central System's end stays
   * open until its own timeout): after the reboot time a new connection with the same identity, the old one
   * still open. Returns the handshake's outcome; the old connection stays open until `disconnect`.
   */
  async rebootLeavingOldConnectionOpen(): Promise<{ handshake: HandshakeOutcome; old: OcppConnection }> {
    const old = this.connection;
    await this.powerCycle();
    return { handshake: await this.connect(), old };
  }

  /** The time a power cycle takes: simulated time away, not a wait for anything. */
  private powerCycle(): Promise<void> {
    const ms = this.options.rebootTimeMs ?? 0;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }

  /** The network comes back: a new connection, no new boot (the registration survives, OCPP-J 1.6 §5.4). */
  async reconnect(rule: RuleContext): Promise<void> {
    await this.connectOrFail(rule);
  }

  /** Closes the connection normally, and any older one a reconnection left open. */
  async disconnect(): Promise<void> {
    const all = [...this.earlier.splice(0), ...(this.current ? [this.current] : [])];
    for (const c of all) this.closedByHarness.add(c);
    await Promise.all(all.map((c) => c.close()));
  }

  /** Drops the connection without a closing handshake (network loss). */
  drop(): void {
    if (!this.current) return;
    this.closedByHarness.add(this.current);
    this.current.drop();
  }
}

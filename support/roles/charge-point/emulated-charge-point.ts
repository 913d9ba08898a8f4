/**
 * An emulated Charge Point: the harness's WebSocket client that connects to a Central System under test
 * (OCPP-J 1.6 §3.1) at `<csmsUrl>/<identity>`, offering `ocpp1.6`, with optional HTTP Basic auth and wss. Several
 * can run in one scenario. It answers the Central System's CALLs from its handler table and offers the
 * Charge Point's operations (§4) as methods returning the Central System's answer.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
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
import { OCPP16 } from '../central-system/emulated-central-system';

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
}

export type HandshakeOutcome =
  | { readonly ok: true; readonly subprotocol: string }
  | { readonly ok: false; readonly status?: number; readonly message: string; readonly subprotocol?: string };

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
  private current: OcppConnection | undefined;
  private connections = 0;
  /** The messages TriggerMessage.req asked for (§5.17), being sent or sent, by action. */
  private readonly triggeredSends = new Map<string, Promise<CallOutcome>>();

  constructor(private readonly options: ChargePointClientOptions) {
    this.connectors = options.connectors ?? 1;
    this.model = {
      configuration: defaultConfiguration(this.connectors),
      localListVersion: 0,
      availability: new Map(),
      transactions: new Map(),
      trigger: (message, connectorId) => this.trigger(message, connectorId),
      connectors: this.connectors,
    };
    this.handlers = chargePointHandlers(this.model);
    this.expectations = new Expectations(this.mailbox, sutName('ChargePoint', options.identity));
    this.sessions = new ChargePointSessions(this);
  }

  get identity(): string {
    return this.options.identity;
  }

  /** The open connection; a harness error when there is none. */
  get connection(): OcppConnection {
    if (!this.current?.isOpen) throw new HarnessError(`the emulated Charge Point ${this.identity} is not connected`);
    return this.current;
  }

  get isConnected(): boolean {
    return Boolean(this.current?.isOpen);
  }

  /**
   * Opens the WebSocket. A refusal by the Central System (an HTTP status, no subprotocol) is an outcome, not an
   * exception; an unreachable address rejects with a HarnessError naming it.
   */
  connect(withinMs = this.options.defaultTimeoutMs, subprotocols = this.options.subprotocols ?? [OCPP16]): Promise<HandshakeOutcome> {
    const { csmsUrl, identity, basicAuth, tls, log } = this.options;
    const url = `${csmsUrl.replace(/\/$/, '')}/${encodeURIComponent(identity)}`;
    const n = ++this.connections;
    const label = n === 1 ? identity : `${identity}#${n}`;
    const headers: Record<string, string> = {};
    if (basicAuth) headers['Authorization'] = `Basic ${Buffer.from(`${basicAuth.username ?? identity}:${basicAuth.password}`).toString('base64')}`;
    return new Promise<HandshakeOutcome>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: HandshakeOutcome | Error): void => {
        if (settled) return;
        settled = true;
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const ws = new WebSocket(url, [...subprotocols], {
        headers,
        handshakeTimeout: withinMs,
        ca: tls?.caFile ? readFileSync(tls.caFile) : undefined,
        rejectUnauthorized: tls?.rejectUnauthorized ?? true,
      });
      ws.on('unexpected-response', (_req, res: IncomingMessage) => {
        log.event(label, 'refused', { url, status: res.statusCode, offered: subprotocols });
        settle({ ok: false, status: res.statusCode, message: `the Central System answered the handshake with HTTP ${res.statusCode}` });
        res.resume();
        ws.terminate();
      });
      ws.on('open', () => {
        log.event(label, 'handshake', { url, offered: subprotocols, selected: ws.protocol });
        const connection = new OcppConnection(ws, identity, label, ws.protocol, {
          log, handlers: this.handlers, plays: 'ChargePoint', defaultTimeoutMs: this.options.defaultTimeoutMs, onHarnessError: this.options.onHarnessError,
        }, this.mailbox);
        this.current = connection;
        log.event(label, 'open', { subprotocol: ws.protocol });
        settle({ ok: true, subprotocol: ws.protocol });
      });
      ws.on('error', (e: NodeJS.ErrnoException) => {
        if (settled) return;
        if (/subprotocol/i.test(e.message)) {
          // The server finished the handshake without one of the offered subprotocols (OCPP-J 1.6 §3.2).
          log.event(label, 'refused', { url, offered: subprotocols, reason: e.message });
          if (subprotocols.includes(OCPP16)) {
            this.options.onFinding({
              level: 'SHALL', category: 'protocol violation', rule: 'OCPP-J 1.6 §3.2', connection: label,
              message: `the Central System did not select "${OCPP16}" although ${identity} offered ${JSON.stringify(subprotocols)} (${e.message})`,
            });
          }
          settle({ ok: false, message: e.message, subprotocol: '' });
          return;
        }
        log.event(label, 'error', { url, message: e.message, code: e.code });
        settle(new HarnessError(`cannot reach the Central System at ${url}: ${e.code ?? e.message}`));
      });
    });
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
  async send(action: string, payload: Record<string, unknown>, rule: RuleContext, options?: CallOptions): Promise<CallOutcome> {
    const outcome = await this.connection.call(action, payload, rule, options);
    this.lastOutcomes.set(action, outcome);
    return outcome;
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

  statusNotification(connectorId: number, status: string, rule: RuleContext, errorCode = 'NoError'): Promise<CallOutcome> {
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

  /** A reboot (after a reset, a power loss): the connection closes, opens again, and the Charge Point boots. */
  async reboot(rule: RuleContext): Promise<CallOutcome> {
    await this.disconnect();
    await this.connectOrFail(rule);
    return this.boot(rule);
  }

  /** The network comes back: a new connection, no new boot (the registration survives, OCPP-J 1.6 §5.4). */
  async reconnect(rule: RuleContext): Promise<void> {
    await this.connectOrFail(rule);
  }

  /** Closes the connection normally. */
  async disconnect(): Promise<void> {
    await this.current?.close();
  }

  /** Drops the connection without a closing handshake (network loss). */
  drop(): void {
    this.current?.drop();
  }
}

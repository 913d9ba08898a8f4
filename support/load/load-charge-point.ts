/**
 * One emulated charge point of a load run: a `ws` client and the harness's own RPC endpoint, nothing else.
 *
 * Why not `EmulatedChargePoint`: it is built for a scenario, not for hours. Each keeps a mailbox with a history of
 * its last 2,000 records (for the "arrived meanwhile" of a failed wait), 200 recent CALLs and its last answers, so
 * that a sessions run grows towards 2,000 records per charge point (gigabytes at 10,000 charge points after a
 * quarter of an hour); and each connection subscribes to the wire log, so every frame is offered to every
 * connection (10,000 listener calls per frame). Measured right after boot it costs 13 KB of heap per charge point,
 * this one 9 KB. Here the judge stays the same code as in the suites (`RpcEndpoint`: framing by `parseFrame`,
 * every payload in and out validated by `SchemaValidator`, the records watched by `ProtocolMonitor`), and the rest
 * is a few fields. The CSMS's own CALLs, rare under load, are answered from the emulated Charge Point's handler
 * table, built on the first one.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import WebSocket, { type RawData } from 'ws';
import { HandlerTable, type CallHandler } from '../ocpp/handler-table';
import { type CallOutcome, ConnectionClosed, ResponseTimeout, RpcEndpoint } from '../ocpp/rpc-endpoint';
import type { WireLog } from '../recording/wire-log';
import { chargePointHandlers } from '../roles/charge-point/charge-point-handlers';
import { defaultConfiguration } from '../roles/charge-point/charge-point-configuration';
import { DEFAULT_BOOT_INFO } from '../roles/charge-point/emulated-charge-point';
import { OCPP16 } from '../roles/central-system/emulated-central-system';
import type { LoadRecorder } from './load-recorder';
import type { RunClock } from './run-clock';
import type { WorkerPlan } from './worker-plan';

export interface WorkerContext {
  readonly plan: WorkerPlan;
  readonly log: WireLog;
  readonly recorder: LoadRecorder;
  readonly clock: RunClock;
  /** Counts open connections (for "connected charge points over time"). */
  readonly opened: (delta: 1 | -1) => void;
  /** A CA for wss, read once per worker. */
  readonly ca?: Buffer;
}

type Result = Extract<CallOutcome, { kind: 'result' }>;

/** Handshake errors that are limits of the harness's machine, not of the Central System. */
const HARNESS_LIMITS = new Set(['EMFILE', 'ENFILE', 'EADDRNOTAVAIL', 'ENOBUFS', 'ENOMEM']);

/** The handler table of the emulated Charge Point, built when the Central System sends its first CALL. */
class AnswersOnDemand extends HandlerTable {
  private table: HandlerTable | undefined;

  constructor(private readonly build: () => HandlerTable) {
    super();
  }

  override get(action: string): CallHandler | undefined {
    this.table ??= this.build();
    return this.table.get(action);
  }
}

export class LoadChargePoint {
  private ws: WebSocket | undefined;
  private endpoint: RpcEndpoint | undefined;
  private open = false;
  /** The connection closed before the run ended. */
  private dropped = false;
  private meterWh = 0;
  private heartbeatMs = 0;
  private closedResolve: () => void = () => undefined;
  /** Resolves when the connection closes, whoever closed it. */
  private readonly closedPromise = new Promise<void>((resolve) => (this.closedResolve = resolve));

  constructor(
    /** The charge point's number in the run, 1-based. */
    readonly n: number,
    readonly identity: string,
    private readonly idTag: string | undefined,
    private readonly ctx: WorkerContext,
  ) {}

  /**
   * The charge point's whole run: connect, boot until Accepted (OCPP 1.6 §4.2), report every connector (§4.9), then
   * heartbeats (§4.6) and, in the sessions profile, transactions until the run ends. `started` is called once, when
   * the start-up is over: in service, refused, or answered with anything but Accepted (the boots go on).
   */
  async run(started: () => void): Promise<void> {
    let signalled = false;
    const signal = (): void => {
      if (signalled) return;
      signalled = true;
      started();
    };
    let accepted = false;
    try {
      if (!(await this.connect())) return;
      accepted = await this.bootUntilAccepted(signal);
      if (!accepted || !(await this.reportConnectors())) return;
      signal();
      const heartbeats = this.heartbeatLoop();
      if (this.ctx.plan.profile === 'sessions') await this.sessionLoop();
      else await Promise.race([this.ctx.clock.ended, this.closedPromise]);
      await heartbeats;
    } finally {
      signal();
      if (!accepted || this.dropped) this.ctx.recorder.counters.chargePoints.failed += 1;
      this.close();
    }
  }

  private connect(): Promise<boolean> {
    const { plan, recorder, log, ca } = this.ctx;
    const url = `${plan.url}/${encodeURIComponent(this.identity)}`;
    const password = plan.basicAuth?.[this.identity] ?? plan.basicAuth?.['*'];
    const headers: Record<string, string> = {};
    if (password !== undefined) headers['Authorization'] = `Basic ${Buffer.from(`${this.identity}:${password}`).toString('base64')}`;
    recorder.connecting();
    const began = performance.now();
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const fail = (reason: string, harnessLimit = false): void => {
        if (settled) return;
        settled = true;
        recorder.connectFailed(reason, harnessLimit);
        ws.terminate();
        resolve(false);
      };
      const ws = new WebSocket(url, [OCPP16], {
        headers,
        perMessageDeflate: false,
        handshakeTimeout: plan.connectTimeoutMs,
        ca,
        rejectUnauthorized: plan.tls?.rejectUnauthorized ?? true,
      });
      ws.on('unexpected-response', (_req, res) => {
        res.resume();
        fail(`HTTP ${res.statusCode ?? '?'}`);
      });
      ws.on('error', (e: NodeJS.ErrnoException) => {
        if (settled) {
          log.event(this.identity, 'error', { kind: 'socket-error', message: e.message });
          return;
        }
        if (/subprotocol/i.test(e.message)) {
          // OCPP-J 1.6 §3.2: the Central System must select ocpp1.6 when the charge point offers it.
          recorder.report({
            level: 'SHALL', category: 'protocol violation', rule: 'OCPP-J 1.6 §3.2', connection: this.identity,
            message: `the Central System did not select "${OCPP16}" for ${this.identity} (${e.message})`,
          });
          fail('no ocpp1.6 subprotocol');
        } else if (/handshake has timed out/i.test(e.message)) {
          fail('handshake timeout');
        } else {
          fail(e.code ?? e.message, HARNESS_LIMITS.has(e.code ?? ''));
        }
      });
      ws.on('open', () => {
        settled = true;
        recorder.connected(performance.now() - began);
        this.attach(ws);
        resolve(true);
      });
    });
  }

  private attach(ws: WebSocket): void {
    const { plan, log, recorder } = this.ctx;
    this.ws = ws;
    this.open = true;
    this.ctx.opened(1);
    const endpoint = new RpcEndpoint({
      connection: this.identity,
      plays: 'ChargePoint',
      log,
      send: (raw) => {
        if (ws.readyState !== WebSocket.OPEN) throw new Error('the WebSocket is not open');
        ws.send(raw);
      },
      handlers: new AnswersOnDemand(() => this.handlers()),
      defaultTimeoutMs: plan.responseTimeoutMs,
      onHarnessError: (message) => recorder.harnessError(`${this.identity}: ${message}`),
    });
    this.endpoint = endpoint;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
      if (!isBinary) {
        endpoint.receive(text);
        return;
      }
      log.frame({
        connection: this.identity, direction: 'in', raw: text, kind: 'INVALID', violations: [],
        problems: [{ level: 'SHALL', rule: 'OCPP-J 1.6 §4.1.2', message: 'a binary WebSocket frame; OCPP-J messages are UTF-8 JSON text' }],
      });
    });
    ws.on('close', (code: number, reason: Buffer) => {
      this.open = false;
      this.ctx.opened(-1);
      if (!this.ctx.clock.isStopped) {
        this.dropped = true;
        recorder.counters.dropped += 1;
        log.event(this.identity, 'close', { code, reason: reason.toString() });
      }
      endpoint.close(`the connection closed with code ${code}`);
      this.closedResolve();
    });
  }

  /** The emulated Charge Point's answers to the Central System's CALLs (OCPP 1.6 §5). */
  private handlers(): HandlerTable {
    const model = {
      configuration: defaultConfiguration(this.ctx.plan.connectors),
      localListVersion: 0,
      availability: new Map<number, 'Operative' | 'Inoperative'>(),
      statuses: new Map<number, string>(),
      transactions: new Map<number, number>(),
      connectors: this.ctx.plan.connectors,
      trigger: (message: string, connectorId?: number) => void this.sendTriggered(message, connectorId),
    };
    return chargePointHandlers(model);
  }

  /** §5.17: the message a TriggerMessage.req asked for. */
  private async sendTriggered(message: string, connectorId?: number): Promise<void> {
    if (message === 'BootNotification') await this.call('BootNotification', this.bootPayload());
    else if (message === 'Heartbeat') await this.call('Heartbeat', {});
    else if (message === 'StatusNotification') await this.status(connectorId ?? 0, 'Available');
    else if (message === 'MeterValues') await this.call('MeterValues', this.meterValues(connectorId ?? 1));
    else await this.call(message, { status: 'Idle' });
  }

  /**
   * Sends a CALL and returns its CALLRESULT; undefined for a CALLERROR, a timeout or a closed connection, which the
   * recorder has counted from the records already.
   */
  private async call(action: string, payload: Record<string, unknown>): Promise<Result | undefined> {
    const endpoint = this.endpoint;
    if (!endpoint || !this.open) return undefined;
    try {
      const outcome = await endpoint.call(action, payload, { timeoutMs: this.ctx.plan.responseTimeoutMs });
      return outcome.kind === 'result' ? outcome : undefined;
    } catch (e) {
      if (!(e instanceof ResponseTimeout) && !(e instanceof ConnectionClosed)) this.ctx.recorder.harnessError(`${this.identity} ${action}.req: ${(e as Error).message}`);
      return undefined;
    }
  }

  private bootPayload(): Record<string, unknown> {
    return { ...DEFAULT_BOOT_INFO, chargePointSerialNumber: `LOAD-${this.n}` };
  }

  /** OCPP 1.6 §4.2: Pending and Rejected mean "boot again after `interval`"; so does no usable answer. */
  private async bootUntilAccepted(answered: () => void): Promise<boolean> {
    const { clock, recorder, plan } = this.ctx;
    while (this.open && !clock.isStopped) {
      const answer = await this.call('BootNotification', this.bootPayload());
      const status = answer?.payload['status'];
      const interval = Number(answer?.payload['interval'] ?? 0);
      if (status === 'Accepted') {
        recorder.accepted();
        this.heartbeatMs = plan.heartbeatIntervalMs ?? interval * 1000;
        return true;
      }
      if (status === 'Pending') recorder.counters.boots.pending += 1;
      if (status === 'Rejected') {
        recorder.counters.boots.rejected += 1;
        recorder.unexpected('BootNotification', `BootNotification.conf Rejected ${this.identity}, which the SUT file declares a known charge point`, answer?.response.raw);
      }
      answered();
      await clock.sleep(Math.max(1000, interval * 1000 || plan.responseTimeoutMs));
    }
    return false;
  }

  /** §4.9: after boot, a StatusNotification.req for connector 0 and every connector. */
  private async reportConnectors(): Promise<boolean> {
    for (let c = 0; c <= this.ctx.plan.connectors && this.open; c++) await this.status(c, 'Available');
    return this.open;
  }

  private status(connectorId: number, status: string): Promise<Result | undefined> {
    return this.call('StatusNotification', { connectorId, errorCode: 'NoError', status, timestamp: new Date().toISOString() });
  }

  private async heartbeatLoop(): Promise<void> {
    const { clock } = this.ctx;
    if (this.heartbeatMs <= 0) return;
    while (this.open && !clock.isStopped) {
      await clock.sleep(this.heartbeatMs);
      if (!this.open || clock.isStopped) return;
      await this.call('Heartbeat', {});
    }
  }

  private async sessionLoop(): Promise<void> {
    const { clock, plan } = this.ctx;
    while (this.open && !clock.isStopped) {
      await this.session();
      await clock.sleep(plan.pauseBetweenSessionsMs);
    }
  }

  /**
   * One transaction on connector 1 (OCPP 1.6 §4.1, §4.8, §4.7, §4.10): Authorize, Preparing, StartTransaction,
   * Charging, MeterValues, StopTransaction, Finishing, Available. When the run ends meanwhile, the remaining meter
   * values are skipped and the transaction is stopped before the connection closes.
   */
  private async session(): Promise<void> {
    const { clock, plan, recorder } = this.ctx;
    const idTag = this.idTag as string;
    const authorized = await this.call('Authorize', { idTag });
    if (!authorized || !this.tagAccepted(authorized, 'Authorize', idTag)) return;
    recorder.counters.sessions.started += 1;
    await this.status(1, 'Preparing');
    const started = await this.call('StartTransaction', { connectorId: 1, idTag, meterStart: this.meterWh, timestamp: new Date().toISOString() });
    if (!started) return;
    const transactionId = started.payload['transactionId'] as number;
    const accepted = this.tagAccepted(started, 'StartTransaction', idTag);
    if (accepted) {
      await this.status(1, 'Charging');
      for (let i = 0; i < plan.meterValuesPerSession && this.open; i++) {
        await clock.sleep(plan.meterValueIntervalMs);
        if (clock.isStopped) break;
        this.meterWh += 1000;
        await this.call('MeterValues', { ...this.meterValues(1), transactionId });
      }
    }
    await this.call('StopTransaction', {
      transactionId, idTag, meterStop: this.meterWh, timestamp: new Date().toISOString(), reason: accepted ? 'Local' : 'DeAuthorized',
    });
    await this.status(1, 'Finishing');
    await this.status(1, 'Available');
    if (accepted) recorder.counters.sessions.completed += 1;
  }

  private meterValues(connectorId: number): Record<string, unknown> {
    return {
      connectorId,
      meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: String(this.meterWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }],
    };
  }

  /** The SUT file promises that the load idTags are Accepted. */
  private tagAccepted(answer: Result, action: string, idTag: string): boolean {
    const status = (answer.payload['idTagInfo'] as { status?: string } | undefined)?.status;
    if (status === 'Accepted') return true;
    this.ctx.recorder.unexpected(action, `${action}.conf gave the load idTag ${idTag} of ${this.identity} the status ${String(status)}, not Accepted`, answer.response.raw);
    return false;
  }

  /** Closes normally; a connection that does not finish its closing handshake in 2 s is dropped. */
  close(): void {
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    ws.close(1000, 'load run ended');
    setTimeout(() => ws.terminate(), 2000).unref();
  }
}

/** Reads a CA file for wss once per worker. */
export function readCa(file: string | undefined): Buffer | undefined {
  return file ? readFileSync(file) : undefined;
}

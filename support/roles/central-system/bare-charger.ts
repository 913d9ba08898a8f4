/**
 * For the tests: a Charge Point written in a few lines on a bare `ws` client, doing what OCPP 1.6 asks of the
 * messages the general preconditions exchange — unless told to fall short. It connects (and reconnects) to a
 * Central System URL, boots, reports its connectors once Accepted (errata §3.22) unless `reportsStatuses` is false,
 * and answers GetConfiguration (§5.8), ChangeConfiguration (§5.3; `refuses` lists keys whose changes it Rejects),
 * ClearCache, DataTransfer (UnknownVendorId) and TriggerMessage; any other action gets a NotImplemented CALLERROR.
 * It shares nothing with the harness's OCPP code, so a mistake of the judge cannot cancel out in it.
 *
 * For the tests of the harness's own lifecycle it can reconnect as real chargers do (`redial: 'on-close-frame'`): the
 * instant the Central System's close frame arrives, before answering it and before its socket is closed (a charger
 * stack that treats the closing handshake as the end of the connection); with `handshakeDelayMs` a reconnection's
 * TCP connection opens at once but its upgrade request follows later (a slow CPU, a TLS handshake on a small board).
 */
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';

export interface BareChargerOptions {
  /** `ws://host:port/path/<identity>`. */
  readonly url: string;
  readonly connectors: number;
  readonly reportsStatuses?: boolean;
  /** Accepts TriggerMessage StatusNotification (and then, if `reportsStatuses` is false, sends nothing all the same). */
  readonly acceptsTrigger?: boolean;
  /** The status it reports for connectors 1…N (Available unless told). */
  readonly status?: string;
  /** Keys whose ChangeConfiguration it answers Rejected. */
  readonly refuses?: readonly string[];
  /** SupportedFeatureProfiles as it declares it (default `Core`). */
  readonly profiles?: string;
  /** Send BootNotification (and the statuses) on each connection (default true). */
  readonly boots?: boolean;
  /** When to connect again: 100 ms after a close (default), or the instant the Central System's close frame arrives. */
  readonly redial?: 'after-close' | 'on-close-frame';
  /** On a reconnection after `on-close-frame`, how long the upgrade request waits after the TCP connection opened. */
  readonly handshakeDelayMs?: number;
  /** Awaited before the answer to each CALL of the Central System: a test acts while a case is surely still running. */
  readonly beforeAnswer?: (action: string) => Promise<void>;
  /** Its configuration (read-write keys); Core's read-only keys are added. */
  readonly configuration?: Readonly<Record<string, string>>;
}

type Frame = [number, string, ...unknown[]];

export class BareCharger {
  private ws: WebSocket | undefined;
  private stopped = false;
  private serial = 0;
  private queue: string[] = [];
  private inFlight = false;
  private readonly values: Map<string, { value: string; readonly: boolean }>;
  private retry: NodeJS.Timeout | undefined;
  /** Every action the Central System sent it, in order. */
  readonly received: string[] = [];
  /** Connections that reached "open". */
  opened = 0;

  constructor(private readonly options: BareChargerOptions) {
    const rw = {
      HeartbeatInterval: '60', MeterValueSampleInterval: '60', ConnectionTimeOut: '60', ClockAlignedDataInterval: '0', MinimumStatusDuration: '0',
      ...options.configuration,
    };
    const ro = { NumberOfConnectors: String(options.connectors), SupportedFeatureProfiles: options.profiles ?? 'Core', GetConfigurationMaxKeys: '50' };
    this.values = new Map([
      ...Object.entries(rw).map(([k, v]): [string, { value: string; readonly: boolean }] => [k, { value: v, readonly: false }]),
      ...Object.entries(ro).map(([k, v]): [string, { value: string; readonly: boolean }] => [k, { value: v, readonly: true }]),
    ]);
  }

  /** Connects, and connects again after every close (see `redial`), until `stop`; resolves at the first open connection. */
  start(): Promise<void> {
    return new Promise((resolve) => this.dial(resolve, false));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.ws?.terminate();
  }

  private dial(onOpen: (() => void) | undefined, reconnecting: boolean): void {
    if (this.stopped) return;
    const delay = reconnecting ? this.options.handshakeDelayMs ?? 0 : 0;
    const ws = new WebSocket(this.options.url, ['ocpp1.6'], delay > 0 ? { createConnection: ((o: { host?: string; port?: number }) => slowConnection(o, delay)) as unknown as typeof connect } : {});
    this.ws = ws;
    this.queue = [];
    this.inFlight = false;
    let redialled = false;
    let wasOpen = false;
    const redial = (): void => {
      if (redialled || this.stopped) return;
      redialled = true;
      if (wasOpen && this.options.redial === 'on-close-frame') this.dial(onOpen, true);
      else this.retry = setTimeout(() => this.dial(onOpen, wasOpen), 100);
    };
    if (this.options.redial === 'on-close-frame') {
      // Registered before ws reads the socket: the close frame is seen (and the redial started) before ws answers it.
      ws.on('upgrade', (res) => res.socket.on('data', (chunk: Buffer) => {
        if (chunk[0] === CLOSE_FRAME) redial();
      }));
    }
    ws.on('open', () => {
      wasOpen = true;
      this.opened += 1;
      onOpen?.();
      onOpen = undefined;
      if (this.options.boots !== false) this.call('BootNotification', { chargePointVendor: 'Bare', chargePointModel: 'Bare-1' });
    });
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      const hook = this.options.beforeAnswer;
      if (!hook || frame[0] !== 2) return this.onFrame(ws, frame);
      void hook(String(frame[2])).then(() => this.onFrame(ws, frame), () => this.onFrame(ws, frame));
    });
    ws.on('error', () => undefined);
    ws.on('close', redial);
  }

  /** Sends a CALL, or queues it while one is unanswered (OCPP-J 1.6 §4.1.1: one CALL at a time). */
  private call(action: string, payload: Record<string, unknown>): void {
    this.queue.push(JSON.stringify([2, `bare-${++this.serial}-${action}`, action, payload]));
    this.sendNext();
  }

  private sendNext(): void {
    if (this.inFlight || this.queue.length === 0 || this.ws?.readyState !== WebSocket.OPEN) return;
    this.inFlight = true;
    this.ws.send(this.queue.shift() as string);
  }

  private reportStatuses(): void {
    if (this.options.reportsStatuses === false) return;
    for (let id = 0; id <= this.options.connectors; id++) {
      const status = id === 0 ? 'Available' : this.options.status ?? 'Available';
      this.call('StatusNotification', { connectorId: id, errorCode: 'NoError', status, timestamp: new Date().toISOString() });
    }
  }

  private onFrame(ws: WebSocket, frame: Frame): void {
    const [type, id] = frame;
    if (type === 3 || type === 4) {
      this.inFlight = false;
      this.sendNext();
      const payload = (type === 3 ? frame[2] : {}) as Record<string, unknown>;
      if (id.endsWith('-BootNotification') && payload['status'] === 'Accepted') this.reportStatuses();
      return;
    }
    if (type !== 2) return;
    const action = String(frame[2]);
    this.received.push(action);
    const answer = this.answer(action, (frame[3] ?? {}) as Record<string, unknown>);
    if (ws.readyState !== WebSocket.OPEN) return;
    if (answer) ws.send(JSON.stringify([3, id, answer]));
    else ws.send(JSON.stringify([4, id, 'NotImplemented', `${action} is not implemented`, {}]));
    if (action === 'TriggerMessage' && answer?.['status'] === 'Accepted') this.reportStatuses();
  }

  private answer(action: string, payload: Record<string, unknown>): Record<string, unknown> | undefined {
    switch (action) {
      case 'GetConfiguration': {
        const asked = Array.isArray(payload['key']) ? (payload['key'] as string[]) : [...this.values.keys()];
        const known = asked.filter((k) => this.values.has(k));
        const unknownKey = asked.filter((k) => !this.values.has(k));
        const configurationKey = known.map((k) => ({ key: k, ...this.values.get(k) }));
        return unknownKey.length > 0 ? { configurationKey, unknownKey } : { configurationKey };
      }
      case 'ChangeConfiguration': {
        const key = String(payload['key']);
        const entry = this.values.get(key);
        if (!entry) return { status: 'NotSupported' };
        if (entry.readonly || this.options.refuses?.includes(key) || !/^\d+$/.test(String(payload['value']))) return { status: 'Rejected' };
        entry.value = String(payload['value']);
        return { status: 'Accepted' };
      }
      case 'ClearCache':
        return { status: 'Accepted' };
      case 'DataTransfer':
        return { status: 'UnknownVendorId' };
      case 'TriggerMessage':
        return { status: payload['requestedMessage'] === 'StatusNotification' && (this.options.acceptsTrigger ?? this.options.reportsStatuses !== false) ? 'Accepted' : 'Rejected' };
      default:
        return undefined;
    }
  }
}

/** First byte of an unmasked, final WebSocket close frame (RFC 6455 §5.2: FIN + opcode 0x8). */
const CLOSE_FRAME = 0x88;

/** A TCP connection that opens at once but sends nothing for `delayMs` (the HTTP client's writes wait, corked). */
function slowConnection(options: { host?: string; port?: number }, delayMs: number): Socket {
  const socket = connect({ host: options.host ?? '127.0.0.1', port: Number(options.port) });
  socket.cork();
  setTimeout(() => socket.uncork(), delayMs);
  return socket;
}

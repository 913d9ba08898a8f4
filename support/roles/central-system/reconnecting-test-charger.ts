/**
 * For the tests of the harness's own lifecycle: a bare `ws` charger that reconnects the instant its connection goes,
 * as real chargers do. It redials as soon as the Central System's close frame arrives (before answering it and before
 * its socket is closed), which is what a charger stack does when it treats the closing handshake as the end of the
 * connection; with `handshakeDelayMs` a reconnection's TCP connection opens at once but its upgrade request follows
 * later (a slow CPU, a TLS handshake on a small board). A dial that fails is retried after a short pause (no busy loop while nothing listens). On each
 * connection it boots and reports every connector Available; it answers the few CALLs a "booted and idle"
 * precondition sends, and CALLERROR NotImplemented to anything else. Test code only.
 */
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';

export interface ReconnectingChargerOptions {
  /** The endpoint URL including the identity (`ws://127.0.0.1:port/ocpp/CP-1`). */
  readonly url: string;
  readonly connectors?: number;
  /** GetConfiguration answers from here; ChangeConfiguration writes here. */
  readonly configuration?: Record<string, string>;
  /** Send BootNotification and StatusNotification on each connection (default true). */
  readonly boots?: boolean;
  /** On a reconnection, how long the upgrade request waits after the TCP connection is open (default 0). */
  readonly handshakeDelayMs?: number;
  /** Awaited before the answer to each CALL of the harness: a test acts while a case is surely still running. */
  readonly beforeAnswer?: (action: string) => Promise<void>;
}

/** First byte of an unmasked, final WebSocket close frame (RFC 6455 §5.2: FIN + opcode 0x8). */
const CLOSE_FRAME = 0x88;

type Frame = [number, string, ...unknown[]];

/** The pause before dialling again after a dial that did not connect. */
const RETRY_MS = 200;

export class ReconnectingTestCharger {
  /** Connections that reached "open". */
  opened = 0;
  /** Dial attempts that failed (refused, reset, an HTTP status). */
  failedDials = 0;
  private stopped = false;
  private ws: WebSocket | undefined;
  private retry: NodeJS.Timeout | undefined;
  private serial = 0;
  private readonly configuration: Record<string, string>;

  constructor(private readonly options: ReconnectingChargerOptions) {
    this.configuration = { ...(options.configuration ?? {}) };
  }

  /** Starts dialling; resolves at the first open connection. */
  start(): Promise<void> {
    return new Promise((resolve) => {
      this.dial(resolve);
    });
  }

  /** Stops reconnecting and drops the current connection. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.ws?.terminate();
  }

  private dial(onOpen?: () => void, reconnecting = false): void {
    if (this.stopped) return;
    const delay = reconnecting ? this.options.handshakeDelayMs ?? 0 : 0;
    const ws = new WebSocket(this.options.url, ['ocpp1.6'], delay > 0 ? { createConnection: ((o: { host?: string; port?: number }) => slowConnection(o, delay)) as unknown as typeof connect } : {});
    this.ws = ws;
    let redialled = false;
    let wasOpen = false;
    const redial = (): void => {
      if (redialled) return;
      redialled = true;
      if (wasOpen) this.dial(onOpen, true);
      else this.retry = setTimeout(() => this.dial(onOpen), RETRY_MS);
    };
    // Registered before ws reads the socket: the close frame is seen (and the redial started) before ws answers it.
    ws.on('upgrade', (res) => res.socket.on('data', (chunk: Buffer) => {
      if (chunk[0] === CLOSE_FRAME) redial();
    }));
    ws.on('open', () => {
      wasOpen = true;
      this.opened += 1;
      onOpen?.();
      onOpen = undefined;
      if (this.options.boots !== false) this.boot(ws);
    });
    ws.on('message', (data) => {
      const text = String(data);
      const hook = this.options.beforeAnswer;
      if (!hook) return this.answer(ws, text);
      void hook(callAction(text) ?? '').then(() => this.answer(ws, text), () => this.answer(ws, text));
    });
    ws.on('unexpected-response', () => {
      this.failedDials += 1;
    });
    ws.on('error', () => {
      this.failedDials += 1;
    });
    ws.on('close', redial);
  }

  private send(ws: WebSocket, frame: unknown[]): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  }

  private call(ws: WebSocket, action: string, payload: Record<string, unknown>): string {
    this.serial += 1;
    const id = `rc-${this.serial}`;
    this.send(ws, [2, id, action, payload]);
    return id;
  }

  private boot(ws: WebSocket): void {
    const bootId = this.call(ws, 'BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Reconnecting' });
    const onAnswer = (data: WebSocket.RawData): void => {
      const frame = JSON.parse(String(data)) as Frame;
      if (frame[0] !== 3 || frame[1] !== bootId) return;
      ws.off('message', onAnswer);
      const timestamp = new Date().toISOString();
      for (let id = 0; id <= (this.options.connectors ?? 1); id += 1) {
        this.call(ws, 'StatusNotification', { connectorId: id, status: 'Available', errorCode: 'NoError', timestamp });
      }
    };
    ws.on('message', onAnswer);
  }

  private answer(ws: WebSocket, text: string): void {
    let frame: Frame;
    try {
      frame = JSON.parse(text) as Frame;
    } catch {
      return;
    }
    if (frame[0] !== 2) return;
    const [, id, action, payload] = frame as [number, string, string, Record<string, unknown>];
    switch (action) {
      case 'GetConfiguration': {
        const asked = Array.isArray(payload['key']) ? (payload['key'] as string[]) : Object.keys(this.configuration);
        const known = asked.filter((k) => k in this.configuration);
        this.send(ws, [3, id, {
          configurationKey: known.map((key) => ({ key, readonly: false, value: this.configuration[key] })),
          ...(asked.length > known.length ? { unknownKey: asked.filter((k) => !(k in this.configuration)) } : {}),
        }]);
        return;
      }
      case 'ChangeConfiguration':
        this.configuration[String(payload['key'])] = String(payload['value']);
        this.send(ws, [3, id, { status: 'Accepted' }]);
        return;
      case 'ClearCache':
        this.send(ws, [3, id, { status: 'Accepted' }]);
        return;
      default:
        this.send(ws, [4, id, 'NotImplemented', `${action} is not implemented by this test charger`, {}]);
    }
  }
}

/** The action of a CALL frame's text, or undefined for anything else. */
function callAction(text: string): string | undefined {
  try {
    const frame = JSON.parse(text) as unknown[];
    return frame[0] === 2 && typeof frame[2] === 'string' ? frame[2] : undefined;
  } catch {
    return undefined;
  }
}

/** A TCP connection that opens at once but sends nothing for `delayMs` (the HTTP client's writes wait, corked). */
function slowConnection(options: { host?: string; port?: number }, delayMs: number): Socket {
  const socket = connect({ host: options.host ?? '127.0.0.1', port: Number(options.port) });
  socket.cork();
  setTimeout(() => socket.uncork(), delayMs);
  return socket;
}

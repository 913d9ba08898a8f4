/**
 * The emulated Central System: the harness's WebSocket server that a Charge Point under test connects to
 * (OCPP-J 1.6 §3). It serves `ws(s)://<host>:<port><path>/<chargePointId>`, negotiates the `ocpp1.6` subprotocol
 * (§3.1.2), checks HTTP Basic auth when configured (security profile 1 of the OCPP 1.6 security whitepaper), and
 * answers every CALL from its handler table. Each handshake is recorded, refused ones included.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { Mailbox, type ReceivedCall } from '../../recording/mailbox';
import type { WireLog } from '../../recording/wire-log';
import type { Finding } from '../../recording/finding';
import type { HandlerTable } from '../../ocpp/handler-table';
import { OcppConnection, sutName } from '../ocpp-connection';
import { Expectations } from '../expectations';
import { ObservedChargePoint } from './observed-charge-point';
import { ConfigError } from '../../reporting/errors';

export const OCPP16 = 'ocpp1.6';

export interface CentralSystemServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Endpoint path; the charge point identity follows it as a path segment. */
  readonly path: string;
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  /** Passwords per charge point identity; when set, a connection without the right Basic credentials gets 401. */
  readonly basicAuth?: Readonly<Record<string, string>>;
  readonly log: WireLog;
  readonly handlers: HandlerTable;
  readonly defaultTimeoutMs: number;
  readonly onFinding: (finding: Finding) => void;
  readonly onHarnessError: (message: string) => void;
}

export interface HandshakeRecord {
  readonly identity: string;
  readonly offered: string[];
  readonly selected: string;
  readonly outcome: 'accepted' | 'refused';
  readonly status?: number;
}

interface ConnectionWaiter {
  readonly identity: string;
  readonly after: number;
  readonly resolve: (c: OcppConnection) => void;
}

export class EmulatedCentralSystem {
  private server: Server | undefined;
  private readonly wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => (offered.has(OCPP16) ? OCPP16 : false) });
  private readonly current = new Map<string, OcppConnection>();
  private readonly counts = new Map<string, number>();
  private readonly observed = new Map<string, ObservedChargePoint>();
  private readonly mailboxes = new Map<string, Mailbox>();
  private readonly waiters = new Set<ConnectionWaiter>();
  readonly handshakes: HandshakeRecord[] = [];
  private connectionSerial = 0;
  private address = '';

  constructor(private readonly options: CentralSystemServerOptions) {}

  /** Starts listening; resolves with the endpoint URL (without the identity). */
  async start(): Promise<string> {
    const { tls, host, port, path } = this.options;
    const server = tls
      ? createHttpsServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) })
      : createHttpServer();
    server.on('request', (_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('OCPP-J endpoint: upgrade to WebSocket\n');
    });
    server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        reject(new ConfigError(`the emulated Central System cannot listen on ${host}:${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.message}`)),
      );
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const bound = server.address() as AddressInfo;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    this.address = `${tls ? 'wss' : 'ws'}://${shownHost}:${bound.port}${path}`;
    this.options.log.event('central-system', 'listening', { url: this.address });
    return this.address;
  }

  get url(): string {
    return this.address;
  }

  /** The handler table answering every charge point's CALLs (scenarios override entries). */
  get handlers(): HandlerTable {
    return this.options.handlers;
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const { path, basicAuth, log } = this.options;
    const url = new URL(req.url ?? '/', 'http://harness');
    const prefix = `${path.replace(/\/$/, '')}/`;
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const refuse = (status: number, why: string, identity = '?'): void => {
      log.event(identity, 'refused', { status, why, path: url.pathname, offered });
      this.handshakes.push({ identity, offered, selected: '', outcome: 'refused', status });
      socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : status === 401 ? 'Unauthorized' : 'Bad Request'}\r\nConnection: close\r\n${status === 401 ? 'WWW-Authenticate: Basic realm="OCPP"\r\n' : ''}\r\n`);
    };
    if (!url.pathname.startsWith(prefix) || url.pathname.length === prefix.length) {
      refuse(404, `the path is not ${prefix}<chargePointId>`);
      return;
    }
    const identity = decodeURIComponent(url.pathname.slice(prefix.length));
    const password = basicAuth?.[identity];
    if (basicAuth && password !== undefined) {
      const header = String(req.headers.authorization ?? '');
      const expected = `Basic ${Buffer.from(`${identity}:${password}`).toString('base64')}`;
      if (header !== expected) {
        refuse(401, header ? 'wrong Basic credentials' : 'no Basic credentials', identity);
        return;
      }
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const selected = ws.protocol;
      this.handshakes.push({ identity, offered, selected, outcome: 'accepted' });
      const n = (this.counts.get(identity) ?? 0) + 1;
      this.counts.set(identity, n);
      const label = n === 1 ? identity : `${identity}#${n}`;
      log.event(label, 'handshake', { path: url.pathname, offered, selected, basicAuth: Boolean(req.headers.authorization) });
      if (offered.length > 0 && selected !== OCPP16) {
        // OCPP-J 1.6 §3.2: no agreeable subprotocol: finish the handshake without one, then close at once.
        log.event(label, 'note', { kind: 'subprotocol-refused', offered });
        this.options.onFinding({
          level: 'SHALL', category: 'protocol violation', rule: 'OCPP-J 1.6 §3.1.2', connection: label,
          message: `the Charge Point offered subprotocols ${JSON.stringify(offered)} but not "${OCPP16}"`,
        });
        ws.close(1002, 'ocpp1.6 required');
        return;
      }
      if (offered.length === 0) {
        // Accepted anyway so the charger can be diagnosed, but OCPP-J 1.6 §3.1.2 requires the version in the header.
        this.options.onFinding({
          level: 'SHALL', category: 'protocol violation', rule: 'OCPP-J 1.6 §3.1.2', connection: label,
          message: 'the Charge Point offered no WebSocket subprotocol; "ocpp1.6" MUST be specified in Sec-WebSocket-Protocol',
        });
      }
      this.adopt(ws, identity, label, selected);
    });
  }

  private adopt(ws: import('ws').WebSocket, identity: string, label: string, selected: string): void {
    const { log, handlers, defaultTimeoutMs, onHarnessError } = this.options;
    const connection = new OcppConnection(ws, identity, label, selected, { log, handlers, plays: 'CentralSystem', defaultTimeoutMs, onHarnessError }, this.mailbox(identity));
    this.connectionSerial += 1;
    const view = this.view(identity);
    // The view is built from each CALL and the answer the harness sent to it.
    connection.on('answered', (call: ReceivedCall) => view.update(call));
    connection.on('close', () => {
      if (this.current.get(identity) === connection) this.current.delete(identity);
    });
    this.current.set(identity, connection);
    log.event(label, 'open', { subprotocol: selected });
    for (const waiter of [...this.waiters]) {
      if (waiter.identity === identity && this.connectionSerial > waiter.after) {
        this.waiters.delete(waiter);
        waiter.resolve(connection);
      }
    }
  }

  /** The mailbox of a charge point: its CALLs not yet consumed by a step, over all its connections. */
  mailbox(identity: string): Mailbox {
    let m = this.mailboxes.get(identity);
    if (!m) {
      m = new Mailbox();
      this.mailboxes.set(identity, m);
    }
    return m;
  }

  /** Waits on what a charge point sends, across its reconnections. */
  expectations(identity: string): Expectations {
    return new Expectations(this.mailbox(identity), sutName('CentralSystem', identity));
  }

  /** Empties every mailbox (a scenario starts); returns what no step consumed. */
  drainMailboxes(): ReceivedCall[] {
    return [...this.mailboxes.values()].flatMap((m) => m.drain());
  }

  /** What the Central System has seen of a charge point. */
  view(identity: string): ObservedChargePoint {
    let v = this.observed.get(identity);
    if (!v) {
      v = new ObservedChargePoint(identity);
      this.observed.set(identity, v);
    }
    return v;
  }

  /** The open connection of a charge point, if any. */
  connection(identity: string): OcppConnection | undefined {
    const c = this.current.get(identity);
    return c?.isOpen ? c : undefined;
  }

  /** A mark to pass to `waitForConnection` so that only connections opened after it count. */
  mark(): number {
    return this.connectionSerial;
  }

  /**
   * Waits for a connection of `identity`. With `after` (from `mark()`), only a connection opened after the mark
   * counts (a reconnection after a reboot); without it, an open connection is returned at once.
   */
  waitForConnection(identity: string, withinMs: number, after?: number): Promise<OcppConnection | undefined> {
    const existing = this.connection(identity);
    if (existing && after === undefined) return Promise.resolve(existing);
    return new Promise((resolve) => {
      const waiter: ConnectionWaiter = {
        identity,
        after: after ?? this.connectionSerial,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(undefined);
      }, withinMs);
      this.waiters.add(waiter);
    });
  }

  async stop(): Promise<void> {
    await Promise.all([...this.current.values()].map((c) => c.close(1001, 'harness stopping')));
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections?.();
  }
}

/**
 * The emulated Central System: the harness's WebSocket server that a Charge Point under test connects to
 * (OCPP-J 1.6 §3). It serves `ws(s)://<host>:<port><path>/<chargePointId>`, negotiates the `ocpp1.6` subprotocol
 * (§3.1.2), checks HTTP Basic auth when configured (security profile 1 of the OCPP 1.6 security whitepaper), and
 * answers every CALL from its handler table. Each handshake is recorded, refused ones included. Only the identities
 * the SUT file names may connect: another charge point gets HTTP 404 (OCPP-J 1.6 §3.2) and is reported through
 * `onStranger`, never through the wire log, so nothing of it reaches a scenario's trace, mailbox or view.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { Mailbox, type ReceivedCall } from '../../recording/mailbox';
import type { WireLog } from '../../recording/wire-log';
import type { Finding } from '../../recording/finding';
import type { HandlerTable } from '../../ocpp/handler-table';
import { OcppConnection, sutName } from '../ocpp-connection';
import { Expectations } from '../expectations';
import { ObservedChargePoint } from './observed-charge-point';
import { withinDeadline } from '../deadline';
import { ConfigError } from '../../reporting/errors';
import type { SecurityTransport } from './security-transport';

export const OCPP16 = 'ocpp1.6';

/** How long `stop()` lets open connections finish their closing handshake before it terminates them. */
export const STOP_GRACE_MS = 2000;
/** How long `stop()` waits, after destroying what remained, for the listening socket to be released. */
const RELEASE_MS = 500;

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
  /**
   * The charge point identities that may connect (the SUT file's); any other gets HTTP 404 (OCPP-J 1.6 §3.2).
   * Omitted: every identity may connect (unit tests).
   */
  readonly identities?: readonly string[];
  /** A charge point the SUT file does not name tried to connect and was refused. */
  readonly onStranger?: (refusal: StrangerRefusal) => void;
  /**
   * The security white paper's profiles (security-transport.ts): ws and wss on the one port, the connection's profile
   * judged instead of `basicAuth`/`tls`.
   */
  readonly security?: SecurityTransport;
}

export interface StrangerRefusal {
  readonly identity: string;
  /** Where it came from (`127.0.0.1:53122`). */
  readonly from: string;
  readonly path: string;
  readonly status: 404;
  /** The identities the SUT file names. */
  readonly expected: readonly string[];
}

/** What `stop()` had to force; all zero when everything closed within the grace period. */
export interface StopReport {
  /** WebSocket connections still open after the closing handshake's grace period, terminated. */
  readonly terminated: number;
  /** TCP connections not (yet) upgraded to WebSocket (a handshake in progress, a plain HTTP request), destroyed. */
  readonly destroyed: number;
  /** Upgrade requests that arrived while stopping, refused with HTTP 503. */
  readonly refusedWhileStopping: number;
  readonly graceMs: number;
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
  /** With undefined when the server stops. */
  readonly resolve: (c: OcppConnection | undefined) => void;
}

export class EmulatedCentralSystem {
  private server: Server | import('node:net').Server | undefined;
  private readonly wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => (offered.has(OCPP16) ? OCPP16 : false) });
  private readonly current = new Map<string, OcppConnection>();
  private readonly counts = new Map<string, number>();
  private readonly observed = new Map<string, ObservedChargePoint>();
  private readonly mailboxes = new Map<string, Mailbox>();
  private readonly waiters = new Set<ConnectionWaiter>();
  readonly handshakes: HandshakeRecord[] = [];
  private connectionSerial = 0;
  private address = '';
  /** Every TCP connection of the server, to destroy what `server.close()` would otherwise wait for. */
  private readonly sockets = new Set<Socket>();
  /** The sockets among them that carry a WebSocket. */
  private readonly upgraded = new Set<Duplex>();
  private stopping = false;
  private refusedWhileStopping = 0;

  constructor(private readonly options: CentralSystemServerOptions) {}

  /** Starts listening; resolves with the endpoint URL (without the identity). */
  async start(): Promise<string> {
    const { tls, host, port, path, security } = this.options;
    const web = security ? [createHttpServer(), createHttpsServer(security.tlsOptions())] : [tls
      ? createHttpsServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) })
      : createHttpServer()];
    for (const s of web) {
      s.on('request', (_req, res) => {
        res.writeHead(426, { 'content-type': 'text/plain' }).end('OCPP-J endpoint: upgrade to WebSocket\n');
      });
      s.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    }
    const server = security ? security.sniff(web[0] as Server, web[1] as import('node:https').Server) : web[0] as Server;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
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
    const { path, basicAuth, log, identities } = this.options;
    if (this.stopping) {
      // A charger reconnecting while the harness stops: no new connection once stop() has begun.
      this.refusedWhileStopping += 1;
      socket.end(httpRefusal(503), () => socket.destroy());
      return;
    }
    const url = new URL(req.url ?? '/', 'http://harness');
    const prefix = `${path.replace(/\/$/, '')}/`;
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const refuse = (status: number, why: string, identity = '?'): void => {
      log.event(identity, 'refused', { status, why, path: url.pathname, offered });
      this.handshakes.push({ identity, offered, selected: '', outcome: 'refused', status });
      socket.end(httpRefusal(status));
    };
    if (!url.pathname.startsWith(prefix) || url.pathname.length === prefix.length) {
      refuse(404, `the path is not ${prefix}<chargePointId>`);
      return;
    }
    const identity = decodeURIComponent(url.pathname.slice(prefix.length));
    if (identities && !identities.includes(identity)) {
      // OCPP-J 1.6 §3.2: an identity the Central System does not recognise SHOULD get HTTP 404. Reported, not logged:
      // the wire log feeds the scenario's trace, and a stranger's attempts are no evidence about the charger under test.
      socket.end(httpRefusal(404), () => socket.destroy());
      this.options.onStranger?.({
        identity, from: `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`, path: url.pathname, status: 404, expected: identities,
      });
      return;
    }
    const admission = this.options.security?.admit(req, identity);
    if (admission && !admission.ok) {
      refuse(admission.status, admission.why, identity);
      return;
    }
    if (admission?.ok && admission.handshake) log.event(identity, 'note', { kind: 'tls-handshake', profile: admission.profile, protocol: admission.handshake.protocol, cipher: admission.handshake.cipher?.standardName, peerCertificate: admission.handshake.peerCertificates[0]?.subject });
    const password = basicAuth?.[identity];
    if (!this.options.security && basicAuth && password !== undefined) {
      const header = String(req.headers.authorization ?? '');
      const expected = `Basic ${Buffer.from(`${identity}:${password}`).toString('base64')}`;
      if (header !== expected) {
        refuse(401, header ? 'wrong Basic credentials' : 'no Basic credentials', identity);
        return;
      }
    }
    this.upgraded.add(socket);
    socket.once('close', () => this.upgraded.delete(socket));
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (this.stopping) {
        ws.terminate();
        return;
      }
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

  /**
   * Stops the server and resolves within about `graceMs`, whatever the chargers do: stops accepting first (the
   * listening socket is closed, an upgrade still arriving gets 503), gives the open connections a closing handshake
   * (1001) until `graceMs`, then terminates the WebSocket connections and destroys every TCP connection left (a
   * handshake in progress included) — `server.close()` alone would wait for all of them, and a charger that
   * reconnects while it waits keeps it waiting for ever. Says what it had to force.
   */
  async stop(graceMs = STOP_GRACE_MS): Promise<StopReport> {
    this.stopping = true;
    const server = this.server;
    const released = new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
    for (const waiter of [...this.waiters]) {
      this.waiters.delete(waiter);
      waiter.resolve(undefined);
    }
    const open = [...this.wss.clients];
    await withinDeadline(graceMs, Promise.all(open.map((ws) => new Promise<void>((resolve) => {
      if (ws.readyState === ws.CLOSED) {
        resolve();
        return;
      }
      ws.once('close', () => resolve());
      ws.close(1001, 'harness stopping');
    }))));
    const remaining = [...this.wss.clients].filter((ws) => ws.readyState !== ws.CLOSED);
    for (const ws of remaining) ws.terminate();
    // Refused handshakes were answered already (their socket is ended): not counted as forced.
    const pending = [...this.sockets].filter((s) => !this.upgraded.has(s) && !s.destroyed && !s.writableEnded);
    for (const socket of this.sockets) socket.destroy();
    (server as Server | undefined)?.closeAllConnections?.();
    await withinDeadline(RELEASE_MS, released.catch(() => undefined));
    const report: StopReport = { terminated: remaining.length, destroyed: pending.length, refusedWhileStopping: this.refusedWhileStopping, graceMs };
    if (report.terminated + report.destroyed > 0) this.options.log.event('central-system', 'note', { kind: 'stopped-forcibly', ...report });
    return report;
  }
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 503: 'Service Unavailable' };

/** The HTTP response refusing a WebSocket handshake (401 names the Basic scheme, RFC 7235 §4.1). */
function httpRefusal(status: number): string {
  const challenge = status === 401 ? 'WWW-Authenticate: Basic realm="OCPP"\r\n' : '';
  return `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Bad Request'}\r\nConnection: close\r\n${challenge}\r\n`;
}

/**
 * One WebSocket opening handshake of an emulated Charge Point with the Central System under test (OCPP-J 1.6 §3.1,
 * §3.2), reduced to what the judge needs: the socket opened, the Central System refused (an HTTP status, or a
 * handshake completed without one of the offered subprotocols), or no HTTP answer came at all (the TCP connection
 * was refused, reset, or timed out). Which of the last is "cannot reach" and which is a refusal is decided by the
 * caller, who knows whether the Central System has been reached before (see `Connectivity`).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import type { WireLog } from '../../recording/wire-log';
import type { ClientTlsOptions } from './security-transport';

export interface HandshakeRequest {
  readonly url: string;
  /** The connection's label in the wire log. */
  readonly label: string;
  readonly subprotocols: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly tls?: { readonly caFile?: string; readonly rejectUnauthorized?: boolean } & ClientTlsOptions;
  readonly withinMs: number;
  readonly log: WireLog;
  /** Called once with the TLS socket of an opened wss connection, or the error of a failed one (evidence). */
  readonly onTls?: (socket: unknown, error?: string) => void;
}

export type HandshakeResult =
  | { readonly kind: 'open'; readonly ws: WebSocket }
  /** An HTTP status other than 101 (`status`), or a 101 without an offered subprotocol (`subprotocol: ''`). */
  | { readonly kind: 'refused'; readonly status?: number; readonly message: string; readonly subprotocol?: string }
  /** No HTTP response: `code` is the socket error (ECONNREFUSED, ECONNRESET, ETIMEDOUT…). */
  | { readonly kind: 'no-response'; readonly code: string; readonly message: string };

/**
 * Worker-wide memory of whether any emulated Charge Point has reached the Central System under test. Before the
 * first success a connection that gets no HTTP response means the SUT file points nowhere (a harness error); after
 * it, the Central System that answered before is the one not answering now.
 */
export interface Connectivity {
  connectedOnce: boolean;
}

/** The socket errors of a TCP connection the Central System accepted and then closed without an HTTP response. */
export function isResetWithoutResponse(code: string): boolean {
  return code === 'ECONNRESET' || code === 'EPIPE';
}

/** Opens the WebSocket; settles once with the handshake's result, never rejects. */
export function openHandshake(req: HandshakeRequest): Promise<HandshakeResult> {
  const { url, label, subprotocols, log } = req;
  return new Promise<HandshakeResult>((resolve) => {
    let settled = false;
    const settle = (result: HandshakeResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const { caFile, ...tls } = req.tls ?? {};
    const ws = new WebSocket(url, [...subprotocols], {
      ...tls,
      headers: { ...req.headers },
      handshakeTimeout: req.withinMs,
      ca: caFile ? readFileSync(caFile) : tls.ca,
      rejectUnauthorized: req.tls?.rejectUnauthorized ?? true,
    } as WebSocket.ClientOptions);
    ws.on('unexpected-response', (_r, res: IncomingMessage) => {
      req.onTls?.(res.socket, `HTTP ${res.statusCode}`);
      log.event(label, 'refused', { url, status: res.statusCode, offered: subprotocols });
      settle({ kind: 'refused', status: res.statusCode, message: `the Central System answered the handshake with HTTP ${res.statusCode}` });
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => {
      req.onTls?.((ws as unknown as { _socket?: unknown })._socket);
      log.event(label, 'handshake', { url, offered: subprotocols, selected: ws.protocol });
      settle({ kind: 'open', ws });
    });
    ws.on('error', (e: NodeJS.ErrnoException) => {
      if (settled) return;
      if (/subprotocol/i.test(e.message)) {
        // The server finished the handshake without one of the offered subprotocols (OCPP-J 1.6 §3.2).
        log.event(label, 'refused', { url, offered: subprotocols, reason: e.message });
        settle({ kind: 'refused', message: e.message, subprotocol: '' });
        return;
      }
      req.onTls?.(undefined, e.message.split('\n')[0]);
      const code = e.code ?? (/timed out/i.test(e.message) ? 'ETIMEDOUT' : e.message);
      log.event(label, 'error', { url, message: e.message, code });
      settle({ kind: 'no-response', code, message: e.message });
    });
  });
}

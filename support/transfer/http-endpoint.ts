/**
 * The HTTP(S) side of the file server: GET of a served file (firmware), PUT or POST of a diagnostics upload. A
 * charger may PUT/POST the raw file to `<location>/<fileName>`, or POST multipart/form-data to the location itself
 * (the file part's filename names it), or name it in a Content-Disposition header; all three are accepted.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { remoteOf, type TransferLog, type TransferProtocol } from './transfer-log';

export interface HttpEndpointOptions {
  readonly protocol: Extract<TransferProtocol, 'http' | 'https'>;
  readonly host: string;
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  readonly log: TransferLog;
  /** The served file of this name, or undefined. */
  readonly file: (name: string) => Buffer | undefined;
  /** Paths (without the leading /) that answer 404 whatever they name: the refusing URLs. */
  readonly refused: ReadonlySet<string>;
  readonly onUpload: (name: string, content: Buffer) => void;
  /** Past this many bytes an upload is cut off and recorded failed. */
  readonly maxUploadBytes: number;
}

function lastSegment(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return decodeURIComponent(segments[segments.length - 1] ?? '');
}

function dispositionName(header: string | undefined): string | undefined {
  const m = /filename\*?=(?:UTF-8'')?"?([^";\r\n]+)"?/i.exec(header ?? '');
  return m ? decodeURIComponent((m[1] as string).trim()) : undefined;
}

/** The first file part of a multipart/form-data body: its filename and bytes (RFC 7578). */
export function multipartFile(contentType: string, body: Buffer): { name: string; content: Buffer } | undefined {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const headersStart = start + delimiter.length + 2;
    const headersEnd = body.indexOf('\r\n\r\n', headersStart);
    if (headersEnd < 0) return undefined;
    const next = body.indexOf(delimiter, headersEnd);
    if (next < 0) return undefined;
    const name = dispositionName(body.subarray(headersStart, headersEnd).toString('latin1'));
    if (name) return { name, content: body.subarray(headersEnd + 4, next - 2) };
    start = next;
  }
  return undefined;
}

export class HttpEndpoint {
  private server: Server | undefined;
  private readonly sockets = new Set<import('node:net').Socket>();
  port = 0;

  constructor(private readonly options: HttpEndpointOptions) {}

  async start(): Promise<number> {
    const { tls, host } = this.options;
    const server = tls ? createHttpsServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }) : createHttpServer();
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.onRequest(req, res));
    server.on('connection', (socket: import('node:net').Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    this.server = server;
    this.port = (server.address() as import('node:net').AddressInfo).port;
    return this.port;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const { protocol, log } = this.options;
    const path = new URL(req.url ?? '/', 'http://harness').pathname;
    const remote = remoteOf(req.socket);
    const method = req.method ?? 'GET';
    const answer = (status: number, text: string): void => {
      res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' }).end(`${text}\n`);
    };
    if (method === 'HEAD') {
      // A probe, not a transfer: not recorded.
      const file = this.options.file(lastSegment(path));
      res.writeHead(file ? 200 : 404, file ? { 'content-length': file.length } : {}).end();
      return;
    }
    const upload = method === 'PUT' || method === 'POST';
    const record = log.begin({ protocol, direction: upload ? 'upload' : 'download', path, name: lastSegment(path), remote, detail: method });
    if (this.options.refused.has(path.replace(/^\//, '').split('/')[0] ?? '')) {
      req.resume();
      log.finish(record, 'refused', `${method} answered 404 on purpose (a refusing URL)`);
      answer(404, 'refused on purpose by the conformance harness');
      return;
    }
    if (!upload) {
      const file = method === 'GET' ? this.options.file(record.name) : undefined;
      if (!file) {
        req.resume();
        log.finish(record, 'not-found', `${method} answered 404: no such served file`);
        answer(404, 'no such file');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.length });
      res.end(file, () => {
        record.bytes = file.length;
        log.finish(record, 'completed', 'GET');
      });
      res.once('close', () => log.finish(record, 'failed', 'the connection closed before the file was sent'));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      record.bytes += chunk.length;
      if (record.bytes > this.options.maxUploadBytes) {
        log.finish(record, 'failed', `the upload passed ${this.options.maxUploadBytes} bytes, the file server's limit`);
        answer(413, 'too large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.once('error', (e) => log.finish(record, 'failed', e.message));
    req.once('close', () => {
      if (!req.complete) log.finish(record, 'failed', `the connection closed after ${record.bytes} bytes, before the upload was complete`);
    });
    req.once('end', () => {
      if (record.outcome !== 'in-progress') return;
      let content: Buffer = Buffer.concat(chunks);
      const type = String(req.headers['content-type'] ?? '');
      const part = /^multipart\/form-data/i.test(type) ? multipartFile(type, content) : undefined;
      if (part) {
        record.name = part.name;
        content = part.content;
      } else {
        record.name = dispositionName(req.headers['content-disposition']) ?? record.name;
      }
      record.bytes = content.length;
      record.content = content;
      this.options.onUpload(record.name, content);
      log.finish(record, 'completed', method);
      answer(method === 'PUT' ? 201 : 200, 'received');
    });
  }

  /** Closes the listener; connections still open after `graceMs` are destroyed. Resolves with how many were. */
  async stop(graceMs: number): Promise<number> {
    const server = this.server;
    if (!server) return 0;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    let destroyed = 0;
    const timer = setTimeout(() => {
      destroyed = this.sockets.size;
      for (const socket of this.sockets) socket.destroy();
    }, graceMs);
    await closed;
    clearTimeout(timer);
    return destroyed;
  }
}

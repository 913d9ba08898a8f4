/**
 * The client side of a transfer, for an emulated Charge Point (download the firmware from UpdateFirmware.req
 * `location`, upload diagnostics to GetDiagnostics.req `location`) and for the tests: HTTP(S) with Node's own
 * client, FTP with `basic-ftp` (passive mode). A failure is a TransferFailed naming the URL (without its password)
 * and the reason: an HTTP status, a refused connection, an FTP reply code.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PassThrough, Readable } from 'node:stream';
import { Client, FTPError } from 'basic-ftp';

export class TransferFailed extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    /** The HTTP status or FTP reply code, when the server answered. */
    readonly code?: number,
  ) {
    super(`the transfer with ${url} failed: ${reason}`);
    this.name = 'TransferFailed';
  }
}

export interface TransferClientOptions {
  /** One deadline for the whole transfer (default 30 s). */
  readonly timeoutMs?: number;
  /** https: the CA to trust (PEM text), or false to accept any certificate. */
  readonly ca?: string | Buffer;
  readonly rejectUnauthorized?: boolean;
}

/** The URL with its password masked, for messages. */
export function shownUrl(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href;
}

function reasonOf(e: unknown): { reason: string; code?: number } {
  if (e instanceof FTPError) return { reason: `FTP ${e.code}: ${e.message}`, code: e.code };
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ECONNREFUSED') return { reason: 'connection refused' };
  return { reason: err.message ?? String(e) };
}

async function withFtp<T>(url: URL, timeoutMs: number, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(timeoutMs);
  // basic-ftp's timeout is per idle socket; this is the one deadline for the whole transfer.
  let overdue = false;
  const timer = setTimeout(() => {
    overdue = true;
    client.close();
  }, timeoutMs);
  try {
    await client.access({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 21),
      user: decodeURIComponent(url.username || 'anonymous'),
      password: decodeURIComponent(url.password || 'anonymous@'),
    });
    return await work(client);
  } catch (e) {
    const { reason, code } = overdue ? { reason: `not complete within ${timeoutMs} ms`, code: undefined } : reasonOf(e);
    throw new TransferFailed(shownUrl(url), reason, code);
  } finally {
    clearTimeout(timer);
    client.close();
  }
}

function http(url: URL, method: string, body: Buffer | undefined, options: TransferClientOptions): Promise<Buffer> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method,
      headers: body ? { 'content-type': 'application/octet-stream', 'content-length': body.length } : {},
      ...(url.protocol === 'https:' ? { ca: options.ca, rejectUnauthorized: options.rejectUnauthorized ?? true } : {}),
    });
    const timer = setTimeout(() => req.destroy(new Error(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    const fail = (e: unknown, code?: number): void => {
      clearTimeout(timer);
      const r = reasonOf(e);
      reject(new TransferFailed(shownUrl(url), r.reason, code ?? r.code));
    };
    req.once('error', fail);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('error', fail);
      res.once('end', () => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 299) fail(new Error(`HTTP ${status}`), status);
        else {
          clearTimeout(timer);
          resolve(Buffer.concat(chunks));
        }
      });
    });
    req.end(body);
  });
}

/** Downloads the file at `url` (http, https, ftp) and resolves with its bytes. */
export async function downloadFile(url: string, options: TransferClientOptions = {}): Promise<Buffer> {
  const target = new URL(url);
  if (target.protocol !== 'ftp:') return http(target, 'GET', undefined, options);
  return withFtp(target, options.timeoutMs ?? 30_000, async (client) => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    await client.downloadTo(sink, decodeURIComponent(target.pathname));
    return Buffer.concat(chunks);
  });
}

/**
 * Uploads `bytes` as `name` into the directory `url` (GetDiagnostics.req `location`, OCPP 1.6 §6.25): HTTP(S) PUT
 * of the raw body to `<url>/<name>`, FTP STOR of `<path>/<name>`.
 */
export async function uploadFile(url: string, name: string, bytes: Uint8Array | string, options: TransferClientOptions = {}): Promise<void> {
  const directory = new URL(url.endsWith('/') ? url : `${url}/`);
  const body = Buffer.from(bytes);
  if (directory.protocol !== 'ftp:') {
    await http(new URL(encodeURIComponent(name), directory), 'PUT', body, options);
    return;
  }
  await withFtp(directory, options.timeoutMs ?? 30_000, async (client) => {
    await client.uploadFrom(Readable.from([body]), `${decodeURIComponent(directory.pathname)}${name}`);
  });
}

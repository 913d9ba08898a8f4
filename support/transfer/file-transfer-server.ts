/**
 * The harness's file server for the FirmwareManagement profile (issue 11): serves firmware files for
 * UpdateFirmware.req (OCPP 1.6 §5.19, §6.55) and receives diagnostics uploads for GetDiagnostics.req (OCPP 1.6 §5.9,
 * §6.25), over HTTP, HTTPS (given a certificate and key) and FTP. Started per scenario on ephemeral ports of one host,
 * stopped after; every transfer attempt is recorded in `transfers` so that a step can judge that the upload arrived,
 * is non-empty and carries the fileName of GetDiagnostics.conf. Independent of Cucumber and of the roles.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';
import { ConfigError } from '../reporting/errors';
import { FtpEndpoint } from './ftp-endpoint';
import { HttpEndpoint } from './http-endpoint';
import { TransferLog, type TransferProtocol, type TransferRecord } from './transfer-log';

export interface FileTransferServerOptions {
  /** The interface to listen on, which the charger reaches (default 127.0.0.1). */
  readonly host?: string;
  /** The protocols to serve (default http and ftp, plus https when `tls` is given). */
  readonly protocols?: readonly TransferProtocol[];
  /** Certificate and key files (PEM) for https. */
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  /** FTP login (default user "ocpp", a password made up per server). */
  readonly ftpCredentials?: { readonly user: string; readonly password: string };
  /** Files served for download, by name (firmware). */
  readonly files?: Readonly<Record<string, Uint8Array | string>>;
  /** Also write each completed upload into this directory (it is created). */
  readonly uploadDirectory?: string;
  /** The largest upload kept in memory; a larger one is cut off and recorded failed (default 64 MiB). */
  readonly maxUploadBytes?: number;
  /** How long stop() lets open connections finish before destroying them (default 1 s). */
  readonly stopGraceMs?: number;
}

/** How a refusing URL refuses (TC_044_2_CS, TC_045_2_CS). */
export type Refusal = 'connection-refused' | 'not-found' | 'login-refused';

/** Where uploads go: `<protocol>://host:port/diagnostics/`. */
export const UPLOAD_DIRECTORY = 'diagnostics';
/** The first path segment of a URL that answers HTTP 404, and the FTP user whose login is refused. */
const REFUSING = 'refused';

export interface StopReport {
  /** Connections still open after the grace period, destroyed. */
  readonly destroyed: number;
}

export class FileTransferServer {
  readonly transfers = new TransferLog();
  readonly host: string;
  readonly protocols: readonly TransferProtocol[];
  private readonly files = new Map<string, Buffer>();
  private readonly ports = new Map<TransferProtocol, number>();
  private readonly credentials: { readonly user: string; readonly password: string };
  private http: HttpEndpoint | undefined;
  private https: HttpEndpoint | undefined;
  private ftp: FtpEndpoint | undefined;
  private closedPort: number | undefined;

  constructor(private readonly options: FileTransferServerOptions = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.protocols = options.protocols ?? (options.tls ? ['http', 'https', 'ftp'] : ['http', 'ftp']);
    if (this.protocols.includes('https') && !options.tls) throw new ConfigError('the file server cannot serve https without a certificate and key (tls)');
    this.credentials = options.ftpCredentials ?? { user: 'ocpp', password: `pw-${process.pid}-${Date.now().toString(36)}` };
    for (const [name, bytes] of Object.entries(options.files ?? {})) this.serve(name, bytes);
  }

  /** Serves `bytes` as `name` for download (replacing a file of that name). */
  serve(name: string, bytes: Uint8Array | string): void {
    this.files.set(name, Buffer.from(bytes));
  }

  async start(): Promise<void> {
    const file = (name: string): Buffer | undefined => this.files.get(name);
    const onUpload = (name: string, content: Buffer): void => this.keep(name, content);
    const refused = new Set([REFUSING]);
    const maxUploadBytes = this.options.maxUploadBytes ?? 64 * 1024 * 1024;
    try {
      if (this.protocols.includes('http')) {
        this.http = new HttpEndpoint({ protocol: 'http', host: this.host, log: this.transfers, file, refused, onUpload, maxUploadBytes });
        this.ports.set('http', await this.http.start());
      }
      if (this.protocols.includes('https')) {
        this.https = new HttpEndpoint({ protocol: 'https', host: this.host, tls: this.options.tls, log: this.transfers, file, refused, onUpload, maxUploadBytes });
        this.ports.set('https', await this.https.start());
      }
      if (this.protocols.includes('ftp')) {
        this.ftp = new FtpEndpoint({ host: this.host, credentials: this.credentials, refused, log: this.transfers, file, onUpload, maxUploadBytes });
        this.ports.set('ftp', await this.ftp.start());
      }
    } catch (e) {
      await this.stop();
      const code = (e as NodeJS.ErrnoException).code;
      throw new ConfigError(`the file server cannot listen on ${this.host}: ${code === 'EADDRNOTAVAIL' ? 'no such local address' : (e as Error).message}`);
    }
  }

  private keep(name: string, content: Buffer): void {
    const dir = this.options.uploadDirectory;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    // basename: an upload's name never writes outside the directory.
    writeFileSync(join(dir, basename(name) || 'unnamed-upload'), content);
  }

  private origin(protocol: TransferProtocol, port: number, user?: string): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    const login = protocol === 'ftp' ? `${encodeURIComponent(user ?? this.credentials.user)}:${encodeURIComponent(this.credentials.password)}@` : '';
    return `${protocol}://${login}${host}:${port}`;
  }

  private portOf(protocol: TransferProtocol): number {
    const port = this.ports.get(protocol);
    if (port === undefined) throw new ConfigError(`the file server does not serve ${protocol} (it serves ${this.protocols.join(', ')}), or it is not started`);
    return port;
  }

  /**
   * The location of a served file, for UpdateFirmware.req `location`; without `name`, the directory for
   * GetDiagnostics.req `location` (a directory URI, OCPP 1.6 §6.25), ending in "/".
   */
  url(protocol: TransferProtocol, name?: string): string {
    const origin = this.origin(protocol, this.portOf(protocol));
    return name === undefined ? `${origin}/${UPLOAD_DIRECTORY}/` : `${origin}/${encodeURIComponent(name)}`;
  }

  /**
   * A location that refuses: `connection-refused` names a port nothing listens on, `not-found` a path that answers
   * HTTP 404 (http, https), `login-refused` an FTP user whose login gets 530. The attempts are recorded (except the
   * refused connection, which never reaches the server).
   */
  async refusingUrl(protocol: TransferProtocol, how: Refusal, name = 'firmware.bin'): Promise<string> {
    if (how === 'connection-refused') return `${this.origin(protocol, await this.closedPortOnHost())}/${encodeURIComponent(name)}`;
    if (how === 'login-refused') {
      if (protocol !== 'ftp') throw new ConfigError(`a ${protocol} URL cannot refuse a login; use "not-found"`);
      return `${this.origin('ftp', this.portOf('ftp'), REFUSING)}/${encodeURIComponent(name)}`;
    }
    if (protocol === 'ftp') return `${this.origin('ftp', this.portOf('ftp'))}/${REFUSING}/${encodeURIComponent(name)}`;
    return `${this.origin(protocol, this.portOf(protocol))}/${REFUSING}/${encodeURIComponent(name)}`;
  }

  /** A port on the host that was free when asked and is closed now. */
  private async closedPortOnHost(): Promise<number> {
    if (this.closedPort !== undefined) return this.closedPort;
    const probe = createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(0, this.host, () => resolve());
    });
    this.closedPort = (probe.address() as import('node:net').AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return this.closedPort;
  }

  /** See TransferLog.waitForUpload. */
  waitForUpload(name: string | undefined, withinMs: number): Promise<TransferRecord> {
    return this.transfers.waitForUpload(name, withinMs);
  }

  /** See TransferLog.waitForDownload. */
  waitForDownload(name: string, withinMs: number): Promise<TransferRecord> {
    return this.transfers.waitForDownload(name, withinMs);
  }

  /** Stops every endpoint; connections still open after the grace period are destroyed. Never hangs. */
  async stop(): Promise<StopReport> {
    const grace = this.options.stopGraceMs ?? 1000;
    const endpoints = [this.http, this.https, this.ftp];
    this.http = this.https = this.ftp = undefined;
    this.ports.clear();
    const destroyed = await Promise.all(endpoints.map((e) => e?.stop(grace) ?? 0));
    for (const record of this.transfers.inProgress()) this.transfers.finish(record, 'failed', 'the file server stopped during the transfer');
    return { destroyed: destroyed.reduce((a, b) => a + b, 0) };
  }
}

/**
 * The server options for a SUT file's `fileTransfer` section: its host, every protocol the charger supports for
 * firmware or diagnostics, its FTP login and TLS files.
 */
export function fileTransferServerOptions(config: {
  readonly host: string;
  readonly protocols: { readonly firmware: readonly TransferProtocol[]; readonly diagnostics: readonly TransferProtocol[] };
  readonly ftp?: { readonly user: string; readonly password: string };
  readonly tls?: { readonly cert: string; readonly key: string };
}): FileTransferServerOptions {
  return {
    host: config.host,
    protocols: [...new Set([...config.protocols.firmware, ...config.protocols.diagnostics])],
    ftpCredentials: config.ftp,
    tls: config.tls && { certFile: config.tls.cert, keyFile: config.tls.key },
  };
}

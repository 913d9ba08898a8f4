/**
 * The FTP side of the file server, on `ftp-srv`: RETR of a served file (firmware), STOR of a diagnostics upload,
 * both from memory. Passive mode only (PASV/EPSV), its data ports ephemeral and on the configured host; active mode
 * (PORT/EPRT) is refused, so the server never dials out. Logins with other credentials than the configured ones are
 * refused (530) and recorded, and so is every login on a refusing user.
 */
import { Readable, Writable } from 'node:stream';
import type { Socket } from 'node:net';
import { FileSystem, FileSystemError, FtpSrv, type FtpConnection } from 'ftp-srv';
import { remoteOf, type TransferLog, type TransferRecord } from './transfer-log';

export interface FtpEndpointOptions {
  readonly host: string;
  readonly credentials: { readonly user: string; readonly password: string };
  /** Users whose login is refused whatever the password, and first path segments that are never found: the refusing URLs. */
  readonly refused: ReadonlySet<string>;
  readonly log: TransferLog;
  readonly file: (name: string) => Buffer | undefined;
  readonly onUpload: (name: string, content: Buffer) => void;
  /** Past this many bytes an upload is cut off and recorded failed. */
  readonly maxUploadBytes: number;
}

function baseName(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return segments[segments.length - 1] ?? '';
}

/** ftp-srv's logger interface, silenced: what matters is recorded in the transfer log. */
const quiet = {
  child: () => quiet,
  trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, fatal: () => undefined,
};

/** One connection's view: a flat in-memory file system of the served files and the uploads. */
class MemoryFileSystem extends FileSystem {
  private dir = '/';
  /** The transfer this connection has in progress (FTP transfers one file at a time per connection). */
  current: TransferRecord | undefined;

  constructor(connection: FtpConnection, private readonly endpoint: FtpEndpointOptions, private readonly remote: string) {
    super(connection, { root: '/', cwd: '/' });
  }

  override currentDirectory(): string {
    return this.dir;
  }

  override async chdir(path = '/'): Promise<string> {
    this.dir = path.startsWith('/') ? path : `${this.dir.replace(/\/$/, '')}/${path}`;
    return this.dir;
  }

  override async get(fileName: string): Promise<unknown> {
    const file = this.endpoint.file(baseName(fileName));
    if (file) return stat(baseName(fileName), file.length, false);
    if (baseName(fileName) === '') return stat('/', 0, true);
    throw new FileSystemError('No such file', 550);
  }

  override async list(): Promise<unknown[]> {
    return [];
  }

  override write(fileName: string): Writable {
    const { log, onUpload, maxUploadBytes } = this.endpoint;
    const record = log.begin({ protocol: 'ftp', direction: 'upload', path: fileName, name: baseName(fileName), remote: this.remote, detail: 'STOR' });
    this.current = record;
    const chunks: Buffer[] = [];
    return new Writable({
      write(chunk: Buffer, _encoding, done) {
        record.bytes += chunk.length;
        if (record.bytes > maxUploadBytes) {
          done(new Error(`the upload passed ${maxUploadBytes} bytes, the file server's limit`));
          return;
        }
        chunks.push(chunk);
        done();
      },
      final(done) {
        record.content = Buffer.concat(chunks);
        onUpload(record.name, record.content);
        done();
      },
    });
  }

  override async read(fileName: string): Promise<Readable> {
    const name = baseName(fileName);
    const record = this.endpoint.log.begin({ protocol: 'ftp', direction: 'download', path: fileName, name, remote: this.remote, detail: 'RETR' });
    const onPurpose = this.endpoint.refused.has(fileName.split('/').filter(Boolean)[0] ?? '');
    const file = onPurpose ? undefined : this.endpoint.file(name);
    if (!file) {
      this.endpoint.log.finish(record, 'not-found', 'RETR answered 551: no such served file');
      throw new FileSystemError('No such file', 550);
    }
    this.current = record;
    record.bytes = file.length;
    return Readable.from([file]);
  }
}

function stat(name: string, size: number, directory: boolean) {
  return { name, size, mtime: new Date(), mode: directory ? 0o40755 : 0o100644, isDirectory: () => directory, uid: 0, gid: 0 };
}

export class FtpEndpoint {
  private server: FtpSrv | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly options: FtpEndpointOptions) {}

  async start(): Promise<number> {
    const { host, credentials, refused, log } = this.options;
    const signalsBefore = new Map(['SIGTERM', 'SIGINT', 'SIGQUIT'].map((s) => [s, process.listeners(s as NodeJS.Signals)]));
    const server = new FtpSrv({
      url: `ftp://${host.includes(':') ? `[${host}]` : host}:0`,
      pasv_url: () => host,
      anonymous: false,
      blacklist: ['PORT', 'EPRT'],
      log: quiet,
      greeting: 'ocpp-conformance file server',
    } as unknown as ConstructorParameters<typeof FtpSrv>[0]);
    // ftp-srv installs signal handlers that exit the process; the harness has its own.
    for (const [signal, before] of signalsBefore) {
      for (const listener of process.listeners(signal as NodeJS.Signals)) if (!before.includes(listener)) process.removeListener(signal, listener);
    }
    // Passive data ports: ephemeral (port 0), not ftp-srv's scan from pasv_min.
    (server as unknown as { getNextPasvPort: () => Promise<number> }).getNextPasvPort = async () => 0;
    const tcp = (server as unknown as { server: import('node:net').Server }).server;
    tcp.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('login', ({ connection, username, password }, resolve, reject) => {
      const socket = (connection as unknown as { commandSocket: Socket }).commandSocket;
      const remote = remoteOf(socket);
      const refusal = refused.has(username)
        ? `login of "${username}" refused on purpose (a refusing URL)`
        : username !== credentials.user || password !== credentials.password ? `login of "${username}" refused: wrong user or password` : undefined;
      if (refusal) {
        log.finish(log.begin({ protocol: 'ftp', direction: 'upload', path: '', name: '', remote, detail: 'login' }), 'refused', refusal);
        reject(new Error('Login incorrect'));
        return;
      }
      const fs = new MemoryFileSystem(connection, this.options, remote);
      const settle = (error: Error | null | undefined): void => {
        const record = fs.current;
        fs.current = undefined;
        if (record) log.finish(record, error ? 'failed' : 'completed', error ? error.message : record.detail);
      };
      connection.on('STOR', settle);
      connection.on('RETR', settle);
      socket.once('close', () => settle(new Error('the FTP connection closed before the transfer completed')));
      resolve({ fs });
    });
    await server.listen();
    this.server = server;
    this.port = (tcp.address() as import('node:net').AddressInfo).port;
    return this.port;
  }

  /** Closes the server; connections still open after `graceMs` are destroyed. Resolves with how many were. */
  async stop(graceMs: number): Promise<number> {
    const server = this.server;
    if (!server) return 0;
    this.server = undefined;
    let destroyed = 0;
    let timer: NodeJS.Timeout | undefined;
    const forced = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        destroyed = this.sockets.size;
        for (const socket of this.sockets) socket.destroy();
        resolve();
      }, graceMs);
    });
    // ftp-srv's close() waits for every client; it is bounded by the destroy above.
    await Promise.race([Promise.resolve(server.close()).catch(() => undefined), forced]);
    const tcp = (server as unknown as { server: import('node:net').Server }).server;
    if (tcp.listening) {
      for (const socket of this.sockets) socket.destroy();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    }
    clearTimeout(timer);
    return destroyed;
  }
}

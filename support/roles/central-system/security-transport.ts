/**
 * The emulated Central System's side of the security white paper's profiles (§2.1–§2.5, edition 3) for the Charge
 * Point under test: which profile a connection uses (TLS or not, Basic credentials or a client certificate), whether
 * it may (A00.FR.002 a profile other than the charger's, A05.FR.09 never lower than one it reached, A00.FR.202–205
 * the Basic credentials, A00.FR.403–405 the client certificate), the server certificate it presents (the run PKI's,
 * or a bad one a case swaps in), and the TLS handshakes it saw as evidence.
 *
 * One port serves both ws and wss (`sniff`): the first byte of a TLS connection is 0x16 (a handshake record, RFC
 * 8446 §5.1), of a WebSocket upgrade an ASCII letter. A charger going from profile 1 to 2 (TC_083_CS) then keeps its
 * host and port and changes only the scheme, as a real installation does.
 */
import type { IncomingMessage } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { TLSSocket, type SecureContextOptions } from 'node:tls';
import { parseCertificate, type Credential, type TestPki } from '../../security/pki';
import { tlsHandshake, type TlsHandshake } from '../../security/tls-evidence';

/** The profile a connection was made with (white paper §2.1 Table 2). */
export type ProfileUsed = 0 | 1 | 2 | 3;

export interface SecurityTransportOptions {
  readonly pki: TestPki;
  /** The charger's identity (Basic user name, A00.FR.204). */
  readonly identity: string;
  /** The CN its client certificate must carry (A00.FR.405; the identity unless the SUT file says otherwise). */
  readonly serialNumber: string;
  /** The profile the charger starts the run with. */
  readonly profile: number;
  /** The Basic password the charger starts with (its AuthorizationKey's bytes). */
  readonly password?: Buffer;
}

export interface HandshakeSeen {
  readonly at: number;
  readonly identity?: string;
  readonly handshake: TlsHandshake;
}

export interface TlsFailure {
  readonly at: number;
  readonly reason: string;
}

export type Admission = { readonly ok: true; readonly profile: ProfileUsed; readonly handshake?: TlsHandshake; readonly clientCertificate?: string } | { readonly ok: false; readonly status: 401; readonly why: string; readonly profile: ProfileUsed; readonly rule: string };

export class SecurityTransport {
  /** A05.FR.09: the lowest profile accepted from the charger (raised by every connection on a higher one). */
  private floor: number;
  /** The profile the harness asked the charger to move to (A05), until it connects with it. */
  private expecting?: number;
  private password: Buffer | undefined;
  /** The credentials that were valid before a change the charger accepted (kept until it connects with the new ones). */
  private server: Credential;
  readonly handshakes: HandshakeSeen[] = [];
  readonly tlsFailures: TlsFailure[] = [];
  readonly admissions: Array<Admission & { readonly at: number }> = [];
  private tlsServer?: HttpsServer;

  constructor(private readonly options: SecurityTransportOptions) {
    this.floor = options.profile;
    this.password = options.password;
    this.server = options.pki.centralSystemServer;
  }

  get pki(): TestPki {
    return this.options.pki;
  }

  /** The profile the charger must use at least (A05.FR.09). */
  get minimumProfile(): number {
    return this.floor;
  }

  /** The Basic password expected from now on (A01.FR.03: after the charger accepted a new AuthorizationKey). */
  expectPassword(password: Buffer): void {
    this.password = password;
  }

  /** The charger accepted to move to `profile` (A05.FR.05): what a refused connection is judged against. */
  expectProfile(profile: number): void {
    this.expecting = profile;
  }

  /** Out of band (A00.FR.005): the charger was set back to `profile`, e.g. at the end of a scenario that raised it. */
  lowerFloor(profile: number): void {
    this.floor = profile;
  }

  /** The TLS options of the listening side: the run PKI's server certificate, client certificates asked for and judged later. */
  tlsOptions(): SecureContextOptions & { requestCert: boolean; rejectUnauthorized: boolean; minVersion: 'TLSv1.2' } {
    return { cert: this.server.certPem, key: this.server.keyPem, ca: [this.options.pki.centralSystemRoot.certPem], requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' };
  }

  /** Presents `credential` as the server certificate from the next TLS handshake on (a case's bad certificate). */
  presentServerCertificate(credential: Credential): void {
    this.server = credential;
    this.tlsServer?.setSecureContext(this.tlsOptions());
  }

  /** Back to the run PKI's server certificate. */
  restoreServerCertificate(): void {
    this.presentServerCertificate(this.options.pki.centralSystemServer);
  }

  /**
   * Listens on one port for both: each connection goes to the TLS server when its first byte is a TLS handshake
   * record, else to the plain HTTP server. Records every TLS handshake and every one the client broke off.
   */
  sniff(plain: HttpServer, tls: HttpsServer): NetServer {
    this.tlsServer = tls;
    tls.on('secureConnection', (socket: TLSSocket) => this.handshakes.push({ at: Date.now(), handshake: tlsHandshake(socket) }));
    tls.on('tlsClientError', (err: Error) => this.tlsFailures.push({ at: Date.now(), reason: err.message }));
    return createNetServer((socket: Socket) => {
      socket.once('data', (chunk: Buffer) => {
        socket.pause();
        socket.unshift(chunk);
        (chunk[0] === 0x16 ? tls : plain).emit('connection', socket);
        process.nextTick(() => socket.resume());
      });
      socket.on('error', () => undefined);
    });
  }

  /** Whether the upgrade request may become the charger's connection, and on which profile (white paper §2.3–§2.5). */
  admit(req: IncomingMessage, identity: string): Admission {
    const socket = req.socket;
    const tls = socket instanceof TLSSocket && socket.encrypted ? socket : undefined;
    const header = String(req.headers.authorization ?? '');
    const handshake = tls ? tlsHandshake(tls) : undefined;
    const clientCert = tls?.getPeerCertificate();
    const hasClientCert = clientCert !== undefined && Object.keys(clientCert).length > 0;
    // TLS without Basic credentials is profile 3 (A00.FR.402), with or without the certificate it needs.
    const profile: ProfileUsed = tls ? (header ? 2 : 3) : header ? 1 : 0;
    const clientCertificate = hasClientCert ? `-----BEGIN CERTIFICATE-----\n${clientCert.raw.toString('base64')}\n-----END CERTIFICATE-----\n` : undefined;
    const refuse = (why: string, rule: string): Admission => this.record({ ok: false, status: 401, why: `${why} (${rule})`, profile, rule });
    if (profile < this.floor) return refuse(`security profile ${profile} is lower than ${this.floor}, the charger's profile`, 'Security whitepaper A00.FR.002');
    if (profile === 1 || profile === 2) {
      const problem = this.basicProblem(header, identity);
      if (problem) return refuse(problem.why, problem.rule);
    }
    if (profile === 3) {
      if (!clientCertificate) {
        return (this.expecting ?? this.floor) >= 3
          ? refuse('TLS without a client certificate on profile 3', 'Security whitepaper A00.FR.401')
          : refuse('TLS without Basic credentials on profile 2', 'Security whitepaper A00.FR.302');
      }
      if (!tls!.authorized) return refuse(`the client certificate does not verify against the Central System root: ${String(tls!.authorizationError)}`, 'Security whitepaper A00.FR.403');
      const cn = parseCertificate(clientCertificate).subjectName.getField('CN')[0];
      if (cn !== this.options.serialNumber) return refuse(`the client certificate's CN is ${JSON.stringify(cn)}, not the serial number ${JSON.stringify(this.options.serialNumber)}`, 'Security whitepaper A00.FR.405');
    }
    this.floor = Math.max(this.floor, profile);
    if (this.expecting === profile) this.expecting = undefined;
    return this.record({ ok: true, profile, ...(handshake ? { handshake } : {}), ...(profile === 3 && clientCertificate ? { clientCertificate } : {}) });
  }

  private record(a: Admission): Admission {
    this.admissions.push({ ...a, at: Date.now() });
    if (this.admissions.length > 200) this.admissions.splice(0, 100);
    return a;
  }

  /** Why the Basic header is not `identity:password` (A00.FR.202–205, OCPP-J 1.6 §6.2.2), or undefined. */
  private basicProblem(header: string, identity: string): { why: string; rule: string } | undefined {
    const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
    if (!m) return { why: 'no Basic credentials', rule: 'Security whitepaper A00.FR.202' };
    const raw = Buffer.from(m[1]!, 'base64');
    const colon = raw.indexOf(0x3a);
    const user = colon < 0 ? raw.toString() : raw.subarray(0, colon).toString();
    if (user !== identity) return { why: `the Basic user name is ${JSON.stringify(user)}, not the identity ${JSON.stringify(identity)}`, rule: 'Security whitepaper A00.FR.204' };
    const given = colon < 0 ? Buffer.alloc(0) : raw.subarray(colon + 1);
    if (this.password === undefined || !given.equals(this.password)) return { why: 'wrong Basic password', rule: 'Security whitepaper A00.FR.205' };
    return undefined;
  }
}

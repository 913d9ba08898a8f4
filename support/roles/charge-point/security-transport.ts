/**
 * The emulated Charge Point's side of the white paper's security profiles (§2) as a client of a Central System
 * under test: which endpoint it connects to for its profile (A00.FR.006: one profile per port), the Basic
 * credentials of profiles 1 and 2 (username = its id, password = its AuthorizationKey's bytes, A00.FR.204/205,
 * OCPP-J 1.6 §6.2.2), the TLS of profiles 2 and 3 (the CentralSystemRootCertificates it holds as trust anchors,
 * A00.FR.307; its own certificate on profile 3, A00.FR.401), what a negative case changes for one connection (TLS
 * versions, cipher suites, no or another certificate, another password or username), and the handshakes it saw,
 * for the report.
 */
import type { TLSSocket } from 'node:tls';
import { renderTlsHandshake, tlsHandshake, type TlsHandshake } from '../../security/tls-evidence';
import type { PemCredential } from './security-pki';

/** What the next connection offers instead of the charge point's own settings (one connection only). */
export interface ConnectionOffer {
  readonly minVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  readonly maxVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  /** OpenSSL cipher list for TLS 1.2 and older. */
  readonly ciphers?: string;
  /** `none`: no client certificate; a credential: that one instead of its own. */
  readonly certificate?: 'none' | PemCredential;
  readonly password?: Buffer;
  readonly username?: string;
  /** Connect on this profile's endpoint instead of the current one. */
  readonly profile?: number;
}

export interface ChargePointSecuritySettings {
  /** The profile in use (white paper §2.1). */
  readonly profile: number;
  /** OCPP-J endpoint per profile; the base URL for the profile in use when absent. */
  readonly endpoints: Readonly<Record<string, string>>;
  /** Basic password bytes (profiles 1, 2). */
  readonly password?: Buffer;
  /** Trust anchors for the Central System certificate (CentralSystemRootCertificate). */
  readonly centralSystemRoots: readonly string[];
  /** Its certificate on profile 3, issued when first needed. */
  readonly certificate?: () => Promise<PemCredential | undefined>;
}

/** One handshake's evidence: what TLS showed, or why it failed. */
export interface HandshakeEvidence {
  readonly label: string;
  readonly url: string;
  readonly offered: string;
  readonly handshake?: TlsHandshake;
  /** The Central System's leaf certificate, PEM (public: for the certificate checks, never a key). */
  readonly peerPem?: string;
  readonly error?: string;
}

/** The socket-level TLS options a ws client passes on to `tls.connect`. */
export interface ClientTlsOptions {
  readonly ca?: string[];
  readonly cert?: string;
  readonly key?: string;
  readonly minVersion?: string;
  readonly maxVersion?: string;
  readonly ciphers?: string;
  readonly rejectUnauthorized?: boolean;
}

export class ChargePointSecurity {
  profile: number;
  password: Buffer | undefined;
  /** The certificate it uses on profile 3; replaced by CertificateSigned.req (A02). */
  credential: PemCredential | undefined;
  /** Installed roots per certificate type (M05), the CentralSystemRootCertificates first. */
  readonly roots = new Map<string, string[]>();
  /** Scenario switches: answer CertificateSigned.req / InstallCertificate.req Rejected whatever comes (TC_077, TC_078). */
  rejectSignedCertificates = false;
  rejectInstalls = false;
  /** The private key of the CSR it sent last (A02.FR.02), until a certificate for it arrives. */
  pendingKey: { readonly keyPem: string; readonly publicKeyDer: Buffer } | undefined;
  /** What its CertificateSigned.conf said, and why (A02.FR.06). */
  signedVerdict: Promise<{ readonly status: 'Accepted' | 'Rejected'; readonly why?: string }> | undefined;
  /** A ChangeConfiguration it Accepted, applied when it reconnects (A01.FR.01, A05.FR.05–07). */
  nextPassword: Buffer | undefined;
  nextProfile: number | undefined;
  /** The Basic password it had before the last change (TC_073: the old one must be refused). */
  previousPassword: Buffer | undefined;
  /** The profile it had before the last upgrade. */
  previousProfile: number | undefined;
  /** The handshakes of its connections, oldest first. */
  readonly evidence: HandshakeEvidence[] = [];
  private offer: ConnectionOffer | undefined;
  private lastWasTls = false;

  constructor(private readonly settings: ChargePointSecuritySettings, manufacturerRoot?: string) {
    this.profile = settings.profile;
    this.password = settings.password;
    this.roots.set('CentralSystemRootCertificate', [...settings.centralSystemRoots]);
    this.roots.set('ManufacturerRootCertificate', manufacturerRoot ? [manufacturerRoot] : []);
  }

  /** Applies the AuthorizationKey and SecurityProfile it Accepted (at the reconnection). */
  applyChanges(): void {
    if (this.nextPassword) {
      this.previousPassword = this.password;
      this.password = this.nextPassword;
      this.nextPassword = undefined;
    }
    if (this.nextProfile !== undefined) {
      this.previousProfile = this.profile;
      this.profile = this.nextProfile;
      this.nextProfile = undefined;
    }
  }

  /** What the next connection offers instead (consumed by it). */
  offerOnce(offer: ConnectionOffer): void {
    this.offer = offer;
  }

  /** The endpoint of `profile` (the base URL when the SUT file names none). */
  endpoint(base: string, profile = this.offer?.profile ?? this.profile): string {
    return this.settings.endpoints[String(profile)] ?? base;
  }

  /** Whether the next connection uses TLS. */
  get tls(): boolean {
    return (this.offer?.profile ?? this.profile) >= 2;
  }

  /** The headers and TLS options of the next connection; consumes the offer. */
  async connection(identity: string): Promise<{ headers: Record<string, string>; tls?: ClientTlsOptions; offered: string }> {
    const offer = this.offer;
    this.offer = undefined;
    const profile = offer?.profile ?? this.profile;
    const headers: Record<string, string> = {};
    const password = offer?.password ?? this.password;
    if ((profile === 1 || profile === 2) && password) {
      headers['Authorization'] = `Basic ${Buffer.concat([Buffer.from(`${offer?.username ?? identity}:`, 'utf8'), password]).toString('base64')}`;
    }
    this.lastWasTls = profile >= 2;
    const parts = [`profile ${profile}`];
    if (offer?.username) parts.push(`Basic username ${offer.username}`);
    if (offer?.password) parts.push('another Basic password');
    if (profile < 2) return { headers, offered: parts.join(', ') };
    let certificate: PemCredential | undefined;
    if (profile === 3) {
      if (offer?.certificate === 'none') parts.push('no client certificate');
      else certificate = offer?.certificate ?? (this.credential ??= await this.settings.certificate?.());
    }
    if (offer?.minVersion || offer?.maxVersion) parts.push(`TLS ${offer.minVersion ?? ''}–${offer.maxVersion ?? ''}`);
    if (offer?.ciphers) parts.push(`ciphers ${offer.ciphers}`);
    const tls: ClientTlsOptions = {
      ca: this.roots.get('CentralSystemRootCertificate') ?? [],
      ...(certificate ? { cert: certificate.cert, key: certificate.key } : {}),
      ...(offer?.minVersion ? { minVersion: offer.minVersion } : {}),
      ...(offer?.maxVersion ? { maxVersion: offer.maxVersion } : {}),
      // Old protocol versions and CBC suites need OpenSSL's security level 0 on the client side to be offered at all.
      ...(offer?.ciphers || offer?.minVersion ? { ciphers: `${offer.ciphers ?? 'DEFAULT'}:@SECLEVEL=0` } : {}),
      rejectUnauthorized: true,
    };
    return { headers, tls, offered: parts.join(', ') };
  }

  /**
   * Whether a connection that got no HTTP answer was refused in its TLS handshake (an alert, or a reset once TCP
   * was up): the Central System was there and said no. A refused or timed-out TCP connection is not.
   */
  tlsRefusal(code: string): boolean {
    return this.lastWasTls && !['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code);
  }

  /** Records the handshake of an opened socket (wss), or the error of one that failed. */
  record(label: string, url: string, offered: string, socket: unknown, error?: string): void {
    const s = socket as TLSSocket | undefined;
    const handshake = s && typeof s.getProtocol === 'function' && s.getProtocol() ? tlsHandshake(s) : undefined;
    const raw = handshake ? s?.getPeerCertificate()?.raw : undefined;
    const peerPem = raw ? `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n` : undefined;
    this.evidence.push({ label, url, offered, ...(handshake ? { handshake } : {}), ...(peerPem ? { peerPem } : {}), ...(error ? { error } : {}) });
  }

  /** The evidence as Markdown (attachment tls-handshake.md). */
  render(from = 0): string {
    return this.evidence.slice(from).map((e) => e.handshake
      ? renderTlsHandshake(`${e.label} → ${e.url} (${e.offered})`, e.handshake)
      : `### ${e.label} → ${e.url} (${e.offered})\n\nno TLS session: ${e.error ?? 'plain ws://'}\n`).join('\n');
  }
}

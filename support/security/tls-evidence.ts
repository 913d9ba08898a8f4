/**
 * What a TLS handshake showed, as evidence for a case's attachments (issue: "the report shows the TLS handshake
 * details (version, cipher, certificate subjects)"): protocol version, cipher suite, whether the peer's certificate
 * verified and why not, the certificate subjects on both sides. Never a key, never a whole certificate.
 *
 * Both roles use it: the emulated Central System on the sockets a charger opens (white paper §2.4/§2.5: the CS is
 * the TLS server), the emulated Charge Point on the sockets it opens to the Central System under test.
 */
import type { PeerCertificate, TLSSocket } from 'node:tls';

export interface TlsHandshake {
  /** e.g. `TLSv1.3`. */
  readonly protocol: string | null;
  /** OpenSSL and IANA names, e.g. `TLS_AES_128_GCM_SHA256`. */
  readonly cipher: { readonly name: string; readonly standardName: string; readonly version: string } | undefined;
  /** Whether the peer's certificate chain verified against the trusted CAs. */
  readonly peerAuthorized: boolean;
  /** Why not (node's code, e.g. `UNABLE_TO_VERIFY_LEAF_SIGNATURE`), when it did not. */
  readonly peerAuthorizationError?: string;
  /** The peer's certificate chain, leaf first: subject, issuer, validity, serial, SHA-256 fingerprint. */
  readonly peerCertificates: readonly CertificateLine[];
  /** The certificate this side presented (subject and issuer), if any. */
  readonly localCertificate?: CertificateLine;
  /** The server name the client asked for (SNI), if any. */
  readonly servername?: string;
}

export interface CertificateLine {
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly serialNumber: string;
  readonly fingerprint256: string;
}

function dn(fields: Record<string, string | string[] | undefined> | undefined): string {
  if (!fields) return '';
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

function line(cert: PeerCertificate): CertificateLine {
  return {
    subject: dn(cert.subject as unknown as Record<string, string>), issuer: dn(cert.issuer as unknown as Record<string, string>),
    validFrom: cert.valid_from, validTo: cert.valid_to, serialNumber: cert.serialNumber, fingerprint256: cert.fingerprint256,
  };
}

function chain(leaf: PeerCertificate | undefined): CertificateLine[] {
  const out: CertificateLine[] = [];
  const seen = new Set<string>();
  for (let c = leaf as (PeerCertificate & { issuerCertificate?: PeerCertificate }) | undefined; c && c.fingerprint256 && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
    seen.add(c.fingerprint256);
    out.push(line(c));
  }
  return out;
}

/** The handshake of an established TLS socket (call after `secureConnect` or on the server's `secureConnection`). */
export function tlsHandshake(socket: TLSSocket): TlsHandshake {
  const cipher = socket.getCipher() as { name: string; standardName: string; version: string } | undefined;
  const local = socket.getCertificate();
  const error = socket.authorizationError as unknown as Error | string | null | undefined;
  const servername = (socket as TLSSocket & { servername?: string | false }).servername;
  return {
    protocol: socket.getProtocol(),
    cipher: cipher && { name: cipher.name, standardName: cipher.standardName, version: cipher.version },
    peerAuthorized: socket.authorized,
    ...(error ? { peerAuthorizationError: typeof error === 'string' ? error : (error as Error).message } : {}),
    peerCertificates: chain(socket.getPeerCertificate(true) as PeerCertificate),
    ...(local && 'subject' in local && local.subject ? { localCertificate: line(local as PeerCertificate) } : {}),
    ...(typeof servername === 'string' ? { servername } : {}),
  };
}

/** A Markdown block for an attachment (`tls-handshake.md`): one table per handshake. */
export function renderTlsHandshake(title: string, h: TlsHandshake): string {
  const rows: Array<[string, string]> = [
    ['protocol', h.protocol ?? '(none)'],
    ['cipher suite', h.cipher ? `${h.cipher.standardName} (${h.cipher.name})` : '(none)'],
    ['peer certificate verified', h.peerAuthorized ? 'yes' : `no${h.peerAuthorizationError ? ` (${h.peerAuthorizationError})` : ''}`],
    ...(h.servername ? [['server name (SNI)', h.servername] as [string, string]] : []),
    ...(h.localCertificate ? [['certificate presented', `${h.localCertificate.subject} (issuer ${h.localCertificate.issuer})`] as [string, string]] : []),
    ...h.peerCertificates.map((c, i) => [`peer certificate ${i === 0 ? '(leaf)' : i}`, `${c.subject} (issuer ${c.issuer}; ${c.validFrom} – ${c.validTo}; serial ${c.serialNumber}; SHA-256 ${c.fingerprint256})`] as [string, string]),
  ];
  return [`### ${title}`, '', '| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`), ''].join('\n');
}

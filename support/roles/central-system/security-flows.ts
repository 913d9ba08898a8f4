/**
 * The security white paper's Charge Point cases (test case document §2.24, edition 3 of the white paper) as the
 * emulated Central System runs them: the profile the charger connects with and its changes (A05), the Basic auth
 * password (A01, A00.FR.202–205), TLS (A00.FR.307–322, 401–427) and the server certificates it must refuse, and the
 * security events that follow (A04). Certificates, logs and signed firmware are in security-certificate-flows.ts.
 *
 * The charger's profile is what its last admitted connection used (security-transport.ts). A case that needs a
 * profile the charger is below raises it over OCPP (A05); one it is above is set back out of band, through the
 * actuator (A00.FR.005: never over OCPP): the reference's control API, or the operator of a real charger.
 */
import type { ReceivedCall } from '../../recording/mailbox';
import { HarnessError, NotApplicable } from '../../reporting/errors';
import { createRoot, describeCertificate, issue, parseCertificate, type Credential } from '../../security/pki';
import { requireSecurity } from '../../security/security-applicability';
import { renderTlsHandshake, type TlsHandshake } from '../../security/tls-evidence';
import type { SecurityFeature } from '../../sut/sut-config';
import { formatDuration } from '../../sut/duration';
import type { RuleContext } from '../ocpp-connection';
import { BootFlows } from './boot-flows';
import { CentralSystemRequests } from './central-system-requests';
import type { EmulatedCentralSystem } from './emulated-central-system';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';
import type { Admission, SecurityTransport } from './security-transport';

export type Attach = (fileName: string, text: string) => void;
export type BadServerCertificate = 'unknown-ca' | 'expired' | 'wrong-name';

const MARK = 'security:mark';
/** The TLS 1.2 suites of A00.FR.317/318 (IANA names). TLS 1.3's suites are all AEAD and allowed. */
export const WHITE_PAPER_TLS12_SUITES: readonly string[] = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
];

export class SecurityFlows {
  readonly requests: CentralSystemRequests;

  constructor(
    readonly ctx: ScenarioContext,
    readonly transport: SecurityTransport,
    readonly cs: EmulatedCentralSystem,
    readonly attach: Attach,
  ) {
    this.requests = new CentralSystemRequests(ctx);
  }

  get cp() {
    return this.ctx.chargePoint;
  }

  /** N/A unless the SUT file lists the features and one of `profiles` (Security whitepaper §2.1). */
  require(features: readonly SecurityFeature[], profiles: readonly number[] = [0, 1, 2, 3]): void {
    requireSecurity(this.ctx.sut, { features });
    if (!profiles.some((p) => this.ctx.sut.security.profiles.includes(p))) {
      throw new NotApplicable(`the case needs security profile ${profiles.join(' or ')}; the SUT file lists ${this.ctx.sut.security.profiles.join(', ')} in /security/profiles`);
    }
  }

  /** The profile of the charger's last admitted connection (or the SUT file's starting profile). */
  get currentProfile(): number {
    const last = [...this.transport.admissions].reverse().find((a) => a.ok);
    return last?.profile ?? this.ctx.sut.security.profile;
  }

  /** Remembers the connection count and the time: a reconnection after it is the one a step waits for. */
  mark(): void {
    this.ctx.memory.set(MARK, { serial: this.cs.mark(), at: Date.now() });
  }

  private marked(): { serial: number; at: number } {
    const m = this.ctx.memory.get(MARK) as { serial: number; at: number } | undefined;
    if (!m) throw new HarnessError('no step marked the connection the charger is to open again');
    return m;
  }

  /**
   * The charger connects again after the mark, on one of `profiles`; a charger that tried but was refused fails
   * with the reason the emulated Central System gave (its credentials, its profile).
   */
  async expectReconnection(profiles: readonly number[], rule: RuleContext): Promise<Admission & { ok: true }> {
    const { serial, at } = this.marked();
    const within = this.ctx.sut.timeouts.connectMs;
    const c = await this.cs.waitForConnection(this.cp.identity, within, serial);
    const since = this.transport.admissions.filter((a) => a.at >= at);
    if (!c) {
      const refusals = since.flatMap((a) => (a.ok ? [] : [a]));
      const expected = `a new connection with security profile ${profiles.join(' or ')}`;
      if (refusals.length === 0) throw failure(rule, 'behaviour', `${this.cp.who} did not connect again within ${formatDuration(within)}`, { expected });
      // The rule the charger's credentials broke, in the context of the step that waited for it.
      const last = refusals[refusals.length - 1]!;
      throw failure({ ...rule, rule: last.rule }, 'behaviour', `${this.cp.who} tried to connect again but was refused: ${[...new Set(refusals.map((a) => `profile ${a.profile}: ${a.why}`))].join('; ')}`, { expected });
    }
    const admitted = [...since].reverse().find((a) => a.ok) as (Admission & { ok: true }) | undefined;
    if (!admitted) throw new HarnessError('a connection opened without an admission record');
    if (!profiles.includes(admitted.profile)) {
      // Refused on the profile asked for, then back on another (A05.FR.08): the refusal is what broke the rule.
      const refused = since.flatMap((a) => (a.ok ? [] : [a]));
      const last = refused[refused.length - 1];
      if (last) throw failure({ ...rule, rule: last.rule }, 'behaviour', `${this.cp.who} was refused (${last.why}) and connected again with profile ${admitted.profile}`, { expected: `security profile ${profiles.join(' or ')}` });
      throw failure(rule, 'behaviour', `${this.cp.who} connected again with security profile ${admitted.profile}`, { expected: `security profile ${profiles.join(' or ')}` });
    }
    if (admitted.handshake) this.attachHandshake(`connection on security profile ${admitted.profile}`, admitted.handshake);
    return admitted;
  }

  /** The TLS handshake of the charger's open connection, as the case's evidence (none on profiles 0 and 1). */
  attachCurrentHandshake(): void {
    const last = [...this.transport.admissions].reverse().find((a) => a.ok);
    if (last?.ok && last.handshake) this.attachHandshake(`the connection the case runs on (security profile ${last.profile}, since ${new Date(last.at).toISOString()})`, last.handshake);
  }

  attachHandshake(title: string, h: TlsHandshake): void {
    // The server asks every client for a certificate; on profile 2 none comes, which is no verification failure.
    const shown = h.peerCertificates.length === 0 ? { ...h, peerAuthorizationError: 'no client certificate: the charger authenticates with Basic credentials' } : h;
    this.attach('tls-handshake.md', renderTlsHandshake(title, shown));
  }

  /**
   * Given: the charger is connected with one of `among`. Below them: raised over OCPP to the lowest (A05, with the
   * prerequisites A05.FR.02–04 made first by `prepare`); above them: set back out of band to the highest.
   */
  async ensureProfile(among: readonly number[], prepare: (target: number) => Promise<void>): Promise<void> {
    const supported = among.filter((p) => this.ctx.sut.security.profiles.includes(p));
    if (supported.length === 0) throw new NotApplicable(`the case needs security profile ${among.join(' or ')}; the SUT file lists ${this.ctx.sut.security.profiles.join(', ')}`);
    await this.cp.connection();
    const current = this.currentProfile;
    if (supported.includes(current)) {
      this.attachCurrentHandshake();
      return;
    }
    const up = supported.filter((p) => p > current);
    const rule = this.ctx.rule('Security whitepaper A05.FR.05', 'prerequisite');
    if (up.length > 0) {
      const target = Math.min(...up);
      await prepare(target);
      this.mark();
      this.transport.expectProfile(target);
      await this.requests.request('ChangeConfiguration', { key: 'SecurityProfile', value: String(target) }, { status: 'Accepted' }, rule);
      await this.expectReconnection([target], rule);
      return;
    }
    const target = Math.max(...supported);
    // A00.FR.005: lowering is out of band; the harness accepts the lower profile from then on.
    this.transport.lowerFloor(target);
    this.mark();
    await this.ctx.act('set-security-profile', { chargePointId: this.cp.identity, profile: target });
    await this.expectReconnection([target], this.ctx.rule('Security whitepaper A00.FR.005', 'prerequisite'));
  }

  /** ChangeConfiguration.req of a case step; an AuthorizationKey the charger accepts is the only password from then on (A01.FR.03). */
  async changeConfiguration(key: string, value: string, rule: RuleContext): Promise<void> {
    this.mark();
    const outcome = await this.requests.send('ChangeConfiguration', { key, value }, rule);
    if (key === 'SecurityProfile' && outcome.kind === 'result' && ['Accepted', 'RebootRequired'].includes(String(outcome.payload['status']))) this.transport.expectProfile(Number(value));
    if (key === 'AuthorizationKey' && outcome.kind === 'result' && outcome.payload['status'] === 'Accepted' && /^([0-9a-fA-F]{2})+$/.test(value)) {
      this.transport.expectPassword(Buffer.from(value, 'hex'));
    }
  }

  /** TC_083_CS: the next profile up, N/A when the SUT file lists none. */
  nextProfile(): number {
    const next = this.currentProfile + 1;
    if (!this.ctx.sut.security.profiles.includes(next)) throw new NotApplicable(`the charger is on security profile ${this.currentProfile}; the SUT file does not list ${next}`);
    return next;
  }

  /** TC_083_CS steps 2–4: Accepted → reconnection on the new profile; RebootRequired → Reset.req Hard, then the reconnection and BootNotification.req. */
  async expectUpgrade(profile: number, rule: RuleContext): Promise<void> {
    const status = this.requests.expectConf('ChangeConfiguration', { status: (v: unknown) => v === 'Accepted' || v === 'RebootRequired' }, rule)['status'];
    if (status === 'RebootRequired') {
      this.mark();
      await this.requests.request('Reset', { type: 'Hard' }, { status: 'Accepted' }, this.ctx.rule('OCPP 1.6 §5.14', rule.step));
      await this.expectReconnection([profile], rule);
      await new BootFlows(this.ctx).expectBoot(rule);
      return;
    }
    await this.expectReconnection([profile], rule);
  }

  /** A05.FR.01: nothing changes after a Rejected SecurityProfile: no reconnection within the interval tolerance. */
  async expectNoReconnection(rule: RuleContext): Promise<void> {
    const { serial } = this.marked();
    const c = await this.cs.waitForConnection(this.cp.identity, this.ctx.sut.tolerances.intervalMs, serial);
    if (c) throw failure(rule, 'behaviour', `${this.cp.who} reconnected after refusing to change its security profile`, { expected: 'the same connection on the same profile' });
  }

  /** Resets the charger (Reset.req Hard, answered Accepted) and marks: the reconnection after it is judged next. */
  async reset(rule: RuleContext): Promise<void> {
    this.mark();
    await this.requests.request('Reset', { type: 'Hard' }, { status: 'Accepted' }, rule);
  }

  /** BootNotification.req on the new connection after a reset (nothing before it, §4.2). */
  async expectBoot(rule: RuleContext): Promise<ReceivedCall> {
    return new BootFlows(this.ctx).expectBoot(rule);
  }

  /** TC_085_CS step 2: the upgrade request carried `Basic base64(<ChargePointId>:<AuthorizationKey>)` (A00.FR.202–205). */
  async expectBasicAuthReconnection(rule: RuleContext): Promise<void> {
    await this.expectReconnection([1, 2], rule);
  }

  /** TC_086_CS: TLS 1.2 or newer (A00.FR.312) with a suite of A00.FR.318. */
  async expectTlsReconnection(profiles: readonly number[], rule: RuleContext): Promise<TlsHandshake> {
    const a = await this.expectReconnection(profiles, rule);
    const h = a.handshake;
    if (!h) throw failure(rule, 'behaviour', `${this.cp.who} connected without TLS`, { expected: 'wss (TLS) on security profile 2 or 3' });
    if (h.protocol !== 'TLSv1.2' && h.protocol !== 'TLSv1.3') throw failure(rule, 'behaviour', `${this.cp.who} negotiated ${h.protocol}`, { expected: 'TLS 1.2 or newer' });
    if (h.protocol === 'TLSv1.2' && !WHITE_PAPER_TLS12_SUITES.includes(h.cipher?.standardName ?? '')) {
      throw failure(rule, 'behaviour', `${this.cp.who} negotiated the cipher suite ${h.cipher?.standardName}`, { expected: WHITE_PAPER_TLS12_SUITES.join(', ') });
    }
    return h;
  }

  /** TC_087_CS: the client certificate: verified, CN = serial number (A00.FR.405, admission), O set, key strength (A00.FR.501–503). */
  async expectClientCertificateReconnection(rule: RuleContext): Promise<void> {
    await this.expectTlsReconnection([3], rule);
    const pem = [...this.transport.admissions].reverse().find((a) => a.ok)?.clientCertificate;
    if (!pem) throw failure(rule, 'behaviour', `${this.cp.who} presented no client certificate`, { expected: 'its Charge Point certificate (A00.FR.401)' });
    const cert = parseCertificate(pem);
    const d = describeCertificate(cert);
    const bits = Number(/(\d+)\s*$/.exec(d.publicKey)?.[1] ?? 0);
    const weak = d.publicKey.startsWith('RSA') ? bits < 2048 : d.publicKey.startsWith('ECDSA') ? bits < 224 : true;
    if (weak) throw failure({ ...rule, rule: 'Security whitepaper A00.FR.501' }, 'behaviour', `the client certificate's key is ${d.publicKey}`, { expected: 'RSA ≥ 2048 bits or EC ≥ 224 bits' });
    if (!cert.subjectName.getField('O')[0]) throw failure({ ...rule, rule: 'Security whitepaper A00.FR.509' }, 'behaviour', `the client certificate ${d.subject} has no O`, { expected: 'O = the CPO name' });
  }

  /** EXT_SEC_101–103: the server presents a bad certificate and closes the charger's connection; the charger reconnects. */
  async presentBadServerCertificate(kind: BadServerCertificate): Promise<void> {
    const pki = this.transport.pki;
    const host = this.ctx.sut.security.host;
    const DAY = 86_400_000;
    let bad: Credential;
    if (kind === 'unknown-ca') bad = await issue(await createRoot({ subject: 'CN=Unknown Root CA (test), O=Nobody' }), { subject: `CN=${host}`, ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'], usage: 'server' });
    else if (kind === 'expired') bad = await issue(pki.centralSystemRoot, { subject: `CN=${host}`, ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'], usage: 'server', notBefore: new Date(Date.now() - 3 * DAY), notAfter: new Date(Date.now() - DAY) });
    else bad = await issue(pki.centralSystemRoot, { subject: 'CN=wrong-name.invalid', dnsNames: ['wrong-name.invalid'], usage: 'server' });
    this.transport.presentServerCertificate(bad);
    this.ctx.cleanups.push(async () => this.transport.restoreServerCertificate());
    this.mark();
    await (await this.cp.connection()).close(1012, 'the Central System restarts');
  }

  /** The charger opens no connection while the bad certificate is presented, but does try (A00.FR.307–310). */
  async expectServerCertificateRefused(kind: BadServerCertificate, rule: RuleContext): Promise<void> {
    const { serial, at } = this.marked();
    const window = Math.max(3000, 2 * this.ctx.sut.tolerances.intervalMs);
    const c = await this.cs.waitForConnection(this.cp.identity, window, serial);
    if (c) throw failure(rule, 'behaviour', `${this.cp.who} connected although the server certificate was ${kind === 'unknown-ca' ? 'issued by an unknown CA' : kind === 'expired' ? 'expired' : 'for another name'}`, { expected: 'the TLS handshake broken off, no WebSocket connection' });
    const tried = this.transport.tlsFailures.filter((f) => f.at >= at);
    if (tried.length === 0) throw new HarnessError(`${this.cp.who} did not try to reconnect within ${formatDuration(window)}: the refusal of the certificate could not be observed`);
    this.attach('tls-refusals.txt', tried.map((f) => `${new Date(f.at).toISOString()} the charger broke off the TLS handshake: ${f.reason}`).join('\n'));
  }

  /** The good certificate again: the charger reconnects (its backoff permitting). */
  async restoreServerCertificate(): Promise<void> {
    this.transport.restoreServerCertificate();
    const { serial } = this.marked();
    this.ctx.memory.set(MARK, { serial, at: Date.now() });
  }

  /** A SecurityEventNotification.req of `type` (A04.FR.01/02, A00.FR.309): waits up to the message timeout. */
  async expectSecurityEvent(type: string, rule: RuleContext, withinMs = this.ctx.sut.timeouts.messageMs): Promise<ReceivedCall> {
    return this.cp.expect('SecurityEventNotification', { type }, rule, withinMs);
  }

  /** EXT_SEC_104: AuthorizationKeys too short, not hex, too long are Rejected (A00.FR.205, §7.2). */
  async expectBadAuthorizationKeysRejected(rule: RuleContext): Promise<void> {
    const bad: Array<[string, string]> = [
      ['15 bytes', '0102030405060708090A0B0C0D0E0F'], ['not hex', 'Z'.repeat(32)], ['21 bytes', '0102030405060708090A0B0C0D0E0F101112131415'],
    ];
    for (const [what, value] of bad) {
      await this.changeConfiguration('AuthorizationKey', value, rule);
      const answer = this.requests.lastAnswer('ChangeConfiguration');
      const status = answer.kind === 'result' ? answer.payload['status'] : `CALLERROR ${answer.code}`;
      if (status !== 'Rejected') {
        throw failure(rule, 'behaviour', `${this.cp.who} answered ChangeConfiguration.req AuthorizationKey (${what}) with ${String(status)} [frame #${answer.response.seq}]`, { expected: 'status "Rejected"', actual: answer.response.raw });
      }
    }
  }

  /** EXT_SEC_105: SecurityProfile equal to the current one, and 0, are Rejected (A05.FR.01, A00.FR.005). */
  async expectProfileNotLowered(rule: RuleContext): Promise<void> {
    const current = this.currentProfile;
    for (const value of [...new Set([current, 0])]) {
      await this.changeConfiguration('SecurityProfile', String(value), rule);
      const answer = this.requests.lastAnswer('ChangeConfiguration');
      const status = answer.kind === 'result' ? answer.payload['status'] : `CALLERROR ${answer.code}`;
      if (status !== 'Rejected') {
        throw failure(rule, 'behaviour', `${this.cp.who} on security profile ${current} answered ChangeConfiguration.req SecurityProfile=${value} with ${String(status)} [frame #${answer.response.seq}]`, { expected: 'status "Rejected"', actual: answer.response.raw });
      }
    }
  }

  /** EXT_SEC_106: GetConfiguration.req, with and without the key, never shows AuthorizationKey's value (§7.2: write-only). */
  async expectAuthorizationKeyHidden(rule: RuleContext): Promise<void> {
    for (const payload of [{ key: ['AuthorizationKey'] }, {}]) {
      const conf = await this.cp.request('GetConfiguration', payload, {}, rule);
      const shown = ((conf['configurationKey'] as Array<{ key: string; value?: string }> | undefined) ?? []).find((k) => k.key.toLowerCase() === 'authorizationkey' && (k.value ?? '') !== '');
      if (shown) throw failure(rule, 'behaviour', `${this.cp.who} revealed the AuthorizationKey in GetConfiguration.conf (${payload.key ? 'asked for' : 'all keys'})`, { expected: 'the key left out or listed as unknown, never its value' });
    }
  }

  /** The network is plugged back (after a restart offline); marks the time the charger could reach the harness again. */
  async regainNetwork(): Promise<void> {
    this.mark();
    await this.ctx.act('network-restore');
    this.cp.physical.networkDown = false;
  }

  /** EXT_SEC_107: a critical event raised while offline arrives after the reconnection, stamped before it (A04.FR.02). */
  async expectOfflineEventDelivered(type: string, rule: RuleContext): Promise<void> {
    const { at } = this.marked();
    const call = await this.expectSecurityEvent(type, rule, this.ctx.sut.timeouts.connectMs + this.ctx.sut.timeouts.messageMs);
    const stamped = Date.parse(String(call.payload['timestamp']));
    if (!(stamped <= at + this.ctx.sut.tolerances.intervalMs)) {
      throw failure(rule, 'behaviour', `the ${type} event is stamped ${String(call.payload['timestamp'])}, after the network came back at ${new Date(at).toISOString()}`, { expected: 'the time it happened, while offline', calls: [call] });
    }
  }
}

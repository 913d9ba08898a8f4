/**
 * The white paper's certificate, log and firmware cases for a Charge Point under test (test case document §2.24):
 * installing and listing root certificates with their CertificateHashData (M03, M05, §6.1), deleting one (M04),
 * renewing the Charge Point certificate (A02: ExtendedTriggerMessage, SignCertificate, CertificateSigned), the
 * security log upload (N01) and signed firmware (L01). The harness plays a CSMS with its own CA: it signs the CSR
 * with the run PKI's Central System root, as a CPO's CA would.
 */
import type { ReceivedCall } from '../../recording/mailbox';
import { HarnessError, NotApplicable } from '../../reporting/errors';
import { certificateHashData, createRoot, parseCsr, sameCertificate, signCsr, signFirmware, type CertificateHashData } from '../../security/pki';
import type { RuleContext } from '../ocpp-connection';
import { BootFlows } from './boot-flows';
import { failure } from './failure';
import { FirmwareFlows } from './firmware-flows';
import type { SecurityFlows } from './security-flows';

export type RootType = 'CentralSystemRootCertificate' | 'ManufacturerRootCertificate';
type SignedKind = 'valid' | 'invalid' | 'oversized';

const SIGNED = 'security:signed-certificate';
const ROOT2 = 'security:root-2';
const REQUEST_ID = 'security:request-id';

export class SecurityCertificateFlows {
  constructor(private readonly s: SecurityFlows) {}

  private get ctx() {
    return this.s.ctx;
  }

  private get cp() {
    return this.s.ctx.chargePoint;
  }

  private pemOf(type: RootType): string {
    const pki = this.s.transport.pki;
    return type === 'CentralSystemRootCertificate' ? pki.centralSystemRoot.certPem : pki.manufacturerRoot.certPem;
  }

  /** GetInstalledCertificateIds.req of `type`: the hash data listed (none for NotFound, M03.FR.02). */
  async installed(type: RootType, rule: RuleContext): Promise<CertificateHashData[]> {
    const conf = await this.s.requests.request('GetInstalledCertificateIds', { certificateType: type }, { status: (v: unknown) => v === 'Accepted' || v === 'NotFound' }, rule);
    return (conf['certificateHashData'] as CertificateHashData[] | undefined) ?? [];
  }

  /** Memory state CertificateInstalled (Table 114): the run's root of `type` installed unless listed already. */
  async ensureInstalled(type: RootType, pem = this.pemOf(type)): Promise<void> {
    const rule = this.ctx.rule('Security whitepaper M05.FR.02', 'memory state CertificateInstalled');
    const expected = certificateHashData(pem);
    if ((await this.installed(type, rule)).some((h) => sameAlgorithmMatch(h, expected, pem))) return;
    await this.s.requests.request('InstallCertificate', { certificateType: type, certificate: pem }, { status: 'Accepted' }, rule);
  }

  /** Prerequisites of a profile (A05.FR.03/04): the Central System root from 2, a Charge Point certificate for 3. */
  async prepareProfile(target: number): Promise<void> {
    if (target >= 2) await this.ensureInstalled('CentralSystemRootCertificate');
    if (target === 3) await this.renewChargePointCertificate();
  }

  /** InstallCertificate.req of a case step: the run's root of `type`, or an expired / malformed one (TC_078_CS, EXT_SEC_108). */
  async sendInstall(type: RootType, which: 'run' | 'expired' | 'malformed' | 'root-2', rule: RuleContext): Promise<void> {
    let pem: string;
    if (which === 'run') pem = this.pemOf(type);
    else if (which === 'malformed') pem = '-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n';
    else if (which === 'expired') pem = (await createRoot({ subject: 'CN=Expired Root CA (test), O=Test', notBefore: new Date(Date.now() - 3 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) })).certPem;
    else pem = await this.root2();
    await this.s.requests.send('InstallCertificate', { certificateType: type, certificate: pem }, rule);
  }

  /** "Root 2" of TC_076_CS: a second Central System root, made per scenario, never the one the connection relies on. */
  private async root2(): Promise<string> {
    let pem = this.ctx.memory.get(ROOT2) as string | undefined;
    if (!pem) {
      pem = (await createRoot({ subject: `CN=${this.ctx.sut.security.cpoName} Root 2 (test), O=${this.ctx.sut.security.cpoName}` })).certPem;
      this.ctx.memory.set(ROOT2, pem);
    }
    return pem;
  }

  /** TC_076_CS memory state: Root 2 installed. */
  async ensureRoot2Installed(): Promise<void> {
    await this.ensureInstalled('CentralSystemRootCertificate', await this.root2());
  }

  /** TC_075_CS step 4: Accepted, with one entry whose hash data equal the harness's own for the installed root (§6.1). */
  async expectListed(type: RootType, which: 'run' | 'root-2', rule: RuleContext): Promise<CertificateHashData> {
    const pem = which === 'run' ? this.pemOf(type) : await this.root2();
    const list = await this.installed(type, rule);
    const expected = certificateHashData(pem);
    const found = list.find((h) => sameAlgorithmMatch(h, expected, pem));
    if (!found) {
      throw failure(rule, 'behaviour', `${this.cp.who} listed no ${type} with the hash data of the installed certificate`, {
        expected: JSON.stringify(expected), actual: JSON.stringify(list),
      });
    }
    return found;
  }

  /** TC_076_CS steps 3–6: DeleteCertificate.req with the hash data as listed (M04.FR.07), then Root 2 no longer listed. */
  async deleteRoot2(rule: RuleContext): Promise<void> {
    const listed = await this.expectListed('CentralSystemRootCertificate', 'root-2', rule);
    const hash = certificateHashData(await this.root2(), undefined, listed.hashAlgorithm);
    await this.s.requests.request('DeleteCertificate', { certificateHashData: hash }, { status: 'Accepted' }, rule);
  }

  async expectRoot2Gone(rule: RuleContext): Promise<void> {
    const pem = await this.root2();
    const list = await this.installed('CentralSystemRootCertificate', rule);
    if (list.some((h) => sameAlgorithmMatch(h, certificateHashData(pem), pem))) {
      throw failure(rule, 'behaviour', `${this.cp.who} still lists the deleted certificate`, { expected: 'Root 2 gone after DeleteCertificate.conf Accepted', actual: JSON.stringify(list) });
    }
  }

  /** A02 prerequisite: CpoName set to the SUT file's (A02.FR.13 needs it for the CSR's O). */
  async setCpoName(rule: RuleContext): Promise<void> {
    await this.s.requests.request('ChangeConfiguration', { key: 'CpoName', value: this.ctx.sut.security.cpoName }, { status: 'Accepted' }, rule);
  }

  /** ExtendedTriggerMessage.req SignChargePointCertificate, no connectorId (TC_074_CS step 1). */
  async triggerSignCertificate(rule: RuleContext): Promise<void> {
    await this.s.requests.send('ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' }, rule);
  }

  /** SignCertificate.req with a PKCS#10 CSR whose O is CpoName (A02.FR.13) and whose signature verifies; the harness signs it. */
  async expectSignCertificate(kind: SignedKind, rule: RuleContext): Promise<void> {
    const call = await this.cp.expect('SignCertificate', {}, rule);
    let csr;
    try {
      csr = await parseCsr(String(call.payload['csr']));
    } catch (e) {
      throw failure(rule, 'behaviour', `the CSR of ${this.cp.who} is not a PEM PKCS#10 request: ${(e as Error).message}`, { calls: [call] });
    }
    const cpo = this.ctx.sut.security.cpoName;
    if (csr.organization !== cpo) {
      throw failure({ ...rule, rule: 'Security whitepaper A02.FR.13' }, 'behaviour', `the CSR's subject is "${csr.subject}": O is ${JSON.stringify(csr.organization)}`, { expected: `O=${cpo} (CpoName)`, calls: [call] });
    }
    if (!csr.signatureValid) throw failure(rule, 'behaviour', 'the CSR\'s signature does not verify (RFC 2986 proof of possession)', { calls: [call] });
    const ca = this.s.transport.pki.centralSystemRoot;
    const leaf = await signCsr(ca, csr, kind === 'invalid' ? { forgeSignature: true } : {});
    let chain = leaf.toString('pem');
    if (kind === 'oversized') {
      const max = await this.maxChainSize(rule);
      while (chain.length <= max) chain += ca.certPem;
      if (chain.length > 10_000) throw new NotApplicable(`CertificateSignedMaxChainSize is ${max}: a longer chain would break the schema's 10000 characters`);
    }
    this.ctx.memory.set(SIGNED, { chain, serial: leaf.serialNumber });
  }

  private async maxChainSize(rule: RuleContext): Promise<number> {
    const conf = await this.cp.request('GetConfiguration', { key: ['CertificateSignedMaxChainSize'] }, {}, rule);
    const value = ((conf['configurationKey'] as Array<{ key: string; value?: string }> | undefined) ?? []).find((k) => k.key === 'CertificateSignedMaxChainSize')?.value;
    const max = Number(value ?? this.ctx.sut.security.certificateSignedMaxChainSize ?? 10_000);
    if (!Number.isFinite(max) || max >= 10_000) throw new NotApplicable(`CertificateSignedMaxChainSize is ${value ?? 'not reported'}: no chain within the schema's 10000 characters exceeds it`);
    return max;
  }

  /** CertificateSigned.req with the chain signed in the previous step (TC_074_CS step 5). */
  async sendCertificateSigned(rule: RuleContext): Promise<void> {
    const signed = this.ctx.memory.get(SIGNED) as { chain: string } | undefined;
    if (!signed) throw new HarnessError('no certificate was signed in this scenario before CertificateSigned.req');
    this.s.mark();
    await this.s.requests.send('CertificateSigned', { certificateChain: signed.chain }, rule);
  }

  /** TC_074_CS step 7: on profile 3 the charger reconnects with the certificate the harness signed. */
  async expectReconnectionWithNewCertificate(rule: RuleContext): Promise<void> {
    if (this.s.currentProfile !== 3) return;
    const signed = this.ctx.memory.get(SIGNED) as { serial: string };
    await this.s.expectReconnection([3], rule);
    const pem = [...this.s.transport.admissions].reverse().find((a) => a.ok)?.clientCertificate;
    const serial = pem ? certificateHashData(pem).serialNumber : undefined;
    if (serial !== signed.serial.replace(/^0+(?=.)/, '').toLowerCase()) {
      throw failure(rule, 'behaviour', `${this.cp.who} reconnected with the client certificate of serial ${serial ?? '(none)'}`, { expected: `the new certificate, serial ${signed.serial}` });
    }
  }

  /** Memory state RenewChargePointCertificate (Table 115): A02 up to CertificateSigned.conf Accepted. */
  async renewChargePointCertificate(): Promise<void> {
    const rule = this.ctx.rule('Security whitepaper A02.FR.06', 'memory state RenewChargePointCertificate');
    await this.setCpoName(rule);
    await this.s.requests.request('ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' }, { status: 'Accepted' }, rule);
    await this.expectSignCertificate('valid', rule);
    await this.sendCertificateSigned(rule);
    this.s.requests.expectConf('CertificateSigned', { status: 'Accepted' }, rule);
    await this.expectReconnectionWithNewCertificate(rule);
  }

  /** GetLog.req SecurityLog into the file server's upload directory (TC_079_CS step 1). */
  async sendGetLog(rule: RuleContext): Promise<void> {
    const server = await this.files().server();
    const requestId = Math.floor(Math.random() * 1_000_000);
    this.ctx.memory.set(REQUEST_ID, requestId);
    await this.s.requests.send('GetLog', { logType: 'SecurityLog', requestId, log: { remoteLocation: server.url(this.ctx.sut.fileTransfer.protocols.diagnostics[0]!) } }, rule);
  }

  /** TC_079_CS steps 3–6: Uploading then Uploaded with the GetLog's requestId (N01.FR.07–09), and the file on the server. */
  async expectLogUploaded(rule: RuleContext): Promise<void> {
    const requestId = this.ctx.memory.get(REQUEST_ID) as number;
    await this.cp.expect('LogStatusNotification', { status: 'Uploading', requestId }, rule);
    await this.cp.expect('LogStatusNotification', { status: 'Uploaded', requestId }, rule);
    const server = await this.files().server();
    try {
      await server.waitForUpload(undefined, this.ctx.sut.timeouts.messageMs);
    } catch (e) {
      throw failure(rule, 'missing message', `${this.cp.who} reported the security log Uploaded, but no file arrived: ${(e as Error).message}`);
    }
  }

  /** SignedUpdateFirmware.req for a file the harness serves, signed with the run's firmware signing key or not (TC_080/081_CS). */
  async sendSignedUpdate(signature: 'valid' | 'invalid', rule: RuleContext): Promise<void> {
    const server = await this.files().server();
    const pki = this.s.transport.pki;
    const image = Buffer.from(`reference firmware image ${Date.now()}\n`.repeat(64));
    const name = `signed-firmware-${Date.now()}.bin`;
    server.serve(name, image);
    const requestId = Math.floor(Math.random() * 1_000_000);
    this.ctx.memory.set(REQUEST_ID, requestId);
    const signed = signFirmware(signature === 'valid' ? image : Buffer.concat([image, Buffer.from('tampered')]), pki.firmwareSigning);
    await this.s.requests.send('SignedUpdateFirmware', {
      requestId,
      firmware: { location: server.url(this.ctx.sut.fileTransfer.protocols.firmware[0]!, name), retrieveDateTime: new Date().toISOString(), signingCertificate: pki.firmwareSigning.certPem, signature: signed },
    }, rule);
  }

  /** SignedFirmwareStatusNotification.req statuses in this order, each with the request's requestId (L01.FR.10, §6.8). */
  async expectFirmwareStatuses(statuses: readonly string[], rule: RuleContext): Promise<ReceivedCall[]> {
    const requestId = this.ctx.memory.get(REQUEST_ID) as number;
    const calls: ReceivedCall[] = [];
    for (const status of statuses) calls.push(await this.cp.expect('SignedFirmwareStatusNotification', { status, requestId }, rule));
    return calls;
  }

  /** TC_080_CS steps 7–11: BootNotification.req, StatusNotification.req of every connector, Installed, in any order. */
  async expectInstalledAfterReboot(rule: RuleContext): Promise<void> {
    const requestId = this.ctx.memory.get(REQUEST_ID) as number;
    await new BootFlows(this.ctx).expectBoot(rule);
    await this.cp.expectations.expectCallsInAnyOrder([
      ...[0, ...this.cp.connectorIds].map((connectorId) => ({ action: 'StatusNotification', payload: { connectorId, status: 'Available' } })),
      { action: 'SignedFirmwareStatusNotification', payload: { status: 'Installed', requestId } },
    ], this.ctx.sut.timeouts.messageMs, rule);
  }

  /** TC_081_CS: after InvalidSignature no installation follows (no Installing within the interval tolerance). */
  async expectNotInstalled(rule: RuleContext): Promise<void> {
    await this.cp.expectNone('SignedFirmwareStatusNotification', { status: 'Installing' }, this.ctx.sut.tolerances.intervalMs, rule);
  }

  private files(): FirmwareFlows {
    return new FirmwareFlows(this.ctx, this.s.attach);
  }
}

/** The listed hash data name `pem` (compared with the listed algorithm, M04.FR.07). */
function sameAlgorithmMatch(listed: CertificateHashData, _sha256: CertificateHashData, pem: string): boolean {
  try {
    return sameCertificate(listed, certificateHashData(pem, undefined, listed.hashAlgorithm));
  } catch {
    return false;
  }
}

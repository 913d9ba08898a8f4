/**
 * The FirmwareManagement profile as the test cases run it against a Charge Point under test (OCPP 1.6 §5.19 Update
 * Firmware, §5.9 Get Diagnostics, §4.4, §4.5, errata §3.12, §3.31, §3.47): the harness's file server of the scenario
 * serves the firmware and receives the diagnostics upload over the protocol the SUT file names; the flows send the
 * requests, follow the status notifications, and judge what arrived on the server. The server is started on first
 * use and stopped when the scenario ends (also when it failed); its transfer log becomes the scenario's evidence.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ReceivedCall } from '../../recording/mailbox';
import { ConformanceAssertionError, HarnessError } from '../../reporting/errors';
import { formatDuration } from '../../sut/duration';
import { FileTransferServer, fileTransferServerOptions, type Refusal } from '../../transfer/file-transfer-server';
import { describeTransfer, type TransferProtocol, type TransferRecord } from '../../transfer/transfer-log';
import type { RuleContext } from '../ocpp-connection';
import { BootFlows, type StatusAfterBoot } from './boot-flows';
import { CentralSystemRequests } from './central-system-requests';
import { failure } from './failure';
import type { ScenarioContext } from './scenario-context';
import { nextTransferStatus, type StatusKind } from './transfer-statuses';

const SERVER = 'file-server';
const NOTES = 'file-server:notes';
const UPDATE = 'firmware:update';
const INSTALLING_SEEN = 'firmware:installing-seen';

/** Attaches a text to the scenario's evidence. */
export type Attach = (fileName: string, text: string) => void;

/** The clauses of the steps after Installing: the reboot, the connectors' statuses after it, the Installed report. */
export interface RebootRules {
  readonly reboot: RuleContext;
  readonly statuses: RuleContext;
  readonly installed: RuleContext;
}

/** What the last UpdateFirmware.req asked for. */
interface SentUpdate {
  readonly name: string;
  readonly retrieveAt: number;
  readonly retries?: number;
  readonly retryInterval?: number;
}

export interface UpdateOptions {
  /** Which image to serve (default `valid`): the SUT file's `fileTransfer.images`, or a small made-up file. */
  readonly image?: 'valid' | 'invalid';
  /** A location that refuses instead of a served file. */
  readonly refusing?: Refusal;
  /** retrieveDate this far ahead (default: now). */
  readonly retrieveInMs?: number;
  readonly retries?: number;
  readonly retryInterval?: number;
}

const ACTION: Record<StatusKind, string> = { firmware: 'FirmwareStatusNotification', diagnostics: 'DiagnosticsStatusNotification' };
const CLAUSE: Record<StatusKind, string> = { firmware: 'OCPP 1.6 §4.5', diagnostics: 'OCPP 1.6 §4.4' };

export class FirmwareFlows {
  private readonly requests: CentralSystemRequests;
  private readonly boots: BootFlows;

  constructor(
    private readonly ctx: ScenarioContext,
    private readonly attach: Attach,
  ) {
    this.requests = new CentralSystemRequests(ctx);
    this.boots = new BootFlows(ctx);
  }

  private get cp() {
    return this.ctx.chargePoint;
  }

  private protocol(kind: StatusKind): TransferProtocol {
    const listed = kind === 'firmware' ? this.ctx.sut.fileTransfer.protocols.firmware : this.ctx.sut.fileTransfer.protocols.diagnostics;
    return listed[0] as TransferProtocol;
  }

  /** The scenario's file server: started on first use on ephemeral ports, stopped and its log attached at the end. */
  async server(): Promise<FileTransferServer> {
    const started = this.ctx.memory.get(SERVER) as Promise<FileTransferServer> | undefined;
    if (started) return started;
    const server = new FileTransferServer(fileTransferServerOptions(this.ctx.sut.fileTransfer));
    const starting = server.start().then(() => server);
    this.ctx.memory.set(SERVER, starting);
    this.ctx.cleanups.push(async () => {
      const report = await server.stop();
      const lines = [...this.notes(), ...server.transfers.all().map(describeTransfer)];
      if (report.destroyed > 0) lines.push(`${report.destroyed} connection(s) still open at the end were closed`);
      this.attach('file-transfers.txt', lines.length > 0 ? lines.join('\n') : 'no transfer reached the file server');
    });
    return starting;
  }

  /** What the scenario handed out, for the evidence (a refused connection never reaches the server's log). */
  private notes(): string[] {
    let notes = this.ctx.memory.get(NOTES) as string[] | undefined;
    if (!notes) this.ctx.memory.set(NOTES, (notes = []));
    return notes;
  }

  private handedOut(what: string, location: string): void {
    this.notes().push(`${new Date().toISOString().slice(11, 23)} handed out ${what}: ${location.replace(/:[^:@/]*@/, ':***@')}`);
  }

  /** UpdateFirmware.req (step 1) for a served firmware or a refusing location; the answer is kept for its step. */
  async sendUpdate(options: UpdateOptions, rule: RuleContext): Promise<void> {
    const server = await this.server();
    const protocol = this.protocol('firmware');
    const file = this.image(options.image ?? 'valid');
    let location: string;
    if (options.refusing) location = await server.refusingUrl(protocol, options.refusing, file.name);
    else {
      server.serve(file.name, file.bytes);
      location = server.url(protocol, file.name);
    }
    this.handedOut(options.refusing ? `a firmware location that refuses (${options.refusing})` : `the firmware "${file.name}"`, location);
    const retrieveAt = Date.now() + (options.retrieveInMs ?? 0);
    const payload: Record<string, unknown> = { location, retrieveDate: new Date(retrieveAt).toISOString() };
    if (options.retries !== undefined) payload['retries'] = options.retries;
    if (options.retryInterval !== undefined) payload['retryInterval'] = options.retryInterval;
    const sent: SentUpdate = { name: file.name, retrieveAt, retries: options.retries, retryInterval: options.retryInterval };
    this.ctx.memory.set(UPDATE, sent);
    await this.requests.send('UpdateFirmware', payload, rule);
  }

  /**
   * The firmware to serve: the SUT file's image of that kind (a real charger installs only its own firmware), else a
   * small made-up file named after the scenario (the reference installs any non-empty file, unless told to fail).
   */
  private image(kind: 'valid' | 'invalid'): { readonly name: string; readonly bytes: Uint8Array | string } {
    const path = this.ctx.sut.fileTransfer.images?.[kind];
    if (path) return { name: basename(path), bytes: readFileSync(path) };
    if (kind === 'invalid') return { name: 'unsupported-firmware.bin', bytes: `not a firmware image of ${this.cp.identity}\n` };
    return { name: `firmware-${this.ctx.scenario?.id ?? 'update'}.bin`, bytes: `ocpp-conformance test firmware for ${this.cp.identity}\n` };
  }

  /** The charger fails to install the next firmware (TC_044_3_CS, a rig or the reference's control API); undone at the end. */
  async failInstallation(): Promise<void> {
    await this.ctx.act('installation-failure', { enabled: true });
    this.ctx.cleanups.push(async () => void (await this.ctx.act('installation-failure', { enabled: false })));
  }

  private sentUpdate(): SentUpdate {
    const sent = this.ctx.memory.get(UPDATE) as SentUpdate | undefined;
    if (!sent) throw new HarnessError('no UpdateFirmware.req was sent in this scenario before its outcome was judged');
    return sent;
  }

  /**
   * After Installing (TC_044_1_CS steps 9, 11, 13, in any order, the described one recommended): the charger reboots
   * (BootNotification.req), reports its connectors, and reports Installed.
   */
  async expectRebootAndInstalled(rules: RebootRules, statuses: (connectorId: number) => StatusAfterBoot): Promise<void> {
    const { connectMs, messageMs } = this.ctx.sut.timeouts;
    const first = await this.cp.expectations.expectFirstOf([{ action: 'BootNotification' }, { action: 'FirmwareStatusNotification', payload: { status: 'Installed' } }], connectMs + messageMs, rules.installed);
    if (first.index === 0) {
      this.boots.acceptBoot(first.call, { ...rules.reboot, rule: 'OCPP 1.6 §4.2' });
      await this.boots.expectStatusesAfterBoot(rules.statuses, statuses);
      await this.cp.expect('FirmwareStatusNotification', { status: 'Installed' }, rules.installed);
      return;
    }
    // Installed before the reboot: allowed, but the charger must still reboot onto the new firmware (step 9).
    await this.boots.expectBoot(rules.reboot);
    await this.boots.expectStatusesAfterBoot(rules.statuses, statuses);
  }

  /**
   * TC_044_3_CS steps 9–13: InstallationFailed; a reboot (BootNotification.req, then the connectors' statuses) is
   * optional and may come first.
   */
  async expectInstallationFailed(failed: RuleContext, reboot: RuleContext, statuses: (connectorId: number) => StatusAfterBoot): Promise<void> {
    const { connectMs, messageMs } = this.ctx.sut.timeouts;
    const first = await this.cp.expectations.expectFirstOf([{ action: 'BootNotification' }, { action: 'FirmwareStatusNotification', payload: { status: 'InstallationFailed' } }], connectMs + messageMs, failed);
    if (first.index === 1) return;
    this.boots.acceptBoot(first.call, { ...reboot, rule: 'OCPP 1.6 §4.2' });
    await this.boots.expectStatusesAfterBoot(reboot, statuses);
    await this.cp.expect('FirmwareStatusNotification', { status: 'InstallationFailed' }, failed);
  }

  /** The firmware was downloaded from the file server, completely (TC_044_1_CS expected result). */
  async expectDownloaded(rule: RuleContext): Promise<TransferRecord> {
    const server = await this.server();
    const name = this.sentUpdate().name;
    try {
      return await server.waitForDownload(name, this.ctx.sut.timeouts.messageMs);
    } catch (e) {
      throw failure(rule, 'missing message', `${this.cp.who} reported the firmware update without downloading "${name}" from ${server.url(this.protocol('firmware'), name)}: ${(e as Error).message}`);
    }
  }

  /**
   * Every status notification of the update or the upload, in arrival order, until `terminal`: each one a legal next
   * status (§4.4, §4.5 and the sequence diagrams of errata §3.31, §3.47), never Idle (only in answer to a
   * TriggerMessage.req). A reboot in between (after Installing) is followed.
   */
  async expectStatusesInOrder(kind: StatusKind, terminal: string, rule: RuleContext): Promise<string[]> {
    const { connectMs, messageMs } = this.ctx.sut.timeouts;
    const action = ACTION[kind];
    const seen: string[] = [];
    for (;;) {
      const next = await this.cp.expectations.expectFirstOf([{ action }, { action: 'BootNotification' }], connectMs + messageMs, { ...rule, rule: CLAUSE[kind] });
      if (next.index === 1) {
        this.boots.acceptBoot(next.call, { ...rule, rule: 'OCPP 1.6 §4.2' });
        continue;
      }
      const status = String(next.call.payload['status']);
      const verdict = nextTransferStatus(kind, seen[seen.length - 1], status);
      if (verdict !== 'ok') {
        const category = status === 'Idle' ? 'unexpected message' : 'behaviour';
        throw failure({ ...rule, rule: CLAUSE[kind] }, category, `${this.cp.who} sent ${action}.req "${status}" after ${seen.length > 0 ? seen.map((s) => `"${s}"`).join(', ') : 'nothing'}: ${verdict}`, {
          expected: `the next status of the ${kind === 'firmware' ? 'firmware update' : 'diagnostics upload'}, up to "${terminal}"`, calls: [next.call],
        });
      }
      seen.push(status);
      if (status === terminal) return seen;
    }
  }

  /** No `action` status notification arrives unprompted for a while (§4.4, §4.5: Idle only when asked by TriggerMessage). */
  async expectNoneUnprompted(action: string, rule: RuleContext): Promise<void> {
    await this.cp.expectNone(action, {}, this.ctx.sut.tolerances.intervalMs, rule);
  }

  /** DownloadFailed once the retries UpdateFirmware.req asked for are spent (within the message timeout after them). */
  async expectFailedAfterRetries(rule: RuleContext): Promise<void> {
    const sent = this.sentUpdate();
    const retriesMs = Math.max(0, sent.retries ?? 0) * Math.max(0, sent.retryInterval ?? 0) * 1000;
    await this.cp.expect('FirmwareStatusNotification', { status: 'DownloadFailed' }, rule, retriesMs + this.ctx.sut.timeouts.messageMs);
  }

  /**
   * EXT_FW_003 after DownloadFailed: the failing location was tried as often as `retries` asks (§6.55: once and
   * `retries` more, or `retries` times in all; both readings are taken) and not more often than `retryInterval` apart.
   */
  async expectRetried(rule: RuleContext): Promise<void> {
    const server = await this.server();
    const sent = this.sentUpdate();
    const attempts = server.transfers.all().filter((t) => t.direction === 'download' && t.name === sent.name);
    const retries = sent.retries ?? 0;
    const log = server.transfers.all().map(describeTransfer).join('\n    ') || 'none';
    if (attempts.length < Math.max(1, retries)) {
      throw failure(rule, 'behaviour', `${this.cp.who} tried the failing firmware download ${attempts.length} time(s) before DownloadFailed, though UpdateFirmware.req asked for retries ${retries}`, {
        expected: `${retries} or ${retries + 1} attempts on the file server`, actual: `attempts:\n    ${log}`,
      });
    }
    const intervalMs = (sent.retryInterval ?? 0) * 1000;
    const tolerance = this.ctx.sut.tolerances.intervalMs;
    for (let i = 1; i < attempts.length; i++) {
      const gap = (attempts[i] as TransferRecord).startedAt.getTime() - (attempts[i - 1] as TransferRecord).startedAt.getTime();
      if (gap < intervalMs - tolerance) {
        throw failure(rule, 'timing', `${this.cp.who} retried the firmware download ${formatDuration(gap)} after the previous attempt, before the retryInterval of ${formatDuration(intervalMs)}`, {
          expected: `attempts at least ${formatDuration(intervalMs)} apart (tolerance ${formatDuration(tolerance)})`, actual: `attempts:\n    ${log}`,
        });
      }
    }
  }

  /** EXT_FW_004: the download starts after retrieveDate (within the SUT file's tolerance), not before (§5.19). */
  async expectNoDownloadBeforeRetrieveDate(rule: RuleContext): Promise<void> {
    const server = await this.server();
    const sent = this.sentUpdate();
    const ahead = sent.retrieveAt - Date.now();
    let download: TransferRecord;
    try {
      download = await server.waitForDownload(sent.name, Math.max(0, ahead) + this.ctx.sut.timeouts.messageMs);
    } catch (e) {
      throw failure(rule, 'missing message', `${this.cp.who} did not download the firmware after its retrieveDate: ${(e as Error).message}`);
    }
    const early = sent.retrieveAt - download.startedAt.getTime();
    if (early > this.ctx.sut.tolerances.intervalMs) {
      throw failure(rule, 'timing', `${this.cp.who} started downloading the firmware ${formatDuration(early)} before the retrieveDate ${new Date(sent.retrieveAt).toISOString()} of UpdateFirmware.req`, {
        expected: `no download before ${new Date(sent.retrieveAt).toISOString()} (tolerance ${formatDuration(this.ctx.sut.tolerances.intervalMs)})`, actual: describeTransfer(download),
      });
    }
  }

  /**
   * EXT_FW_005 (a SHOULD, §5.19): while the transaction runs, no Installing for the message timeout. A charger that
   * installs anyway is warned about, and the scenario goes on with the installation it started.
   */
  async expectNoInstallDuringTransaction(rule: RuleContext): Promise<void> {
    try {
      await this.cp.expectNone('FirmwareStatusNotification', { status: 'Installing' }, this.ctx.sut.timeouts.messageMs, rule);
    } catch (e) {
      if (!(e instanceof ConformanceAssertionError) || e.detail.level !== 'SHOULD') throw e;
      this.ctx.memory.set(INSTALLING_SEEN, true);
      this.ctx.warn({ category: e.detail.category, rule: e.detail.rule, message: `${e.detail.step ? `${e.detail.step}: ` : ''}${e.detail.message}: it installed the firmware during the transaction` });
    }
  }

  /** Installing, unless it came (and was judged) already while the transaction ran. */
  async expectInstalling(rule: RuleContext): Promise<ReceivedCall | undefined> {
    if (this.ctx.memory.get(INSTALLING_SEEN)) return undefined;
    return this.cp.expect('FirmwareStatusNotification', { status: 'Installing' }, rule);
  }

  /** GetDiagnostics.req (step 1) for the file server's upload directory, or for a location that refuses. */
  async sendGetDiagnostics(rule: RuleContext, refusing?: { readonly how: Refusal; readonly retries: number }): Promise<void> {
    const server = await this.server();
    const protocol = this.protocol('diagnostics');
    const payload: Record<string, unknown> = refusing
      ? { location: await server.refusingUrl(protocol, refusing.how, 'failedLocation'), retries: refusing.retries }
      : { location: server.url(protocol) };
    this.handedOut(refusing ? `a diagnostics location that refuses (${refusing.how})` : 'the diagnostics upload directory', String(payload['location']));
    await this.requests.send('GetDiagnostics', payload, rule);
  }

  /**
   * The upload arrived on the file server, is non-empty, and carries the fileName of GetDiagnostics.conf (§5.9: the
   * Charge Point uploads the single file it named).
   */
  async expectUpload(rule: RuleContext): Promise<void> {
    const server = await this.server();
    const conf = this.requests.lastAnswer('GetDiagnostics');
    const fileName = conf.kind === 'result' && typeof conf.payload['fileName'] === 'string' ? conf.payload['fileName'] : undefined;
    let upload: TransferRecord;
    try {
      upload = await server.waitForUpload(undefined, this.ctx.sut.timeouts.messageMs);
    } catch (e) {
      throw failure(rule, 'missing message', `no diagnostics upload of ${this.cp.who} arrived at ${server.url(this.protocol('diagnostics'))}: ${(e as Error).message}`);
    }
    if (upload.bytes === 0) throw failure(rule, 'behaviour', `${this.cp.who} uploaded an empty diagnostics file: ${describeTransfer(upload)}`, { expected: 'a non-empty file' });
    if (fileName === undefined) {
      throw failure(rule, 'behaviour', `${this.cp.who} uploaded a diagnostics file after a GetDiagnostics.conf without fileName (§5.9: no fileName only when there is no file)`, {
        expected: 'GetDiagnostics.conf naming the file it uploads', actual: describeTransfer(upload),
      });
    }
    if (upload.name !== fileName) {
      throw failure(rule, 'behaviour', `${this.cp.who} uploaded the diagnostics as "${upload.name}", not as "${fileName}" that its GetDiagnostics.conf named`, {
        expected: `an upload named "${fileName}"`, actual: server.transfers.all().map(describeTransfer).join('\n'),
      });
    }
  }
}

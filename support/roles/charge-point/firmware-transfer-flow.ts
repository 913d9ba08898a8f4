/**
 * What a firmware update (OCPP 1.6 §5.19) and a diagnostics upload (§5.9) share on the emulated Charge Point: the
 * Central System's request, taken from the mailbox and kept for the transfer, a real transfer with the location it
 * names (support/transfer/transfer-client.ts: http, https, ftp), and the status notifications of each stage, whose
 * answer must be an empty .conf.
 */
import type { ReceivedCall } from '../../recording/mailbox';
import { HarnessError, NotApplicable } from '../../reporting/errors';
import type { FileTransferConfig } from '../../sut/sut-config';
import { FileTransferServer, fileTransferServerOptions } from '../../transfer/file-transfer-server';
import { shownUrl, TransferFailed } from '../../transfer/transfer-client';
import type { RuleContext } from '../ocpp-connection';
import type { EmulatedChargePoint } from './emulated-charge-point';
import { expectAbsoluteLocation, expectLocationAsEntered } from './firmware-checks';

/** The schemes the harness's transfer client speaks. */
const TRANSFER_SCHEMES = new Set(['http:', 'https:', 'ftp:']);

export abstract class FirmwareTransferFlow {
  private received: ReceivedCall | undefined;

  constructor(
    protected readonly cp: EmulatedChargePoint,
    /** UpdateFirmware or GetDiagnostics. */
    private readonly request: string,
    /** FirmwareStatusNotification or DiagnosticsStatusNotification. */
    private readonly notification: string,
  ) {}

  /**
   * Waits for the request and checks its location: an absolute URI (`locationRule`: §6.55, §6.25), and the one the
   * operator entered when the scenario gave one.
   */
  protected async receive(withinMs: number, rule: RuleContext, locationRule: RuleContext, entered?: string): Promise<ReceivedCall> {
    const call = await this.cp.receive({ action: this.request }, withinMs, rule);
    this.received = call;
    const location = expectAbsoluteLocation(call.payload, this.request, locationRule);
    if (entered !== undefined) expectLocationAsEntered(location, entered, this.request, rule);
    return call;
  }

  /** The location of the request received; a harness error before it arrived. */
  get location(): string {
    const location = this.received?.payload['location'];
    if (typeof location !== 'string') throw new HarnessError(`the emulated Charge Point ${this.cp.identity} has received no ${this.request}.req yet`);
    return location;
  }

  /** The location as a URL the transfer client can use; N/A for a scheme it does not speak (e.g. sftp). */
  protected transferUrl(): string {
    const url = new URL(this.location);
    if (!TRANSFER_SCHEMES.has(url.protocol)) {
      throw new NotApplicable(`the Central System's ${this.request}.req location uses ${url.protocol.slice(0, -1)}, which the emulated Charge Point cannot transfer over (http, https, ftp)`);
    }
    return url.href;
  }

  /**
   * A transfer that must fail: the location is one the harness made refuse. Returns why it failed; a harness error
   * when it succeeded, since then the refusing location did not refuse.
   */
  protected async failingTransfer(work: () => Promise<unknown>): Promise<string> {
    try {
      await work();
    } catch (e) {
      if (e instanceof TransferFailed) return e.reason;
      throw e;
    }
    throw new HarnessError(`the transfer with ${shownUrl(new URL(this.location))} succeeded, although the harness made that location refuse`);
  }

  /** `notification`.req with `status`; a missing answer fails `rule`, the step after judges the answer. */
  async report(status: string, rule: RuleContext): Promise<void> {
    await this.cp.send(this.notification, { status }, rule);
  }
}

/**
 * A location of the harness's own file server (the SUT file's `fileTransfer` host and the charger's first protocol
 * for `kind`) that refuses: a firmware URL that is not found, or a diagnostics directory that refuses uploads
 * (TC_044_2, TC_045_2). Stop the server after the scenario.
 */
export async function startRefusingLocation(config: FileTransferConfig, kind: 'firmware' | 'diagnostics'): Promise<{ location: string; stop: () => Promise<void> }> {
  const server = new FileTransferServer(fileTransferServerOptions(config));
  await server.start();
  const protocol = config.protocols[kind][0] ?? 'http';
  // An FTP server takes a STOR anywhere it lets the client in: a refused login refuses both directions.
  const location = await server.refusingUrl(protocol, protocol === 'ftp' ? 'login-refused' : 'not-found', kind === 'firmware' ? 'firmware.bin' : '');
  return { location, stop: async () => void (await server.stop()) };
}

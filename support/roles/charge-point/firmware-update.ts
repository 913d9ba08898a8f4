/**
 * The emulated Charge Point's side of a firmware update a Central System under test starts (OCPP 1.6 §5.19): it
 * takes UpdateFirmware.req (location an absolute URI, §6.55; retrieveDate with a time-zone offset, §3.15), downloads
 * the firmware for real from that location and judges what came: a download that fails, or an empty file, means
 * the Central System pointed the charge point at no firmware. The statuses (§4.5) are the scenario's steps.
 */
import type { ReceivedCall } from '../../recording/mailbox';
import { ConformanceAssertionError } from '../../reporting/errors';
import { downloadFile, shownUrl, TransferFailed } from '../../transfer/transfer-client';
import type { RuleContext } from '../ocpp-connection';
import type { EmulatedChargePoint } from './emulated-charge-point';
import { expectDateTimeWithOffset } from './firmware-checks';
import { FirmwareTransferFlow } from './firmware-transfer-flow';

export class FirmwareUpdateFlow extends FirmwareTransferFlow {
  constructor(cp: EmulatedChargePoint) {
    super(cp, 'UpdateFirmware', 'FirmwareStatusNotification');
  }

  /**
   * Waits for UpdateFirmware.req and checks it: `location` (`locationRule`), `retrieveDate` (`dateRule`), and the
   * location the operator entered, when the scenario gave one.
   */
  async receiveRequest(withinMs: number, rule: RuleContext, locationRule: RuleContext, dateRule: RuleContext, entered?: string): Promise<ReceivedCall> {
    const call = await this.receive(withinMs, rule, locationRule, entered);
    expectDateTimeWithOffset(call.payload, 'UpdateFirmware', 'retrieveDate', dateRule);
    return call;
  }

  /** Downloads the firmware; a failed download or an empty file is a conformance failure of `rule`. Returns its size. */
  async download(timeoutMs: number, rule: RuleContext): Promise<number> {
    const url = this.transferUrl();
    let bytes: Buffer;
    try {
      bytes = await downloadFile(url, { timeoutMs });
    } catch (e) {
      if (!(e instanceof TransferFailed)) throw e;
      throw this.failure(rule, `the firmware could not be downloaded from the location of UpdateFirmware.req: ${e.message}`, e.reason);
    }
    if (bytes.length === 0) throw this.failure(rule, `the firmware at ${shownUrl(new URL(url))} is an empty file: there is nothing to install`, '0 bytes');
    return bytes.length;
  }

  /** The download from a location the harness made refuse; why it failed. */
  downloadThatFails(timeoutMs: number): Promise<string> {
    const url = this.transferUrl();
    return this.failingTransfer(() => downloadFile(url, { timeoutMs }));
  }

  private failure(rule: RuleContext, message: string, actual: string): ConformanceAssertionError {
    return new ConformanceAssertionError({
      rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'behaviour', message,
      expected: 'a non-empty firmware file at the location', actual,
    });
  }
}

/**
 * The emulated Charge Point's side of a diagnostics request of a Central System under test (OCPP 1.6 §5.9): it
 * takes GetDiagnostics.req (location an absolute URI, §6.25), answers with the fileName of its diagnostics file
 * (charge-point-handlers.ts) and uploads that file for real to the location: a location that does not take the
 * upload means the Central System asked for diagnostics it cannot receive. The statuses (§4.4) are the scenario's steps.
 */
import type { ReceivedCall } from '../../recording/mailbox';
import { ConformanceAssertionError } from '../../reporting/errors';
import { shownUrl, TransferFailed, uploadFile } from '../../transfer/transfer-client';
import type { RuleContext } from '../ocpp-connection';
import { DIAGNOSTICS_FILE_NAME } from './charge-point-handlers';
import type { EmulatedChargePoint } from './emulated-charge-point';
import { FirmwareTransferFlow } from './firmware-transfer-flow';

export class DiagnosticsUploadFlow extends FirmwareTransferFlow {
  constructor(cp: EmulatedChargePoint) {
    super(cp, 'GetDiagnostics', 'DiagnosticsStatusNotification');
  }

  /** Waits for GetDiagnostics.req and checks its `location` (`locationRule`), and the one entered when given. */
  receiveRequest(withinMs: number, rule: RuleContext, locationRule: RuleContext, entered?: string): Promise<ReceivedCall> {
    return this.receive(withinMs, rule, locationRule, entered);
  }

  /** Uploads the diagnostics file; a location that does not take it is a conformance failure of `rule`. */
  async upload(timeoutMs: number, rule: RuleContext): Promise<void> {
    const url = this.transferUrl();
    try {
      await uploadFile(url, DIAGNOSTICS_FILE_NAME, this.content(), { timeoutMs });
    } catch (e) {
      if (!(e instanceof TransferFailed)) throw e;
      throw new ConformanceAssertionError({
        rule: rule.rule, step: rule.step, level: rule.level ?? 'SHALL', category: 'behaviour',
        message: `the diagnostics file could not be uploaded to the location of GetDiagnostics.req (${shownUrl(new URL(url))}): ${e.reason}`,
        expected: `the location takes the upload of ${DIAGNOSTICS_FILE_NAME}`, actual: e.reason,
      });
    }
  }

  /** The upload to a location the harness made refuse; why it failed. */
  uploadThatFails(timeoutMs: number): Promise<string> {
    const url = this.transferUrl();
    return this.failingTransfer(() => uploadFile(url, DIAGNOSTICS_FILE_NAME, this.content(), { timeoutMs }));
  }

  private content(): string {
    return `diagnostics of the emulated Charge Point ${this.cp.identity}, ${new Date().toISOString()}\n`;
  }
}

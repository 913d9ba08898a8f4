/**
 * The emulated Central System's default answers to the CALLs a Charge Point sends (OCPP 1.6 §4). Scenarios
 * override single entries through the handler table.
 */
import { HandlerTable, result } from '../../ocpp/handler-table';
import type { IdTagRegistry } from '../id-tag-registry';

export interface CentralSystemPolicy {
  /** BootNotification.conf status (§4.2). */
  registration: 'Accepted' | 'Pending' | 'Rejected';
  /** BootNotification.conf interval, seconds: the heartbeat interval once Accepted, the retry delay otherwise. */
  interval: number;
  readonly idTags: IdTagRegistry;
  /** Vendor ids the Central System knows for DataTransfer (§4.3); others get UnknownVendorId. */
  readonly dataTransferVendorIds: Set<string>;
}

export function now(): string {
  return new Date().toISOString();
}

export function centralSystemHandlers(policy: CentralSystemPolicy): HandlerTable {
  let nextTransactionId = Math.floor(Date.now() / 1000) % 100_000 + 1;
  const table = new HandlerTable();
  table
    .setDefault('BootNotification', () => result({ status: policy.registration, currentTime: now(), interval: policy.interval }))
    .setDefault('Heartbeat', () => result({ currentTime: now() }))
    .setDefault('StatusNotification', () => result({}))
    .setDefault('MeterValues', () => result({}))
    .setDefault('Authorize', ({ payload }) => result({ idTagInfo: policy.idTags.info(String(payload['idTag'])) }))
    .setDefault('StartTransaction', ({ payload }) => result({ transactionId: nextTransactionId++, idTagInfo: policy.idTags.info(String(payload['idTag'])) }))
    .setDefault('StopTransaction', ({ payload }) =>
      result(typeof payload['idTag'] === 'string' ? { idTagInfo: policy.idTags.info(payload['idTag']) } : {}),
    )
    .setDefault('DataTransfer', ({ payload }) =>
      result({ status: policy.dataTransferVendorIds.has(String(payload['vendorId'])) ? 'Accepted' : 'UnknownVendorId' }),
    )
    .setDefault('DiagnosticsStatusNotification', () => result({}))
    .setDefault('FirmwareStatusNotification', () => result({}))
    // Security whitepaper §5: acknowledged (A04.FR.03, N01, L01); SignCertificate.req Accepted (A02.FR.11), the
    // CertificateSigned.req that follows is a case's step.
    .setDefault('SecurityEventNotification', () => result({}))
    .setDefault('LogStatusNotification', () => result({}))
    .setDefault('SignedFirmwareStatusNotification', () => result({}))
    .setDefault('SignCertificate', () => result({ status: 'Accepted' }));
  return table;
}

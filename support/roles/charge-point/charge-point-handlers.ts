/**
 * The emulated Charge Point's default answers to the CALLs a Central System sends (OCPP 1.6 §5), enough for a
 * conformant Charge Point's side of the Central System test cases. Scenarios override single entries.
 */
import { HandlerTable, result } from '../../ocpp/handler-table';
import type { ConfigurationEntry } from './charge-point-configuration';

/** The state the handlers read and change; owned by the EmulatedChargePoint. */
export interface ChargePointModel {
  readonly configuration: Map<string, ConfigurationEntry>;
  localListVersion: number;
  readonly availability: Map<number, 'Operative' | 'Inoperative'>;
  /** The status each connector last reported in StatusNotification.req (§4.9). */
  readonly statuses: Map<number, string>;
  /** Active transactions: id → connector. */
  readonly transactions: Map<number, number>;
  /** Sends the message a TriggerMessage asked for (§5.17), after the conf. */
  readonly trigger: (requestedMessage: string, connectorId?: number) => void;
  /** Number of connectors (connector ids 1…n); a CALL naming another connector is refused. */
  readonly connectors: number;
}

const knownConnector = (model: ChargePointModel, id: unknown, allowZero = false): boolean =>
  typeof id === 'number' && Number.isInteger(id) && id <= model.connectors && (allowZero ? id >= 0 : id >= 1);

/** The fileName of GetDiagnostics.conf (§6.26): the file the emulated Charge Point uploads. */
export const DIAGNOSTICS_FILE_NAME = 'emulated-charge-point-diagnostics.log';

const TRIGGERABLE = new Set(['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification']);

export function chargePointHandlers(model: ChargePointModel): HandlerTable {
  const table = new HandlerTable();
  table
    .setDefault('ChangeAvailability', ({ payload }) => {
      const connectorId = Number(payload['connectorId']);
      const type = payload['type'] as 'Operative' | 'Inoperative';
      const busy = [...model.transactions.values()].some((c) => connectorId === 0 || c === connectorId);
      model.availability.set(connectorId, type);
      return result({ status: busy && type === 'Inoperative' ? 'Scheduled' : 'Accepted' });
    })
    .setDefault('ChangeConfiguration', ({ payload }) => {
      const entry = model.configuration.get(String(payload['key']));
      if (!entry) return result({ status: 'NotSupported' });
      if (entry.readonly || !entry.accepts(String(payload['value']))) return result({ status: 'Rejected' });
      entry.value = String(payload['value']);
      return result({ status: 'Accepted' });
    })
    .setDefault('ClearCache', () => result({ status: 'Accepted' }))
    .setDefault('DataTransfer', () => result({ status: 'UnknownVendorId' }))
    .setDefault('GetConfiguration', ({ payload }) => {
      const requested = Array.isArray(payload['key']) ? (payload['key'] as string[]) : undefined;
      const keys = requested ?? [...model.configuration.keys()];
      const known = keys.filter((k) => model.configuration.has(k));
      const unknown = keys.filter((k) => !model.configuration.has(k));
      return result({
        configurationKey: known.map((key) => {
          const e = model.configuration.get(key) as ConfigurationEntry;
          return { key, readonly: e.readonly, value: e.value };
        }),
        ...(unknown.length ? { unknownKey: unknown } : {}),
      });
    })
    .setDefault('GetLocalListVersion', () => result({ listVersion: model.localListVersion }))
    // §5.11: a connector the Charge Point does not have cannot start a transaction.
    .setDefault('RemoteStartTransaction', ({ payload }) =>
      result({ status: payload['connectorId'] === undefined || knownConnector(model, payload['connectorId']) ? 'Accepted' : 'Rejected' }))
    .setDefault('RemoteStopTransaction', ({ payload }) =>
      result({ status: model.transactions.has(Number(payload['transactionId'])) ? 'Accepted' : 'Rejected' }),
    )
    .setDefault('Reset', () => result({ status: 'Accepted' }))
    .setDefault('SendLocalList', ({ payload }) => {
      const version = Number(payload['listVersion']);
      if (payload['updateType'] === 'Differential' && version <= model.localListVersion) return result({ status: 'VersionMismatch' });
      model.localListVersion = version;
      return result({ status: 'Accepted' });
    })
    .setDefault('TriggerMessage', ({ payload }) => {
      const requested = String(payload['requestedMessage']);
      if (!TRIGGERABLE.has(requested)) return result({ status: 'NotImplemented' });
      // §5.17: a connectorId that is not a valid connector is Rejected.
      if (payload['connectorId'] !== undefined && !knownConnector(model, payload['connectorId'], true)) return result({ status: 'Rejected' });
      setImmediate(() => model.trigger(requested, typeof payload['connectorId'] === 'number' ? payload['connectorId'] : undefined));
      return result({ status: 'Accepted' });
    })
    // §5.18: a connector the Charge Point does not have cannot be unlocked.
    .setDefault('UnlockConnector', ({ payload }) => result({ status: knownConnector(model, payload['connectorId']) ? 'Unlocked' : 'NotSupported' }))
    // FirmwareManagement: the download or upload is the scenario's to carry out (firmware-update.ts, firmware-diagnostics.ts).
    .setDefault('UpdateFirmware', () => result({}))
    .setDefault('GetDiagnostics', () => result({ fileName: DIAGNOSTICS_FILE_NAME }));
  return table;
}

/**
 * A SendLocalList handler answering every Differential update with `status` (VersionMismatch, Failed) and treating
 * Full lists as the default does (§5.15: the Central System should then send the Full list).
 */
export function differentialListAnswer(model: ChargePointModel, status: string): (call: { payload: Record<string, unknown> }) => ReturnType<typeof result> {
  return ({ payload }) => {
    if (payload['updateType'] === 'Differential') return result({ status });
    model.localListVersion = Number(payload['listVersion']);
    return result({ status: 'Accepted' });
  };
}

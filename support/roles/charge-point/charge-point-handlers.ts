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
  /** Active transactions: id → connector. */
  readonly transactions: Map<number, number>;
  /** Sends the message a TriggerMessage asked for (§5.17), after the conf. */
  readonly trigger: (requestedMessage: string, connectorId?: number) => void;
}

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
    .setDefault('RemoteStartTransaction', () => result({ status: 'Accepted' }))
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
      setImmediate(() => model.trigger(requested, typeof payload['connectorId'] === 'number' ? payload['connectorId'] : undefined));
      return result({ status: 'Accepted' });
    })
    .setDefault('UnlockConnector', () => result({ status: 'Unlocked' }));
  return table;
}

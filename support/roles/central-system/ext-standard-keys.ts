/**
 * The standard configuration keys of OCPP 1.6 §9 (and the keys the errata add), with the accessibility and type the
 * spec gives each, so that what a Charge Point reports in GetConfiguration.conf can be judged (§5.8, §9). A Charge
 * Point need not implement optional keys; a key it reports must have the type and the read-only flag of its section.
 */
export type KeyAccess = 'R' | 'RW' | 'R or RW' | 'W';
export type KeyType = 'boolean' | 'integer' | 'CSL' | 'string';

export interface StandardKey {
  readonly key: string;
  /** Where the key is defined, as failures cite it. */
  readonly section: string;
  readonly access: KeyAccess;
  readonly type: KeyType;
}

const K = (key: string, section: string, access: KeyAccess, type: KeyType): StandardKey => ({ key, section, access, type });

export const STANDARD_KEYS: readonly StandardKey[] = [
  K('AllowOfflineTxForUnknownId', 'OCPP 1.6 §9.1.1', 'RW', 'boolean'),
  K('AuthorizationCacheEnabled', 'OCPP 1.6 §9.1.2', 'RW', 'boolean'),
  K('AuthorizeRemoteTxRequests', 'OCPP 1.6 §9.1.3', 'R or RW', 'boolean'),
  K('BlinkRepeat', 'OCPP 1.6 §9.1.4', 'RW', 'integer'),
  K('ClockAlignedDataInterval', 'OCPP 1.6 §9.1.5', 'RW', 'integer'),
  K('ConnectionTimeOut', 'OCPP 1.6 §9.1.6', 'RW', 'integer'),
  K('ConnectorPhaseRotation', 'OCPP 1.6 §9.1.7', 'RW', 'CSL'),
  K('ConnectorPhaseRotationMaxLength', 'OCPP 1.6 §9.1.8', 'R', 'integer'),
  K('GetConfigurationMaxKeys', 'OCPP 1.6 §9.1.9', 'R', 'integer'),
  K('HeartbeatInterval', 'OCPP 1.6 §9.1.10', 'RW', 'integer'),
  K('LightIntensity', 'OCPP 1.6 §9.1.11', 'RW', 'integer'),
  K('LocalAuthorizeOffline', 'OCPP 1.6 §9.1.12', 'RW', 'boolean'),
  K('LocalPreAuthorize', 'OCPP 1.6 §9.1.13', 'RW', 'boolean'),
  K('MaxEnergyOnInvalidId', 'OCPP 1.6 §9.1.14', 'RW', 'integer'),
  K('MeterValuesAlignedData', 'OCPP 1.6 §9.1.15', 'RW', 'CSL'),
  K('MeterValuesAlignedDataMaxLength', 'OCPP 1.6 §9.1.16', 'R', 'integer'),
  K('MeterValuesSampledData', 'OCPP 1.6 §9.1.17', 'RW', 'CSL'),
  K('MeterValuesSampledDataMaxLength', 'OCPP 1.6 §9.1.18', 'R', 'integer'),
  K('MeterValueSampleInterval', 'OCPP 1.6 §9.1.19', 'RW', 'integer'),
  K('MinimumStatusDuration', 'OCPP 1.6 §9.1.20', 'RW', 'integer'),
  K('NumberOfConnectors', 'OCPP 1.6 §9.1.21', 'R', 'integer'),
  K('ResetRetries', 'OCPP 1.6 §9.1.22', 'RW', 'integer'),
  // Errata §3.79: optional, and R or RW at the implementer's choice.
  K('StopTransactionOnEVSideDisconnect', 'OCPP 1.6 §9.1.23, errata §3.79', 'R or RW', 'boolean'),
  K('StopTransactionOnInvalidId', 'OCPP 1.6 §9.1.24', 'RW', 'boolean'),
  K('StopTxnAlignedData', 'OCPP 1.6 §9.1.25', 'RW', 'CSL'),
  K('StopTxnAlignedDataMaxLength', 'OCPP 1.6 §9.1.26', 'R', 'integer'),
  K('StopTxnSampledData', 'OCPP 1.6 §9.1.27', 'RW', 'CSL'),
  K('StopTxnSampledDataMaxLength', 'OCPP 1.6 §9.1.28', 'R', 'integer'),
  K('SupportedFeatureProfiles', 'OCPP 1.6 §9.1.29', 'R', 'CSL'),
  K('SupportedFeatureProfilesMaxLength', 'OCPP 1.6 §9.1.30', 'R', 'integer'),
  K('TransactionMessageAttempts', 'OCPP 1.6 §9.1.31', 'RW', 'integer'),
  K('TransactionMessageRetryInterval', 'OCPP 1.6 §9.1.32', 'RW', 'integer'),
  // Errata §3.83: read-only (and false) on a Charge Point with a fixed cable; see `accessOf`.
  K('UnlockConnectorOnEVSideDisconnect', 'OCPP 1.6 §9.1.33, errata §3.83', 'RW', 'boolean'),
  K('WebSocketPingInterval', 'OCPP 1.6 §9.1.34', 'RW', 'integer'),
  K('MessageTimeout', 'OCPP 1.6 errata §3.82', 'RW', 'integer'),
  K('StopTransactionMaxMeterValues', 'OCPP 1.6 errata §3.89', 'R', 'integer'),
  K('LocalAuthListEnabled', 'OCPP 1.6 §9.2.1', 'RW', 'boolean'),
  K('LocalAuthListMaxLength', 'OCPP 1.6 §9.2.2', 'R', 'integer'),
  K('SendLocalListMaxLength', 'OCPP 1.6 §9.2.3', 'R', 'integer'),
  K('ReserveConnectorZeroSupported', 'OCPP 1.6 §9.3.1', 'R', 'boolean'),
  K('ChargeProfileMaxStackLevel', 'OCPP 1.6 §9.4.1', 'R', 'integer'),
  K('ChargingScheduleAllowedChargingRateUnit', 'OCPP 1.6 §9.4.2', 'R', 'CSL'),
  K('ChargingScheduleMaxPeriods', 'OCPP 1.6 §9.4.3', 'R', 'integer'),
  K('ConnectorSwitch3to1PhaseSupported', 'OCPP 1.6 §9.4.4', 'R', 'boolean'),
  K('MaxChargingProfilesInstalled', 'OCPP 1.6 §9.4.5', 'R', 'integer'),
  K('SupportedFileTransferProtocols', 'OCPP 1.6 errata §3.88', 'R', 'CSL'),
  // OCPP-J errata §3.10: write-only, never to be read back in plain text.
  K('AuthorizationKey', 'OCPP-J errata §3.10', 'W', 'string'),
];

/** Configuration keys are CiString50Type (§6.11, §7.8): compared case-insensitively. */
export function standardKey(name: string): StandardKey | undefined {
  const lower = name.toLowerCase();
  return STANDARD_KEYS.find((k) => k.key.toLowerCase() === lower);
}

/** The accessibility of a key on this Charge Point (errata §3.83: a fixed cable makes UnlockConnectorOnEVSideDisconnect R). */
export function accessOf(key: StandardKey, fixedCable: boolean): KeyAccess {
  return key.key === 'UnlockConnectorOnEVSideDisconnect' && fixedCable ? 'R' : key.access;
}

/** What is wrong with a reported value of `type`, or undefined. */
export function typeProblem(type: KeyType, value: string): string | undefined {
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(value.trim()) ? undefined : `"${value}" is not an integer`;
    case 'boolean':
      return /^(true|false)$/i.test(value.trim()) ? undefined : `"${value}" is not a boolean (true or false)`;
    case 'CSL':
      return value.split(',').some((item, _, all) => all.length > 1 && item.trim() === '') ? `"${value}" has an empty item in its comma-separated list` : undefined;
    case 'string':
      return undefined;
  }
}

/**
 * The configuration keys the emulated Charge Point exposes (OCPP 1.6 §9, a subset sufficient for the Central
 * System test cases), with read-only flags and value checks, as GetConfiguration and ChangeConfiguration see them.
 */
export interface ConfigurationEntry {
  value: string;
  readonly readonly: boolean;
  /** Returns false for a value the key cannot take (ChangeConfiguration answers Rejected, §5.3). */
  readonly accepts: (value: string) => boolean;
}

const integer = (v: string): boolean => /^\d+$/.test(v);
const bool = (v: string): boolean => v === 'true' || v === 'false';
const any = (): boolean => true;

export function defaultConfiguration(connectors: number): Map<string, ConfigurationEntry> {
  const entries: Array<[string, string, boolean, (v: string) => boolean]> = [
    ['AllowOfflineTxForUnknownId', 'false', false, bool],
    ['AuthorizationCacheEnabled', 'true', false, bool],
    ['AuthorizeRemoteTxRequests', 'false', false, bool],
    ['ClockAlignedDataInterval', '0', false, integer],
    ['ConnectionTimeOut', '30', false, integer],
    ['GetConfigurationMaxKeys', '50', true, integer],
    ['HeartbeatInterval', '300', false, integer],
    ['LocalAuthorizeOffline', 'true', false, bool],
    ['LocalPreAuthorize', 'false', false, bool],
    ['MeterValuesAlignedData', 'Energy.Active.Import.Register', false, any],
    ['MeterValuesSampledData', 'Energy.Active.Import.Register', false, any],
    ['MeterValueSampleInterval', '60', false, integer],
    ['NumberOfConnectors', String(connectors), true, integer],
    ['ReserveConnectorZeroSupported', 'true', true, bool],
    ['ResetRetries', '1', false, integer],
    ['StopTransactionOnEVSideDisconnect', 'true', false, bool],
    ['StopTransactionOnInvalidId', 'true', false, bool],
    ['StopTxnAlignedData', '', false, any],
    ['StopTxnSampledData', '', false, any],
    ['SupportedFeatureProfiles', 'Core,FirmwareManagement,LocalAuthListManagement,RemoteTrigger,Reservation,SmartCharging', true, any],
    ['TransactionMessageAttempts', '3', false, integer],
    ['TransactionMessageRetryInterval', '10', false, integer],
    ['UnlockConnectorOnEVSideDisconnect', 'true', false, bool],
    ['LocalAuthListEnabled', 'true', false, bool],
    ['LocalAuthListMaxLength', '100', true, integer],
    ['SendLocalListMaxLength', '100', true, integer],
    // SmartCharging (§3.13.5, §9.4)
    ['ChargeProfileMaxStackLevel', '8', true, integer],
    ['ChargingScheduleAllowedChargingRateUnit', 'Current,Power', true, any],
    ['ChargingScheduleMaxPeriods', '24', true, integer],
    ['MaxChargingProfilesInstalled', '10', true, integer],
  ];
  return new Map(entries.map(([key, value, readonly, accepts]) => [key, { value, readonly, accepts }]));
}

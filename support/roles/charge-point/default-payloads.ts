/**
 * Valid default payloads for the requests a Charge Point sends (OCPP 1.6 §4, §6), so that a step can say
 * "sends Heartbeat.req" and override only what matters to the case.
 */
export function defaultPayload(action: string, context: { bootInfo: Readonly<Record<string, string>>; idTag?: string; connectorId?: number }): Record<string, unknown> {
  const now = new Date().toISOString();
  const connectorId = context.connectorId ?? 1;
  switch (action) {
    case 'BootNotification':
      return { ...context.bootInfo };
    case 'Heartbeat':
      return {};
    case 'StatusNotification':
      return { connectorId, errorCode: 'NoError', status: 'Available', timestamp: now };
    case 'Authorize':
      return { idTag: context.idTag ?? 'UNKNOWN' };
    case 'StartTransaction':
      return { connectorId, idTag: context.idTag ?? 'UNKNOWN', meterStart: 0, timestamp: now };
    case 'MeterValues':
      return { connectorId, meterValue: [{ timestamp: now, sampledValue: [{ value: '0', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }] };
    case 'DataTransfer':
      return { vendorId: 'org.ocpp-conformance' };
    case 'DiagnosticsStatusNotification':
    case 'FirmwareStatusNotification':
      return { status: 'Idle' };
    default:
      throw new Error(`no default payload for ${action}.req`);
  }
}

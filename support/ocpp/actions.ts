/**
 * The 28 actions of OCPP 1.6 (edition 2), who initiates each, and where the spec defines its messages.
 * Message sections follow §6 of OCPP 1.6: actions in alphabetical order, `.req` then `.conf`.
 */
export type Initiator = 'ChargePoint' | 'CentralSystem' | 'Both';

export interface ActionInfo {
  readonly action: string;
  readonly initiator: Initiator;
  /** The operation's section (§4 initiated by the Charge Point, §5 by the Central System). */
  readonly operation: string;
  readonly profile: string;
}

const TABLE: Array<[string, Initiator, string, string]> = [
  ['Authorize', 'ChargePoint', '§4.1', 'Core'],
  ['BootNotification', 'ChargePoint', '§4.2', 'Core'],
  ['CancelReservation', 'CentralSystem', '§5.1', 'Reservation'],
  ['ChangeAvailability', 'CentralSystem', '§5.2', 'Core'],
  ['ChangeConfiguration', 'CentralSystem', '§5.3', 'Core'],
  ['ClearCache', 'CentralSystem', '§5.4', 'Core'],
  ['ClearChargingProfile', 'CentralSystem', '§5.5', 'SmartCharging'],
  ['DataTransfer', 'Both', '§4.3 / §5.6', 'Core'],
  ['DiagnosticsStatusNotification', 'ChargePoint', '§4.4', 'FirmwareManagement'],
  ['FirmwareStatusNotification', 'ChargePoint', '§4.5', 'FirmwareManagement'],
  ['GetCompositeSchedule', 'CentralSystem', '§5.7', 'SmartCharging'],
  ['GetConfiguration', 'CentralSystem', '§5.8', 'Core'],
  ['GetDiagnostics', 'CentralSystem', '§5.9', 'FirmwareManagement'],
  ['GetLocalListVersion', 'CentralSystem', '§5.10', 'LocalAuthListManagement'],
  ['Heartbeat', 'ChargePoint', '§4.6', 'Core'],
  ['MeterValues', 'ChargePoint', '§4.7', 'Core'],
  ['RemoteStartTransaction', 'CentralSystem', '§5.11', 'Core'],
  ['RemoteStopTransaction', 'CentralSystem', '§5.12', 'Core'],
  ['ReserveNow', 'CentralSystem', '§5.13', 'Reservation'],
  ['Reset', 'CentralSystem', '§5.14', 'Core'],
  ['SendLocalList', 'CentralSystem', '§5.15', 'LocalAuthListManagement'],
  ['SetChargingProfile', 'CentralSystem', '§5.16', 'SmartCharging'],
  ['StartTransaction', 'ChargePoint', '§4.8', 'Core'],
  ['StatusNotification', 'ChargePoint', '§4.9', 'Core'],
  ['StopTransaction', 'ChargePoint', '§4.10', 'Core'],
  ['TriggerMessage', 'CentralSystem', '§5.17', 'RemoteTrigger'],
  ['UnlockConnector', 'CentralSystem', '§5.18', 'Core'],
  ['UpdateFirmware', 'CentralSystem', '§5.19', 'FirmwareManagement'],
];

/**
 * The 11 actions the white paper "Improved security for OCPP 1.6-J" adds (edition 3, §5 messages, in alphabetical
 * order like §5; the operation is the use case of §3/§4). Their schemas are the OCA's draft-06 set
 * `urn:OCPP:Cp:1.6:2020:3`. They are OCPP 1.6 actions for a system that implements the white paper; to one that does
 * not they are unknown (NotImplemented, OCPP-J 1.6 §4.2.3) or unsupported (NotSupported).
 */
const SECURITY_TABLE: Array<[string, Initiator, string]> = [
  ['CertificateSigned', 'CentralSystem', 'WP A02/A03'],
  ['DeleteCertificate', 'CentralSystem', 'WP M04'],
  ['ExtendedTriggerMessage', 'CentralSystem', 'WP §5.5'],
  ['GetInstalledCertificateIds', 'CentralSystem', 'WP M03'],
  ['GetLog', 'CentralSystem', 'WP N01'],
  ['InstallCertificate', 'CentralSystem', 'WP M05'],
  ['LogStatusNotification', 'ChargePoint', 'WP N01'],
  ['SecurityEventNotification', 'ChargePoint', 'WP A04'],
  ['SignCertificate', 'ChargePoint', 'WP A02/A03'],
  ['SignedFirmwareStatusNotification', 'ChargePoint', 'WP L01'],
  ['SignedUpdateFirmware', 'CentralSystem', 'WP L01'],
];

/** The feature profile tag of the white paper's actions and test cases (`@feature-profile:Security`). */
export const SECURITY_PROFILE = 'Security';

export const ACTIONS: ReadonlyMap<string, ActionInfo> = new Map([
  ...TABLE.map(([action, initiator, operation, profile]) => [action, { action, initiator, operation, profile }] as const),
  ...SECURITY_TABLE.map(([action, initiator, operation]) => [action, { action, initiator, operation, profile: SECURITY_PROFILE }] as const),
]);

/** The 28 actions of OCPP 1.6 edition 2 (draft-04 schemas). */
export const ACTION_NAMES: readonly string[] = TABLE.map(([a]) => a);

/** The 11 actions of the security white paper (draft-06 schemas). */
export const SECURITY_ACTION_NAMES: readonly string[] = SECURITY_TABLE.map(([a]) => a);

/** Every action the harness has a schema for: the 28 of OCPP 1.6 and the white paper's 11. */
export const ALL_ACTION_NAMES: readonly string[] = [...ACTION_NAMES, ...SECURITY_ACTION_NAMES];

/** True for one of the white paper's 11 actions. */
export function isSecurityAction(action: string): boolean {
  return SECURITY_ACTION_NAMES.includes(action);
}

export type MessageKind = 'req' | 'conf';

/** True for one of the 28 OCPP 1.6 actions or the white paper's 11 (case-sensitive, OCPP-J 1.6 §4.2.1). */
export function isKnownAction(action: string): boolean {
  return ACTIONS.has(action);
}

/** True when `role` may receive a CALL of `action` (it is initiated by the other side). */
export function canReceive(role: 'ChargePoint' | 'CentralSystem', action: string): boolean {
  const info = ACTIONS.get(action);
  if (!info) return false;
  return info.initiator === 'Both' || info.initiator !== role;
}

/**
 * The section of a message, e.g. `messageSection('BootNotification', 'conf')` is `OCPP 1.6 §6.4`; a white paper
 * message's is its §5 section (`Security whitepaper §5.16` for SecurityEventNotification.conf).
 */
export function messageSection(action: string, kind: MessageKind): string {
  const security = SECURITY_ACTION_NAMES.indexOf(action);
  if (security >= 0) return `Security whitepaper §5.${security * 2 + (kind === 'req' ? 1 : 2)}`;
  const index = ACTION_NAMES.indexOf(action);
  if (index < 0) return 'OCPP 1.6 §6';
  return `OCPP 1.6 §6.${index * 2 + (kind === 'req' ? 1 : 2)}`;
}

/** `BootNotification.req` style name used in steps, reports and messages. */
export function messageName(action: string, kind: MessageKind): string {
  return `${action}.${kind}`;
}

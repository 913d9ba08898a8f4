/**
 * The physical and external steps test cases need, one vocabulary for every actuator (reference control API,
 * HTTP hooks of a test rig or CSMS, operator prompts). Each action has the instruction a person is shown.
 */
export interface ActionSpec {
  /** Who does it: a person or rig at the charger, or an operator in the Central System's UI. */
  readonly side: 'charge-point' | 'central-system';
  /** Instruction shown by the prompt actuator; {name} is replaced by the parameter. */
  readonly instruction: string;
  readonly params: readonly string[];
}

export const ACTIONS = {
  // At the Charge Point (physical, the EV driver, the installation).
  'plug-in': { side: 'charge-point', instruction: 'Plug the EV cable into connector {connectorId}.', params: ['connectorId'] },
  'unplug': { side: 'charge-point', instruction: 'Unplug the cable from connector {connectorId} at the EV side.', params: ['connectorId'] },
  'present-idTag': { side: 'charge-point', instruction: 'Present the card with idTag {idTag} at the reader (connector {connectorId}).', params: ['idTag', 'connectorId'] },
  'power-cycle': { side: 'charge-point', instruction: 'Switch the charger off and on again (power cycle).', params: [] },
  'network-drop': { side: 'charge-point', instruction: 'Disconnect the charger from the network (pull the network cable or block it).', params: [] },
  'network-restore': { side: 'charge-point', instruction: 'Reconnect the charger to the network.', params: [] },
  'fault': { side: 'charge-point', instruction: 'Bring connector {connectorId} into a fault state ({errorCode}).', params: ['connectorId', 'errorCode'] },
  'clear-fault': { side: 'charge-point', instruction: 'Clear the fault of connector {connectorId}.', params: ['connectorId'] },
  'lock-failure': { side: 'charge-point', instruction: 'Make the connector lock of connector {connectorId} fail to release (enabled: {enabled}).', params: ['connectorId', 'enabled'] },
  'set-meter': { side: 'charge-point', instruction: 'Set the meter of connector {connectorId} to {wh} Wh.', params: ['connectorId', 'wh'] },
  'ev-suspend': { side: 'charge-point', instruction: 'Let the EV on connector {connectorId} stop drawing power.', params: ['connectorId'] },
  'ev-resume': { side: 'charge-point', instruction: 'Let the EV on connector {connectorId} draw power again.', params: ['connectorId'] },
  'local-list-failure': { side: 'charge-point', instruction: 'Bring the charger into a state in which storing a Local Authorization List fails (enabled: {enabled}).', params: ['enabled'] },
  'installation-failure': { side: 'charge-point', instruction: 'Make the charger fail to install the firmware it is sent next, e.g. give it an image it rejects (enabled: {enabled}).', params: ['enabled'] },
  'upload-failure': { side: 'charge-point', instruction: 'Make the charger\'s diagnostics uploads fail, e.g. block its route to the harness (enabled: {enabled}).', params: ['enabled'] },
  // Security white paper A00.FR.005: a lower security profile is set out of band, never over OCPP.
  'set-security-profile': { side: 'charge-point', instruction: 'Reconfigure the charger, out of band (not over OCPP), to connect with security profile {profile}.', params: ['chargePointId', 'profile'] },
  // In the Central System (an operator in the CSMS's UI, or a CI trigger API).
  'remote-start': { side: 'central-system', instruction: 'In the CSMS, start a charge remotely on charge point {chargePointId}, connector {connectorId}, for idTag {idTag} (charging profile: {chargingProfile}).', params: ['chargePointId', 'connectorId', 'idTag', 'chargingProfile'] },
  'remote-stop': { side: 'central-system', instruction: 'In the CSMS, stop transaction {transactionId} of charge point {chargePointId} remotely.', params: ['chargePointId', 'transactionId'] },
  'reset': { side: 'central-system', instruction: 'In the CSMS, send a {type} reset to charge point {chargePointId}.', params: ['chargePointId', 'type'] },
  'change-availability': { side: 'central-system', instruction: 'In the CSMS, make connector {connectorId} of charge point {chargePointId} {type}.', params: ['chargePointId', 'connectorId', 'type'] },
  'get-configuration': { side: 'central-system', instruction: 'In the CSMS, read the configuration of charge point {chargePointId} (keys: {keys}).', params: ['chargePointId', 'keys'] },
  'change-configuration': { side: 'central-system', instruction: 'In the CSMS, set configuration key {key} of charge point {chargePointId} to {value}.', params: ['chargePointId', 'key', 'value'] },
  'clear-cache': { side: 'central-system', instruction: 'In the CSMS, clear the authorization cache of charge point {chargePointId}.', params: ['chargePointId'] },
  'send-local-list': { side: 'central-system', instruction: 'In the CSMS, send a {updateType} local authorization list to charge point {chargePointId}.', params: ['chargePointId', 'updateType', 'entries'] },
  'get-local-list-version': { side: 'central-system', instruction: 'In the CSMS, ask charge point {chargePointId} for its local list version.', params: ['chargePointId'] },
  'trigger-message': { side: 'central-system', instruction: 'In the CSMS, ask charge point {chargePointId} to send {requestedMessage} (connector {connectorId}).', params: ['chargePointId', 'requestedMessage', 'connectorId'] },
  'unlock-connector': { side: 'central-system', instruction: 'In the CSMS, unlock connector {connectorId} of charge point {chargePointId}.', params: ['chargePointId', 'connectorId'] },
  'data-transfer': { side: 'central-system', instruction: 'In the CSMS, send a DataTransfer (vendorId {vendorId}, messageId {messageId}) to charge point {chargePointId}.', params: ['chargePointId', 'vendorId', 'messageId', 'data'] },
  'set-id-tag-status': { side: 'central-system', instruction: 'In the CSMS, set the status of idTag {idTag} to {status}.', params: ['idTag', 'status'] },
  // Reservation (OCPP 1.6 §5.13, §5.1): the CSMS picks the reservationId; connectorId 0 reserves any connector.
  'reserve-now': { side: 'central-system', instruction: 'In the CSMS, reserve connector {connectorId} of charge point {chargePointId} for idTag {idTag} (parentIdTag {parentIdTag}), expiring {expiresIn} s from now.', params: ['chargePointId', 'connectorId', 'idTag', 'parentIdTag', 'expiresIn'] },
  'cancel-reservation': { side: 'central-system', instruction: 'In the CSMS, cancel reservation {reservationId} of charge point {chargePointId}.', params: ['chargePointId', 'reservationId'] },
  // FirmwareManagement, in the Central System (OCPP 1.6 §5.9, §5.19): without a location, the CSMS's own.
  'update-firmware': { side: 'central-system', instruction: 'In the CSMS, update the firmware of charge point {chargePointId} from location {location} (- : a firmware file the CSMS serves itself), retrieve date now.', params: ['chargePointId', 'location', 'retrieveDate', 'retries', 'retryInterval'] },
  'get-diagnostics': { side: 'central-system', instruction: 'In the CSMS, request the diagnostics of charge point {chargePointId}, to be uploaded to location {location} (- : a location the CSMS receives uploads at itself).', params: ['chargePointId', 'location', 'retries', 'retryInterval', 'startTime', 'stopTime'] },
  // SmartCharging, in the Central System (OCPP 1.6 §5.5, §5.7, §5.16): a TxProfile is for the running transaction.
  'set-charging-profile': { side: 'central-system', instruction: 'In the CSMS, set a {purpose} charging profile on connector {connectorId} of charge point {chargePointId}: stack level {stackLevel}, limit {limit} {chargingRateUnit} from second {startPeriod}, {numberPhases} phases, for {duration} s.', params: ['chargePointId', 'connectorId', 'purpose', 'stackLevel', 'kind', 'recurrencyKind', 'chargingRateUnit', 'limit', 'startPeriod', 'numberPhases', 'duration', 'transactionId'] },
  'clear-charging-profile': { side: 'central-system', instruction: 'In the CSMS, clear the charging profiles of charge point {chargePointId} matching id {id}, connector {connectorId}, purpose {chargingProfilePurpose}, stack level {stackLevel} (- : any).', params: ['chargePointId', 'id', 'connectorId', 'chargingProfilePurpose', 'stackLevel'] },
  'get-composite-schedule': { side: 'central-system', instruction: 'In the CSMS, request the composite schedule of connector {connectorId} of charge point {chargePointId} for {duration} s in {chargingRateUnit}.', params: ['chargePointId', 'connectorId', 'duration', 'chargingRateUnit'] },
  // Security white paper, in the Central System (edition 3: A01, A02, A05, M03–M05, N01, L01): `certificate` is PEM.
  'install-certificate': { side: 'central-system', instruction: 'In the CSMS, install a {certificateType} on charge point {chargePointId}: {certificate} (- : the root certificate the CSMS uses).', params: ['chargePointId', 'certificateType', 'certificate'] },
  'get-installed-certificate-ids': { side: 'central-system', instruction: 'In the CSMS, list the {certificateType} certificates installed on charge point {chargePointId}.', params: ['chargePointId', 'certificateType'] },
  'delete-certificate': { side: 'central-system', instruction: 'In the CSMS, delete this {certificateType} from charge point {chargePointId} (list the installed ones first): {certificate}', params: ['chargePointId', 'certificateType', 'certificate'] },
  'extended-trigger-message': { side: 'central-system', instruction: 'In the CSMS, ask charge point {chargePointId} with ExtendedTriggerMessage to send {requestedMessage} (connector {connectorId}).', params: ['chargePointId', 'requestedMessage', 'connectorId'] },
  'get-log': { side: 'central-system', instruction: 'In the CSMS, request the {logType} of charge point {chargePointId}, to be uploaded to location {location} (- : a location the CSMS receives uploads at itself).', params: ['chargePointId', 'logType', 'location'] },
  'signed-update-firmware': { side: 'central-system', instruction: 'In the CSMS, update the firmware of charge point {chargePointId} with a signed firmware image, its signature and signing certificate (an invalid signature: {invalidSignature}).', params: ['chargePointId', 'location', 'invalidSignature'] },
  'change-authorization-key': { side: 'central-system', instruction: 'In the CSMS, set the Basic auth password (AuthorizationKey) of charge point {chargePointId} to the hex value {key}.', params: ['chargePointId', 'key'] },
  'change-security-profile': { side: 'central-system', instruction: 'In the CSMS, raise the security profile of charge point {chargePointId} to {profile}.', params: ['chargePointId', 'profile'] },
} as const satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof ACTIONS;

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(ACTIONS, name);
}

/** Replaces {name} with the parameter's value (`-` when absent). */
export function fillTemplate(template: string, params: Readonly<Record<string, unknown>>, encode: (s: string) => string = (s) => s): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) return encode('-');
    return encode(typeof v === 'string' ? v : JSON.stringify(v));
  });
}

// Charge Point under test: the Central System's requests (OCPP 1.6 §5); each answer is kept for the Then that
// judges it.
import { When } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import { configuration, localList, operation, requests, session } from './flows';

When('the Central System sends {message}{docStep}', async function (message: MessageRef, step?: string) {
  await requests(this).send(message.action, {}, this.rule(operation(this, message.action), step));
});

When('the Central System sends GetConfiguration.req for {string}{docStep}', async function (key: string, step?: string) {
  await requests(this).send('GetConfiguration', { key: [key] }, this.rule('OCPP 1.6 §5.8', step));
});

When('the Central System sends GetConfiguration.req without keys{docStep}', async function (step?: string) {
  await requests(this).send('GetConfiguration', {}, this.rule('OCPP 1.6 §5.8', step));
});

When('the Central System sends GetConfiguration.req for as many reported keys as GetConfigurationMaxKeys allows{docStep}', async function (step?: string) {
  await configuration(this).readAsManyAsAllowed(this.rule('OCPP 1.6 §5.8', step));
});

When('the Central System sends ChangeConfiguration.req setting {string} to {string}{docStep}', async function (key: string, value: string, step?: string) {
  await configuration(this).sendChange(key, value, this.rule('OCPP 1.6 §5.3', step));
});

When('the Central System sends ChangeConfiguration.req setting {string} to the configured value{docStep}', async function (key: string, step?: string) {
  await configuration(this).sendChange(key, this.chargePoint.configuredValue(key), this.rule('OCPP 1.6 §5.3', step));
});

When('the Central System sends RemoteStartTransaction.req for {idTag}{docStep}', async function (idTag: string, step?: string) {
  await session(this).sendRemoteStart(idTag, this.chargePoint.connectorUnderTest, this.rule('OCPP 1.6 §5.11', step));
});

When('the Central System sends RemoteStartTransaction.req for {idTag} on connectorId 0{docStep}', async function (idTag: string, step?: string) {
  await session(this).sendRemoteStart(idTag, 0, this.rule('OCPP 1.6 §6.33', step));
});

When('the Central System sends RemoteStopTransaction.req for the transaction{docStep}', async function (step?: string) {
  await requests(this).send('RemoteStopTransaction', { transactionId: session(this).transactionId }, this.rule('OCPP 1.6 §5.12', step));
});

When('the Central System sends RemoteStopTransaction.req for a transaction the Charge Point does not have{docStep}', async function (step?: string) {
  await requests(this).send('RemoteStopTransaction', { transactionId: this.chargePoint.unknownTransactionId() }, this.rule('OCPP 1.6 §5.12', step));
});

When('the Central System sends Reset.req with type {string}{docStep}', async function (type: string, step?: string) {
  await requests(this).send('Reset', { type }, this.rule('OCPP 1.6 §5.14', step));
});

When('the Central System sends ChangeAvailability.req to make the connector under test {word}{docStep}', async function (type: string, step?: string) {
  await requests(this).changeAvailability(this.chargePoint.connectorUnderTest, type, this.rule('OCPP 1.6 §5.2', step));
});

When('the Central System sends ChangeAvailability.req to make the Charge Point {word}{docStep}', async function (type: string, step?: string) {
  await requests(this).changeAvailability(0, type, this.rule('OCPP 1.6 §5.2', step));
});

When('the Central System sends UnlockConnector.req for the connector under test{docStep}', async function (step?: string) {
  await requests(this).send('UnlockConnector', { connectorId: this.chargePoint.connectorUnderTest }, this.rule('OCPP 1.6 §5.18', step));
});

When('the Central System sends UnlockConnector.req for a connector that does not exist{docStep}', async function (step?: string) {
  await requests(this).send('UnlockConnector', { connectorId: this.chargePoint.connectorIds.length + 1 }, this.rule('OCPP 1.6 errata §3.85', step));
});

When('the Central System sends SendLocalList.req with an empty Full list, version {int}{docStep}', async function (listVersion: number, step?: string) {
  await localList(this).send({ updateType: 'Full', listVersion, idTags: [] }, this.rule('OCPP 1.6 §5.15', step));
});

When('the Central System sends SendLocalList.req with a Full list of {idTag}, version {int}{docStep}', async function (idTag: string, listVersion: number, step?: string) {
  await localList(this).send({ updateType: 'Full', listVersion, idTags: [idTag] }, this.rule('OCPP 1.6 §5.15', step));
});

When('the Central System sends SendLocalList.req with a Full list of {idTag} and a newer version{docStep}', async function (idTag: string, step?: string) {
  await localList(this).sendNewer(idTag, this.rule('OCPP 1.6 §5.15', step));
});

When('the Central System sends SendLocalList.req with a Differential update adding {idTag}, version {int}{docStep}', async function (idTag: string, listVersion: number, step?: string) {
  await localList(this).send({ updateType: 'Differential', listVersion, idTags: [idTag] }, this.rule('OCPP 1.6 §5.15', step));
});

When('the Central System sends TriggerMessage.req for {word}{docStep}', async function (requestedMessage: string, step?: string) {
  await requests(this).send('TriggerMessage', { requestedMessage }, this.rule('OCPP 1.6 §5.17', step));
});

When('the Central System sends TriggerMessage.req for {word} on the connector under test{docStep}', async function (requestedMessage: string, step?: string) {
  await requests(this).send('TriggerMessage', { requestedMessage, connectorId: this.chargePoint.connectorUnderTest }, this.rule('OCPP 1.6 §5.17', step));
});

When('the Central System sends TriggerMessage.req for {word} on a connector that does not exist{docStep}', async function (requestedMessage: string, step?: string) {
  await requests(this).send('TriggerMessage', { requestedMessage, connectorId: this.chargePoint.connectorIds.length + 1 }, this.rule('OCPP 1.6 §5.17', step));
});

When('the Central System sends DataTransfer.req with a vendorId the Charge Point does not know{docStep}', async function (step?: string) {
  const payload = { vendorId: this.chargePoint.options.unknownVendorId, messageId: 'OcppConformanceTest', data: this.scenario.id };
  await requests(this).send('DataTransfer', payload, this.rule('OCPP 1.6 §5.6', step));
});

// Central System under test: what the CSMS operator does in the Central System (its UI, or a CI trigger API),
// carried out through the SUT file's actuator.
import { When } from '../../support/cucumber/define';

When('the CSMS operator starts a charge remotely on connector {int} for {idTag}', async function (connectorId: number, idTag: string) {
  await this.act('remote-start', { chargePointId: this.chargePointNamed('default').identity, connectorId, idTag });
});

When('the CSMS operator tries to start a charge remotely on connector {int} for {idTag}', async function (connectorId: number, idTag: string) {
  this.memory.set('refusal', await this.attempt('remote-start', { chargePointId: this.chargePointNamed('default').identity, connectorId, idTag }));
});

When('the CSMS operator tries to stop transaction {int} remotely', async function (transactionId: number) {
  this.memory.set('refusal', await this.attempt('remote-stop', { chargePointId: this.chargePointNamed('default').identity, transactionId }));
});

When('the CSMS operator stops the transaction on connector {int} remotely', async function (connectorId: number) {
  const cp = this.chargePointNamed('default');
  await this.act('remote-stop', { chargePointId: cp.identity, transactionId: cp.sessions.session(connectorId).transactionId });
});

When('the CSMS operator resets the Charge Point with type {string}', async function (type: string) {
  await this.act('reset', { chargePointId: this.chargePointNamed('default').identity, type });
});

When('the CSMS operator unlocks connector {int}', async function (connectorId: number) {
  await this.act('unlock-connector', { chargePointId: this.chargePointNamed('default').identity, connectorId });
});

When('the CSMS operator unlocks a connector the Charge Point does not have', async function () {
  const cp = this.chargePointNamed('default');
  await this.act('unlock-connector', { chargePointId: cp.identity, connectorId: cp.connectors + 1 });
});

When('the CSMS operator reads all configuration keys', async function () {
  await this.act('get-configuration', { chargePointId: this.chargePointNamed('default').identity });
});

When('the CSMS operator reads the configuration key {string}', async function (key: string) {
  await this.act('get-configuration', { chargePointId: this.chargePointNamed('default').identity, keys: [key] });
});

When('the CSMS operator sets the configuration key {string} to {string}', async function (key: string, value: string) {
  await this.act('change-configuration', { chargePointId: this.chargePointNamed('default').identity, key, value });
});

When('the CSMS operator tries to read the configuration of the Charge Point', async function () {
  this.memory.set('refusal', await this.attempt('get-configuration', { chargePointId: this.chargePointNamed('default').identity }));
});

When('the CSMS operator clears the authorization cache', async function () {
  await this.act('clear-cache', { chargePointId: this.chargePointNamed('default').identity });
});

When('the CSMS operator asks for the local list version', async function () {
  await this.act('get-local-list-version', { chargePointId: this.chargePointNamed('default').identity });
});

When('the CSMS operator sends a {word} local authorization list', async function (updateType: string) {
  await this.act('send-local-list', { chargePointId: this.chargePointNamed('default').identity, updateType });
});

When('the CSMS operator triggers {word} for connector {int}', async function (requestedMessage: string, connectorId: number) {
  await this.act('trigger-message', { chargePointId: this.chargePointNamed('default').identity, requestedMessage, connectorId });
});

When('the CSMS operator triggers {word}', async function (requestedMessage: string) {
  await this.act('trigger-message', { chargePointId: this.chargePointNamed('default').identity, requestedMessage });
});

When('the CSMS operator triggers MeterValues for a connector the Charge Point does not have', async function () {
  const cp = this.chargePointNamed('default');
  await this.act('trigger-message', { chargePointId: cp.identity, requestedMessage: 'MeterValues', connectorId: cp.connectors + 1 });
});

When('the CSMS operator makes connector {int} Inoperative', async function (connectorId: number) {
  await this.act('change-availability', { chargePointId: this.chargePointNamed('default').identity, connectorId, type: 'Inoperative' });
});

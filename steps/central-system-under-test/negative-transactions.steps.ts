// Central System under test, transaction messages real chargers trip over: StopTransaction.req for a transaction the
// Central System does not know (OCPP 1.6 §4.10, errata §3.18), transaction ids across connectors and charge points
// (errata §3.54), and the schema corrections of the OCPP-J errata (§2.1 "Celsius", §2.5 optional reason).
import { Given, Then, When } from '../../support/cucumber/define';
import { NEVER_STARTED_TRANSACTION_ID, NegativeTransactions } from '../../support/roles/charge-point/negative-transactions';
import { NegativeSchemaErrata } from '../../support/roles/charge-point/negative-schema-errata';
import type { MessageRef } from '../../support/cucumber/parameter-types';

When('the emulated Charge Point sends StopTransaction.req for a transaction the Central System never started', async function () {
  await NegativeTransactions.of(this).stopUnknown(this.chargePointNamed('default'), NEVER_STARTED_TRANSACTION_ID, this.rule('OCPP 1.6 §4.10'));
});

When('the emulated Charge Point sends StopTransaction.req for transaction {int}', async function (transactionId: number) {
  await NegativeTransactions.of(this).stopUnknown(this.chargePointNamed('default'), transactionId, this.rule('OCPP 1.6 errata §3.18'));
});

Then('the Central System acknowledges it with StopTransaction.conf, not a CALLERROR', function () {
  NegativeTransactions.of(this).expectLastStopAcknowledged(this.rule('OCPP 1.6 §4.10'));
});

Given('a second emulated Charge Point {string} is connected and its BootNotification is Accepted as well', async function (name: string) {
  await NegativeTransactions.bootAnother(this, name, this.rule('OCPP 1.6 §4.2'));
});

When('the emulated Charge Point and emulated Charge Point {string} each start a transaction for {idTag} on every connector, then stop them', async function (name: string, idTag: string) {
  await NegativeTransactions.of(this).startOnEveryConnector([this.chargePointNamed('default'), this.chargePointNamed(name)], idTag, this.rule('OCPP 1.6 §4.8'));
});

Then('every transaction running at once got its own transactionId', function () {
  NegativeTransactions.of(this).expectDistinctIds(this.rule('OCPP 1.6 errata §3.54'), (finding) => this.warn(finding));
});

When('the emulated Charge Point sends MeterValues.req with a temperature in unit {string}', async function (unit: string) {
  await NegativeSchemaErrata.of(this).sendTemperature(this.chargePointNamed('default'), unit, this.rule('OCPP-J errata §2.1'));
});

When('the emulated Charge Point starts a transaction for {idTag} and stops it with a StopTransaction.req without reason', async function (idTag: string) {
  await NegativeSchemaErrata.of(this).stopWithoutReason(this.chargePointNamed('default'), idTag, this.rule('OCPP-J errata §2.5'));
});

Then('the Central System responds with {message}, as OCPP-J errata {word} allows', function (message: MessageRef, section: string) {
  NegativeSchemaErrata.of(this).expectAccepted(message.action, this.rule(`OCPP-J errata ${section}`));
});

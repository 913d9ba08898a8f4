// Charge Point under test: the states a test case starts from (§1.3 general preconditions, "Before" configuration,
// reusable and memory states of the test case document), and how the harness as Central System will answer.
import { Given } from '../../support/cucumber/define';
import { result } from '../../support/ocpp/handler-table';
import { NotApplicable } from '../../support/reporting/errors';
import type { Registration } from '../../support/roles/central-system/boot-flows';
import { boots, configuration, idle, localList, offline, session } from './flows';

Given('the Charge Point is booted and idle', async function () {
  await idle(this).establish(this.scenario.tags.profile);
});

// The cases that need no idle connector (configuration, data transfer): connected and Accepted is enough.
Given('the Charge Point is booted', async function () {
  await idle(this).establishBooted(this.scenario.tags.profile);
});

Given('the Central System has set {string} to {string}', async function (key: string, value: string) {
  await configuration(this).set(key, value);
});

Given('the Central System has set {string} to {string} if the Charge Point implements it', async function (key: string, value: string) {
  await configuration(this).set(key, value, { optional: true });
});

Given('the Central System has set {string} to the configured value', async function (key: string) {
  await configuration(this).set(key, this.chargePoint.configuredValue(key));
});

Given('the Central System has set {string} to a value other than the configured one', async function (key: string) {
  await configuration(this).set(key, String(Number(this.chargePoint.configuredValue(key)) + 1));
});

Given('the Central System has set {string} to the clock-aligned interval of the SUT file', async function (key: string) {
  await configuration(this).set(key, String(this.chargePoint.options.clockAlignedDataIntervalS));
});

Given('the Central System has read {string}', async function (key: string) {
  await configuration(this).value(key, this.rule('OCPP 1.6 §5.8', 'reusable state GetConfiguration'));
});

Given('the Central System will answer BootNotification.req with {word}', function (status: Registration) {
  boots(this).answerWith(status);
});

Given('the Central System will answer StartTransaction.req with idTag status {string}', function (status: string) {
  let transactionId = Math.floor(Date.now() / 1000) % 100_000 + 50_000;
  this.chargePoint.answer('StartTransaction', () => result({ transactionId: transactionId++, idTagInfo: { status } }));
});

Given('the Charge Point has a fixed cable', function () {
  if (!this.chargePoint.fixedCable) throw new NotApplicable('the case is for a Charge Point with a fixed cable; the SUT file says its cable is not fixed');
});

Given('the Charge Point does not have a fixed cable', function () {
  if (this.chargePoint.fixedCable) throw new NotApplicable('the case is for a Charge Point without a fixed cable; the SUT file says its cable is fixed');
});

Given('the Charge Point has a backup power supply', function () {
  this.chargePoint.requireBackupPower(true);
  this.memory.set('backupPower', true);
});

Given('the Charge Point has no backup power supply', function () {
  this.chargePoint.requireBackupPower(false);
  this.memory.set('backupPower', false);
});

Given('the Charge Point does not support the {word} profile', async function (profile: string) {
  const profiles = await configuration(this).supportedProfiles(this.rule('OCPP 1.6 §9.1.29', 'prerequisite'));
  if (profiles.includes(profile)) throw new NotApplicable(`the case is for a Charge Point without the ${profile} profile; its SupportedFeatureProfiles is "${profiles.join(',')}"`);
});

Given('the connector lock of the connector under test fails', async function () {
  await session(this).lockFails();
});

Given('the Charge Point fails to store a Local Authorization List', async function () {
  await localList(this).failStorage();
});

Given('a transaction is charging on the connector under test', async function () {
  await session(this).charging(this.sut.idTags.valid);
});

Given('a transaction is charging on the connector under test for {idTag}', async function (idTag: string) {
  await session(this).charging(idTag);
});

Given('a transaction is charging on the connector under test for {idTag} spelt in other letter case', async function (idTag: string) {
  await session(this).charging(swapCase(idTag));
});

Given('{idTag} is in the Authorization Cache', async function (idTag: string) {
  await session(this).cached(idTag);
});

Given('the Charge Point may authorize {idTag} offline', async function (idTag: string) {
  await offline(this).mayAuthorizeOffline(idTag, idTag === this.sut.idTags.valid);
});

Given('{idTag} is in the Local Authorization List', async function (idTag: string) {
  await localList(this).listed(idTag);
});

Given('the Local Authorization List blocks {idTag}', async function (idTag: string) {
  await localList(this).listed(idTag, 'Blocked');
});

/** `ReF-vAlId` → `rEf-VaLiD`: the same CiString20Type idTag in other letters (errata §3.73). */
function swapCase(s: string): string {
  return [...s].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
}

// Charge Point under test: its answers to the Central System's requests, judged against the test case step.
import { Then } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import { parseConfiguration } from '../../support/roles/central-system/charger-configuration';
import { configuration, operation, requests, requiredKeys } from './flows';

Then('the Charge Point answers {message}{docStep}', function (message: MessageRef, step?: string) {
  requests(this).expectConf(message.action, {}, this.rule(operation(this, message.action), step));
});

Then('the Charge Point answers {message} with status {choices}{docStep}', function (message: MessageRef, statuses: string[], step?: string) {
  requests(this).expectStatusOrError(message.action, 'status', statuses, [], this.rule(operation(this, message.action), step));
});

Then('the Charge Point answers {message} with status {choices} or a CALLERROR{docStep}', function (message: MessageRef, statuses: string[], step?: string) {
  requests(this).expectStatusOrError(message.action, 'status', statuses, '*', this.rule(operation(this, message.action), step));
});

Then('the Charge Point answers {message} with status {choices} or the CALLERROR {string}{docStep}', function (message: MessageRef, statuses: string[], code: string, step?: string) {
  requests(this).expectStatusOrError(message.action, 'status', statuses, [code], this.rule(operation(this, message.action), step));
});

Then('the Charge Point refuses the remote start on connectorId 0 with RemoteStartTransaction.conf status "Rejected" or a CALLERROR{docStep}', function (step?: string) {
  requests(this).expectStatusOrError('RemoteStartTransaction', 'status', ['Rejected'], '*', this.rule('OCPP 1.6 §6.33', step));
});

Then('the Charge Point answers UnlockConnector.conf with status "NotSupported" for the unknown connector{docStep}', function (step?: string) {
  requests(this).expectStatusOrError('UnlockConnector', 'status', ['NotSupported'], [], this.rule('OCPP 1.6 errata §3.85', step));
});

Then('the Charge Point answers GetLocalListVersion.conf with listVersion {int}{docStep}', function (listVersion: number, step?: string) {
  requests(this).expectConf('GetLocalListVersion', { listVersion }, this.rule('OCPP 1.6 §5.10', step));
});

Then('the Charge Point answers GetLocalListVersion.conf with listVersion -1 or the CALLERROR "NotSupported"{docStep}', function (step?: string) {
  requests(this).expectStatusOrError('GetLocalListVersion', 'listVersion', [-1], ['NotSupported'], this.rule('OCPP 1.6 §5.10', step));
});

Then('the Charge Point answers GetConfiguration.conf with the key {string}{docStep}', function (key: string, step?: string) {
  const read = parseConfiguration(requests(this).expectConf('GetConfiguration', {}, this.rule('OCPP 1.6 §5.8', step)));
  requiredKeys(this).expectReported(read, key, this.rule('OCPP 1.6 §5.8', step));
  configuration(this).remember(read);
});

Then('the Charge Point answers GetConfiguration.conf with {string} set to the configured value{docStep}', function (key: string, step?: string) {
  const read = parseConfiguration(requests(this).expectConf('GetConfiguration', {}, this.rule('OCPP 1.6 §5.3', step)));
  configuration(this).expectValue(read, key, this.chargePoint.configuredValue(key), this.rule('OCPP 1.6 §5.3', step));
});

Then('the Charge Point reports every key the supported feature profiles require, with the accessibility §9 gives it{docStep}', function (step?: string) {
  const read = parseConfiguration(requests(this).expectConf('GetConfiguration', {}, this.rule('OCPP 1.6 §5.8', step)));
  this.memory.set('configuration:all', read);
  requiredKeys(this).expectRequired(read, configuration(this).rememberedProfiles());
});

Then('the Charge Point reports every key asked for and no unknown key{docStep}', function (step?: string) {
  const read = parseConfiguration(requests(this).expectConf('GetConfiguration', {}, this.rule('OCPP 1.6 §5.8', step)));
  requiredKeys(this).expectAll(read, this.memory.get('configuration:asked') as string[], this.rule('OCPP 1.6 §5.8', step));
});

Then('the Charge Point answers DataTransfer.conf refusing the unknown vendor{docStep}', async function (step?: string) {
  const rule = this.rule('OCPP 1.6 §5.6', step);
  const payload = requests(this).expectConf('DataTransfer', {}, rule);
  if (payload['status'] === 'Accepted') {
    this.warn({ category: 'behaviour', rule: rule.rule, message: `${rule.step ?? ''}: ${this.chargePoint.who} accepted a DataTransfer.req for a vendorId it cannot know (the test case allows it, with a warning)` });
    return;
  }
  requests(this).expectStatusOrError('DataTransfer', 'status', ['Rejected', 'UnknownMessageId', 'UnknownVendorId'], [], rule);
});

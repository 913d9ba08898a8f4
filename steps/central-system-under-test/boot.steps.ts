// Central System under test: an emulated Charge Point connects, sends requests and judges the answers.
import { Given, Then, When } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';

Given('the emulated Charge Point is connected to the Central System', async function () {
  await this.newChargePoint('default').connectOrFail(this.rule('OCPP-J 1.6 §3.2'));
});

When('the emulated Charge Point sends {message}', async function (message: MessageRef) {
  await this.chargePointNamed('default').sendDefault(message.action, this.rule(`OCPP 1.6 ${this.operationOf(message.action)}`));
});

Then('the Central System responds with {message} with status {string}', function (message: MessageRef, status: string) {
  this.chargePointNamed('default').expectLastConf(message.action, { status }, this.rule(`OCPP 1.6 ${this.operationOf(message.action)}`));
});

Then('the Central System responds with {message}', function (message: MessageRef) {
  this.chargePointNamed('default').expectLastConf(message.action, {}, this.rule(`OCPP 1.6 ${this.operationOf(message.action)}`));
});

// Charge Point under test: the charger's connection and the messages it sends (the harness is the Central System).
import { Given, Then } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import { boots, operation } from './flows';

Given('the Charge Point is connected', async function () {
  await this.chargePoint.connection();
});

Then('the Charge Point sends {message}{docStep}', async function (message: MessageRef, step?: string) {
  const rule = this.rule(operation(this, message.action), step);
  // A BootNotification.req follows a reboot: it may take the connect timeout, and nothing may precede it (§4.2).
  if (message.action === 'BootNotification') await boots(this).expectBoot(rule);
  else await this.chargePoint.expect(message.action, {}, rule);
});

Then('the Charge Point sends StatusNotification.req for connector 0 and every connector', async function () {
  await this.chargePoint.expectStatusOfEveryConnector(this.rule('OCPP 1.6 errata §3.22'));
});

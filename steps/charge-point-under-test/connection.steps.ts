// Charge Point under test: the charger's connection and the messages it sends (the harness is the Central System).
import { Given, Then } from '../../support/cucumber/define';
import { ACTIONS } from '../../support/ocpp/actions';
import type { MessageRef } from '../../support/cucumber/parameter-types';

Given('the Charge Point is connected', async function () {
  await this.chargePoint.connection();
});

Then('the Charge Point sends {message}', async function (message: MessageRef) {
  await this.chargePoint.expect(message.action, {}, this.rule(`OCPP 1.6 ${ACTIONS.get(message.action)?.operation ?? '§4'}`));
});

Then('the Charge Point sends StatusNotification.req for connector 0 and every connector', async function () {
  await this.chargePoint.expectStatusOfEveryConnector(this.rule('OCPP 1.6 §4.2'));
});

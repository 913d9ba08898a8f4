// Charge Point under test: the messages TriggerMessage.req asks for (OCPP 1.6 §5.17).
import { Then } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import { requests } from './flows';

Then('the Charge Point sends MeterValues.req for the connector under test{docStep}', async function (step?: string) {
  await this.chargePoint.expect('MeterValues', { connectorId: this.chargePoint.connectorUnderTest }, this.rule('OCPP 1.6 §5.17', step));
});

Then('the Charge Point sends StatusNotification.req for the connector under test{docStep}', async function (step?: string) {
  await this.chargePoint.expect('StatusNotification', { connectorId: this.chargePoint.connectorUnderTest }, this.rule('OCPP 1.6 §5.17', step));
});

Then('if it accepted, the Charge Point sends {message} with status {choices}{docStep}', async function (message: MessageRef, statuses: string[], step?: string) {
  await requests(this).expectTriggeredIfAccepted(message.action, statuses, this.rule('OCPP 1.6 §5.17', step));
});

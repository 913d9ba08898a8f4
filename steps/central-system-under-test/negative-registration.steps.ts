// Central System under test: what it tells a charge point about time must be usable — currentTime in RFC 3339 with
// an offset (OCPP 1.6 §3.15) and a whole, positive heartbeat interval (§6.4).
import { Then } from '../../support/cucumber/define';
import type { MessageRef } from '../../support/cucumber/parameter-types';
import { expectCurrentTimeWithOffset, expectWholePositiveInterval } from '../../support/roles/charge-point/negative-registration';

Then("the Central System's {message} carries currentTime in RFC 3339 with a time-zone offset", function (message: MessageRef) {
  expectCurrentTimeWithOffset(this.chargePointNamed('default').lastOutcome(message.action), message.action, this.rule('OCPP 1.6 §3.15'));
});

Then("the Central System's BootNotification.conf carries a heartbeat interval of whole seconds above zero", function () {
  expectWholePositiveInterval(this.chargePointNamed('default').lastOutcome('BootNotification'), this.rule('OCPP 1.6 §6.4'));
});

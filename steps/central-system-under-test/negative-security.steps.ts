// Central System under test, security profile 1: HTTP Basic authentication at the WebSocket handshake (OCPP-J 1.6
// §6.2.2). N/A when the SUT file declares no Basic-auth password for the emulated Charge Point.
import { Given, Then, When } from '../../support/cucumber/define';
import { BasicAuthProbe } from '../../support/roles/charge-point/negative-security';

Given('the Central System requires HTTP Basic authentication of the emulated Charge Point', function () {
  BasicAuthProbe.open(this);
});

When('the emulated Charge Point connects with a wrong Basic-auth password', async function () {
  await BasicAuthProbe.of(this).connectWithWrongPassword();
});

When('the emulated Charge Point connects with the username and password of another charge point', async function () {
  await BasicAuthProbe.of(this).connectAsAnotherChargePoint();
});

Then('the Central System refuses the connection at the handshake with HTTP 401', async function () {
  await this.softly(() => BasicAuthProbe.of(this).expectRefused(this.rule('OCPP-J 1.6 §6.2.2')));
});

Then('the Central System lets the emulated Charge Point in with its own credentials and accepts its BootNotification.req', async function () {
  await BasicAuthProbe.of(this).expectAdmitted(this.rule('OCPP-J 1.6 §6.2.2'));
});

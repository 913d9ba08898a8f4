// Charge Point under test: what the EV driver and the operator do at the charger, through the SUT file's actuator.
import { When } from '../../support/cucumber/define';
import { offline, restarts, session } from './flows';

When('the EV driver plugs in the cable{docStep}', async function (_step?: string) {
  await session(this).plugIn();
});

When('the EV driver presents {idTag}{docStep}', async function (idTag: string, _step?: string) {
  await session(this).present(idTag);
});

When('the EV driver presents {idTag} again{docStep}', async function (idTag: string, _step?: string) {
  await session(this).present(idTag);
});

When('the EV driver unplugs the cable at the EV side{docStep}', async function (_step?: string) {
  await session(this).unplug();
});

When('the EV driver is authorized with {idTag}{docStep}', async function (idTag: string, step?: string) {
  await session(this).authorized(idTag, (s) => this.rule('OCPP 1.6 §4.1', `${step ?? ''} (reusable state Authorized ${s})`.trim()));
});

When('the EV driver is authorized with {idTag}, which the emptied Authorization Cache does not hold{docStep}', async function (idTag: string, step?: string) {
  // The general preconditions emptied the cache with ClearCache.req: an idTag it still holds skips Authorize.req.
  await session(this).authorized(idTag, (s) => this.rule('OCPP 1.6 §5.4', `${step ?? ''} (reusable state Authorized ${s})`.trim()));
});

When('the power of the Charge Point fails and returns', async function () {
  await restarts(this).powerFailure();
});

When('the operator puts the Charge Point into a fault state', async function () {
  await session(this).faultChargePoint();
});

When('the Charge Point loses its connection to the Central System', async function () {
  await offline(this).loseConnection();
});

When('the Charge Point regains its connection to the Central System', async function () {
  await offline(this).regainConnection();
});

When('the Charge Point stays offline for three MeterValueSampleIntervals', async function () {
  await offline(this).stayOffline(3);
});

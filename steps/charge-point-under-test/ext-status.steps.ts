// Charge Point under test, beyond the test case document: status reporting against the §4.9 table during a whole
// session, and availability set over OCPP that must survive a reboot (§4.9, §5.2).
import { Then, When } from '../../support/cucumber/define';
import type { HarnessWorld } from '../../support/cucumber/world';
import { STATUS_RULE } from '../../support/recording/checks/status-transitions';
import type { FrameRecord } from '../../support/recording/frame-record';
import { ScenarioCalls } from '../../support/roles/central-system/ext-scenario-calls';
import { SessionDriver } from '../../support/roles/central-system/ext-session-driver';
import { StatusWatch } from '../../support/roles/central-system/ext-status-watch';
import { HarnessError } from '../../support/reporting/errors';

const calls = (w: HarnessWorld): ScenarioCalls => new ScenarioCalls(w.chargePoint.expectations, w.bench.log);
const watch = (w: HarnessWorld): StatusWatch => new StatusWatch(w.chargePoint, calls(w), w.sut);
const connector = (w: HarnessWorld): number => w.sut.chargePoint!.connectorUnderTest;

/** One driver per scenario: it remembers what was done at the charger, for the clean-up. */
function session(w: HarnessWorld, idTag: string): SessionDriver {
  let driver = w.memory.get('ext:session') as SessionDriver | undefined;
  if (!driver) {
    driver = new SessionDriver(calls(w), (action, params) => w.act(action, params), w.centralSystem.view(w.chargePoint.identity), w.sut);
    w.memory.set('ext:session', driver);
    const d = driver;
    w.cleanups.push(() => d.leaveFree(connector(w), idTag));
  }
  return driver;
}

When('the EV driver starts a charging session with {idTag} on the connector under test', async function (idTag: string) {
  this.memory.set('ext:start', await session(this, idTag).start(connector(this), idTag, this.rule('OCPP 1.6 §4.8')));
});

When('the EV driver ends the charging session with {idTag} and takes the cable away', async function (idTag: string) {
  await session(this, idTag).stop(connector(this), idTag, this.rule('OCPP 1.6 §4.10'));
});

Then('the connector under test reported {string}, in this order', function (list: string) {
  watch(this).expectSequence(connector(this), list.split(/,\s*/), this.rule(STATUS_RULE));
});

Then('every StatusNotification.req so far followed the §4.9 transition table', function () {
  StatusWatch.expectNoTableFindings(this.bench.monitor.findings(), this.rule(STATUS_RULE));
});

When('the Central System sets the availability of the connector under test to {word}', async function (type: 'Operative' | 'Inoperative') {
  if (type === 'Inoperative') this.cleanups.push(async () => void (await watch(this).setAvailability(connector(this), 'Operative', this.rule('OCPP 1.6 §5.2', 'clean-up'))));
  this.memory.set('ext:availability', await watch(this).setAvailability(connector(this), type, this.rule('OCPP 1.6 §5.2')));
});

Then('the Charge Point reports the connector under test as {word}', async function (status: string) {
  await watch(this).expectStatus(connector(this), status, this.rule(STATUS_RULE), this.memory.get('ext:availability') as FrameRecord | undefined);
});

Then('after booting again the Charge Point first reports the connector under test as {word}', async function (status: string) {
  const answer = this.memory.get('ext:boot-answer') as FrameRecord | undefined;
  if (!answer) throw new HarnessError('this step needs the reboot of an earlier step');
  await watch(this).expectFirstStatusAfter(connector(this), status, answer, this.rule(STATUS_RULE));
});

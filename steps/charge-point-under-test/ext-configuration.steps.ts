// Charge Point under test, beyond the test case document: its configuration keys as §9 defines them, and
// ChangeConfiguration answered as §5.3 says. What a When read or changed is kept in memory for the Thens.
import { Then, When } from '../../support/cucumber/define';
import type { HarnessWorld } from '../../support/cucumber/world';
import { ConfigurationProbe, type ChangeOutcome, type ConfigurationReport } from '../../support/roles/central-system/ext-configuration-probe';
import { HarnessError, NotApplicable } from '../../support/reporting/errors';

const probe = (w: HarnessWorld): ConfigurationProbe => new ConfigurationProbe(w.chargePoint, w.sut.chargePoint?.fixedCable ?? false);
const remembered = <T>(w: HarnessWorld, name: string): T => {
  if (!w.memory.has(name)) throw new HarnessError(`nothing was remembered as ${name} in this scenario`);
  return w.memory.get(name) as T;
};
const undo = (w: HarnessWorld) => (cleanup: () => Promise<void>): void => void w.cleanups.push(cleanup);

When('the Central System reads every configuration key', async function () {
  this.memory.set('ext:configuration', await probe(this).read(this.rule('OCPP 1.6 §5.8')));
});

When('the Central System reads the configuration keys {string} and {string}', async function (a: string, b: string) {
  this.memory.set('ext:configuration', await probe(this).read(this.rule('OCPP 1.6 §5.8'), [a, b]));
});

When('the Central System changes the configuration key {string} to {string}', async function (key: string, value: string) {
  this.memory.set('ext:change', await probe(this).change(key, value, this.rule('OCPP 1.6 §5.3'), undo(this)));
});

When('the Central System tries to change a configuration key the Charge Point reports as read-only', async function () {
  const kv = ConfigurationProbe.readOnlyKey(await probe(this).read(this.rule('OCPP 1.6 §5.8')));
  if (!kv) throw new NotApplicable('the Charge Point reports no read-only configuration key');
  this.memory.set('ext:change', await probe(this).change(kv.key, ConfigurationProbe.otherValue(kv.value), this.rule('OCPP 1.6 §9'), undo(this)));
});

Then('every standard key reported has the type and the read-only flag OCPP 1.6 §9 gives it', function () {
  probe(this).expectKeysAsSection9Defines(remembered<ConfigurationReport>(this, 'ext:configuration'), this.rule('OCPP 1.6 §9'));
});

Then('{string} is listed in unknownKey and {string} among the configuration keys', function (unknown: string, known: string) {
  const report = remembered<ConfigurationReport>(this, 'ext:configuration');
  probe(this).expectListedAsUnknown(report, unknown, this.rule('OCPP 1.6 §5.8'));
  probe(this).expectReported(report, known, this.rule('OCPP 1.6 §5.8'));
});

Then('the Charge Point answers the change with ChangeConfiguration.conf status {string}', function (status: string) {
  probe(this).expectStatus(remembered<ChangeOutcome>(this, 'ext:change'), status, this.rule('OCPP 1.6 §5.3'));
});

Then('the Charge Point refuses to change the read-only key with ChangeConfiguration.conf status {string}', function (status: string) {
  probe(this).expectStatus(remembered<ChangeOutcome>(this, 'ext:change'), status, this.rule('OCPP 1.6 §9'));
});

Then('reading the key back gives the value it had before', async function () {
  const change = remembered<ChangeOutcome>(this, 'ext:change');
  await probe(this).expectValue(change.key, change.before, this.rule('OCPP 1.6 §5.3'), `a ChangeConfiguration.req answered ${change.status}`);
});

Then('reading the key back gives the new value', async function () {
  const change = remembered<ChangeOutcome>(this, 'ext:change');
  await probe(this).expectValue(change.key, change.value, this.rule('OCPP 1.6 §5.3'), 'a ChangeConfiguration.req answered Accepted, which means effective at once');
});

// A step of your own for `ocpp-conformance run --features <dir> --require <file>`. `this` is the harness's World
// (support/cucumber/world.ts): the steps of the package are there too, and its emulated Charge Points. Fail with the
// harness's `fail` (a FAIL naming the rule broken); any other exception makes the test case an ERROR.
const { Then } = require('@cucumber/cucumber');
const { fail } = require('ocpp-conformance/dist/support/roles/charge-point/central-system-checks');

Then("the Central System's clock is within {int} s of ours", function (seconds) {
  const rule = this.rule('OCPP 1.6 §4.6');
  const conf = this.chargePointNamed('default').expectLastConf('Heartbeat', {}, rule);
  const skew = Math.abs(Date.parse(conf.currentTime) - Date.now()) / 1000;
  if (!(skew <= seconds)) fail(rule, 'behaviour', `Heartbeat.conf's currentTime is ${skew.toFixed(1)} s off`, `within ${seconds} s`, conf.currentTime);
});

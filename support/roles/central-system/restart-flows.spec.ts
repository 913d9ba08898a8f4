import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConformanceAssertionError } from '../../reporting/errors';
import { RestartFlows } from './restart-flows';
import { SessionFlows } from './session-flows';
import { testBench } from './test-charger';

const BOOT = { chargePointVendor: 'V', chargePointModel: 'M' };
const RULE = { rule: 'OCPP 1.6 §5.14', step: 'step 3' };

/** A transaction running on connector 1; then `afterReset` sends what the charger does on Reset.req. */
async function reset(hard: boolean, afterReset: (send: (a: string, p?: Record<string, unknown>) => void, tx: number) => void): Promise<unknown> {
  const bench = await testBench();
  try {
    const { send } = await bench.connect();
    send('StartTransaction', { connectorId: 1, idTag: 'V1', meterStart: 0, timestamp: new Date().toISOString() });
    send('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
    const tx = await new SessionFlows(bench.ctx).expectStartAndCharging('V1', { rule: 'OCPP 1.6 §4.8' });
    afterReset(send, tx);
    const flows = new RestartFlows(bench.ctx);
    const done = hard ? flows.expectHardResetStop(['HardReset'], RULE) : flows.expectStopBeforeReset(['SoftReset'], ['Finishing'], RULE);
    return await done.then(() => 'passed', (e: unknown) => e);
  } finally {
    await bench.close();
  }
}

const stop = (tx: number, reason: string) => ({ transactionId: tx, meterStop: 10, timestamp: new Date().toISOString(), reason });

test('hard reset: StopTransaction.req HardReset after the reboot and its acceptance passes', async () => {
  assert.equal(await reset(true, (send, tx) => {
    send('BootNotification', BOOT);
    setTimeout(() => send('StopTransaction', stop(tx, 'HardReset')), 100);
  }), 'passed');
});

test('hard reset: StopTransaction.req with reason Reboot fails §5.14', async () => {
  const e = await reset(true, (send, tx) => send('StopTransaction', stop(tx, 'Reboot')));
  assert.ok(e instanceof ConformanceAssertionError);
  assert.equal(e.detail.rule, 'OCPP 1.6 §5.14');
  assert.match(e.message, /reason "Reboot"/);
});

test('soft reset: a reboot before StopTransaction.req fails §5.14 at once', async () => {
  const e = await reset(false, (send) => send('BootNotification', BOOT));
  assert.ok(e instanceof ConformanceAssertionError);
  assert.match(e.message, /rebooted without first sending StopTransaction\.req/);
});

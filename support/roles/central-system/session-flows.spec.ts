import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConformanceAssertionError } from '../../reporting/errors';
import { SessionFlows } from './session-flows';
import { testBench } from './test-charger';

const RULE = { rule: 'OCPP 1.6 §4.10', step: 'TC_005_3_CS step 1' };
const SUSPENDED = { connectorId: 1, errorCode: 'NoError', status: 'SuspendedEV', info: 'EV side disconnected' };

/** A transaction charging on connector 1; `unplugged` sends what the charger does when the EV side is unplugged. */
async function evSideUnplugged(unplugged: (send: (a: string, p?: Record<string, unknown>) => void, tx: number) => void): Promise<unknown> {
  const bench = await testBench();
  try {
    const { send } = await bench.connect();
    send('StartTransaction', { connectorId: 1, idTag: 'V1', meterStart: 0, timestamp: new Date().toISOString() });
    send('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
    const flows = new SessionFlows(bench.ctx);
    const tx = await flows.expectStartAndCharging('V1', { rule: 'OCPP 1.6 §4.8' });
    unplugged(send, tx);
    return await flows.expectSuspendedKeepingTransaction(['SuspendedEV', 'SuspendedEVSE'], 'EV side disconnected', RULE).then(() => 'passed', (e: unknown) => e);
  } finally {
    await bench.close();
  }
}

const stop = (tx: number) => ({ transactionId: tx, meterStop: 10, timestamp: new Date().toISOString(), reason: 'EVDisconnected' });

test('TC_005_3_CS: the suspended status and no StopTransaction.req over the absence wait passes', async () => {
  assert.equal(await evSideUnplugged((send) => send('StatusNotification', SUSPENDED)), 'passed');
});

test('TC_005_3_CS: a StopTransaction.req that comes after the suspended status, within the watch, fails §4.10', async () => {
  const e = await evSideUnplugged((send, tx) => {
    send('StatusNotification', SUSPENDED);
    setTimeout(() => send('StopTransaction', stop(tx)), 100);
  });
  assert.ok(e instanceof ConformanceAssertionError, String(e));
  assert.equal(e.detail.rule, 'OCPP 1.6 §4.10');
  assert.equal(e.detail.category, 'unexpected message');
  assert.match(e.message, /stopped the transaction when the EV side was unplugged \(0\.\d s into the 0\.2 s watch/);
});

test('TC_005_3_CS: a stop instead of the suspended status names the stop, not the missing status', async () => {
  const e = await evSideUnplugged((send, tx) => {
    send('StopTransaction', stop(tx));
    send('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Finishing' });
  });
  assert.ok(e instanceof ConformanceAssertionError, String(e));
  assert.equal(e.detail.category, 'unexpected message');
  assert.match(e.message, /before the harness began watching/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConformanceAssertionError } from '../../reporting/errors';
import { SessionFlows } from './session-flows';
import { TimingChecks } from './timing-checks';
import { testBench } from './test-charger';

const status = (s: string) => ({ connectorId: 1, errorCode: 'NoError', status: s });
const RULE = { rule: 'OCPP 1.6 §9.1.6', step: 'step 2' };

/** Preparing now, Available after `afterMs`; returns how the ConnectionTimeOut check (1 s, tolerance 0.3 s) ended. */
async function connectionTimeout(afterMs: number, extra?: (send: (a: string, p?: Record<string, unknown>) => void) => void): Promise<unknown> {
  const bench = await testBench();
  try {
    const { send } = await bench.connect();
    bench.ctx.memory.set('config:ConnectionTimeOut', '1');
    send('StatusNotification', status('Preparing'));
    await new SessionFlows(bench.ctx).expectStatus(['Preparing'], RULE);
    extra?.(send);
    setTimeout(() => send('StatusNotification', status('Available')), afterMs);
    return await new TimingChecks(bench.ctx).expectConnectionTimeout(RULE).then(() => 'passed', (e: unknown) => e);
  } finally {
    await bench.close();
  }
}

test('ConnectionTimeOut: Available about the timeout after Preparing passes', async () => {
  assert.equal(await connectionTimeout(1000), 'passed');
});

test('ConnectionTimeOut: Available well before the timeout fails on timing', async () => {
  const e = await connectionTimeout(300);
  assert.ok(e instanceof ConformanceAssertionError);
  assert.equal(e.detail.category, 'timing');
});

test('ConnectionTimeOut: no Available within the timeout and the tolerance fails as a missing message of §9.1.6', async () => {
  const e = await connectionTimeout(2000);
  assert.ok(e instanceof ConformanceAssertionError);
  assert.equal(e.detail.rule, 'OCPP 1.6 §9.1.6');
  assert.equal(e.detail.category, 'missing message');
});

test('ConnectionTimeOut: a StartTransaction.req before Available fails', async () => {
  const e = await connectionTimeout(1000, (send) => send('StartTransaction', { connectorId: 1, idTag: 'V1', meterStart: 0, timestamp: new Date().toISOString() }));
  assert.ok(e instanceof ConformanceAssertionError);
  assert.match(e.message, /started a transaction/);
});

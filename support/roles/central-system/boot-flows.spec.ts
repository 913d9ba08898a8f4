import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConformanceAssertionError } from '../../reporting/errors';
import { BootFlows, type Registration } from './boot-flows';
import { testBench, type TestBench } from './test-charger';

const BOOT = { chargePointVendor: 'V', chargePointModel: 'M' };
const status = (connectorId: number) => ({ connectorId, errorCode: 'NoError', status: 'Available' });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const failureOf = (p: Promise<unknown>): Promise<unknown> => p.then(() => undefined, (e: unknown) => e);
type Send = (action: string, payload?: Record<string, unknown>) => void;

/** A connected charger whose BootNotification.req the Central System answers with `answer`. */
async function withCharger(answer: Registration, body: (boots: BootFlows, send: Send, bench: TestBench) => Promise<void>): Promise<void> {
  const bench = await testBench();
  try {
    const boots = new BootFlows(bench.ctx);
    boots.answerWith(answer);
    const { send } = await bench.connect();
    await body(boots, send, bench);
  } finally {
    await bench.close();
  }
}

test('Rejected: the retry after the interval with nothing in between passes; statuses of connector 0 and every connector follow', () =>
  withCharger('Rejected', async (boots, send) => {
    send('BootNotification', BOOT);
    const first = await boots.expectBoot({ rule: 'OCPP 1.6 §4.2' });
    assert.equal((first.answer?.payload as { status: string }).status, 'Rejected');
    boots.answerWith('Accepted');
    setTimeout(() => send('BootNotification', BOOT), 1000);
    await boots.expectRetry({ rule: 'OCPP 1.6 §4.2', step: 'step 3' });
    for (const id of [0, 1, 2]) send('StatusNotification', status(id));
    await boots.expectStatusesAfterBoot({ rule: 'OCPP 1.6 errata §3.22' }, () => ({ statuses: ['Available'], rule: { rule: 'OCPP 1.6 §4.9' } }));
  }));

test('Rejected: a retry before the interval fails on timing; a request in between fails as an unexpected message', () =>
  withCharger('Rejected', async (boots, send) => {
    send('BootNotification', BOOT);
    await boots.expectBoot({ rule: 'OCPP 1.6 §4.2' });
    send('BootNotification', BOOT);
    const early = await failureOf(boots.expectRetry({ rule: 'OCPP 1.6 §4.2' }));
    assert.ok(early instanceof ConformanceAssertionError);
    assert.equal(early.detail.category, 'timing');
    await pause(1000);
    send('StatusNotification', status(1));
    send('BootNotification', BOOT);
    const talking = await failureOf(boots.expectRetry({ rule: 'OCPP 1.6 §4.2' }));
    assert.ok(talking instanceof ConformanceAssertionError);
    assert.equal(talking.detail.category, 'unexpected message');
    assert.match(talking.message, /StatusNotification\.req while Rejected/);
  }));

test('a request before the BootNotification.req of a new connection fails §4.2; a status other than expected after the boot fails its rule', () =>
  withCharger('Accepted', async (boots, send, bench) => {
    send('StatusNotification', status(1));
    send('BootNotification', BOOT);
    const before = await failureOf(boots.expectBoot({ rule: 'OCPP 1.6 §4.2', step: 'step 1' }));
    assert.ok(before instanceof ConformanceAssertionError);
    assert.equal(before.detail.rule, 'OCPP 1.6 §4.2');
    bench.cs.drainMailboxes();
    send('BootNotification', BOOT);
    await boots.expectBoot({ rule: 'OCPP 1.6 §4.2' });
    for (const id of [0, 1, 2]) send('StatusNotification', status(id));
    const wrong = await failureOf(boots.expectStatusesAfterBoot({ rule: 'OCPP 1.6 errata §3.22' }, (id) => ({
      statuses: id === 1 ? ['Unavailable'] : ['Available'], rule: { rule: 'OCPP 1.6 §4.9' },
    })));
    assert.ok(wrong instanceof ConformanceAssertionError);
    assert.equal(wrong.detail.rule, 'OCPP 1.6 §4.9');
    assert.match(wrong.message, /connector 1 Available/);
  }));

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { IntervalObserver, periodicSample } from './ext-interval-observer';
import { ScenarioCalls } from './ext-scenario-calls';
import { Expectations } from '../expectations';
import { Mailbox, type ReceivedCall } from '../../recording/mailbox';
import { WireLog } from '../../recording/wire-log';
import type { FrameRecord } from '../../recording/frame-record';
import { ConformanceAssertionError } from '../../reporting/errors';

/** A mailbox fed with Heartbeat.req at the given offsets (ms after the start), as the wire log would record them. */
function rig(offsetsMs: readonly number[]) {
  const log = new WireLog();
  log.beginScenario();
  const mailbox = new Mailbox();
  const start = log.frame({ connection: 'CP1', direction: 'out', raw: '[3,"c",{"status":"Accepted"}]', kind: 'CALLRESULT', problems: [], violations: [] });
  for (const [i, at] of offsetsMs.entries()) {
    setTimeout(() => {
      const record = log.frame({ connection: 'CP1', direction: 'in', raw: '[2,"h",Heartbeat,{}]', kind: 'CALL', id: `h${i}`, action: 'Heartbeat', payload: {}, problems: [], violations: [] });
      mailbox.deliver({ record, action: 'Heartbeat', id: `h${i}`, payload: {} } satisfies ReceivedCall);
    }, at);
  }
  const observer = new IntervalObserver(new ScenarioCalls(new Expectations(mailbox, 'the Charge Point CP1'), log), 60, 'the Charge Point CP1');
  return { observer, start: start as FrameRecord };
}

const rule = { rule: 'OCPP 1.6 §5.3', step: 'EXT_HB_001' };
const cadence = (from: FrameRecord, count: number) => ({ what: 'Heartbeat.req', setting: 'HeartbeatInterval = 0.2 s', intervalMs: 200, from, firstWithinMs: 200, count });

test('messages at the interval pass, within the tolerance', async () => {
  const { observer, start } = rig([190, 400, 590]);
  const calls = await observer.expectCadence({ action: 'Heartbeat' }, cadence(start, 3), rule);
  assert.equal(calls.length, 3);
});

test('a message that does not come within interval + tolerance fails as timing, naming the setting', async () => {
  const { observer, start } = rig([190, 600]);
  const t0 = performance.now();
  const e = await observer.expectCadence({ action: 'Heartbeat' }, cadence(start, 2), rule).catch((x: unknown) => x);
  assert.ok(e instanceof ConformanceAssertionError);
  assert.equal(e.detail.category, 'timing');
  assert.match(e.message, /sent no Heartbeat\.req within 260 ms of the previous one.*HeartbeatInterval = 0\.2 s/);
  assert.ok(performance.now() - t0 < 550, 'fails at the deadline, not at the next message');
});

test('a message sooner than interval − tolerance fails too', async () => {
  const { observer, start } = rig([190, 250]);
  const e = await observer.expectCadence({ action: 'Heartbeat' }, cadence(start, 2), rule).catch((x: unknown) => x);
  assert.ok(e instanceof ConformanceAssertionError);
  assert.match(e.message, /sooner than HeartbeatInterval = 0\.2 s allows/);
});

test('a periodic sample: context Sample.Periodic or none (the default)', () => {
  assert.ok(periodicSample([{ sampledValue: [{ value: '1' }] }]));
  assert.ok(periodicSample([{ sampledValue: [{ value: '1', context: 'Sample.Periodic' }] }]));
  assert.ok(!periodicSample([{ sampledValue: [{ value: '1', context: 'Sample.Clock' }] }]));
  assert.ok(!periodicSample(undefined));
});

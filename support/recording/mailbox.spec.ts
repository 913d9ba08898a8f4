import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Mailbox, type ReceivedCall, UnexpectedCall, WaitTimeout } from './mailbox';
import { caseInsensitive, oneOf } from './payload-pattern';
import { frame } from './test-records';

function call(action: string, payload: Record<string, unknown>): ReceivedCall {
  const record = frame({ direction: 'in', kind: 'CALL', action, payload, id: `${action}-${Math.random()}` });
  return { record, action, id: record.id as string, payload };
}

function deliver(box: Mailbox, c: ReceivedCall): void {
  box.observe(c.record);
  box.deliver(c);
}

test('a wait returns a CALL that arrives within the deadline', async () => {
  const box = new Mailbox();
  const waiting = box.take({ action: 'Heartbeat' }, 1000);
  setTimeout(() => deliver(box, call('Heartbeat', {})), 10);
  const got = await waiting;
  assert.equal(got.action, 'Heartbeat');
});

test('a CALL that arrived before the wait began is still found (mailbox)', async () => {
  const box = new Mailbox();
  deliver(box, call('StatusNotification', { connectorId: 1, status: 'Preparing' }));
  const got = await box.take({ action: 'StatusNotification', payload: { status: 'Preparing' } }, 10);
  assert.equal(got.payload['status'], 'Preparing');
  assert.equal(box.pending().length, 0, 'the CALL is consumed');
});

test('matching checks the action and part of the payload, with predicates', async () => {
  const box = new Mailbox();
  deliver(box, call('Authorize', { idTag: 'ABC' }));
  deliver(box, call('StatusNotification', { connectorId: 1, status: 'Available', errorCode: 'NoError' }));
  const s = await box.take({ action: 'StatusNotification', payload: { status: oneOf('Available', 'Preparing') } }, 10);
  assert.equal(s.payload['connectorId'], 1);
  const a = await box.take({ action: 'Authorize', payload: { idTag: caseInsensitive('abc') } }, 10);
  assert.equal(a.payload['idTag'], 'ABC');
});

test('on timeout the error says what was awaited, for how long, and what arrived instead', async () => {
  const box = new Mailbox();
  deliver(box, call('Heartbeat', {}));
  const waiting = box.take({ action: 'StatusNotification', payload: { status: 'Charging' } }, 50);
  setTimeout(() => deliver(box, call('StatusNotification', { connectorId: 1, status: 'Preparing' })), 5);
  const e = await waiting.then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof WaitTimeout);
  assert.equal(e.awaited, 'StatusNotification.req with status = "Charging"');
  assert.ok(e.waitedMs >= 45, `waited ${e.waitedMs}`);
  assert.ok(e.meanwhile.some((m) => /StatusNotification\.req .*Preparing/.test(m)), e.message);
  assert.ok(e.meanwhile.some((m) => /from before the wait.*Heartbeat/.test(m)), e.message);
  assert.match(e.message, /waited 0\.\d s for StatusNotification\.req with status = "Charging"/);
});

test('a timeout says the connection closed only when the connection feeding the mailbox did', async () => {
  const box = new Mailbox();
  const [old, current] = [{}, {}];
  box.reopen(old);
  box.reopen(current); // the charger reconnected while its old socket was still open
  box.close('CP-1 closed with code 1006', old);
  const stale = await box.take({ action: 'Heartbeat' }, 20).then(() => undefined, (x: unknown) => x);
  assert.ok(stale instanceof WaitTimeout);
  assert.ok(!stale.meanwhile.some((m) => /connection closed/.test(m)), stale.message);
  box.close('CP-1#2 closed with code 1001', current);
  const closed = await box.take({ action: 'Heartbeat' }, 20).then(() => undefined, (x: unknown) => x);
  assert.ok(closed instanceof WaitTimeout);
  assert.ok(closed.meanwhile.some((m) => /connection closed: CP-1#2 closed with code 1001/.test(m)), closed.message);
});

test('several CALLs in any order, with one deadline for all', async () => {
  const box = new Mailbox();
  const waiting = box.takeAll([{ action: 'StartTransaction' }, { action: 'StatusNotification', payload: { status: 'Charging' } }], 500);
  setTimeout(() => deliver(box, call('StatusNotification', { status: 'Charging' })), 5);
  setTimeout(() => deliver(box, call('StartTransaction', { connectorId: 1 })), 10);
  const [start, status] = await waiting;
  assert.equal(start?.action, 'StartTransaction');
  assert.equal(status?.action, 'StatusNotification');
});

test('a failed any-order wait gives back what it had taken and names what is missing', async () => {
  const box = new Mailbox();
  deliver(box, call('StartTransaction', { connectorId: 1 }));
  const e = await box.takeAll([{ action: 'StartTransaction' }, { action: 'StatusNotification' }], 30).then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof WaitTimeout);
  assert.match(e.awaited, /^StatusNotification\.req \(in any order; already received: StartTransaction\.req\)/);
  assert.equal(box.pending().length, 1, 'StartTransaction stays available');
});

test('expectNone passes when nothing matching arrives during the period', async () => {
  const box = new Mailbox();
  setTimeout(() => deliver(box, call('Heartbeat', {})), 5);
  await box.expectNone({ action: 'StartTransaction' }, 40);
});

test('expectNone fails as soon as a forbidden CALL arrives, without waiting out the period', async () => {
  const box = new Mailbox();
  const started = Date.now();
  setTimeout(() => deliver(box, call('StartTransaction', { connectorId: 1 })), 10);
  const e = await box.expectNone({ action: 'StartTransaction' }, 5000).then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof UnexpectedCall);
  assert.ok(Date.now() - started < 1000);
});

test('expectNone also fails on a matching CALL already waiting in the mailbox', async () => {
  const box = new Mailbox();
  deliver(box, call('StatusNotification', { status: 'Available' }));
  await assert.rejects(box.expectNone({ action: 'StatusNotification' }, 100), UnexpectedCall);
});

test('drain returns the leftovers and empties the mailbox', () => {
  const box = new Mailbox();
  deliver(box, call('Heartbeat', {}));
  deliver(box, call('MeterValues', {}));
  assert.deepEqual(box.drain().map((c) => c.action), ['Heartbeat', 'MeterValues']);
  assert.equal(box.pending().length, 0);
});

test('takeFirst takes whichever matching CALL the SUT sent first, and says which matcher it matched', async () => {
  const box = new Mailbox();
  deliver(box, call('Heartbeat', {}));
  const waiting = box.takeFirst([{ action: 'StopTransaction' }, { action: 'BootNotification' }], 500);
  setTimeout(() => deliver(box, call('BootNotification', {})), 5);
  setTimeout(() => deliver(box, call('StopTransaction', {})), 10);
  const first = await waiting;
  assert.deepEqual([first.index, first.call.action], [1, 'BootNotification']);
  assert.deepEqual(box.pending().map((c) => c.action), ['Heartbeat'], 'the later StopTransaction is still delivered afterwards');
});

test('takeFirst prefers the earlier of two CALLs already waiting, whatever the matcher order', async () => {
  const box = new Mailbox();
  deliver(box, call('StopTransaction', {}));
  deliver(box, call('BootNotification', {}));
  const first = await box.takeFirst([{ action: 'BootNotification' }, { action: 'StopTransaction' }], 10);
  assert.deepEqual([first.index, first.call.action], [1, 'StopTransaction']);
});

test('takeFirst times out naming every alternative and what arrived instead', async () => {
  const box = new Mailbox();
  const waiting = box.takeFirst([{ action: 'StopTransaction' }, { action: 'BootNotification' }], 30);
  setTimeout(() => deliver(box, call('Heartbeat', {})), 5);
  const e = await waiting.then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof WaitTimeout);
  assert.equal(e.awaited, 'StopTransaction.req or BootNotification.req');
  assert.ok(e.meanwhile.some((m) => /Heartbeat\.req/.test(m)), e.message);
});

test('records seen while no wait runs are not kept; a wait still hears what arrives during it', async () => {
  const box = new Mailbox();
  for (let i = 0; i < 5000; i++) box.observe(frame({ direction: 'in', kind: 'CALL', action: 'Heartbeat', id: `before-${i}` }));
  const waiting = box.take({ action: 'Authorize' }, 30);
  setTimeout(() => box.observe(frame({ direction: 'in', kind: 'CALL', action: 'Heartbeat', id: 'during', payload: {} })), 5);
  const e = await waiting.then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof WaitTimeout);
  assert.equal(e.meanwhile.length, 1, e.message);
  assert.match(e.meanwhile[0] ?? '', /Heartbeat\.req/);
});

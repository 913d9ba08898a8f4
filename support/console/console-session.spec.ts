import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HandlerTable } from '../ocpp/handler-table';
import { WireLog } from '../recording/wire-log';
import { ConsoleInputError, ConsoleSession } from './console-session';

function session(role: 'central-system' | 'charge-point'): { s: ConsoleSession; out: string[] } {
  const out: string[] = [];
  const peer = { role, handlers: new HandlerTable(), connection: () => 'not connected', identities: () => [] };
  return { s: new ConsoleSession(peer, new WireLog(), { write: (t) => out.push(t) }, { colour: false, responseTimeoutMs: 1000 }), out };
}

test('tab completion: commands and the actions of the role played, then a template\'s action', () => {
  const { s } = session('central-system');
  assert.deepEqual(s.complete('Remote')[0], ['RemoteStartTransaction', 'RemoteStopTransaction']);
  assert.deepEqual(s.complete('templ')[0], ['template']);
  assert.deepEqual(s.complete('template Res')[0], ['ReserveNow', 'Reset']);
  assert.ok(!s.complete('Boot')[0].includes('BootNotification'), 'a Central System does not send BootNotification');
  assert.deepEqual(session('charge-point').s.complete('Boot')[0], ['BootNotification']);
});

test('a template is a schema-valid example; lines that cannot be carried out say why', async () => {
  const { s, out } = session('charge-point');
  await s.execute('template StatusNotification');
  const example = JSON.parse(out.join('')) as Record<string, unknown>;
  assert.deepEqual(Object.keys(example).sort(), ['connectorId', 'errorCode', 'status']);
  await assert.rejects(s.execute('Reset {}'), (e: Error) => e instanceof ConsoleInputError && /not sent by a Charge Point/.test(e.message));
  await assert.rejects(s.execute('Heartbeat'), /not connected/);
  await assert.rejects(s.execute('answer nope {}'), /no held CALL with id nope/);
  await assert.rejects(s.execute('auto maybe'), /auto takes "on" or "off"/);
  assert.equal(await s.execute('quit'), false);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALL_ERROR_CODES, acceptableCodesForSchemaKeyword, codeForSchemaKeyword, isCallErrorCode } from './call-error-codes';
import { parseFrame } from './frame';
import { HandlerTable, callError, result } from './handler-table';
import { RpcEndpoint } from './rpc-endpoint';
import { WireLog } from '../recording/wire-log';
import { ProtocolMonitor } from '../recording/protocol-monitor';

// One test per row of OCPP-J 1.6 §4.2.3 Table 7 "Valid Error Codes": what the harness sends when it plays a role,
// and that the code, spelled as in 1.6, is accepted from a system under test.

/** An endpoint playing the Central System; returns the frames it sends for each raw input. */
function centralSystem(handlers = new HandlerTable()): { receive: (raw: string) => Promise<unknown[]>; log: WireLog } {
  const sent: string[] = [];
  const log = new WireLog();
  const ep = new RpcEndpoint({ connection: 'CP1', plays: 'CentralSystem', log, send: (r) => sent.push(r), handlers, defaultTimeoutMs: 1000 });
  return {
    log,
    receive: async (raw: string) => {
      sent.length = 0;
      ep.receive(raw);
      await new Promise((r) => setImmediate(r));
      return sent.map((s) => JSON.parse(s) as unknown);
    },
  };
}

function acceptedFromSut(code: string): void {
  const monitor = new ProtocolMonitor();
  const parsed = parseFrame(JSON.stringify([4, 'id-1', code, '', {}]));
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.problems, [], `${code} is a valid 1.6 code`);
  monitor.observe({ type: 'frame', seq: 1, time: '', mono: 0, connection: 'c', direction: 'out', raw: '', kind: 'CALL', id: 'id-1', action: 'Reset', problems: [], violations: [] });
  monitor.observe({ type: 'frame', seq: 2, time: '', mono: 0, connection: 'c', direction: 'in', raw: '', kind: 'CALLERROR', id: 'id-1', errorCode: code, problems: [], violations: [] });
  assert.deepEqual(monitor.findings(), []);
}

test('the table has exactly the ten codes of OCPP-J 1.6 §4.2.3, with the 1.6 spellings', () => {
  assert.deepEqual(Object.keys(CALL_ERROR_CODES).sort(), [
    'FormationViolation', 'GenericError', 'InternalError', 'NotImplemented', 'NotSupported', 'OccurenceConstraintViolation',
    'PropertyConstraintViolation', 'ProtocolError', 'SecurityError', 'TypeConstraintViolation',
  ]);
  assert.equal(isCallErrorCode('FormatViolation'), false, 'the OCPP 2.0 spelling is not a 1.6 code (errata §5.2)');
  assert.equal(isCallErrorCode('OccurrenceConstraintViolation'), false, 'the corrected spelling is not a 1.6 code (errata §5.1)');
});

test('NotImplemented — "Requested Action is not known by receiver": the harness answers it for an unknown action', async () => {
  const cs = centralSystem();
  const [frame] = await cs.receive('[2,"a","FlyToTheMoon",{}]');
  assert.deepEqual((frame as unknown[]).slice(0, 3), [4, 'a', 'NotImplemented']);
  acceptedFromSut('NotImplemented');
});

test('NotSupported — "recognized but not supported": the harness answers it for a known action it does not handle', async () => {
  const cs = centralSystem();
  const [wrongDirection] = await cs.receive('[2,"b","Reset",{"type":"Soft"}]');
  assert.deepEqual((wrongDirection as unknown[]).slice(0, 3), [4, 'b', 'NotSupported']);
  const [noHandler] = await cs.receive('[2,"c","Heartbeat",{}]');
  assert.deepEqual((noHandler as unknown[]).slice(0, 3), [4, 'c', 'NotSupported']);
  acceptedFromSut('NotSupported');
});

test('InternalError — the harness answers it when its own handler fails (and reports a harness error)', async () => {
  const handlers = new HandlerTable().setDefault('Heartbeat', () => {
    throw new Error('boom');
  });
  const cs = centralSystem(handlers);
  const [frame] = await cs.receive('[2,"d","Heartbeat",{}]');
  assert.deepEqual((frame as unknown[]).slice(0, 3), [4, 'd', 'InternalError']);
  acceptedFromSut('InternalError');
});

test('ProtocolError — "Payload for Action is incomplete": accepted for a missing required field', () => {
  assert.ok(acceptableCodesForSchemaKeyword('required').includes('ProtocolError'));
  acceptedFromSut('ProtocolError');
});

test('SecurityError — a handler can answer it (OCPP-J errata §3.8) and it is accepted from a SUT', async () => {
  const handlers = new HandlerTable().setDefault('Heartbeat', () => callError('SecurityError', 'not accepted yet'));
  const cs = centralSystem(handlers);
  const [frame] = await cs.receive('[2,"e","Heartbeat",{}]');
  assert.deepEqual(frame, [4, 'e', 'SecurityError', 'not accepted yet', {}]);
  acceptedFromSut('SecurityError');
});

test('FormationViolation — the harness answers it for a malformed CALL and for a field the PDU does not define', async () => {
  const cs = centralSystem(new HandlerTable().setDefault('Heartbeat', () => result({ currentTime: new Date().toISOString() })));
  const [short] = await cs.receive('[2,"f","Heartbeat"]');
  assert.deepEqual((short as unknown[]).slice(0, 3), [4, 'f', 'FormationViolation']);
  const [extra] = await cs.receive('[2,"g","Heartbeat",{"extra":1}]');
  assert.deepEqual((extra as unknown[]).slice(0, 3), [4, 'g', 'FormationViolation']);
  assert.equal(codeForSchemaKeyword('additionalProperties'), 'FormationViolation');
  acceptedFromSut('FormationViolation');
});

test('PropertyConstraintViolation — the harness answers it for a value outside the enumeration', async () => {
  const cs = centralSystem(new HandlerTable().setDefault('StatusNotification', () => result({})));
  const [frame] = await cs.receive('[2,"h","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}]');
  assert.deepEqual((frame as unknown[]).slice(0, 3), [4, 'h', 'PropertyConstraintViolation']);
  acceptedFromSut('PropertyConstraintViolation');
});

test('OccurenceConstraintViolation — the harness answers it for a missing required field', async () => {
  const cs = centralSystem(new HandlerTable().setDefault('Authorize', () => result({ idTagInfo: { status: 'Accepted' } })));
  const [frame] = await cs.receive('[2,"i","Authorize",{}]');
  assert.deepEqual((frame as unknown[]).slice(0, 3), [4, 'i', 'OccurenceConstraintViolation']);
  acceptedFromSut('OccurenceConstraintViolation');
});

test('TypeConstraintViolation — the harness answers it for a field of the wrong data type', async () => {
  const cs = centralSystem(new HandlerTable().setDefault('Authorize', () => result({ idTagInfo: { status: 'Accepted' } })));
  const [frame] = await cs.receive('[2,"j","Authorize",{"idTag":12}]');
  assert.deepEqual((frame as unknown[]).slice(0, 3), [4, 'j', 'TypeConstraintViolation']);
  acceptedFromSut('TypeConstraintViolation');
});

test('GenericError — "any other error": accepted from a SUT', () => {
  acceptedFromSut('GenericError');
});

test('a SUT CALLERROR with a code from another OCPP version is a FAIL of §4.2.3', () => {
  const monitor = new ProtocolMonitor();
  const parsed = parseFrame('[4,"x","FormatViolation","",{}]');
  assert.ok(parsed.ok);
  monitor.observe({ type: 'frame', seq: 1, time: '', mono: 0, connection: 'c', direction: 'in', raw: '', kind: 'CALLERROR', id: 'x', problems: [...parsed.problems], violations: [] });
  assert.ok(monitor.findings().some((f) => f.level === 'SHALL' && f.rule === 'OCPP-J 1.6 §4.2.3' && f.category === 'wrong CALLERROR'));
});

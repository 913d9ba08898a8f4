import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callResultText, callText, parseFrame, payloadText, serializeFrame } from './frame';

// OCPP-J 1.6 §4: framing of CALL, CALLRESULT and CALLERROR; parsing never throws.

test('parses a CALL [2, id, action, payload] (§4.2.1)', () => {
  const r = parseFrame('[2,"19223201","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]');
  assert.ok(r.ok);
  assert.deepEqual(r.frame, { type: 2, id: '19223201', action: 'BootNotification', payload: { chargePointVendor: 'V', chargePointModel: 'M' } });
  assert.deepEqual(r.problems, []);
});

test('parses a CALLRESULT [3, id, payload] (§4.2.2)', () => {
  const r = parseFrame('[3,"19223201",{"currentTime":"2013-02-01T20:53:32.486Z"}]');
  assert.ok(r.ok);
  assert.deepEqual(r.frame, { type: 3, id: '19223201', payload: { currentTime: '2013-02-01T20:53:32.486Z' } });
});

test('parses a CALLERROR [4, id, code, description, details] (§4.2.3)', () => {
  const r = parseFrame('[4,"162376037","NotSupported","SendLocalList.req not implemented",{}]');
  assert.ok(r.ok);
  assert.deepEqual(r.frame, { type: 4, id: '162376037', code: 'NotSupported', description: 'SendLocalList.req not implemented', details: {} });
  assert.deepEqual(r.problems, []);
});

test('serialises each frame type as §4.2 lays it out', () => {
  assert.equal(serializeFrame({ type: 2, id: 'a', action: 'Heartbeat', payload: {} }), '[2,"a","Heartbeat",{}]');
  assert.equal(serializeFrame({ type: 3, id: 'a', payload: { x: 1 } }), '[3,"a",{"x":1}]');
  assert.equal(serializeFrame({ type: 4, id: 'a', code: 'GenericError', description: '', details: {} }), '[4,"a","GenericError","",{}]');
});

test('invalid JSON is a problem of §4.1.2, not an exception', () => {
  const r = parseFrame('[2,"1","Heartbeat",{');
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.problem.rule === 'OCPP-J 1.6 §4.1.2' && r.problem.level === 'SHALL');
  assert.ok(!r.ok && /not valid JSON/.test(r.problem.message));
});

test('a JSON value that is not an array is a problem of §4.2', () => {
  for (const raw of ['{"a":1}', '"text"', '42', 'null']) {
    const r = parseFrame(raw);
    assert.ok(!r.ok && r.problem.rule === 'OCPP-J 1.6 §4.2', raw);
  }
});

test('an unknown message type id is ignored with a §4.1.3 problem', () => {
  const r = parseFrame('[5,"1","Heartbeat",{}]');
  assert.ok(!r.ok && r.ignored && r.problem.rule === 'OCPP-J 1.6 §4.1.3');
  assert.ok(!r.ok && r.id === '1');
});

test('a missing element is a problem; a CALL with a known id can be answered FormationViolation', () => {
  const r = parseFrame('[2,"7","Heartbeat"]');
  assert.ok(!r.ok && r.problem.rule === 'OCPP-J 1.6 §4.2.1');
  assert.ok(!r.ok && r.replyTo === '7' && r.replyCode === 'FormationViolation');
  const noId = parseFrame('[2]');
  assert.ok(!noId.ok && noId.problem.rule === 'OCPP-J 1.6 §4.1.4' && noId.replyTo === undefined);
  const shortResult = parseFrame('[3,"7"]');
  assert.ok(!shortResult.ok && shortResult.problem.rule === 'OCPP-J 1.6 §4.2.2');
});

test('a non-string message id is a problem of §4.1.4 and cannot be answered', () => {
  const r = parseFrame('[2,17,"Heartbeat",{}]');
  assert.ok(!r.ok && r.problem.rule === 'OCPP-J 1.6 §4.1.4' && r.replyTo === undefined);
});

test('a message id longer than 36 characters is flagged but still processed (§4.1.4)', () => {
  const r = parseFrame(`[2,"${'x'.repeat(37)}","Heartbeat",{}]`);
  assert.ok(r.ok);
  assert.equal(r.problems[0]?.rule, 'OCPP-J 1.6 §4.1.4');
});

test('a CALL whose payload is not an object can be answered FormationViolation', () => {
  const r = parseFrame('[2,"9","Heartbeat",[]]');
  assert.ok(!r.ok && r.replyTo === '9' && r.replyCode === 'FormationViolation');
});

test('a null payload is accepted as {} with a NOTE (good practice, §4.2.1)', () => {
  const r = parseFrame('[2,"9","Heartbeat",null]');
  assert.ok(r.ok);
  assert.deepEqual(r.frame.type === 2 && r.frame.payload, {});
  assert.equal(r.problems[0]?.level, 'NOTE');
});

test('CALLERROR details that are not an object break §4.2.3', () => {
  const r = parseFrame('[4,"1","GenericError","oops","details as a string"]');
  assert.ok(r.ok);
  assert.ok(r.problems.some((p) => p.rule === 'OCPP-J 1.6 §4.2.3' && /details/.test(p.message)));
});

test('a CALLERROR code outside the 1.6 table is flagged, naming the 1.6 spelling', () => {
  const r = parseFrame('[4,"1","FormatViolation","",{}]');
  assert.ok(r.ok);
  assert.ok(r.problems.some((p) => p.rule === 'OCPP-J 1.6 §4.2.3' && /FormationViolation/.test(p.message)));
});

test('a CALLERROR with four elements is flagged', () => {
  const r = parseFrame('[4,"1","GenericError","no details"]');
  assert.ok(r.ok);
  assert.ok(r.problems.some((p) => /5 elements/.test(p.message)));
});

test('callText and callResultText give the text serializeFrame gives, from the payload serialised already', () => {
  const payload = { connectorId: 1, status: 'Available', note: 'a "quoted" \\ back\u2028slash' };
  assert.equal(callText('id"1', 'StatusNotification', JSON.stringify(payload)), serializeFrame({ type: 2, id: 'id"1', action: 'StatusNotification', payload }));
  assert.equal(callResultText('x', JSON.stringify(payload)), serializeFrame({ type: 3, id: 'x', payload }));
});

test('payloadText finds the payload\'s own text in a frame, whatever the spacing and escapes before it', () => {
  const cases: Array<[string, 2 | 3]> = [
    ['[2,"19223201","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]', 2],
    [` [ 2 , ${JSON.stringify('a"],\\')} , ${JSON.stringify('Heart"beat')} ,\n { "x" : [1, {"y": "]"}] } \r\n] `, 2],
    ['[3,"19223201",{"currentTime":"2013-02-01T20:53:32.486Z"}]', 3],
    ['[3.0,"a,b",{}]', 3],
    ['[3, "id" ,\t{"nested":{"a":[]}}\n]', 3],
  ];
  for (const [raw, type] of cases) {
    const parsed = parseFrame(raw);
    assert.ok(parsed.ok && parsed.payloadLast, raw);
    const text = payloadText(raw, type);
    assert.ok(text !== undefined, raw);
    assert.deepEqual(JSON.parse(text), parsed.frame.type === 4 ? undefined : parsed.frame.payload, raw);
  }
});

test('payloadText gives up on a frame not laid out as a CALL or CALLRESULT with an object payload', () => {
  assert.equal(payloadText('[2,"a","Heartbeat",null]', 2), undefined, 'null is not the {} the record holds');
  assert.equal(payloadText('[3,"a",[1]]', 3), undefined);
  assert.equal(payloadText('{"not":"an array"}', 3), undefined);
  assert.equal(payloadText('[2,"unterminated', 2), undefined);
  assert.equal(payloadText('[3,"a",{}', 3), undefined);
});

test('payloadLast: the payload is an object and the last element, so that the trace may copy its text', () => {
  const last = (raw: string): boolean => { const r = parseFrame(raw); return r.ok && r.payloadLast; };
  assert.equal(last('[2,"a","Heartbeat",{}]'), true);
  assert.equal(last('[3,"a",{}]'), true);
  assert.equal(last('[2,"a","Heartbeat",{},"extra"]'), false, 'a fifth element follows the payload');
  assert.equal(last('[3,"a",{},1]'), false);
  assert.equal(last('[2,"a","Heartbeat",null]'), false, 'a null payload is recorded as {}');
  assert.equal(last('[4,"a","GenericError","",{}]'), false, 'a CALLERROR has no payload');
});

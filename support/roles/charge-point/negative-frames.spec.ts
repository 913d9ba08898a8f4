import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrame } from '../../ocpp/frame';
import { acceptableCodesForSchemaKeyword } from '../../ocpp/call-error-codes';
import { SchemaValidator } from '../../schemas/schema-validator';
import {
  invalidJsonFrame, invalidPayloadFrame, missingPayloadFrame, negativeMessageId, nonArrayFrame, PAYLOAD_MUTATIONS, unknownActionFrame, unknownMessageTypeFrame,
} from './negative-frames';

test('each payload mutation breaks exactly the schema keyword it names, and Table 7 has codes for it', () => {
  for (const mutation of PAYLOAD_MUTATIONS) {
    const frame = invalidPayloadFrame(mutation, 'REF-VALID-01');
    const parsed = parseFrame(frame.raw);
    assert.ok(parsed.ok && parsed.frame.type === 2, mutation);
    const { violations } = SchemaValidator.shared().validate(frame.action, 'req', parsed.frame.payload);
    assert.deepEqual(violations.map((v) => v.keyword), [frame.keyword], mutation);
    assert.ok(acceptableCodesForSchemaKeyword(frame.keyword as string).length > 0, mutation);
    assert.equal(parsed.frame.id, frame.id);
  }
});

test('the over-long CiString is one character too long and starts with the known tag', () => {
  const frame = invalidPayloadFrame('over-long CiString', 'REF-VALID-01');
  const idTag = (JSON.parse(frame.raw) as [number, string, string, { idTag: string }])[3].idTag;
  assert.equal(idTag.length, 21);
  assert.ok(idTag.startsWith('REF-VALID-01'));
});

test('frames without an answerable id are what they claim: not JSON, not an array', () => {
  const notJson = parseFrame(invalidJsonFrame().raw);
  assert.ok(!notJson.ok && notJson.replyTo === undefined && notJson.problem.rule === 'OCPP-J 1.6 §4.1.2');
  const notArray = parseFrame(nonArrayFrame().raw);
  assert.ok(!notArray.ok && notArray.replyTo === undefined && notArray.problem.rule === 'OCPP-J 1.6 §4.2');
});

test('an unknown message type id is to be ignored; it still carries an id an answer could quote', () => {
  const frame = unknownMessageTypeFrame();
  const parsed = parseFrame(frame.raw);
  assert.ok(!parsed.ok && parsed.ignored && parsed.id === frame.id);
});

test('a CALL without payload is answerable with FormationViolation; an unknown action is a well-formed CALL', () => {
  const missing = missingPayloadFrame();
  const parsed = parseFrame(missing.raw);
  assert.ok(!parsed.ok && parsed.replyTo === missing.id && parsed.replyCode === 'FormationViolation');
  const unknown = parseFrame(unknownActionFrame().raw);
  assert.ok(unknown.ok && unknown.frame.type === 2 && unknown.frame.action === 'RechargeFluxCapacitor');
});

test('message ids are fresh and within the 36 characters of OCPP-J 1.6 §4.1.4', () => {
  const ids = new Set(Array.from({ length: 50 }, negativeMessageId));
  assert.equal(ids.size, 50);
  for (const id of ids) assert.ok(id.length <= 36, id);
});

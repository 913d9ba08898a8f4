import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectCallError, expectEveryEntryHasIdTagInfo, expectHeartbeatInterval, expectListWithEntries, expectNewerListVersion, expectRefusedOrRejected,
  expectSubprotocolRefused, expectSubprotocolSelected,
} from './central-system-checks';
import { ConformanceAssertionError } from '../../reporting/errors';
import type { CallOutcome } from '../../ocpp/rpc-endpoint';
import type { FrameRecord } from '../../recording/frame-record';

const rule = { rule: 'OCPP-J 1.6 §3.2', step: 'TC_088_CSMS step 2' };
const frame = { seq: 7 } as FrameRecord;
const conf = (payload: Record<string, unknown>): CallOutcome => ({ kind: 'result', payload, request: frame, response: frame });
const failsFor = (clause: string) => (e: unknown): boolean => e instanceof ConformanceAssertionError && e.detail.rule === clause;

test('a subprotocol the charge point did not want is a failure; a refusal is not (OCPP-J 1.6 §3.2)', () => {
  expectSubprotocolRefused({ ok: false, message: 'no subprotocol' }, ['ocpp0.1'], rule);
  assert.throws(() => expectSubprotocolRefused({ ok: true, subprotocol: 'ocpp0.1' }, ['ocpp0.1'], rule), failsFor('OCPP-J 1.6 §3.2'));
  expectSubprotocolSelected({ ok: true, subprotocol: 'ocpp1.6' }, ['ocpp0.1', 'ocpp1.6'], 'ocpp1.6', rule);
  assert.throws(() => expectSubprotocolSelected({ ok: false, message: 'none' }, ['ocpp0.1', 'ocpp1.6'], 'ocpp1.6', rule), failsFor('OCPP-J 1.6 §3.2'));
});

test('an unknown charge point passes when refused with HTTP 404 or Rejected at boot, fails when Accepted', () => {
  expectRefusedOrRejected({ ok: false, status: 404, message: 'HTTP 404' }, undefined, rule);
  expectRefusedOrRejected({ ok: true, subprotocol: 'ocpp1.6' }, conf({ status: 'Rejected', interval: 60, currentTime: '2024-01-01T00:00:00Z' }), rule);
  assert.throws(() => expectRefusedOrRejected({ ok: true, subprotocol: 'ocpp1.6' }, conf({ status: 'Accepted' }), rule), failsFor('OCPP-J 1.6 §3.2'));
});

test('SecurityError, heartbeat interval, local list entries and versions', () => {
  const error: CallOutcome = { kind: 'error', code: 'SecurityError', description: '', details: {}, request: frame, response: frame };
  expectCallError(error, 'Heartbeat', 'SecurityError', { rule: 'OCPP-J errata §3.8' });
  assert.throws(() => expectCallError(conf({ currentTime: 'x' }), 'Heartbeat', 'SecurityError', { rule: 'OCPP-J errata §3.8' }), failsFor('OCPP-J errata §3.8'));
  expectHeartbeatInterval({ interval: 300 }, { rule: 'OCPP 1.6 §6.4' });
  assert.throws(() => expectHeartbeatInterval({ interval: 0 }, { rule: 'OCPP 1.6 §6.4' }), failsFor('OCPP 1.6 §6.4'));
  expectEveryEntryHasIdTagInfo({ localAuthorizationList: [{ idTag: 'A', idTagInfo: { status: 'Accepted' } }] }, { rule: 'OCPP 1.6 §7.1' });
  assert.throws(() => expectEveryEntryHasIdTagInfo({ localAuthorizationList: [{ idTag: 'A' }] }, { rule: 'OCPP 1.6 §7.1' }), failsFor('OCPP 1.6 §7.1'));
  expectNewerListVersion({ listVersion: 4 }, 3, { rule: 'OCPP 1.6 §5.15' });
  assert.throws(() => expectNewerListVersion({ listVersion: 3 }, 3, { rule: 'OCPP 1.6 §5.15' }), failsFor('OCPP 1.6 §5.15'));
});

test('a local list without any IdToken fails TC_043_4_CSMS / TC_043_5_CSMS (OCPP 1.6 §5.15), one entry passes', () => {
  const r = { rule: 'OCPP 1.6 §5.15', step: 'TC_043_4_CSMS step 1' };
  expectListWithEntries({ updateType: 'Full', localAuthorizationList: [{ idTag: 'A', idTagInfo: { status: 'Accepted' } }] }, r);
  assert.throws(() => expectListWithEntries({ updateType: 'Full', listVersion: 1 }, r), failsFor('OCPP 1.6 §5.15'));
  assert.throws(() => expectListWithEntries({ updateType: 'Differential', listVersion: 4, localAuthorizationList: [] }, r), failsFor('OCPP 1.6 §5.15'));
});

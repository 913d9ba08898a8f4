import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatusTransitionCheck, TRANSITIONS, isAllowedTransition, identityOf } from './status-transitions';
import { ProtocolMonitor } from '../protocol-monitor';
import { frame } from '../test-records';
import type { FrameRecord } from '../frame-record';

let id = 0;
const status = (connectorId: number, s: string, extra: Partial<FrameRecord> = {}): FrameRecord =>
  frame({ direction: 'in', kind: 'CALL', id: `s${++id}`, action: 'StatusNotification', payload: { connectorId, status: s, errorCode: 'NoError' }, ...extra });
const boot = (connection = 'CP1'): FrameRecord =>
  frame({ direction: 'in', kind: 'CALL', id: `b${++id}`, action: 'BootNotification', payload: { chargePointVendor: 'V', chargePointModel: 'M' }, connection });

/** Feeds records through a monitor with the check installed, the way the bench wires it; returns the findings. */
function judge(...records: FrameRecord[]): Array<[string, string]> {
  const check = new StatusTransitionCheck();
  const monitor = new ProtocolMonitor();
  monitor.addCheck(check.check);
  for (const r of records) {
    check.observeHarness(r);
    monitor.observe(r);
  }
  return monitor.findings().filter((f) => f.rule === 'OCPP 1.6 §4.9').map((f) => [f.level, f.message]);
}

function availability(connectorId: number, type: string, answer = 'Accepted'): FrameRecord[] {
  const callId = `a${++id}`;
  return [
    frame({ direction: 'out', kind: 'CALL', id: callId, action: 'ChangeAvailability', payload: { connectorId, type } }),
    frame({ direction: 'in', kind: 'CALLRESULT', id: callId, action: 'ChangeAvailability', payload: { status: answer } }),
  ];
}

test('the table: 53 transitions, B6 Preparing → Finishing of errata §3.20 included, no Preparing → Unavailable', () => {
  assert.equal(Object.values(TRANSITIONS).reduce((n, to) => n + to.length, 0), 53);
  assert.ok(isAllowedTransition('Preparing', 'Finishing'));
  assert.ok(!isAllowedTransition('Preparing', 'Unavailable'));
  assert.ok(!isAllowedTransition('Charging', 'Preparing'));
  assert.ok(isAllowedTransition('Charging', 'Charging'));
  for (const from of Object.keys(TRANSITIONS) as Array<keyof typeof TRANSITIONS>) {
    if (from !== 'Faulted') assert.ok(isAllowedTransition(from, 'Faulted'), `${from} → Faulted`);
  }
});

test('a plain session passes: Available, Preparing, Charging, Finishing, Available', () => {
  assert.deepEqual(judge(boot(), status(1, 'Available'), status(1, 'Preparing'), status(1, 'Charging'), status(1, 'Finishing'), status(1, 'Available')), []);
});

test('a change the table does not have is a FAIL naming both frames and what was allowed', () => {
  const findings = judge(status(1, 'Charging'), status(1, 'Preparing'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.[0], 'SHALL');
  assert.match(findings[0]?.[1] ?? '', /connector 1 went from Charging \[frame #\d+\] to Preparing.*only to Available, SuspendedEV/);
});

test('connectors are judged apart; repeating a status is no transition', () => {
  assert.deepEqual(judge(status(1, 'Charging'), status(2, 'Available'), status(2, 'Preparing'), status(1, 'Charging'), status(1, 'Finishing')), []);
});

test('connectorId 0 only knows Available, Unavailable and Faulted, in any order', () => {
  assert.deepEqual(judge(status(0, 'Available'), status(0, 'Faulted'), status(0, 'Unavailable'), status(0, 'Available')), []);
  assert.match(judge(status(0, 'Preparing'))[0]?.[1] ?? '', /reports Preparing for connectorId 0/);
});

test('EVCommunicationError only with Preparing, SuspendedEV, SuspendedEVSE, Finishing', () => {
  const withCode = (s: string): FrameRecord => status(1, s, { payload: { connectorId: 1, status: s, errorCode: 'EVCommunicationError' } });
  assert.deepEqual(judge(withCode('Preparing'), withCode('SuspendedEV')), []);
  assert.match(judge(withCode('Charging'))[0]?.[1] ?? '', /EVCommunicationError with status Charging/);
});

test('a reboot or a new connection starts afresh: the charger reports its current status only', () => {
  assert.deepEqual(judge(status(1, 'Charging'), boot(), status(1, 'Preparing')), []);
  assert.deepEqual(judge(status(1, 'Charging'), status(1, 'Preparing', { connection: 'CP1#2' })), []);
  assert.equal(identityOf('CP1#12'), 'CP1');
});

test('Unavailable set by ChangeAvailability must persist a reboot (§4.9, §5.2)', () => {
  const lost = judge(boot(), status(1, 'Available'), ...availability(1, 'Inoperative'), status(1, 'Unavailable'), boot('CP1#2'), status(1, 'Available'));
  assert.equal(lost.length, 1);
  assert.match(lost[0]?.[1] ?? '', /after a reboot connector 1 reports Available.*MUST persist across reboots/);
  assert.deepEqual(judge(boot(), ...availability(1, 'Inoperative'), status(1, 'Unavailable'), boot('CP1#2'), status(1, 'Unavailable'), status(1, 'Available')), []);
  // Faulted takes precedence over Unavailable; a rejected request changes nothing; Operative again ends it.
  assert.deepEqual(judge(boot(), ...availability(1, 'Inoperative'), boot('CP1#2'), status(1, 'Faulted')), []);
  assert.deepEqual(judge(boot(), ...availability(1, 'Inoperative', 'Rejected'), boot('CP1#2'), status(1, 'Available')), []);
  assert.deepEqual(judge(boot(), ...availability(1, 'Inoperative'), ...availability(1, 'Operative'), boot('CP1#2'), status(1, 'Available')), []);
});

test('connectorId 0 Inoperative covers the Charge Point and every connector; Scheduled counts', () => {
  const lost = judge(boot(), ...availability(0, 'Inoperative', 'Scheduled'), boot('CP1#2'), status(0, 'Unavailable'), status(1, 'Unavailable'), status(2, 'Available'));
  assert.deepEqual(lost.map(([, m]) => /connector (\d)/.exec(m)?.[1]), ['2']);
  assert.deepEqual(judge(boot(), ...availability(0, 'Inoperative'), ...availability(2, 'Operative'), boot('CP1#2'), status(1, 'Unavailable'), status(2, 'Available')), []);
});

test('only the first status after the reboot is bound; schema-invalid frames are left to the schema check', () => {
  assert.deepEqual(judge(boot(), ...availability(1, 'Inoperative'), boot('CP1#2'), status(1, 'Unavailable'), ...availability(1, 'Operative'), status(1, 'Available')), []);
  const invalid = status(1, 'Preparing', { violations: [{ pointer: '/errorCode', keyword: 'required', message: 'x', rule: 'r' }] });
  assert.deepEqual(judge(status(1, 'Charging'), invalid), []);
});

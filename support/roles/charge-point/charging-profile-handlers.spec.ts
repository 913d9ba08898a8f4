// The emulated Charge Point's answers to SetChargingProfile.req, ClearChargingProfile.req and
// GetCompositeSchedule.req (OCPP 1.6 §3.13, §5.5, §5.7, §5.16): what the Central System test cases of §3.19 need.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfiguration } from './charge-point-configuration';
import type { ChargePointModel } from './charge-point-handlers';
import { EmulatedChargingProfiles } from './charging-profile-handlers';

function model(connectors = 2): ChargePointModel {
  return {
    configuration: defaultConfiguration(connectors), localListVersion: 0, availability: new Map(), statuses: new Map(),
    transactions: new Map(), trigger: () => undefined, connectors,
  };
}

const profile = (chargingProfileId: number, stackLevel: number, chargingProfilePurpose = 'TxDefaultProfile') =>
  ({ chargingProfileId, stackLevel, chargingProfilePurpose, chargingProfileKind: 'Absolute', chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] } });

test('§3.13.1: purposes where they belong; a TxProfile only with a transaction on its connector; stackLevel within ChargeProfileMaxStackLevel', () => {
  const m = model();
  const p = new EmulatedChargingProfiles(m);
  assert.equal(p.set(1, profile(1, 0, 'ChargePointMaxProfile')), 'Rejected');
  assert.equal(p.set(0, profile(1, 0, 'ChargePointMaxProfile')), 'Accepted');
  assert.equal(p.set(1, profile(2, 0, 'TxProfile')), 'Rejected');
  m.transactions.set(5, 1);
  assert.equal(p.set(1, profile(2, 0, 'TxProfile')), 'Accepted');
  assert.equal(p.set(0, profile(3, 0, 'TxProfile')), 'Rejected');
  assert.equal(p.set(1, profile(4, 9)), 'Rejected', 'over ChargeProfileMaxStackLevel 8');
  assert.equal(p.set(3, profile(4, 0)), 'Rejected', 'no connector 3');
  m.transactions.delete(5);
  assert.deepEqual(p.list().map((h) => h.profile['chargingProfileId']), [1]);
});

test('§5.16.3: the same id, or the same stackLevel and purpose on a connector, replaces; errata §3.25: clear matches every field given', () => {
  const p = new EmulatedChargingProfiles(model());
  for (const [id, level] of [[1, 1], [2, 2], [3, 3]]) p.set(1, profile(id!, level!));
  p.set(2, profile(4, 2));
  p.set(1, profile(5, 3));
  assert.deepEqual(p.list().map((h) => h.profile['chargingProfileId']), [1, 2, 4, 5]);
  assert.equal(p.clear({ id: 9 }), 'Unknown');
  assert.equal(p.clear({ connectorId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 2 }), 'Accepted');
  assert.deepEqual(p.list().map((h) => h.profile['chargingProfileId']), [1, 4, 5]);
  assert.equal(p.clear({ id: 1 }), 'Accepted');
  assert.equal(p.clear({}), 'Accepted');
  assert.deepEqual(p.list(), []);
  assert.equal(p.clear({}), 'Unknown');
});

test('§5.7: the fixed composite schedule in the unit asked; Rejected for a connector it lacks', () => {
  const p = new EmulatedChargingProfiles(model());
  const conf = p.composite({ connectorId: 1, duration: 600, chargingRateUnit: 'W' }, Date.parse('2024-05-01T10:00:00.400Z'));
  assert.deepEqual(conf, { status: 'Accepted', connectorId: 1, scheduleStart: '2024-05-01T10:00:00.000Z', chargingSchedule: { duration: 600, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11040, numberPhases: 3 }] } });
  assert.deepEqual(p.composite({ connectorId: 3, duration: 600 }), { status: 'Rejected' });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NotApplicable } from '../../reporting/errors';
import { unsupportedProfileRequest } from './ext-rpc-probe';

test('EXT_RPC_003 probes a profile neither the SUT file lists nor the charger declares', () => {
  assert.equal(unsupportedProfileRequest(['Core'], ['Core']).action, 'CancelReservation');
  // The charger declares Reservation, the SUT file does not: the charger may answer CancelReservation.
  const request = unsupportedProfileRequest(['Core', 'LocalAuthListManagement'], ['Core', 'LocalAuthListManagement', 'Reservation']);
  assert.deepEqual([request.profile, request.action], ['SmartCharging', 'GetCompositeSchedule']);
  // The SUT file's list still counts, and a declaration in other letter case is a declaration.
  assert.equal(unsupportedProfileRequest(['Core', 'SmartCharging'], ['Core', 'reservation']).profile, 'FirmwareManagement');
});

test('EXT_RPC_003 is not applicable when every probed profile is listed or declared, naming what the charger declares', () => {
  assert.throws(
    () => unsupportedProfileRequest(['Core', 'Reservation'], ['Core', 'SmartCharging', 'FirmwareManagement']),
    (e: unknown) => e instanceof NotApplicable
      && /the SUT file lists Core, Reservation/.test(e.message)
      && /SupportedFeatureProfiles "Core,SmartCharging,FirmwareManagement"/.test(e.message),
  );
});

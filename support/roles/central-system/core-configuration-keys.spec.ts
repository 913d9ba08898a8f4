import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coreKeyTable, judgeShortfall, keyFacts, legalValue, type ChargerFacts } from './core-configuration-keys';

const CORE: ChargerFacts = { fixedCable: false, profiles: ['Core'] };

test('the §9.1 table: required flag, accessibility and type as OCPP 1.6 and its errata give them', () => {
  const row = (key: string): string => {
    const f = coreKeyTable().find((k) => k.key === key);
    return f ? `${f.requiredBy ? 'required' : 'optional'} ${f.access} ${f.type}` : 'missing';
  };
  assert.equal(coreKeyTable().length, 34);
  assert.equal(row('HeartbeatInterval'), 'required RW integer');
  assert.equal(row('MeterValueSampleInterval'), 'required RW integer');
  assert.equal(row('ConnectionTimeOut'), 'required RW integer');
  assert.equal(row('ClockAlignedDataInterval'), 'required RW integer');
  assert.equal(row('ConnectorPhaseRotation'), 'required RW CSL');
  assert.equal(row('MinimumStatusDuration'), 'optional RW integer');
  assert.equal(row('AuthorizeRemoteTxRequests'), 'required R or RW boolean');
  assert.equal(row('NumberOfConnectors'), 'required R integer');
  assert.equal(row('StopTransactionOnEVSideDisconnect'), 'optional R or RW boolean', 'errata §3.79');
  assert.equal(row('UnlockConnectorOnEVSideDisconnect'), 'required RW boolean');
  assert.equal(row('WebSocketPingInterval'), 'optional RW integer');
  assert.equal(coreKeyTable().filter((k) => k.requiredBy).length, 20);
  // Errata §3.83: read-only with a fixed cable.
  assert.equal(keyFacts('UnlockConnectorOnEVSideDisconnect', { ...CORE, fixedCable: true })?.access, 'R');
  // A profile's keys are required only when the charger supports the profile.
  assert.equal(keyFacts('LocalAuthListEnabled', CORE)?.requiredBy, undefined);
  assert.equal(keyFacts('LocalAuthListEnabled', { ...CORE, profiles: ['Core', 'LocalAuthListManagement'] })?.requiredBy, 'OCPP 1.6 §9.2');
  assert.equal(keyFacts('metervaluesampleinterval', CORE)?.key, 'MeterValueSampleInterval', 'CiString50Type: any letter case');
  assert.equal(keyFacts('VendorThing', CORE), undefined);
});

test('legal values: what the type alone fixes', () => {
  const f = (k: string) => keyFacts(k, CORE);
  assert.equal(legalValue(f('HeartbeatInterval'), '5'), true);
  assert.equal(legalValue(f('HeartbeatInterval'), '-1'), false);
  assert.equal(legalValue(f('HeartbeatInterval'), 'abc'), false);
  assert.equal(legalValue(f('LocalPreAuthorize'), 'true'), true);
  assert.equal(legalValue(f('LocalPreAuthorize'), 'yes'), false);
  assert.equal(legalValue(f('MeterValuesSampledData'), 'Voltage'), undefined, 'the measurands a charger takes are its own');
  assert.equal(legalValue(undefined, 'x'), undefined);
});

test('a refused legal value of a read-write key is a FAIL of §5.3; what §9 leaves to the charger is N/A', () => {
  const refused = (key: string, value: string, answer: string) => judgeShortfall(key, value, { kind: 'refused', answer }, CORE);
  const mvsi = refused('MeterValueSampleInterval', '2', 'Rejected');
  assert.equal(mvsi.verdict, 'FAIL');
  assert.equal(mvsi.verdict === 'FAIL' && mvsi.rule, 'OCPP 1.6 §5.3');
  assert.match(mvsi.verdict === 'FAIL' ? mvsi.message : '', /MeterValueSampleInterval = "2" with Rejected.*§9\.1\.19: required, RW, integer/);
  assert.equal(refused('MinimumStatusDuration', '0', 'CALLERROR PropertyConstraintViolation').verdict, 'FAIL', 'an optional key the charger has is read-write all the same');
  assert.equal(refused('ConnectionTimeOut', '4', 'NotSupported').verdict, 'FAIL', 'NotSupported for a key it reports');
  assert.equal(refused('VendorTimer', '4', 'NotSupported').verdict, 'FAIL', 'NotSupported for any key it reports');
  assert.equal(refused('HeartbeatInterval', '5', 'RebootRequired').verdict, 'N/A');
  assert.equal(refused('MeterValuesSampledData', 'Voltage', 'Rejected').verdict, 'N/A');
  assert.equal(refused('VendorTimer', '4', 'Rejected').verdict, 'N/A');
  assert.equal(refused('AuthorizeRemoteTxRequests', 'true', 'Rejected').verdict, 'N/A', 'R or RW: the charger may not let it change');
  assert.equal(refused('HeartbeatInterval', 'abc', 'Rejected').verdict, 'ERROR', 'the harness asked an illegal value');
});

test('a required key that is not reported is a FAIL of its profile; an optional or vendor key N/A', () => {
  const unknown = (key: string, charger = CORE) => judgeShortfall(key, '1', { kind: 'unknown' }, charger);
  const cpr = judgeShortfall('ConnectorPhaseRotation', '1.RST', { kind: 'unknown' }, CORE);
  assert.equal(cpr.verdict === 'FAIL' && cpr.rule, 'OCPP 1.6 §9.1');
  assert.equal(unknown('MeterValueSampleInterval').verdict, 'FAIL');
  assert.equal(unknown('MinimumStatusDuration').verdict, 'N/A');
  assert.equal(unknown('VendorTimer').verdict, 'N/A');
  assert.equal(judgeShortfall('LocalAuthListEnabled', 'true', { kind: 'unknown' }, CORE).verdict, 'N/A');
  const lal = judgeShortfall('LocalAuthListEnabled', 'true', { kind: 'unknown' }, { ...CORE, profiles: ['Core', 'LocalAuthListManagement'] });
  assert.equal(lal.verdict === 'FAIL' && lal.rule, 'OCPP 1.6 §9.2');
});

test('read-only with another value: a FAIL where §9 makes the key read-write, N/A where it may be read-only', () => {
  const readOnly = (key: string, charger = CORE) => judgeShortfall(key, 'true', { kind: 'read-only', value: 'false' }, charger);
  const lpa = readOnly('LocalPreAuthorize');
  assert.equal(lpa.verdict === 'FAIL' && lpa.rule, 'OCPP 1.6 §9.1');
  assert.equal(readOnly('AuthorizeRemoteTxRequests').verdict, 'N/A');
  assert.equal(readOnly('StopTransactionOnEVSideDisconnect').verdict, 'N/A', 'errata §3.79');
  assert.equal(readOnly('UnlockConnectorOnEVSideDisconnect').verdict, 'FAIL');
  assert.equal(readOnly('UnlockConnectorOnEVSideDisconnect', { ...CORE, fixedCable: true }).verdict, 'N/A', 'errata §3.83');
  assert.equal(readOnly('VendorFlag').verdict, 'N/A');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaValidator } from './schema-validator';
import { ACTION_NAMES, SECURITY_ACTION_NAMES } from '../ocpp/actions';

// The bundled schemas are the OCPP-J errata set (urn:OCPP:1.6:2019:12). One test per errata point proves it is
// enforced; each would fail with the originally published 1.6 schemas.

const v = SchemaValidator.shared();
const now = '2024-05-01T10:00:00Z';

test('all 56 schemas (28 actions × req/conf) compile', () => {
  v.compileAll();
  assert.equal(ACTION_NAMES.length, 28);
});

test('the security white paper\'s 22 draft-06 schemas compile and are enforced, citing the white paper\'s §5', () => {
  assert.equal(SECURITY_ACTION_NAMES.length, 11);
  const compiled = new SchemaValidator('compile').compileAll();
  assert.equal(compiled.validate('SecurityEventNotification', 'req', { type: 'StartupOfTheDevice', timestamp: now }).valid, true);
  const bad = compiled.validate('SignCertificate', 'req', { csr: 'x'.repeat(5501) });
  assert.deepEqual({ pointer: bad.violations[0]?.pointer, keyword: bad.violations[0]?.keyword, rule: bad.violations[0]?.rule },
    { pointer: '/csr', keyword: 'maxLength', rule: 'Security whitepaper §5.17 SignCertificate.req' });
  const status = compiled.validate('InstallCertificate', 'conf', { status: 'accepted' });
  assert.equal(status.violations[0]?.keyword, 'enum');
  assert.equal(compiled.validate('GetLog', 'req', { logType: 'SecurityLog', requestId: 1, log: { remoteLocation: 'ftp://h/' }, extra: 1 }).violations[0]?.keyword, 'additionalProperties');
});

test('errata §2.3: BootNotification.conf interval is an integer', () => {
  const ok = v.validate('BootNotification', 'conf', { status: 'Accepted', currentTime: now, interval: 300 });
  assert.equal(ok.valid, true);
  const bad = v.validate('BootNotification', 'conf', { status: 'Accepted', currentTime: now, interval: 300.5 });
  assert.equal(bad.valid, false);
  assert.deepEqual(
    { pointer: bad.violations[0]?.pointer, keyword: bad.violations[0]?.keyword, value: bad.violations[0]?.value, rule: bad.violations[0]?.rule },
    { pointer: '/interval', keyword: 'type', value: 300.5, rule: 'OCPP 1.6 §6.4 BootNotification.conf' },
  );
});

test('errata §2.5: StopTransaction.req reason is optional', () => {
  assert.equal(v.validate('StopTransaction', 'req', { transactionId: 1, meterStop: 10, timestamp: now }).valid, true);
  const badReason = v.validate('StopTransaction', 'req', { transactionId: 1, meterStop: 10, timestamp: now, reason: 'Bored' });
  assert.equal(badReason.violations[0]?.keyword, 'enum');
});

test('errata §2.4: UpdateFirmware.req retries and retryInterval are integers', () => {
  const base = { location: 'ftp://example.invalid/fw.bin', retrieveDate: now };
  assert.equal(v.validate('UpdateFirmware', 'req', { ...base, retries: 3, retryInterval: 60 }).valid, true);
  const bad = v.validate('UpdateFirmware', 'req', { ...base, retries: 1.5, retryInterval: 0.5 });
  assert.deepEqual(bad.violations.map((x) => `${x.pointer}:${x.keyword}`).sort(), ['/retries:type', '/retryInterval:type']);
});

test('errata §2.2: SendLocalList.req idTagInfo has expiryDate and parentIdTag as properties', () => {
  const entry = (idTagInfo: unknown): unknown => ({ listVersion: 2, updateType: 'Full', localAuthorizationList: [{ idTag: 'A', idTagInfo }] });
  assert.equal(v.validate('SendLocalList', 'req', entry({ status: 'Accepted', expiryDate: now, parentIdTag: 'P' })).valid, true);
  const badDate = v.validate('SendLocalList', 'req', entry({ status: 'Accepted', expiryDate: 'tomorrow' }));
  assert.equal(badDate.violations[0]?.pointer, '/localAuthorizationList/0/idTagInfo/expiryDate');
  assert.equal(badDate.violations[0]?.keyword, 'format');
  const longParent = v.validate('SendLocalList', 'req', entry({ status: 'Accepted', parentIdTag: 'P'.repeat(21) }));
  assert.equal(longParent.violations[0]?.keyword, 'maxLength');
});

test('errata §3.1: additionalProperties false on the payload and on inner objects', () => {
  const top = v.validate('Heartbeat', 'req', { extra: true });
  assert.deepEqual({ pointer: top.violations[0]?.pointer, keyword: top.violations[0]?.keyword, property: top.violations[0]?.property }, {
    pointer: '/extra', keyword: 'additionalProperties', property: 'extra',
  });
  const inner = v.validate('Authorize', 'conf', { idTagInfo: { status: 'Accepted', colour: 'green' } });
  assert.equal(inner.violations[0]?.pointer, '/idTagInfo/colour');
  const sampled = v.validate('MeterValues', 'req', {
    connectorId: 1, meterValue: [{ timestamp: now, sampledValue: [{ value: '1', extra: 1 }] }],
  });
  assert.equal(sampled.violations[0]?.pointer, '/meterValue/0/sampledValue/0/extra');
});

test('errata §2.1: MeterValues and StopTransaction accept both "Celsius" and "Celcius"', () => {
  for (const unit of ['Celsius', 'Celcius']) {
    const mv = v.validate('MeterValues', 'req', { connectorId: 1, meterValue: [{ timestamp: now, sampledValue: [{ value: '21', unit, measurand: 'Temperature' }] }] });
    assert.equal(mv.valid, true, `MeterValues with ${unit}`);
    const st = v.validate('StopTransaction', 'req', {
      transactionId: 1, meterStop: 1, timestamp: now, transactionData: [{ timestamp: now, sampledValue: [{ value: '21', unit }] }],
    });
    assert.equal(st.valid, true, `StopTransaction with ${unit}`);
  }
  assert.equal(v.validate('MeterValues', 'req', { connectorId: 1, meterValue: [{ timestamp: now, sampledValue: [{ value: '1', unit: 'Kelvin' }] }] }).valid, false);
});

test('a violation names the pointer, keyword, offending value and the spec section of the message', () => {
  const r = v.validate('StatusNotification', 'req', { connectorId: 1, errorCode: 'NoError', status: 'Sleeping' });
  const x = r.violations[0];
  assert.ok(x);
  assert.equal(x.pointer, '/status');
  assert.equal(x.keyword, 'enum');
  assert.equal(x.value, 'Sleeping');
  assert.equal(x.rule, 'OCPP 1.6 §6.47 StatusNotification.req');
  assert.match(x.message, /Sleeping/);
});

test('a missing required property is reported with the property name', () => {
  const r = v.validate('StartTransaction', 'req', { connectorId: 1, idTag: 'A', timestamp: now });
  assert.equal(r.violations[0]?.keyword, 'required');
  assert.equal(r.violations[0]?.property, 'meterStart');
});

test('date-time values need an offset (RFC 3339)', () => {
  assert.equal(v.validate('Heartbeat', 'conf', { currentTime: '2024-05-01T10:00:00+02:00' }).valid, true);
  assert.equal(v.validate('Heartbeat', 'conf', { currentTime: '2024-05-01T10:00:00' }).valid, false);
});

test('multipleOf 0.1 on charging limits does not fail on binary rounding', () => {
  const profile = {
    connectorId: 1,
    csChargingProfiles: {
      chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute',
      chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16.3 }] },
    },
  };
  assert.equal(v.validate('SetChargingProfile', 'req', profile).valid, true);
});

test('an action OCPP 1.6 does not define is a caller error', () => {
  assert.throws(() => v.validate('FlyToTheMoon', 'req', {}), /no OCPP 1.6 schema/);
});

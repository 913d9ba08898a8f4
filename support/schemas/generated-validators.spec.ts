import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_NAMES } from '../ocpp/actions';
import { SchemaValidator } from './schema-validator';

// The generated module must sit where it can resolve ajv's runtime (inside the project), in the git-ignored folder.
const out = join(__dirname, 'generated', `spec-${process.pid}.js`);
const stale = join(__dirname, 'generated', `spec-stale-${process.pid}.js`);
execFileSync(process.execPath, ['--require', 'ts-node/register/transpile-only', join(__dirname, '..', '..', 'scripts', 'generate-validators.ts'), '--out', out], { stdio: 'pipe' });
process.on('exit', () => {
  rmSync(out, { force: true });
  rmSync(stale, { force: true });
});

const now = '2024-05-01T10:00:00Z';
const payloads: Array<[string, 'req' | 'conf', unknown]> = [
  ...ACTION_NAMES.flatMap((a) => [[a, 'req', {}], [a, 'conf', {}], [a, 'req', { unknown: 1 }], [a, 'conf', { status: 42 }]] as Array<[string, 'req' | 'conf', unknown]>),
  ['BootNotification', 'req', { chargePointVendor: 'V', chargePointModel: 'M' }],
  ['BootNotification', 'conf', { status: 'Accepted', currentTime: now, interval: 1.5 }],
  ['StatusNotification', 'req', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: '2024-05-01T10:00:00' }],
  ['StatusNotification', 'req', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: now }],
  ['MeterValues', 'req', { connectorId: 1, meterValue: [{ timestamp: now, sampledValue: [{ value: '1', unit: 'Celcius' }] }] }],
  ['SetChargingProfile', 'req', {
    connectorId: 1,
    csChargingProfiles: { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute',
      chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 0.3 }, { startPeriod: 60, limit: 7.25 }] } },
  }],
  ['DataTransfer', 'req', { vendorId: 'x'.repeat(256) }],
];

test('the generated validators judge every payload exactly as the validators compiled at run time', () => {
  const generated = SchemaValidator.loadGenerated(out);
  assert.ok(generated, 'the generator wrote a current module');
  const precompiled = new SchemaValidator(generated);
  const compiled = new SchemaValidator('compile');
  assert.equal(precompiled.source, 'generated');
  assert.equal(compiled.source, 'compiled');
  let invalid = 0;
  for (const [action, kind, payload] of payloads) {
    const a = precompiled.validate(action, kind, payload);
    assert.deepEqual(a, compiled.validate(action, kind, payload), `${action}.${kind} ${JSON.stringify(payload)}`);
    if (!a.valid) invalid += 1;
  }
  assert.ok(invalid > ACTION_NAMES.length, 'the corpus has violations to compare, not only valid payloads');
});

test('a generated module built from other schema files, or none at all, is not used: the schemas are compiled', () => {
  writeFileSync(stale, 'exports.schemasHash = "not the hash of these schemas";\n');
  assert.equal(SchemaValidator.loadGenerated(stale), undefined);
  assert.equal(SchemaValidator.loadGenerated(join(__dirname, 'generated', 'absent.js')), undefined);
});

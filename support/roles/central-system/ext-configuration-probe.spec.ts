import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigurationProbe, type ConfigurationReport } from './ext-configuration-probe';
import { STANDARD_KEYS, accessOf, standardKey, typeProblem } from './ext-standard-keys';
import type { ChargePointUnderTest } from './charge-point-under-test';
import { ConformanceAssertionError } from '../../reporting/errors';

const cp = { identity: 'CP1' } as unknown as ChargePointUnderTest;
const rule = { rule: 'OCPP 1.6 §9', step: 'EXT_CONF_001' };
const report = (...configurationKey: ConfigurationReport['configurationKey']): ConfigurationReport => ({ configurationKey, unknownKey: [] });

function problems(r: ConfigurationReport, fixedCable = false): ConformanceAssertionError | undefined {
  try {
    new ConfigurationProbe(cp, fixedCable).expectKeysAsSection9Defines(r, rule);
    return undefined;
  } catch (e) {
    return e as ConformanceAssertionError;
  }
}

test('the §9 table: unique keys, each with its section; keys are matched case-insensitively', () => {
  assert.equal(new Set(STANDARD_KEYS.map((k) => k.key.toLowerCase())).size, STANDARD_KEYS.length);
  assert.ok(STANDARD_KEYS.every((k) => /^(OCPP 1\.6( errata)?|OCPP-J errata) §[\d.]+/.test(k.section)), 'every key cites its section');
  assert.equal(standardKey('heartbeatinterval')?.section, 'OCPP 1.6 §9.1.10');
  assert.equal(accessOf(standardKey('UnlockConnectorOnEVSideDisconnect')!, true), 'R');
  assert.equal(accessOf(standardKey('UnlockConnectorOnEVSideDisconnect')!, false), 'RW');
});

test('values are judged by the type of their key', () => {
  assert.equal(typeProblem('integer', '300'), undefined);
  assert.match(typeProblem('integer', 'abc') ?? '', /not an integer/);
  assert.equal(typeProblem('boolean', 'True'), undefined);
  assert.match(typeProblem('boolean', '1') ?? '', /not a boolean/);
  assert.equal(typeProblem('CSL', ''), undefined);
  assert.match(typeProblem('CSL', 'Voltage,,Power.Active.Import') ?? '', /empty item/);
});

test('keys as §9 defines them pass; vendor keys and "R or RW" keys are free', () => {
  assert.equal(problems(report(
    { key: 'HeartbeatInterval', readonly: false, value: '60' },
    { key: 'NumberOfConnectors', readonly: true, value: '2' },
    { key: 'AuthorizeRemoteTxRequests', readonly: true, value: 'true' },
    { key: 'VendorThing', readonly: false, value: 'x' },
  )), undefined);
});

test('wrong read-only flags and types are listed, the first one\'s section leading', () => {
  const e = problems(report(
    { key: 'GetConfigurationMaxKeys', readonly: false, value: '50' },
    { key: 'HeartbeatInterval', readonly: true, value: 'soon' },
  ));
  assert.equal(e?.detail.rule, 'OCPP 1.6 §9.1.9');
  assert.match(e?.message ?? '', /GetConfigurationMaxKeys is read-only \(R\) but reported with readonly false/);
  assert.match(e?.message ?? '', /HeartbeatInterval is read-write \(RW\) but reported with readonly true/);
  assert.match(e?.message ?? '', /HeartbeatInterval has type integer, but "soon" is not an integer/);
});

test('a write-only key is not read back with its value (OCPP-J errata §3.10); a fixed cable makes UnlockConnectorOnEVSideDisconnect R', () => {
  assert.equal(problems(report({ key: 'AuthorizationKey', readonly: false, value: '0011223344' }))?.detail.rule, 'OCPP-J errata §3.10');
  assert.equal(problems(report({ key: 'UnlockConnectorOnEVSideDisconnect', readonly: true, value: 'false' }), true), undefined);
});

test('a read-only key to try a change on, and a value other than its own', () => {
  const kv = ConfigurationProbe.readOnlyKey(report(
    { key: 'SupportedFeatureProfiles', readonly: true, value: 'Core' },
    { key: 'NumberOfConnectors', readonly: true, value: '2' },
  ));
  assert.equal(kv?.key, 'NumberOfConnectors');
  assert.equal(ConfigurationProbe.otherValue('2'), '3');
  assert.equal(ConfigurationProbe.otherValue('TRUE'), 'false');
  assert.equal(ConfigurationProbe.otherValue('Core'), 'Corex');
});

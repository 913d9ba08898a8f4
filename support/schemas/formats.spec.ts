import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fullFormats as ajvFullFormats } from 'ajv-formats/dist/formats';
import { isDateTime } from './formats';
import { SchemaValidator } from './schema-validator';

const ajvDateTime = (ajvFullFormats['date-time'] as { validate: (s: string) => boolean }).validate;

test('the fast date-time check agrees with ajv-formats on hand-picked strings (RFC 3339 §5.6, OCPP 1.6 §3.15)', () => {
  const cases = [
    '2026-12-04T01:20:00Z', '2026-12-04T01:20:00.123Z', '2026-12-04t01:20:00z', '2026-12-04T01:20:00+01:00',
    '2026-12-04T01:20:00-23:59', '2026-12-04T01:20:00+24:00', '2026-12-04T01:20:00+01:60', '2026-12-04T01:20:00',
    '2026-12-04 01:20:00Z', '2026-12-04T01:20:00+0100', '2026-12-04T01:20:00+01', '2024-02-29T00:00:00Z',
    '2023-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-00-01T00:00:00Z', '2026-04-31T00:00:00Z', '2026-12-00T00:00:00Z',
    '2026-12-04T24:00:00Z', '2026-12-04T23:60:00Z', '2026-12-04T23:59:60Z', '2026-12-31T23:59:60Z', '2026-12-04T22:59:60-01:00',
    '2026-12-04T01:20:00.Z', '2026-12-04T01:20:00.5+01:00', '1900-02-29T00:00:00Z', '2000-02-29T00:00:00Z',
    '2026-12-04T01:20:00Zx', '2026-12-04T01:20:00Z ', '２026-12-04T01:20:00Z', '2026-12-04T01:20:00\u00a0', '', 'not a date',
  ];
  for (const s of cases) assert.equal(isDateTime(s), ajvDateTime(s), JSON.stringify(s));
});

/** Strings near the usual shape: each position a likely character or a random one. */
const nearDateTime = fc
  .tuple(
    fc.array(fc.constantFrom(...'0123456789'), { minLength: 19, maxLength: 19 }),
    fc.array(fc.oneof(fc.constantFrom('-', ':', 'T', 't', ' ', '.', 'Z', 'z', '+'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), { minLength: 6, maxLength: 6 }),
    fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{0,6}$/)),
    fc.oneof(fc.constantFrom('Z', 'z', '', '+00:00', '-05:30', '+23:59', '+24:00', '-00:60', '+0100', '+01'), fc.string({ maxLength: 6, unit: 'binary' })),
    fc.boolean(),
  )
  .map(([digits, seps, fraction, zone, canonical]) => {
    const d = digits.join('');
    const [s4, s7, s10, s13, s16] = canonical ? ['-', '-', 'T', ':', ':'] : seps;
    return `${d.slice(0, 4)}${s4}${d.slice(4, 6)}${s7}${d.slice(6, 8)}${s10}${d.slice(8, 10)}${s13}${d.slice(10, 12)}${s16}${d.slice(12, 14)}${fraction}${zone}`;
  });

test('the fast date-time check agrees with ajv-formats on random strings near the date-time shape, and on any string', () => {
  fc.assert(fc.property(nearDateTime, (s) => isDateTime(s) === ajvDateTime(s)), { numRuns: 20000 });
  fc.assert(fc.property(fc.string({ maxLength: 40, unit: 'binary' }), (s) => isDateTime(s) === ajvDateTime(s)), { numRuns: 5000 });
});

test('the schema validator uses the date-time check: an offset-less timestamp is a format violation, a valid one is not', () => {
  const v = SchemaValidator.shared();
  const ok = v.validate('StatusNotification', 'req', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: '2026-12-04T01:20:00.123Z' });
  assert.equal(ok.valid, true);
  const bad = v.validate('StatusNotification', 'req', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: '2026-02-30T01:20:00Z' });
  assert.equal(bad.valid, false);
  assert.equal(bad.violations[0]?.keyword, 'format');
  assert.equal(bad.violations[0]?.pointer, '/timestamp');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSutFile } from './sut-config';
import { ConfigError } from '../reporting/errors';
import { parseDuration } from './duration';

const dir = mkdtempSync(join(tmpdir(), 'sut-'));
let n = 0;
function file(content: unknown): string {
  const p = join(dir, `sut-${++n}.json`);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const charger = { name: 'Bench charger', role: 'charge-point', chargePoint: { identity: 'CP-1', listen: { port: 9000 } } };

/** Asserts a ConfigError whose one-sentence message matches `pattern` and has no stack-trace text. */
function refused(content: unknown, pattern: RegExp): void {
  assert.throws(() => loadSutFile(file(content)), (e: unknown) => {
    assert.ok(e instanceof ConfigError, `ConfigError expected, got ${String(e)}`);
    assert.match(e.message, pattern);
    assert.doesNotMatch(e.message, /\n|at \w+ \(/, 'one sentence, no stack');
    return true;
  });
}

test('a valid charger file loads with defaults filled in', () => {
  const sut = loadSutFile(file(charger));
  assert.equal(sut.role, 'charge-point');
  assert.deepEqual(sut.chargePoint?.listen, { host: '127.0.0.1', port: 9000, path: '/ocpp' });
  assert.equal(sut.actuator.type, 'prompt');
  assert.equal(sut.timeouts.responseMs, 10_000);
  assert.equal(sut.idTags.valid, 'VALID-TAG-01');
});

test('the bundled SUT files load', () => {
  const names = readdirSync(join(__dirname, '..', '..', 'fixtures', 'sut')).filter((n) => n.startsWith('reference-') && n.endsWith('.json'));
  assert.ok(names.length >= 2, names.join(', '));
  for (const name of names) {
    const sut = loadSutFile(join(__dirname, '..', '..', 'fixtures', 'sut', name));
    assert.ok(sut.reference, name);
  }
});

test('a missing file names the path', () => {
  assert.throws(() => loadSutFile(join(dir, 'nope.json')), (e: unknown) => e instanceof ConfigError && /nope\.json: no such file/.test(e.message));
});

test('a directory is refused', () => {
  mkdirSync(join(dir, 'adir'));
  assert.throws(() => loadSutFile(join(dir, 'adir')), /it is a directory/);
});

test('invalid JSON is refused with the parser message', () => {
  refused('{"name": "x",', /is not valid JSON/);
});

test('an unknown field is named', () => {
  refused({ ...charger, chargePoint: { ...charger.chargePoint, conectors: 2 } }, /unknown field "conectors" at \/chargePoint/);
});

test('a missing role section is named', () => {
  refused({ name: 'x', role: 'central-system' }, /lacks the required field "centralSystem"/);
});

test('a wrong role value is named with the allowed ones', () => {
  refused({ name: 'x', role: 'charger' }, /\/role = "charger", which is not one of \["charge-point","central-system"\]/);
});

test('a wrong type is named', () => {
  refused({ ...charger, chargePoint: { ...charger.chargePoint, connectors: 'two' } }, /\/chargePoint\/connectors/);
});

test('a bad duration says what a duration looks like', () => {
  refused({ ...charger, timeouts: { response: 'ten seconds' } }, /\/timeouts\/response.*duration such as "10s"/);
});

test('a real charger needs a fixed port', () => {
  refused({ name: 'x', role: 'charge-point', chargePoint: { identity: 'CP' } }, /listen\/port/);
});

test('an http actuator needs its action templates', () => {
  refused({ ...charger, actuator: { type: 'http' } }, /\/actuator\/actions/);
});

test('the connector under test must exist', () => {
  refused({ ...charger, chargePoint: { ...charger.chargePoint, connectors: 1, connectorUnderTest: 2 } }, /connectorUnderTest = 2/);
});

test('a CSMS URL must be ws or wss', () => {
  refused({ name: 'x', role: 'central-system', centralSystem: { url: 'http://csms' } }, /\/centralSystem\/url/);
});

test('N/A and known deviations are read with their reasons', () => {
  const sut = loadSutFile(file({
    ...charger,
    notApplicable: [{ id: 'TC_017_2_CS', reason: 'no fixed cable' }],
    knownDeviations: [{ id: 'TC_003_CS', reason: 'firmware 1.2 sends Preparing late', link: 'https://example.invalid/42' }],
  }));
  assert.equal(sut.notApplicable.get('TC_017_2_CS'), 'no fixed cable');
  assert.equal(sut.knownDeviations.get('TC_003_CS')?.link, 'https://example.invalid/42');
  refused({ ...charger, notApplicable: [{ id: 'TC_3', reason: 'x' }] }, /\/notApplicable\/0\/id/);
});

test('durations: seconds as numbers, or strings with a unit', () => {
  assert.equal(parseDuration(1.5), 1500);
  assert.equal(parseDuration('500ms'), 500);
  assert.equal(parseDuration('10s'), 10_000);
  assert.equal(parseDuration('2m'), 120_000);
  assert.equal(parseDuration('10'), 10_000);
  assert.equal(parseDuration('soon'), undefined);
  assert.equal(parseDuration(-1), undefined);
});

test('centralSystem.rebootTime is a duration, 3 s by default', () => {
  const csms = { name: 'CSMS', role: 'central-system', centralSystem: { url: 'ws://127.0.0.1:9/ocpp' } };
  assert.equal(loadSutFile(file(csms)).centralSystem?.rebootTimeMs, 3000);
  assert.equal(loadSutFile(file({ ...csms, centralSystem: { ...csms.centralSystem, rebootTime: '1.5s' } })).centralSystem?.rebootTimeMs, 1500);
  refused({ ...csms, centralSystem: { ...csms.centralSystem, rebootTime: 'soon' } }, /\/centralSystem\/rebootTime.*duration such as "10s"/);
});

test('fileTransfer: defaults, the charger\'s protocols, FTP login, TLS from the charger\'s security section', () => {
  const plain = loadSutFile(file(charger)).fileTransfer;
  assert.deepEqual(plain, { host: '127.0.0.1', protocols: { firmware: ['http'], diagnostics: ['http'] }, ftp: undefined, tls: undefined });
  const tls = { cert: 'c.pem', key: 'k.pem' };
  const set = loadSutFile(file({
    ...charger,
    chargePoint: { ...charger.chargePoint, security: { tls } },
    fileTransfer: { host: '192.168.1.20', protocols: { firmware: ['https', 'http'], diagnostics: ['ftp'] }, ftp: { user: 'cp', password: 'pw' } },
  })).fileTransfer;
  assert.deepEqual(set, { host: '192.168.1.20', protocols: { firmware: ['https', 'http'], diagnostics: ['ftp'] }, ftp: { user: 'cp', password: 'pw' }, tls });
});

test('fileTransfer: a bad value is refused naming the field', () => {
  refused({ ...charger, fileTransfer: { protocols: { diagnostics: ['sftp'] } } }, /\/fileTransfer\/protocols\/diagnostics\/0 = "sftp", which is not one of \["http","https","ftp"\]/);
  refused({ ...charger, fileTransfer: { protocols: { firmware: [] } } }, /\/fileTransfer\/protocols\/firmware/);
  refused({ ...charger, fileTransfer: { host: 'the bench PC' } }, /\/fileTransfer\/host = "the bench PC", which is not an IP address/);
  refused({ ...charger, fileTransfer: { ftp: { user: 'cp' } } }, /lacks the required field "password" at \/fileTransfer\/ftp/);
  refused({ ...charger, fileTransfer: { protocols: { firmware: ['https'] } } }, /https in \/fileTransfer\/protocols\/firmware but has no \/fileTransfer\/tls/);
  refused({ ...charger, fileTransfer: { port: 21 } }, /unknown field "port" at \/fileTransfer/);
  refused({ ...charger, fileTransfer: { images: { valid: 'no-such-image.bin' } } }, /\/fileTransfer\/images\/valid = "no-such-image.bin", but there is no file/);
});

test('fileTransfer: firmware images are found relative to the SUT file', () => {
  writeFileSync(join(dir, 'vendor-fw.bin'), 'image');
  const images = loadSutFile(file({ ...charger, fileTransfer: { images: { valid: 'vendor-fw.bin' } } })).fileTransfer.images;
  assert.deepEqual(images, { valid: join(dir, 'vendor-fw.bin') });
});

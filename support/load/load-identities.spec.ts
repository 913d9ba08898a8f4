import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../reporting/errors';
import { loadSutFile } from '../sut/sut-config';
import { chargePointIdentities, nameFor, sessionIdTags, sourceFor } from './load-identities';

const dir = mkdtempSync(join(tmpdir(), 'load-ids-'));
let k = 0;
function sut(extra: Record<string, unknown>, reference = false): ReturnType<typeof loadSutFile> {
  const file = join(dir, `sut-${++k}.json`);
  writeFileSync(file, JSON.stringify({
    name: 'CSMS', role: 'central-system',
    centralSystem: { url: 'ws://127.0.0.1:9000/ocpp', chargePoints: { accepted: { pattern: 'CP-{worker}-{scenario}-{n}' } } },
    ...(reference ? { reference: {} } : {}), ...extra,
  }));
  return loadSutFile(file);
}

test('identities come from /load/chargePoints, else the accepted ones with {worker} the shard and {scenario} "load"', () => {
  assert.deepEqual(chargePointIdentities(sut({}), 10, 2), { pattern: 'CP-2-load-{n}' });
  assert.equal(nameFor(chargePointIdentities(sut({}), 10, 2) as { pattern: string }, 7), 'CP-2-load-7');
  assert.deepEqual(chargePointIdentities(sut({ load: { chargePoints: { pattern: 'LOAD-{n}' } } }), 10, 1), { pattern: 'LOAD-{n}' });
});

test('a list gives charge point n its n-th entry; a worker receives only its block', () => {
  const ids = chargePointIdentities(sut({ load: { chargePoints: ['A', 'B', 'C', 'D', 'E'] } }), 5, 1);
  const source = sourceFor(ids, { first: 3, size: 2 });
  assert.deepEqual(source, { list: ['C', 'D'], first: 3 });
  assert.equal(nameFor(source, 4), 'D');
  assert.throws(() => nameFor(source, 5), RangeError);
});

test('identities that cannot tell the charge points apart, or too few of them, are refused', () => {
  assert.throws(() => chargePointIdentities(sut({ load: { chargePoints: { pattern: 'SAME' } } }), 3, 1), (e: unknown) => e instanceof ConfigError && /lacks \{n\}/.test(e.message));
  assert.throws(() => chargePointIdentities(sut({ load: { chargePoints: ['A', 'B'] } }), 3, 1), (e: unknown) => e instanceof ConfigError && /lists 2 identities.*3 charge points/.test(e.message));
});

test('sessions need idTags: declared ones, LOAD-{n} for a reference, a refusal otherwise; at most 20 characters', () => {
  assert.deepEqual(sessionIdTags(sut({}, true), 100), { pattern: 'LOAD-{n}' });
  assert.deepEqual(sessionIdTags(sut({ load: { idTags: { pattern: 'T{n}' } } }), 100), { pattern: 'T{n}' });
  assert.throws(() => sessionIdTags(sut({}), 10), (e: unknown) => e instanceof ConfigError && /no \/load\/idTags/.test(e.message));
  assert.throws(() => sessionIdTags(sut({ load: { idTags: { pattern: 'A-VERY-LONG-TAG-NO-{n}' } } }), 100), (e: unknown) => e instanceof ConfigError && /longer than the 20 characters/.test(e.message));
});

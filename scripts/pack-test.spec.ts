import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lockForTarball } from './pack-test';
import { splitSpecs } from './test';

test('the empty project\'s lock pins the tarball and our runtime dependencies, not the dev ones', () => {
  const ours = {
    packages: {
      '': { name: 'ocpp-conformance' },
      'node_modules/ws': { version: '8.23.0', resolved: 'r', integrity: 'i' },
      'node_modules/typescript': { version: '5.9.3', dev: true },
      'node_modules/a/node_modules/b': { version: '1.0.0' },
    },
  };
  const lock = lockForTarball(ours, { name: 'ocpp-conformance', version: '0.1.0', dependencies: { ws: '8.23.0' } }, '/tmp/x.tgz') as { packages: Record<string, Record<string, unknown>> };
  assert.deepEqual(Object.keys(lock.packages).sort(), ['', 'node_modules/a/node_modules/b', 'node_modules/ocpp-conformance', 'node_modules/ws']);
  assert.deepEqual(lock.packages['']?.['dependencies'], { 'ocpp-conformance': 'file:/tmp/x.tgz' });
  assert.equal(lock.packages['node_modules/ocpp-conformance']?.['resolved'], 'file:/tmp/x.tgz');
  assert.deepEqual(lock.packages['node_modules/ws'], ours.packages['node_modules/ws']);
});

test('specs run from dist/ unless they look beside themselves, and all from the sources when dist/ is stale', () => {
  const text: Record<string, string> = { 'support/a.spec.ts': 'import x', 'fixtures/b.spec.ts': 'readdirSync(__dirname)' };
  const read = (spec: string): string => text[spec] ?? '';
  assert.deepEqual(splitSpecs(Object.keys(text), true, read), { compiled: ['dist/support/a.spec.js'], sources: ['fixtures/b.spec.ts'] });
  assert.deepEqual(splitSpecs(Object.keys(text), false, read), { compiled: [], sources: ['support/a.spec.ts', 'fixtures/b.spec.ts'] });
});

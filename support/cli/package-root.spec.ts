import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { distStaleness, OUTPUTS_AMONG_SOURCES, PACKAGE_ROOT } from './package-root';

function checkout(withSources: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'package-root-'));
  writeFileSync(join(root, 'package.json'), '{}');
  if (withSources) {
    mkdirSync(join(root, 'support', 'cli'), { recursive: true });
    writeFileSync(join(root, 'support', 'cli', 'main.ts'), '');
  }
  return root;
}

function stamp(root: string, at: Date): void {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', '.build-stamp'), '');
  utimesSync(join(root, 'dist', '.build-stamp'), at, at);
}

test('the package root is the folder with package.json, from the sources as from dist/', () => {
  assert.ok(existsSync(join(PACKAGE_ROOT, 'package.json')));
  assert.ok(existsSync(join(PACKAGE_ROOT, 'features', 'charge-point')));
});

test('dist/ runs only when built after every source: missing, then fresh, then stale after an edit', (t) => {
  const root = checkout(true);
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const old = new Date(Date.now() - 60_000);
  // The folders too: made in the same millisecond as the stamp below, their finer time would read as newer.
  for (const f of ['package.json', join('support', 'cli', 'main.ts'), join('support', 'cli'), 'support']) {
    utimesSync(join(root, f), old, old);
  }
  assert.match(distStaleness(root) ?? '', /not been built/);
  stamp(root, new Date());
  assert.equal(distStaleness(root), undefined);
  mkdirSync(join(root, 'steps', 'deep'), { recursive: true });
  writeFileSync(join(root, 'steps', 'deep', 'new.steps.ts'), '');
  // Only the file is to read as new here, not the folders it was added to (they would be found first).
  for (const d of ['steps', join('steps', 'deep')]) utimesSync(join(root, d), old, old);
  utimesSync(join(root, 'steps', 'deep', 'new.steps.ts'), new Date(Date.now() + 5_000), new Date(Date.now() + 5_000));
  assert.match(distStaleness(root) ?? '', /steps\/deep\/new\.steps\.ts changed after the build/);
  rmSync(join(root, 'steps', 'deep', 'new.steps.ts'));
  stamp(root, new Date(Date.now() + 10_000));
  assert.equal(distStaleness(root), undefined);
  // A source removed after the build: its folder's time says so (its compiled file would still run).
  const later = new Date(Date.now() + 20_000);
  utimesSync(join(root, 'steps', 'deep'), later, later);
  assert.match(distStaleness(root) ?? '', /steps\/deep changed after the build/);
});

test('generated modules written among the sources after the build (generated-validators.spec.ts) leave dist/ fresh', (t) => {
  const root = checkout(true);
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const old = new Date(Date.now() - 60_000);
  for (const o of OUTPUTS_AMONG_SOURCES) mkdirSync(join(root, o), { recursive: true });
  for (const f of ['package.json', join('support', 'cli', 'main.ts'), join('support', 'cli'), join('support', 'schemas'), 'support']) {
    utimesSync(join(root, f), old, old);
  }
  stamp(root, new Date());
  const later = new Date(Date.now() + 5_000);
  for (const o of OUTPUTS_AMONG_SOURCES) {
    writeFileSync(join(root, o, 'spec-1.js'), '');
    utimesSync(join(root, o, 'spec-1.js'), later, later);
    utimesSync(join(root, o), later, later);
  }
  assert.equal(distStaleness(root), undefined);
  // A source beside them still counts.
  writeFileSync(join(root, 'support', 'schemas', 'x.ts'), '');
  utimesSync(join(root, 'support', 'schemas', 'x.ts'), later, later);
  assert.match(distStaleness(root) ?? '', /support\/schemas/);
});

test('a package installed without its sources runs its dist/ whatever the file times', (t) => {
  const root = checkout(false);
  t.after(() => rmSync(root, { recursive: true, force: true }));
  stamp(root, new Date(0));
  assert.equal(distStaleness(root), undefined);
});

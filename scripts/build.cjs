#!/usr/bin/env node
// `npm run build` (and `prepare`, which `npm ci` and `npm pack` run): compiles the TypeScript of support/, steps/,
// fixtures/ and scripts/ into dist/ (tsconfig.build.json, incremental: an unchanged tree takes a few seconds), copies
// beside it the files the code reads relative to itself (JSON schemas, the catalogue CSV, the .cjs formatter, test
// certificates), removes compiled files whose source is gone (a deleted steps file must not keep running), and stamps
// the build: support/cli/package-root.ts runs dist/ only while no source is newer than that stamp.
// Exit code: tsc's (0, or 2 when it emitted despite type errors; the stamp is written then too, since dist/ matches
// the sources: `npm test`'s typecheck stage reports the errors).
'use strict';
const { spawnSync } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const SOURCE_DIRS = ['support', 'steps', 'fixtures', 'scripts'];
/** Read at run time from the package root, not from beside the code: not copied. */
const NOT_COPIED = [join('fixtures', 'sut'), join('scripts', 'build.cjs')];

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function isSource(file) {
  return file.endsWith('.ts') && !file.endsWith('.d.ts');
}

const started = Date.now();
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
const code = tsc.status ?? 1;
if (code !== 0 && code !== 2) {
  process.stderr.write(`build: tsc exited ${tsc.status ?? tsc.signal} without emitting; dist/ is not up to date\n`);
  process.exit(1);
}

let copied = 0;
let removed = 0;
for (const top of SOURCE_DIRS) {
  for (const file of walk(join(root, top))) {
    const rel = relative(root, file);
    if (isSource(file) || file.endsWith('.md') || NOT_COPIED.some((d) => rel === d || rel.startsWith(`${d}/`))) continue;
    const target = join(dist, rel);
    if (existsSync(target) && statSync(target).mtimeMs >= statSync(file).mtimeMs) continue;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
    copied += 1;
  }
  // Compiled files whose TypeScript source is gone, and copies whose original is gone.
  for (const file of walk(join(dist, top))) {
    const rel = relative(dist, file);
    const compiled = /\.(js|d\.ts)(\.map)?$/.exec(rel);
    if (existsSync(join(root, compiled ? `${rel.slice(0, compiled.index)}.ts` : rel))) continue;
    rmSync(file);
    removed += 1;
  }
}

// The schema validators as ajv standalone code beside the compiled validator (scripts/generate-validators.ts): a
// process then starts without compiling the 56 schemas. Without it they are compiled at run time, as before.
const generated = spawnSync(process.execPath, [join(dist, 'scripts', 'generate-validators.js')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (generated.status !== 0) process.stderr.write('build: the precompiled schema validators could not be generated; they will be compiled at run time\n');

// The sources' folder for generated validator modules (git-ignored; generated-validators.spec.ts writes there), made
// now so that its creation later does not make dist/ look stale (support/cli/package-root.ts skips what is inside).
mkdirSync(join(root, 'support', 'schemas', 'generated'), { recursive: true });

writeFileSync(join(dist, '.build-stamp'), `${new Date().toISOString()}\n`);
process.stdout.write(`build: dist/ up to date (${copied} files copied, ${removed} stale removed) in ${((Date.now() - started) / 1000).toFixed(1)} s${code === 2 ? ', with type errors' : ''}\n`);
process.exit(code);

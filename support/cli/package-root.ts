/**
 * Where the package is, and which code to run: the compiled JavaScript in `dist/` (written by `npm run build`, which
 * `prepare` runs in `npm ci` and `npm pack`) when it is there and no source is newer than its build, else the
 * TypeScript sources through ts-node. An installed package holds only `dist/`, so there nothing is newer.
 *
 * This module runs from both places (`support/cli/` and `dist/support/cli/`), so the package root is the nearest
 * folder above it with a package.json, not a fixed number of `..`. bin/ocpp-conformance.js loads its compiled form
 * before deciding; keep it free of imports beyond node's.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The package's folder: package.json, features/, fixtures/sut/, cucumber.cjs. */
export const PACKAGE_ROOT = findPackageRoot(__dirname);
/** The compiled package: the same tree as the sources (dist/support, dist/steps, dist/fixtures, dist/scripts). */
export const DIST = join(PACKAGE_ROOT, 'dist');
/**
 * What the build compiles or copies (the folders of scripts/build.cjs): a change to any file below them (or to a
 * tsconfig), or a file added or removed there (its folder's time), makes dist stale.
 */
const SOURCE_DIRS: readonly string[] = ['support', 'steps', 'fixtures', 'scripts'];
/**
 * Git-ignored outputs that live among the sources and are no source: the generated validators' folder, where
 * generated-validators.spec.ts writes (and deletes) modules of its own. scripts/build.cjs makes the folder, so that
 * its creation after a build does not change its parent's time either.
 */
export const OUTPUTS_AMONG_SOURCES: readonly string[] = [join('support', 'schemas', 'generated')];

function newerThan(dir: string, since: number, root: string): string | undefined {
  if (OUTPUTS_AMONG_SOURCES.some((o) => dir === join(root, o))) return undefined;
  let entries;
  try {
    if (statSync(dir).mtimeMs > since) return dir;
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    const found = e.isDirectory() ? newerThan(p, since, root) : statSync(p).mtimeMs > since ? p : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * Why dist/ cannot be run (missing, or a source changed since the build), or undefined when it can.
 * OCPP_CONFORMANCE_FROM_SOURCES=1 forces the sources.
 */
export function distStaleness(root: string = PACKAGE_ROOT): string | undefined {
  if (process.env['OCPP_CONFORMANCE_FROM_SOURCES'] === '1') return 'OCPP_CONFORMANCE_FROM_SOURCES=1';
  // Written by scripts/build.cjs after a compilation that emitted: its time is the build's.
  const stamp = join(root, 'dist', '.build-stamp');
  if (!existsSync(stamp)) return 'dist/ has not been built (npm run build)';
  // An installed package ships dist/ without the sources: nothing there can be newer.
  if (!existsSync(join(root, 'support', 'cli', 'main.ts'))) return undefined;
  const built = statSync(stamp).mtimeMs;
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) {
    const p = join(root, file);
    if (existsSync(p) && statSync(p).mtimeMs > built) return `${file} changed after the build`;
  }
  for (const dir of SOURCE_DIRS) {
    const changed = newerThan(join(root, dir), built, root);
    if (changed) return `${changed.slice(root.length + 1)} changed after the build (npm run build)`;
  }
  return undefined;
}

let fresh: boolean | undefined;

/** Which code the child processes run, for a log line: `dist/`, or the sources and why. */
export function describeCode(): string {
  return useCompiled() ? 'the compiled dist/' : `the TypeScript sources via ts-node (${distStaleness()})`;
}

/** Whether child processes (Cucumber, workers) should start from dist/: it is there and up to date. */
export function useCompiled(): boolean {
  fresh ??= distStaleness() === undefined;
  return fresh;
}

/** The folder the code runs from: dist/ when useCompiled(), else the package root (the TypeScript sources). */
export function codeRoot(): string {
  return useCompiled() ? DIST : PACKAGE_ROOT;
}

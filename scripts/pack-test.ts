/**
 * `npm test`'s package stage: the package as users get it. `npm pack` (which builds dist/ through `prepare`), then
 * an empty project in a temporary folder installs the tarball offline, from the npm cache, and runs
 * `npx ocpp-conformance list` and `npx ocpp-conformance main --tags <a few cases> --reports <dir>` there: both must
 * exit 0, `main` must PASS what it ran and write the reports users open; then the README's example of a feature file
 * and step of one's own (docs/examples/own-features) runs there with `run --features … --require …` and PASSes.
 *
 * The empty project gets a package-lock.json pinning the tarball's dependencies as this project's lock does: the
 * cache of a fresh `npm ci` holds the dependencies' tarballs but not their registry metadata, which resolving
 * version ranges without a lock would need. So nothing is fetched, and the tree is the one `npm test` was run with.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT as root } from '../support/cli/package-root';

/** A few cases of each role, so that `main` runs both suites (and one variant) in seconds. */
export const PACK_TEST_TAGS = '@TC_001_CS or @TC_017_2_CS or @TC_001_CSMS';
/** What `main` must have written. */
const REPORT_FILES = ['allure-report/index.html', 'junit.xml', 'summary.json', 'summary.md'];

interface LockEntry {
  readonly dev?: boolean;
  readonly [key: string]: unknown;
}

interface Lockfile {
  readonly packages: Record<string, LockEntry>;
}

function npm(args: string[], cwd: string, timeoutMs: number): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
    let output = '';
    const timer = setTimeout(() => {
      output += `\n(stopped after ${timeoutMs / 1000} s)`;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** The lock of a project depending only on the tarball: the package's runtime dependencies as our lock has them. */
export function lockForTarball(ours: Lockfile, pkg: { name: string; version: string; dependencies?: Record<string, string>; bin?: unknown; engines?: unknown; license?: string }, tarball: string): object {
  const spec = `file:${tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'pack-test', version: '1.0.0', dependencies: { [pkg.name]: spec } },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version, resolved: spec, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines,
    },
  };
  for (const [path, entry] of Object.entries(ours.packages)) {
    if (path.startsWith('node_modules/') && !entry.dev) packages[path] = entry;
  }
  return { name: 'pack-test', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

export async function packageStage(): Promise<{ passed: number; failed: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-conformance-pack-'));
  const checks: Array<[string, string | undefined]> = [];
  const step = (what: string, problem?: string): boolean => {
    checks.push([what, problem]);
    process.stdout.write(`package: ${what} ${problem ? `FAILED\n  ${problem.trim().split('\n').slice(-15).join('\n  ')}` : 'ok'}\n`);
    return !problem;
  };
  try {
    const started = Date.now();
    const pack = await npm(['pack', '--pack-destination', dir, '--json'], root, 120_000);
    let tarball: string | undefined;
    try {
      tarball = join(dir, (JSON.parse(pack.output.slice(pack.output.indexOf('[\n'))) as Array<{ filename: string }>)[0]?.filename ?? '');
    } catch {
      // Reported below.
    }
    if (!step(`npm pack (${((Date.now() - started) / 1000).toFixed(1)} s)`, pack.code !== 0 || !tarball || !existsSync(tarball) ? pack.output : undefined) || !tarball) {
      return { passed: 0, failed: 1 };
    }

    const project = join(dir, 'project');
    mkdirSync(project);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'pack-test', version: '1.0.0', private: true, dependencies: { [pkg.name]: `file:${tarball}` } }, null, 2)}\n`);
    const ours = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
    writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(lockForTarball(ours, pkg, tarball), null, 2)}\n`);
    const t1 = Date.now();
    const install = await npm(['install', '--offline', '--no-audit', '--no-fund'], project, 300_000);
    if (!step(`npm install --offline of the tarball into an empty project (${((Date.now() - t1) / 1000).toFixed(1)} s)`, install.code !== 0 ? install.output : undefined)) {
      return { passed: 1, failed: 1 };
    }

    const list = await npm(['exec', '--offline', '--', 'ocpp-conformance', 'list'], project, 60_000);
    step('npx ocpp-conformance list', list.code !== 0 ? list.output : !/TC_001_CS\b/.test(list.output) ? `the list names no TC_001_CS:\n${list.output}` : undefined);

    const reports = join(dir, 'reports');
    const t2 = Date.now();
    const main = await npm(['exec', '--offline', '--', 'ocpp-conformance', 'main', '--tags', PACK_TEST_TAGS, '--reports', reports, '--quiet'], project, 300_000);
    const missing = REPORT_FILES.filter((f) => !existsSync(join(reports, f)));
    step(`npx ocpp-conformance main --tags "${PACK_TEST_TAGS}" (${((Date.now() - t2) / 1000).toFixed(1)} s)`, main.code !== 0
      ? `exit ${main.code}\n${main.output}`
      : missing.length > 0 ? `no ${missing.join(', ')} in ${reports}\n${main.output}` : !/3 passed, 0 failed/.test(main.output) ? `not the 3 passes expected:\n${main.output}` : undefined);

    // The README's example of a user's own feature file and step, beside the package's.
    const own = join(project, 'own-features');
    cpSync(join(root, 'docs', 'examples', 'own-features'), own, { recursive: true });
    const sut = join(project, 'node_modules', pkg.name, 'fixtures', 'sut', 'reference-central-system.json');
    const ownRun = await npm(['exec', '--offline', '--', 'ocpp-conformance', 'run', '--sut', sut, '--features', own, '--require', join(own, 'clock.steps.js'),
      '--tags', '@EXT_MYCSMS_001', '--reports', join(dir, 'own-reports'), '--quiet'], project, 120_000);
    step('npx ocpp-conformance run --features docs/examples/own-features --require …/clock.steps.js', ownRun.code !== 0 || !/1 passed, 0 failed/.test(ownRun.output) ? `exit ${ownRun.code}\n${ownRun.output}` : undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const failed = checks.filter(([, p]) => p).length;
  return { passed: checks.length - failed, failed };
}

if (require.main === module) {
  void packageStage().then((r) => {
    process.stdout.write(`${r.passed} passed, ${r.failed} failed\n`);
    process.exitCode = r.failed === 0 ? 0 : 1;
  });
}

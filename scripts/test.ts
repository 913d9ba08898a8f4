/**
 * `npm test`: the project's own tests, in stages. Each stage reports how many checks passed and failed; the last
 * line is `N passed, N failed`, which CI reads. A stage that cannot run at all counts as one failure.
 *
 *   typecheck   tsc over the whole project, emitting dist/ (scripts/build.cjs): the stages after it run the compiled
 *               code, which is then the current sources' (a stage run alone, with dist/ stale, runs them via ts-node)
 *   unit        node's test runner over every *.spec.ts beside the code (their compiled form in dist/, see splitSpecs)
 *   conformance every scenario against the conformant reference SUTs (PASS or N/A)   — scripts/self-test.ts
 *   faults      every reference fault makes its declared scenarios FAIL for its rule  — scripts/self-test.ts
 *   fuzz        the fuzzer finds nothing in the conformant references and finds, and replays, each fuzz-class fault
 *                                                                                  — scripts/fuzz-stage.ts
 *   browser     the single-file report of a small run, opened in headless Chromium: ids and verdicts shown, no
 *               outgoing request, a screenshot in reports/                                — scripts/browser-test.ts
 *   package     npm pack, the tarball installed offline into an empty project, `npx ocpp-conformance list` and
 *               `main` on a few cases there: they pass and write the reports              — scripts/pack-test.ts
 *
 * `npm test -- unit` runs one stage.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT, useCompiled } from '../support/cli/package-root';
import { conformance, faults } from './self-test';
import { browserStage } from './browser-test';
import { fuzzStage } from './fuzz-stage';
import { packageStage } from './pack-test';

const root = PACKAGE_ROOT;
const reports = join(root, 'reports', 'self-test');
mkdirSync(reports, { recursive: true });

interface StageResult {
  passed: number;
  failed: number;
}

/** Runs a command, streaming its output, and resolves with its exit code and what it printed. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function findSpecs(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findSpecs(p, out);
    else if (name.endsWith('.spec.ts')) out.push(relative(root, p));
  }
  return out;
}

/**
 * Which specs run from dist/ (when it is up to date: no ts-node in each test process, about half the time) and which
 * from the TypeScript: a spec that looks at the files beside it (`__dirname`, `__filename`) finds the sources there.
 */
export function splitSpecs(specs: readonly string[], compiledFresh: boolean, read: (spec: string) => string): { compiled: string[]; sources: string[] } {
  if (!compiledFresh) return { compiled: [], sources: [...specs] };
  const compiled: string[] = [];
  const sources: string[] = [];
  for (const spec of specs) {
    if (/__dirname|__filename/.test(read(spec))) sources.push(spec);
    else compiled.push(join('dist', spec.replace(/\.ts$/, '.js')));
  }
  return { compiled, sources };
}

/** Reads the closing counts of node's spec reporter (`ℹ pass N`, `ℹ fail N`, `ℹ cancelled N`). */
export function specCounts(text: string): StageResult | undefined {
  const pass = /^ℹ pass (\d+)$/m.exec(text);
  const fail = /^ℹ fail (\d+)$/m.exec(text);
  const cancelled = /^ℹ cancelled (\d+)$/m.exec(text);
  if (!pass || !fail) return undefined;
  return { passed: Number(pass[1]), failed: Number(fail[1]) + Number(cancelled?.[1] ?? 0) };
}

export const STAGES: Array<[string, () => Promise<StageResult>]> = [
  [
    'typecheck',
    async () => {
      const { code } = await run(process.execPath, [join(root, 'scripts', 'build.cjs')]);
      return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
    },
  ],
  [
    'unit',
    async () => {
      const specs = ['support', 'steps', 'fixtures', 'scripts'].flatMap((d) => findSpecs(join(root, d)));
      if (specs.length === 0) return { passed: 0, failed: 1 };
      const { compiled, sources } = splitSpecs(specs, useCompiled(), (spec) => readFileSync(join(root, spec), 'utf8'));
      let total: StageResult = { passed: 0, failed: 0 };
      for (const [files, loader] of [[compiled, []], [sources, ['--require', 'ts-node/register/transpile-only']]] as const) {
        if (files.length === 0) continue;
        const { code, output } = await run(process.execPath, [...loader, '--test', '--test-force-exit', '--test-reporter=spec', ...files]);
        const counts = specCounts(output);
        // A runner that failed without a failing test (a file that does not load) still fails the stage.
        const r = !counts ? { passed: 0, failed: 1 } : code === 0 || counts.failed > 0 ? counts : { passed: counts.passed, failed: 1 };
        total = { passed: total.passed + r.passed, failed: total.failed + r.failed };
      }
      return total;
    },
  ],
  // Every scenario against the conformant references, then every fault against the scenarios it declares.
  ['conformance', () => conformance(['charge-point', 'central-system'])],
  ['faults', () => faults(['charge-point', 'central-system'], [])],
  ['fuzz', () => fuzzStage()],
  ['browser', browserStage],
  ['package', packageStage],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let passed = 0;
  let failed = 0;
  const lines: string[] = [];
  for (const [name, stage] of STAGES) {
    if (only.length > 0 && !only.includes(name)) continue;
    process.stdout.write(`\n=== ${name} ===\n`);
    const started = Date.now();
    let r: StageResult;
    try {
      r = await stage();
    } catch (e) {
      process.stderr.write(`stage ${name} could not run: ${(e as Error).message}\n`);
      r = { passed: 0, failed: 1 };
    }
    passed += r.passed;
    failed += r.failed;
    lines.push(`${name.padEnd(12)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed  ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n${passed} passed, ${failed} failed\n`);
  process.exitCode = failed === 0 ? 0 : 1;
}

if (require.main === module) void main();

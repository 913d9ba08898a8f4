/**
 * `npm test`: the project's own tests, in stages. Each stage reports how many checks passed and failed; the last
 * line is `N passed, N failed`, which CI reads. A stage that cannot run at all counts as one failure.
 *
 *   typecheck   tsc --noEmit over the whole project (ts-node runs transpile-only elsewhere)
 *   unit        node's test runner over every *.spec.ts beside the code
 *   (later stages are appended by the modules that own them: see STAGES below)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');
const reports = join(root, 'reports', 'self-test');
mkdirSync(reports, { recursive: true });

interface StageResult {
  passed: number;
  failed: number;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
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

/** Reads `# pass N` / `# fail N` from a TAP file written by node's test runner. */
export function tapCounts(file: string): StageResult | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const pass = /^# pass (\d+)$/m.exec(text);
  const fail = /^# fail (\d+)$/m.exec(text);
  const cancelled = /^# cancelled (\d+)$/m.exec(text);
  if (!pass || !fail) return undefined;
  return { passed: Number(pass[1]), failed: Number(fail[1]) + Number(cancelled?.[1] ?? 0) };
}

const STAGES: Array<[string, () => StageResult]> = [
  [
    'typecheck',
    () => {
      const rc = run(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
      return rc === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
    },
  ],
  [
    'unit',
    () => {
      const specs = ['support', 'steps', 'fixtures', 'scripts'].flatMap((d) => findSpecs(join(root, d)));
      if (specs.length === 0) return { passed: 0, failed: 1 };
      const tap = join(reports, 'unit.tap');
      const rc = run(process.execPath, [
        '--require', 'ts-node/register/transpile-only',
        '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
        '--test-reporter=tap', `--test-reporter-destination=${tap}`,
        ...specs,
      ], { TS_NODE_TRANSPILE_ONLY: 'true' });
      const counts = tapCounts(tap);
      if (!counts) return { passed: 0, failed: 1 };
      return rc === 0 || counts.failed > 0 ? counts : { passed: counts.passed, failed: counts.failed + 1 };
    },
  ],
];

function main(): void {
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
      r = stage();
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

if (require.main === module) main();

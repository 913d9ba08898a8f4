/**
 * The HTML report: the Allure 3 CLI (npm `allure`, pure JS, no Java) renders `<reports>/allure-results` into one
 * self-contained `<reports>/allure-report/index.html` (awesome template, `singleFile`, see allurerc.mjs) that opens
 * from file://. The template hard-codes a Google Tag Manager script; it is cut out here, and the file is refused if
 * any reference to it is left, so opening the report makes no network request.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT as ROOT } from '../cli/package-root';
import { HarnessError } from './errors';

export const ALLURE_CONFIG = join(ROOT, 'allurerc.mjs');

/** The `allure` package's command (its exports hide package.json, so resolve the entry and step up). */
function allureCli(): string {
  return join(dirname(require.resolve('allure')), '..', 'cli.js');
}

/** Removes the analytics script blocks of the awesome template (and of the allure2 one, should it be used). */
export function stripAnalytics(html: string): string {
  return html
    .replace(/<script[^>]*src="https:\/\/www\.googletagmanager\.com\/[^"]*"[^>]*><\/script>\s*/g, '')
    .replace(/<script>\s*window\.dataLayer\s*=[\s\S]*?<\/script>\s*/g, '');
}

export function reportIndex(reportsDir: string): string {
  return join(reportsDir, 'allure-report', 'index.html');
}

/** Generates the single-file report; resolves with the path of index.html. */
export async function generateAllureReport(reportsDir: string): Promise<string> {
  const results = join(reportsDir, 'allure-results');
  const out = join(reportsDir, 'allure-report');
  if (!existsSync(results)) throw new HarnessError(`no Allure results in ${results}`);
  rmSync(out, { recursive: true, force: true });
  const { code, output } = await new Promise<{ code: number; output: string }>((done) => {
    const child = spawn(process.execPath, [allureCli(), 'generate', results, '--config', ALLURE_CONFIG, '-o', out], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ALLURE_NO_ANALYTICS: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', (e) => done({ code: 1, output: e.message }));
    child.on('close', (c) => done({ code: c ?? 1, output: text }));
  });
  const index = reportIndex(reportsDir);
  if (code !== 0 || !existsSync(index)) {
    throw new HarnessError(`the Allure CLI could not generate the report (exit ${code}): ${output.trim().split('\n').slice(-3).join(' ')}`);
  }
  const html = stripAnalytics(readFileSync(index, 'utf8'));
  if (/googletagmanager|gtag\(/.test(html)) throw new HarnessError(`${index} still references an analytics script: the Allure template changed`);
  writeFileSync(index, html);
  return index;
}

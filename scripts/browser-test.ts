/**
 * The `browser` stage of `npm test`: the report looked at as a user looks at it. A small run against the reference
 * Central System (a SUT file beside the reports declares a known deviation that fails, one that passes, and an N/A;
 * a fault makes one case FAIL) writes the single-file report; headless Chromium (Debian's `chromium`, driven by
 * playwright-core) opens it from file:// and checks that
 *   - every test case id shows with its verdict (tree title and Allure status),
 *   - the pre-certification notice, the SUT metadata and the failure's evidence (rule, sequence diagram) show,
 *   - opening it makes no request other than file: and data: (each one is recorded and refused),
 * and saves a screenshot as reports/report-screenshot.png.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { runSuite } from '../support/cli/run-command';
import { writeReports } from '../support/reporting/write-reports';

const root = join(__dirname, '..');
export const CHROMIUM = '/usr/bin/chromium';
/** Flags that work on this project's machines (TOOLCHAIN.md); the user data dir is a fresh temp folder. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface StageResult {
  passed: number;
  failed: number;
}

/** What the small run must show for each test case: the verdict in the tree title and the Allure status. */
const EXPECTED: ReadonlyArray<{ id: string; verdict: string; title: RegExp; status: string }> = [
  { id: 'EXT_SMOKE_002', verdict: 'PASS', title: /^EXT_SMOKE_002 [^—]*$/, status: 'passed' },
  { id: 'TC_023_3_CSMS', verdict: 'FAIL', title: / — FAIL$/, status: 'failed' },
  { id: 'TC_023_2_CSMS', verdict: 'XFAIL', title: / — XFAIL$/, status: 'failed' },
  { id: 'TC_064_CSMS', verdict: 'PASS', title: / — PASS, declared a known deviation$/, status: 'passed' },
  { id: 'TC_055_CSMS', verdict: 'N/A', title: / — N\/A$/, status: 'skipped' },
];

function sutFileFor(dir: string): string {
  const sut = JSON.parse(readFileSync(join(root, 'fixtures', 'sut', 'reference-central-system.json'), 'utf8')) as Record<string, any>;
  delete sut['$schema'];
  sut['name'] = 'Reference Central System (browser test)';
  sut['reference'] = { ...sut['reference'], faults: ['authorize-accepts-blocked-tag', 'expired-tag-accepted'] };
  sut['knownDeviations'] = [
    { id: 'TC_023_2_CSMS', reason: 'expired idTags are accepted until release 2.0', link: 'https://tracker.example/issues/42' },
    { id: 'TC_064_CSMS', reason: 'declared to show an unexpected pass' },
  ];
  sut['notApplicable'] = [{ id: 'TC_055_CSMS', reason: 'this Central System has no TriggerMessage screen' }];
  const file = join(dir, 'browser-test-sut.json');
  writeFileSync(file, `${JSON.stringify(sut, null, 2)}\n`);
  return file;
}

/**
 * Opens the groups above a leaf the search has narrowed the tree to (Allure keeps groups without failures closed):
 * while the leaf is not shown, the deepest group shown is a closed one on its path.
 */
async function reveal(page: Page, leaf: Locator): Promise<boolean> {
  for (let attempt = 0; attempt < 20; attempt++) {
    // The search applies after a short pause, and the tree redraws as groups open: look again each time.
    await page.waitForTimeout(300);
    if (await leaf.isVisible()) return true;
    const arrows = page.locator('[data-testid="tree-arrow"]:visible');
    const count = await arrows.count();
    if (count > 0) await arrows.nth(count - 1).click({ timeout: 2_000 }).catch(() => undefined);
  }
  return leaf.waitFor({ timeout: 10_000 }).then(() => true, () => false);
}

export async function browserStage(): Promise<StageResult> {
  let passed = 0;
  let failed = 0;
  const check = (ok: boolean, what: string): void => {
    if (ok) passed++;
    else failed++;
    process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
  };
  if (!existsSync(CHROMIUM)) {
    check(false, `${CHROMIUM} exists (install Debian's chromium: apt-get install -y chromium; .ci/run does)`);
    return { passed, failed };
  }
  const reportsDir = join(root, 'reports', 'self-test', 'browser');
  rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
  const sutFile = sutFileFor(join(root, 'reports', 'self-test'));
  await runSuite({ sutFile, reportsDir, quiet: true, tags: EXPECTED.map((e) => `@${e.id}`).join(' or ') });
  const written = await writeReports(reportsDir);
  const byId = new Map(written.results.map((r) => [r.id, r]));
  for (const e of EXPECTED) check(byId.get(e.id)?.verdict === e.verdict, `${e.id} ran with verdict ${e.verdict} (got ${byId.get(e.id)?.verdict ?? 'nothing'})`);
  const index = written.files.html;
  check(Boolean(index), `the single-file report was written${written.htmlError ? `: ${written.htmlError}` : ''}`);
  if (!index) return { passed, failed };
  const html = readFileSync(index, 'utf8');
  check(!/googletagmanager|gtag\(/.test(html), 'the report holds no analytics script');

  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'ocpp-report-browser-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 } });
  const outgoing: string[] = [];
  try {
    // Every request is recorded; anything but the file itself and its inline data is refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|data|blob|about):/.test(url)) return route.continue();
      outgoing.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', (r) => {
      if (!/^(file|data|blob|about):/.test(r.url()) && !outgoing.includes(r.url())) outgoing.push(r.url());
    });
    await page.goto(pathToFileURL(index).href);
    await page.getByTestId('report-title').waitFor({ timeout: 30_000 });
    check(/not an OCA certification/.test(await page.getByTestId('report-title').innerText()), 'the title says this is not an OCA certification');
    const body = await page.locator('body').innerText();
    check(/CSMS under test\s+Reference Central System \(browser test\)/.test(body), 'the metadata names the system under test');
    check(/Harness\s+ocpp-conformance \d/.test(body) && /Node\.js\s+v\d+/.test(body), 'the metadata names the harness version and Node.js');
    const search = page.getByTestId('search-input');
    for (const e of EXPECTED) {
      await search.fill(e.id);
      const leaf = page.getByTestId('tree-leaf').filter({ hasText: e.id }).first();
      const shown = await reveal(page, leaf);
      const title = shown ? await leaf.getByTestId('tree-leaf-title').innerText() : '';
      const status = shown ? await leaf.getByTestId(`tree-leaf-status-${e.status}`).count() : 0;
      check(shown && e.title.test(title) && status === 1, `the report shows ${e.id} as ${e.verdict} (title "${title}", Allure ${e.status})`);
    }
    await search.fill('TC_023_3_CSMS');
    const failure = page.getByTestId('tree-leaf').filter({ hasText: 'TC_023_3_CSMS' }).first();
    await reveal(page, failure);
    await failure.click();
    await page.getByText('Sequence diagram', { exact: true }).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    const testPage = await page.locator('body').innerText();
    check(/FAIL \[OCPP 1\.6 §4\.1; TC_023_3_CSMS step \d+\]/.test(testPage), 'the failure names the rule and the test case step');
    check(/Sequence diagram/.test(testPage) && /Wire trace \(JSONL\)/.test(testPage), 'the failure carries its sequence diagram and wire trace');
    await page.goto(pathToFileURL(index).href);
    await page.getByTestId('tree-leaf').first().waitFor({ timeout: 10_000 });
    const screenshot = join(root, 'reports', 'report-screenshot.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    check(existsSync(screenshot), `screenshot saved as ${screenshot}`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  check(outgoing.length === 0, `opening the report made no outgoing request${outgoing.length ? `: ${outgoing.join(', ')}` : ''}`);
  return { passed, failed };
}

// Allure 3 configuration used by `ocpp-conformance run|main|report` (support/reporting/allure-report.ts passes it
// with --config and the output folder with -o). A plain object: importing defineConfig from 'allure' would run the
// CLI (TOOLCHAIN.md). The awesome template's analytics script is removed after generation, so the single file makes
// no network request when opened.
import { existsSync, readFileSync } from 'node:fs';

const REPORT_NAME = 'OCPP 1.6-J conformance: pre-certification test report (not an OCA certification)';

// One category per kind of failure; each result carries its kind as the label "category" (outcome.ts). An installed
// package has it only in dist/ (the compiled tree, package.json "files").
const categories = ['./support/reporting/categories.json', './dist/support/reporting/categories.json'].map((p) => new URL(p, import.meta.url)).find((u) => existsSync(u));
const titles = JSON.parse(readFileSync(categories, 'utf8'));

export default {
  name: REPORT_NAME,
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportName: REPORT_NAME,
        reportLanguage: 'en',
        // Role under test, then profile, then the feature file (section of the test case document).
        groupBy: ['parentSuite', 'suite', 'subSuite'],
        // Failed steps open by themselves with the evidence.
        stepTreeExpansion: 'expand_failed_only',
      },
    },
  },
  // Allure reads a string matcher as a regular expression: match the title literally.
  categories: Object.values(titles).map((name) => ({
    name,
    matchers: { labels: { category: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) } },
  })),
};

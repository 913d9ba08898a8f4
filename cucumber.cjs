// Cucumber configuration. The CLI (`ocpp-conformance run`) chooses the feature paths, tags and workers, the stdout
// formatter (one line per test case) and sets OCPP_CONFORMANCE_SUT / OCPP_CONFORMANCE_REPORTS; this file holds what
// is the same for every run. Allure's labels, links and statuses are not set here: after the run,
// support/reporting/allure-results.ts writes them from the verdicts (epic = role, feature = profile, story = id).
//
// OCPP_CONFORMANCE_CODE=dist (set by the CLI when dist/ is up to date, support/cli/package-root.ts) loads the compiled
// step definitions; otherwise the TypeScript sources run through ts-node. OCPP_CONFORMANCE_EVIDENCE=results (the
// self-test, which writes no report) leaves out the Allure results and the message stream: judging reads neither.
const path = require('node:path');

const reports = process.env.OCPP_CONFORMANCE_REPORTS || 'reports';
const compiled = process.env.OCPP_CONFORMANCE_CODE === 'dist';
const support = ['support/cucumber/hooks', 'support/cucumber/parameter-types', 'steps/**/*.steps'];
const evidence = process.env.OCPP_CONFORMANCE_EVIDENCE !== 'results';

module.exports = {
  default: {
    requireModule: compiled ? [] : ['ts-node/register/transpile-only'],
    require: compiled ? support.map((p) => `dist/${p}.js`) : support.map((p) => `${p}.ts`),
    format: evidence
      ? [
          `allure-cucumberjs/reporter:${path.join(reports, 'allure-results', 'cucumber-allure.log')}`,
          `message:${path.join(reports, 'cucumber-messages.ndjson')}`,
        ]
      : [],
    formatOptions: {
      resultsDir: path.join(reports, 'allure-results'),
    },
    strict: false,
    // The run ends when the last hook has: a teardown step left behind after its deadline (support/roles/bench.ts)
    // must not keep the process, and with it the reports, waiting.
    forceExit: true,
  },
};

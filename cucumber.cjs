// Cucumber configuration. The CLI (`ocpp-conformance run`) chooses the feature paths, tags and workers, the stdout
// formatter (one line per test case) and sets OCPP_CONFORMANCE_SUT / OCPP_CONFORMANCE_REPORTS; this file holds what
// is the same for every run. Allure's labels, links and statuses are not set here: after the run,
// support/reporting/allure-results.ts writes them from the verdicts (epic = role, feature = profile, story = id).
const path = require('node:path');

const reports = process.env.OCPP_CONFORMANCE_REPORTS || 'reports';

module.exports = {
  default: {
    requireModule: ['ts-node/register/transpile-only'],
    require: ['support/cucumber/hooks.ts', 'support/cucumber/parameter-types.ts', 'steps/**/*.steps.ts'],
    format: [
      `allure-cucumberjs/reporter:${path.join(reports, 'allure-results', 'cucumber-allure.log')}`,
      `message:${path.join(reports, 'cucumber-messages.ndjson')}`,
    ],
    formatOptions: {
      resultsDir: path.join(reports, 'allure-results'),
    },
    strict: false,
    // The run ends when the last hook has: a teardown step left behind after its deadline (support/roles/bench.ts)
    // must not keep the process, and with it the reports, waiting.
    forceExit: true,
  },
};

// Cucumber configuration. The CLI (`ocpp-conformance run`) chooses the feature paths, tags and workers and sets
// OCPP_CONFORMANCE_SUT / OCPP_CONFORMANCE_REPORTS; this file holds what is the same for every run.
// A .cjs file (not JSON) because Allure's label patterns are regular expressions (TOOLCHAIN.md).
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
      labels: [
        { pattern: [/@sut:(.*)/], name: 'epic' },
      ],
      links: { spec: { pattern: [/@spec=(.*)/], urlTemplate: '%s' } },
    },
    strict: false,
  },
};

// Cucumber formatter (plugin form, no import of @cucumber/cucumber) behind `ocpp-conformance run`'s output: one line
// per test case as it finishes, read from the result file the "judge the scenario" hook has just written, and a
// progress bar on a terminal. Format option `ocppProgress.quiet` prints nothing (self-test). The lines themselves are
// written by progress-printer.ts.
const { existsSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

// Beside compiled modules in dist/ it needs nothing; beside the TypeScript sources, ts-node.
if (!require.extensions['.ts'] && !existsSync(join(__dirname, 'progress-printer.js'))) {
  require('ts-node').register({ transpileOnly: true, project: join(__dirname, '..', '..', 'tsconfig.json') });
}
const { ProgressPrinter } = require('./progress-printer');
const { readTags } = require('../cucumber/tags');

const STATUS_RANK = ['UNKNOWN', 'PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

module.exports = {
  type: 'formatter',
  optionsKey: 'ocppProgress',
  formatter({ on, options, stream }) {
    if (options && options.quiet) return;
    const reportsDir = resolve(process.env.OCPP_CONFORMANCE_REPORTS || 'reports');
    const printer = new ProgressPrinter(stream);
    const pickles = new Map();
    const testCases = new Map();
    const started = new Map();
    on('message', (envelope) => {
      if (envelope.pickle) pickles.set(envelope.pickle.id, envelope.pickle);
      if (envelope.testCase) {
        testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
        printer.planned();
      }
      if (envelope.testCaseStarted) {
        const s = envelope.testCaseStarted;
        const at = s.timestamp ? Number(s.timestamp.seconds) * 1000 + Math.floor(s.timestamp.nanos / 1e6) : Date.now();
        started.set(s.id, { pickleId: testCases.get(s.testCaseId), t0: Date.now(), at, status: 'UNKNOWN' });
        printer.started();
      }
      if (envelope.testStepFinished) {
        const s = started.get(envelope.testStepFinished.testCaseStartedId);
        const status = envelope.testStepFinished.testStepResult.status;
        if (s && STATUS_RANK.indexOf(status) > STATUS_RANK.indexOf(s.status)) s.status = status;
      }
      if (envelope.testCaseFinished && !envelope.testCaseFinished.willBeRetried) {
        const s = started.get(envelope.testCaseFinished.testCaseStartedId);
        const pickle = s && pickles.get(s.pickleId);
        if (!pickle) return;
        const id = readTags(pickle.tags.map((t) => t.name)).id || pickle.name.split(' ')[0];
        let result;
        try {
          result = JSON.parse(readFileSync(join(reportsDir, 'results', `${id}.json`), 'utf8'));
        } catch {
          result = undefined;
        }
        // A result left in the folder by an earlier suite is not this one's.
        if (result && Date.parse(result.startedAt) < s.at - 2000) result = undefined;
        const title = pickle.name.startsWith(id) ? pickle.name.slice(id.length).trim() : pickle.name;
        printer.finished({ id, title, result, cucumberStatus: s.status, durationMs: Date.now() - s.t0 });
      }
      if (envelope.testRunFinished) printer.end();
    });
  },
};

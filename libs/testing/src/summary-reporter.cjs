/**
 * Jest reporter that leaves each project's counts, and the name and first lines of each
 * failure, in tmp/test-results/<project>.json so tools/test.mjs can print one total for the
 * whole workspace run and repeat the failures where a truncated CI log still shows them.
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const { basename, join, relative } = require('node:path');

const MESSAGE_LINES = 8;
const COLOURS = /\u001b\[[0-9;]*m/g;

const firstLines = (messages) =>
  messages
    .join('\n')
    .replace(COLOURS, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, MESSAGE_LINES)
    .join('\n');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  failuresOf(results) {
    return results.testResults.flatMap((suite) => {
      const file = relative(join(__dirname, '../../..'), suite.testFilePath);
      const failedTests = suite.testResults
        .filter((test) => test.status === 'failed')
        .map((test) => ({ name: `${file} › ${test.fullName}`, message: firstLines(test.failureMessages) }));
      if (failedTests.length === 0 && suite.testExecError)
        return [{ name: `${file} (suite did not run)`, message: firstLines([suite.testExecError.message]) }];
      return failedTests;
    });
  }

  onRunComplete(_contexts, results) {
    const dir = join(__dirname, '../../../tmp/test-results');
    mkdirSync(dir, { recursive: true });
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      failures: this.failuresOf(results),
    };
    writeFileSync(join(dir, `${basename(this.rootDir)}.json`), JSON.stringify(counts));
  }
}

module.exports = SummaryReporter;

import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const SummaryReporter = createRequire(__filename)('./summary-reporter.cjs');
const ROOT = join(__dirname, '../../..');

interface Written {
  passed: number;
  failed: number;
  skipped: number;
  failures: Array<{ name: string; message: string }>;
}

/** Runs the reporter's end of run on `results` (Jest's aggregated shape) and reads what it left. */
const report = (results: Record<string, unknown>): Written => {
  const project = `summary-probe-${randomUUID()}`;
  const file = join(ROOT, 'tmp/test-results', `${project}.json`);
  try {
    new SummaryReporter({ rootDir: join(ROOT, 'libs', project) }).onRunComplete(new Set(), results);
    return JSON.parse(readFileSync(file, 'utf8')) as Written;
  } finally {
    rmSync(file, { force: true });
  }
};

const run = (testResults: unknown[], counts: Record<string, number>) => ({
  numPassedTests: 0,
  numFailedTests: 0,
  numRuntimeErrorTestSuites: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  ...counts,
  testResults,
});

describe('summary reporter', () => {
  it('given passing, failing and skipped tests, when the run ends, then it leaves the counts and names each failure by file and title', () => {
    const written = report(
      run(
        [
          {
            testFilePath: join(ROOT, 'libs/probe/src/a.int.spec.ts'),
            testResults: [
              { status: 'passed', fullName: 'a works', failureMessages: [] },
              {
                status: 'failed',
                fullName: 'a refuses bad input',
                failureMessages: ['\u001b[31mExpected: 400\u001b[39m\n\nReceived: 500'],
              },
            ],
          },
        ],
        { numPassedTests: 1, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1 },
      ),
    );
    expect(written).toEqual({
      passed: 1,
      failed: 1,
      skipped: 3,
      failures: [
        {
          name: 'libs/probe/src/a.int.spec.ts › a refuses bad input',
          message: 'Expected: 400\nReceived: 500',
        },
      ],
    });
  });

  it('given a long failure message, when the run ends, then only its first eight lines are kept', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const written = report(
      run(
        [
          {
            testFilePath: join(ROOT, 'libs/probe/src/b.unit.spec.ts'),
            testResults: [{ status: 'failed', fullName: 'b', failureMessages: [lines.join('\n')] }],
          },
        ],
        { numFailedTests: 1 },
      ),
    );
    expect(written.failures[0]?.message).toBe(lines.slice(0, 8).join('\n'));
  });

  it('given a suite that could not run, when the run ends, then it counts as failed and is named with its error', () => {
    const written = report(
      run(
        [
          {
            testFilePath: join(ROOT, 'libs/probe/src/c.int.spec.ts'),
            testResults: [],
            testExecError: { message: "Cannot find module './gone'" },
          },
        ],
        { numRuntimeErrorTestSuites: 1 },
      ),
    );
    expect(written.failed).toBe(1);
    expect(written.failures).toEqual([
      { name: 'libs/probe/src/c.int.spec.ts (suite did not run)', message: "Cannot find module './gone'" },
    ]);
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeWith, type InfraNeed } from './infra-needs';

/** A program outside Node a suite runs, and how to get it. */
export interface ProgramNeed {
  /** Where it is, or undefined when it is not here. */
  path: string | undefined;
  /** What the suite does with it, for the failure and skip messages ("start a Kafka broker of its own"). */
  purpose: string;
  /** How to install it, e.g. `apt-get install prometheus`. */
  install: string;
}

/** The command's path when it is on the PATH. */
export const onPath = (command: string): string | undefined =>
  (process.env['PATH'] ?? '')
    .split(':')
    .map((dir) => join(dir, command))
    .find((candidate) => existsSync(candidate));

/**
 * `describeWith(...needs)` for suites that also run a program outside Node. Without it such a
 * suite fails in CI (`CI=true`), naming what is missing and how to install it, and is skipped,
 * saying why, elsewhere.
 */
export const describeWithProgram =
  (program: ProgramNeed, ...needs: InfraNeed[]) =>
  (name: string, body: () => void): void => {
    if (program.path) return describeWith(...needs)(name, body);
    const missing = `the program to ${program.purpose} is missing: ${program.install}`;
    if (process.env['CI'] === 'true') {
      describe(name, () => it(`has the program to ${program.purpose}`, () => expect(missing).toBe('')));
      return;
    }
    console.warn(`[hypercare tests] skipping "${name}": ${missing}`);
    describe.skip(name, body);
  };

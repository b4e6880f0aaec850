/**
 * Shared Jest settings: SWC transpiles TypeScript (with decorator metadata, which NestJS
 * needs) and the workspace path aliases resolve to library sources.
 */
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

/**
 * @param {{ name: string, dir: string, needs?: Array<'postgres' | 'kafka'> }} project
 *   needs: integration dependencies the global setup must provide (see libs/testing).
 */
module.exports = ({ name, dir, needs = [] }) => ({
  displayName: name,
  rootDir: dir,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // jose ships ES modules only; Jest's CommonJS runtime needs it transformed like our sources.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['**/*.spec.ts'],
  globals: { hypercareNeeds: needs },
  globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'libs/testing/src/global-teardown.ts'),
  reporters: ['default', path.join(__dirname, 'libs/testing/src/summary-reporter.cjs')],
  testTimeout: 60_000,
});

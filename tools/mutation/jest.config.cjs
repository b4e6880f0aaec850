/**
 * The domain's unit specs as one Jest run for StrykerJS: the projects' global setup (which
 * probes PostgreSQL and Kafka) is left out, since no domain test needs either.
 */
const path = require('node:path');
const preset = require('../../jest.preset.cjs');

const root = path.join(__dirname, '..', '..');
const {
  globalSetup: _setup,
  globalTeardown: _teardown,
  reporters: _reporters,
  displayName: _name,
  ...settings
} = preset({ name: 'mutation', dir: root });

module.exports = {
  ...settings,
  rootDir: root,
  roots: [
    '<rootDir>/services/triage/src',
    '<rootDir>/services/intake/src',
    '<rootDir>/services/monitoring/src',
    '<rootDir>/libs/event-store/src',
    '<rootDir>/libs/domain/src',
    '<rootDir>/services/reporting/src/postmortems',
  ],
  testMatch: ['**/*.unit.spec.ts'],
};

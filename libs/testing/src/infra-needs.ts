/** An integration dependency a test suite can ask for. */
export type InfraNeed = 'postgres' | 'kafka';

const variables: Record<InfraNeed, string> = { postgres: 'DATABASE_URL', kafka: 'KAFKA_BROKERS' };

/** The environment variable in which the global setup leaves the reason a dependency is missing. */
export const unavailableVariable = (need: InfraNeed): string =>
  `HYPERCARE_TEST_UNAVAILABLE_${need.toUpperCase()}`;

/**
 * `describe` when every named dependency is available, otherwise `describe.skip` with the
 * reason printed. The global setup has already failed the run in CI if one is missing.
 */
export const describeWith =
  (...needs: InfraNeed[]) =>
  (name: string, body: () => void): void => {
    const missing = needs.filter((need) => !process.env[variables[need]]);
    if (missing.length === 0) {
      describe(name, body);
      return;
    }
    const reasons = missing.map(
      (need) => process.env[unavailableVariable(need)] ?? `${variables[need]} is not set`,
    );
    console.warn(`[hypercare tests] skipping "${name}": ${reasons.join('; ')}`);
    describe.skip(name, body);
  };

/** The connection string of the test PostgreSQL; throws when a suite forgot to ask for it. */
export const databaseUrl = (): string => required('DATABASE_URL');

/** The comma-separated broker list of the test Kafka. */
export const kafkaBrokers = (): string[] => required('KAFKA_BROKERS').split(',');

const required = (variable: string): string => {
  const value = process.env[variable];
  if (!value)
    throw new Error(
      `${variable} is not set: wrap the suite in describeWith(...) so the global setup provides it`,
    );
  return value;
};

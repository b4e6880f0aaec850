import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, serviceEnvironment } from './config';

const valid = {
  PORT: '3001',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  KAFKA_BROKERS: '127.0.0.1:9092, kafka-2:9092',
};

const problemsOf = (env: NodeJS.ProcessEnv): readonly string[] => {
  try {
    loadConfig(serviceEnvironment, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('parses a valid environment into a frozen, typed object with defaults', () => {
    const config = loadConfig(serviceEnvironment, valid);
    expect(config).toEqual({
      PORT: 3001,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      DATABASE_URL: valid.DATABASE_URL,
      KAFKA_BROKERS: ['127.0.0.1:9092', 'kafka-2:9092'],
      HYPERCARE_CLOCK: 'system',
      HYPERCARE_AUTH: 'on',
      OIDC_ROLES_CLAIM: 'roles',
      OIDC_ALGORITHMS: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      OIDC_CLOCK_SKEW_SECONDS: 30,
      OIDC_JWKS_COOLDOWN_MS: 30_000,
      RATE_LIMIT_PER_PRINCIPAL: 1_000,
      RATE_LIMIT_PER_ADDRESS: 2_000,
      RATE_LIMIT_WINDOW_MS: 10_000,
      CORS_ORIGINS: [],
      KAFKA_TLS: 'false',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads a variable from the file NAME_FILE names, and says when it cannot or both are given', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hypercare-config-'));
    const file = join(folder, 'database-url');
    writeFileSync(file, 'postgres://app:s3cret@db:5432/hypercare\n');
    const { DATABASE_URL: _, ...withoutUrl } = valid;
    expect(loadConfig(serviceEnvironment, { ...withoutUrl, DATABASE_URL_FILE: file }).DATABASE_URL).toBe(
      'postgres://app:s3cret@db:5432/hypercare',
    );
    expect(problemsOf({ ...valid, DATABASE_URL_FILE: file })).toEqual([
      'DATABASE_URL and DATABASE_URL_FILE are both set: give one',
    ]);
    expect(problemsOf({ ...withoutUrl, DATABASE_URL_FILE: join(folder, 'missing') })).toEqual([
      `DATABASE_URL_FILE names ${join(folder, 'missing')}, which cannot be read (ENOENT)`,
    ]);
    expect(
      loadConfig(serviceEnvironment, { ...valid, TF_CLI_CONFIG_FILE: join(folder, 'not ours') }),
    ).toMatchObject({
      DATABASE_URL: valid.DATABASE_URL,
    });
    rmSync(folder, { recursive: true });
  });

  it('refuses to run without authentication anywhere but on a loopback address', () => {
    expect(problemsOf({ ...valid, HYPERCARE_AUTH: 'off' })).toEqual([
      'HYPERCARE_AUTH=off is for local experiments only: HOST must be a loopback address (127.0.0.1, ::1), not 0.0.0.0',
    ]);
    expect(
      loadConfig(serviceEnvironment, { ...valid, HYPERCARE_AUTH: 'off', HOST: '127.0.0.1' }),
    ).toMatchObject({
      HYPERCARE_AUTH: 'off',
    });
  });

  it.each([
    [{ OIDC_ALGORITHMS: 'RS256,HS256' }, /^OIDC_ALGORITHMS.1 must list asymmetric algorithms only/],
    [{ OIDC_ALGORITHMS: 'none' }, /^OIDC_ALGORITHMS.0 must list asymmetric algorithms only/],
    [{ OIDC_ISSUER: 'https://login.example.com' }, /^OIDC_AUDIENCE is required with OIDC_ISSUER/],
    [{ OIDC_AUDIENCE: 'hypercare' }, /^OIDC_AUDIENCE has no effect without OIDC_ISSUER/],
    [
      { HYPERCARE_ADMIN_API_KEY: 'secret' },
      /^HYPERCARE_ADMIN_API_KEY must be an API key as the platform makes them/,
    ],
    [
      { KAFKA_SASL_MECHANISM: 'scram-sha-256' },
      /^KAFKA_SASL_MECHANISM=scram-sha-256 needs KAFKA_SASL_USERNAME/,
    ],
    [
      { KAFKA_SASL_USERNAME: 'svc' },
      /^KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD need KAFKA_SASL_MECHANISM/,
    ],
    [{ KAFKA_TLS_CA_FILE: '/etc/ca.pem' }, /^KAFKA_TLS_CA_FILE needs KAFKA_TLS=true/],
    [{ KAFKA_SASL_MECHANISM: 'gssapi' }, /^KAFKA_SASL_MECHANISM Invalid enum value/],
  ])('names what is wrong with the sign-in settings %j', (variables, problem) => {
    expect(problemsOf({ ...valid, ...variables })).toEqual([expect.stringMatching(problem)]);
  });

  it('names a missing KAFKA_BROKERS', () => {
    expect(problemsOf({ ...valid, KAFKA_BROKERS: undefined })).toEqual([
      expect.stringMatching(/^KAFKA_BROKERS is required/),
    ]);
  });

  it('treats an empty variable as missing', () => {
    expect(problemsOf({ ...valid, KAFKA_BROKERS: '' })).toEqual([
      expect.stringMatching(/^KAFKA_BROKERS is required/),
    ]);
  });

  it.each(['localhost', 'kafka:9092;kafka:9093', 'http://kafka:9092'])(
    'rejects the malformed broker list %p',
    (brokers) => {
      expect(problemsOf({ ...valid, KAFKA_BROKERS: brokers })).toEqual([
        expect.stringMatching(/^KAFKA_BROKERS must be a comma-separated host:port list/),
      ]);
    },
  );

  it('names every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'PORT',
      'LOG_LEVEL',
      'DATABASE_URL',
      'KAFKA_BROKERS',
    ]);
  });

  it('takes an EventStoreDB connection string, and names one that is not', () => {
    expect(
      loadConfig(serviceEnvironment, { ...valid, EVENTSTORE_URL: 'esdb://127.0.0.1:2113?tls=false' })
        .EVENTSTORE_URL,
    ).toBe('esdb://127.0.0.1:2113?tls=false');
    expect(problemsOf({ ...valid, EVENTSTORE_URL: 'http://127.0.0.1:2113' })).toEqual([
      'EVENTSTORE_URL must be an EventStoreDB connection string, e.g. esdb://127.0.0.1:2113?tls=false',
    ]);
  });
});

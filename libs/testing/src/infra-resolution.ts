import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

const run = promisify(execFile);

/** Where an integration dependency came from, or why it could not be had. */
export type Resolution =
  | {
      available: true;
      url: string;
      source: 'environment' | 'testcontainers' | 'local launcher';
      stop?: () => Promise<void>;
    }
  | { available: false; reason: string };

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_KAFKA = '127.0.0.1:9092';

export const workspaceRoot = (): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = join(dir, '..');
    if (parent === dir) throw new Error('nx.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
};

// The Jest global setup runs outside Jest's module mapper, so these probes cannot import
// @hypercare/service-kit's readiness checks and stay self-contained here.
export const postgresAnswers = async (url: string): Promise<string | undefined> => {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
};

export const kafkaAnswers = async (brokers: string): Promise<string | undefined> => {
  const admin = new Kafka({
    clientId: 'hypercare-test-probe',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
    connectionTimeout: 3_000,
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
};

/**
 * Testcontainers is only worth trying when a container engine answers; without one it
 * throws "Could not find a working container runtime strategy" within a second.
 */
const containerRuntimeAvailable = async (): Promise<boolean> => {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
};

export const resolvePostgres = async (): Promise<Resolution> => {
  const fromEnv = process.env['DATABASE_URL'];
  if (fromEnv) {
    const problem = await postgresAnswers(fromEnv);
    return problem
      ? { available: false, reason: `DATABASE_URL=${fromEnv} does not answer: ${problem}` }
      : { available: true, url: fromEnv, source: 'environment' };
  }
  if (await containerRuntimeAvailable()) {
    const { GenericContainer, Wait } = await import('testcontainers');
    const container = await new GenericContainer('postgres:16-alpine')
      .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/ready to accept connections/, 2))
      .start();
    const url = `postgres://postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
    return {
      available: true,
      url,
      source: 'testcontainers',
      stop: async () => void (await container.stop()),
    };
  }
  if (!(await postgresAnswers(LOCAL_POSTGRES)))
    return { available: true, url: LOCAL_POSTGRES, source: 'local launcher' };
  try {
    await run('bash', [join(workspaceRoot(), 'infra/postgres/postgres.sh'), 'start'], { timeout: 60_000 });
  } catch (error) {
    return {
      available: false,
      reason: `PostgreSQL: DATABASE_URL is unset, no container engine, and the local launcher failed: ${(error as Error).message}`,
    };
  }
  const problem = await postgresAnswers(LOCAL_POSTGRES);
  return problem
    ? { available: false, reason: `PostgreSQL at ${LOCAL_POSTGRES} does not answer after start: ${problem}` }
    : { available: true, url: LOCAL_POSTGRES, source: 'local launcher' };
};

export const resolveKafka = async (): Promise<Resolution> => {
  const fromEnv = process.env['KAFKA_BROKERS'];
  if (fromEnv) {
    const problem = await kafkaAnswers(fromEnv);
    return problem
      ? { available: false, reason: `KAFKA_BROKERS=${fromEnv} does not answer: ${problem}` }
      : { available: true, url: fromEnv, source: 'environment' };
  }
  if (await containerRuntimeAvailable()) {
    const { GenericContainer, Wait } = await import('testcontainers');
    const container = await new GenericContainer('apache/kafka:3.9.1')
      .withExposedPorts({ container: 9092, host: 29092 })
      .withEnvironment({
        KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
        KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:29092',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .start();
    return {
      available: true,
      url: '127.0.0.1:29092',
      source: 'testcontainers',
      stop: async () => void (await container.stop()),
    };
  }
  try {
    await run('bash', [join(workspaceRoot(), 'infra/kafka/kafka.sh'), 'start'], { timeout: 300_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
    return {
      available: false,
      reason: `Kafka: KAFKA_BROKERS is unset, no container engine, and infra/kafka/kafka.sh failed: ${stderr.trim()}`,
    };
  }
  const problem = await kafkaAnswers(LOCAL_KAFKA);
  return problem
    ? { available: false, reason: `Kafka at ${LOCAL_KAFKA} does not answer after start: ${problem}` }
    : { available: true, url: LOCAL_KAFKA, source: 'local launcher' };
};

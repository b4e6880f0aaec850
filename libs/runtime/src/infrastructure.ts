import type { AuthDatabase } from '@hypercare/auth';
import { prepareStatements } from '@hypercare/event-store';
import { Backoff, type Clock, pause, systemClock } from '@hypercare/domain-kit';
import {
  AdvisoryLockElection,
  InProcessMessageBus,
  KafkaMessageBus,
  SoleLeader,
  type LeaderElection,
  type MessageBus,
  type MessagingLog,
} from '@hypercare/messaging';
import type { KafkaSecurity, ReadinessCheck } from '@hypercare/service-kit';
import { Client, Pool, type PoolConfig } from 'pg';

export interface InfrastructureSettings {
  /** A postgres:// URL: a PostgreSQL server, or the name the services give the embedded database (see `embeddedPool`). */
  databaseUrl: string;
  /**
   * The pool of a database in this process instead of a server at `databaseUrl` (PGlite's
   * `pglitePoolConfig`): its connections are made in the process, and it is the only pool,
   * the database having one session.
   */
  embeddedPool?: PoolConfig;
  /** Kafka's brokers; absent, the in-process bus carries the events. */
  kafkaBrokers?: readonly string[];
  /** How to sign in to Kafka and encrypt the connection; plain when absent. */
  kafkaSecurity?: KafkaSecurity;
  clock?: Clock;
  /**
   * How instances of a service pick the one that relays its events: a PostgreSQL advisory
   * lock when several processes may share the database, or none when the process is alone.
   */
  election: 'advisory-lock' | 'sole';
  /** Where API keys are kept when not in this database: one database every service reaches. */
  authDatabaseUrl?: string;
  /** Kafka client id, log context. */
  clientId: string;
  /** Runs last on close, e.g. to stop the embedded database. */
  onClose?: () => Promise<void>;
}

const RECONNECT_MAX_MS = 10_000;
const SERVER_POOL_SIZE = 10;

/**
 * What services run on: a PostgreSQL pool, a message bus and a clock. One per process in the
 * distributed mode; shared by all five services in the all-in-one process. The bus connects
 * in the background and keeps retrying, so a service starts (and reports not ready) while
 * Kafka is away.
 */
export class Infrastructure {
  readonly pool: Pool;
  readonly clock: Clock;
  private busConnection?: Promise<MessageBus>;
  private closed?: Promise<void>;
  /** The bus once it answered, for readiness probes that must not wait for it. */
  private connectedBus?: MessageBus;
  private workPool?: Pool;
  private authPool?: Pool;
  private readonly closing = new AbortController();

  constructor(private readonly settings: InfrastructureSettings) {
    this.pool = prepareStatements(
      new Pool(settings.embeddedPool ?? { connectionString: settings.databaseUrl, max: SERVER_POOL_SIZE }),
    );
    // An idle connection dropping must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.clock = settings.clock ?? systemClock;
  }

  get databaseUrl(): string {
    return this.settings.databaseUrl;
  }

  get messaging(): 'kafka' | 'in-process' {
    return this.settings.kafkaBrokers ? 'kafka' : 'in-process';
  }

  /** The bus, once it answers; rejects only when the infrastructure closes first. */
  bus(log: MessagingLog): Promise<MessageBus> {
    this.busConnection ??= this.connectBus(log);
    return this.busConnection;
  }

  /**
   * Connections of the projections' own, so that live projection never queues behind the
   * service's reads; the embedded database has one session, so there it is the one pool.
   */
  get projectionPool(): Pool {
    if (this.settings.embeddedPool) return this.pool;
    if (!this.workPool) {
      this.workPool = prepareStatements(new Pool({ connectionString: this.settings.databaseUrl, max: 2 }));
      this.workPool.on('error', () => undefined);
    }
    return this.workPool;
  }

  /**
   * Runs `work` while no other process sharing the database runs work of the same name: a
   * session-level advisory lock on a connection of its own. A process alone on its database
   * (the embedded mode) just runs it.
   */
  async exclusive<T>(
    name: string,
    work: () => Promise<T>,
    databaseUrl = this.settings.databaseUrl,
  ): Promise<T> {
    if (this.settings.election === 'sole') return work();
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [name]);
      return await work();
    } finally {
      await client.end();
    }
  }

  /** The database of the platform's API keys: this one, unless the settings name another. */
  get authDatabase(): AuthDatabase {
    const url = this.settings.authDatabaseUrl;
    if (!url || url === this.settings.databaseUrl)
      return {
        pool: this.pool,
        shared: this.settings.election !== 'sole',
        exclusive: (work) => this.exclusive('hypercare_auth.migrations', work),
      };
    if (!this.authPool) {
      this.authPool = prepareStatements(new Pool({ connectionString: url, max: 4 }));
      this.authPool.on('error', () => undefined);
    }
    return {
      pool: this.authPool,
      shared: true,
      exclusive: (work) => this.exclusive('hypercare_auth.migrations', work, url),
    };
  }

  election(lockName: string): LeaderElection {
    return this.settings.election === 'sole'
      ? new SoleLeader()
      : new AdvisoryLockElection({ connection: this.settings.databaseUrl, lockName });
  }

  readinessChecks(): ReadinessCheck[] {
    const postgres: ReadinessCheck = {
      name: 'postgres',
      check: async () => void (await this.pool.query('select 1')),
    };
    const kafka: ReadinessCheck = {
      name: 'kafka',
      check: async () => {
        if (!this.connectedBus) throw new Error('Kafka does not answer yet: still connecting');
        await this.connectedBus.healthy();
      },
    };
    return this.settings.kafkaBrokers ? [postgres, kafka] : [postgres];
  }

  /** Closes everything once; later calls wait for the same close. */
  close(): Promise<void> {
    this.closed ??= this.closeAll();
    return this.closed;
  }

  private async closeAll(): Promise<void> {
    this.closing.abort();
    const bus = await this.busConnection?.catch(() => undefined);
    await bus?.close();
    await this.workPool?.end();
    await this.authPool?.end();
    await this.pool.end();
    await this.settings.onClose?.();
  }

  private async connectBus(log: MessagingLog): Promise<MessageBus> {
    const brokers = this.settings.kafkaBrokers;
    if (!brokers) return new InProcessMessageBus();
    for (const backoff = new Backoff(500, RECONNECT_MAX_MS); ;) {
      if (this.closing.signal.aborted) throw new Error('infrastructure closed before Kafka answered');
      try {
        this.connectedBus = await KafkaMessageBus.connect({
          brokers: [...brokers],
          clientId: this.settings.clientId,
          security: this.settings.kafkaSecurity,
          log,
        });
        return this.connectedBus;
      } catch (error) {
        const wait = backoff.next();
        log.warn({ brokers, retryInMs: wait, error: (error as Error).message }, 'Kafka does not answer yet');
        await pause(wait, this.closing.signal);
      }
    }
  }
}

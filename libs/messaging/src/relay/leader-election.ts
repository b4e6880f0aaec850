import { pause } from '@hypercare/domain-kit';
import { Client, type ClientConfig } from 'pg';

/** Held while this instance is the one allowed to act; `lost` settles when that ends. */
export interface LeaderLease {
  readonly lost: Promise<Error>;
  release(): Promise<void>;
}

/** Elects one active instance among several running the same service. */
export interface LeaderElection {
  /** Waits until this instance leads; undefined when `signal` aborted the wait first. */
  acquire(signal: AbortSignal): Promise<LeaderLease | undefined>;
}

const connectionConfig = (connection: string | ClientConfig): ClientConfig =>
  typeof connection === 'string' ? { connectionString: connection } : connection;

/** The embedded mode's election: one process, so it always leads. */
export class SoleLeader implements LeaderElection {
  async acquire(signal: AbortSignal): Promise<LeaderLease | undefined> {
    if (signal.aborted) return undefined;
    return { lost: new Promise<Error>(() => undefined), release: async () => undefined };
  }
}

export interface AdvisoryLockElectionOptions {
  /** The service's own database: every instance of the service competes in it. */
  connection: string | ClientConfig;
  /** Names the lock; instances with the same name exclude each other. */
  lockName: string;
  /** How often a follower tries the lock and a leader checks its connection (default 1 s). */
  pollIntervalMs?: number;
}

/**
 * Leadership as a session-level PostgreSQL advisory lock held on a connection of its own.
 * When the leader's process dies its connection closes and PostgreSQL frees the lock, so a
 * follower polling every `pollIntervalMs` takes over within about that long. A leader that
 * cannot reach the database any more gives up its lease rather than risk two leaders.
 */
export class AdvisoryLockElection implements LeaderElection {
  constructor(private readonly options: AdvisoryLockElectionOptions) {}

  async acquire(signal: AbortSignal): Promise<LeaderLease | undefined> {
    const pollMs = this.options.pollIntervalMs ?? 1_000;
    while (!signal.aborted) {
      const client = new Client({
        ...connectionConfig(this.options.connection),
        keepAlive: true,
        query_timeout: pollMs * 5,
      });
      const connectionLost = new Promise<Error>((resolve) => {
        client.on('error', resolve);
        client.on('end', () => resolve(new Error('leader connection closed')));
      });
      try {
        await client.connect();
        while (!signal.aborted) {
          const [row] = (
            await client.query<{ locked: boolean }>(
              'select pg_try_advisory_lock(hashtextextended($1, 0)) as locked',
              [this.options.lockName],
            )
          ).rows;
          if (row?.locked) return this.lease(client, connectionLost, pollMs);
          await pause(pollMs, signal);
        }
      } catch {
        await pause(pollMs, signal);
      }
      await client.end().catch(() => undefined);
    }
    return undefined;
  }

  private lease(client: Client, connectionLost: Promise<Error>, pollMs: number): LeaderLease {
    let released = false;
    let probe: NodeJS.Timeout | undefined;
    const probeFailed = new Promise<Error>((resolve) => {
      probe = setInterval(() => client.query('select 1').catch(resolve), pollMs);
    });
    const lost = Promise.race([connectionLost, probeFailed]).finally(() => clearInterval(probe));
    return {
      lost,
      release: async () => {
        if (released) return;
        released = true;
        clearInterval(probe);
        await client
          .query('select pg_advisory_unlock(hashtextextended($1, 0))', [this.options.lockName])
          .catch(() => undefined);
        await client.end().catch(() => undefined);
      },
    };
  }
}

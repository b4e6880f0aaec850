import type { EventStore, RecordedEvent, SqlExecutor, Subscription } from '../event-store.port';
import { eventually } from '@hypercare/testing';
import { events, uniqueStreams } from './fixture';

/** For adapters whose subscription handlers share the checkpoint's transaction. */
export const transactionalCheckpointContract = (store: () => EventStore, sql: () => SqlExecutor): void => {
  describe('checkpoints in the handler’s transaction', () => {
    let subscription: Subscription | undefined;
    afterEach(async () => subscription?.stop());

    it('commits the handler’s writes and the checkpoint together, or neither', async () => {
      const { prefix, stream } = uniqueStreams();
      const table = `seen_${prefix.replace(/[^a-z0-9]/g, '')}`;
      await store().append(stream(), events(4));
      let failOnce = true;
      const handled: RecordedEvent[] = [];
      let tableReady = false;
      subscription = store().subscribe({
        subscriptionId: `${prefix}tx`,
        filter: { streamPrefixes: [prefix] },
        batchSize: 2,
        handle: async (batch, tx) => {
          if (!tx) throw new Error('expected a transaction');
          if (!tableReady) {
            await tx.query(`create table if not exists ${table} (position bigint primary key)`);
            tableReady = true;
          }
          for (const e of batch) await tx.query(`insert into ${table} values ($1)`, [e.position]);
          if (failOnce && batch[0]?.version === 2) {
            failOnce = false;
            tableReady = false;
            throw new Error('fails after writing');
          }
          handled.push(...batch);
        },
      });
      // The handler returns before its transaction commits: wait for the checkpoint, committed with the rows.
      await eventually(
        'all four events handled and committed',
        async () =>
          handled.length === 4 && (await store().checkpoint(`${prefix}tx`)) === handled[3]?.position,
      );

      const [row] = await sql().query<{ n: number }>(`select count(*)::int as n from ${table}`);
      expect(row?.n).toBe(4);
    });
  });
};

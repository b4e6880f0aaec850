import { PGlite } from '@electric-sql/pglite';
import { describeEventStoreContract } from '../testing';
import { PostgresEventStore } from './postgres-event-store';
import { pgliteClient } from './sql-client';

describeEventStoreContract(
  'PGlite (embedded)',
  async () => {
    const client = pgliteClient(await PGlite.create());
    const store = await PostgresEventStore.open(client);
    return { store, sql: client, dispose: () => store.close() };
  },
  { transactionalCheckpoints: true, eventIdConflicts: true },
);

import { createTestDatabase, describeWith } from '@hypercare/testing';
import { describeEventStoreContract } from '../testing';
import { PostgresEventStore } from './postgres-event-store';
import { pgClient } from './sql-client';

describeWith('postgres')('PostgreSQL server adapter', () => {
  describeEventStoreContract(
    'PostgreSQL',
    async () => {
      const database = await createTestDatabase('es_contract');
      const client = pgClient(database.url);
      const store = await PostgresEventStore.open(client);
      return {
        store,
        sql: client,
        dispose: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
    { transactionalCheckpoints: true, eventIdConflicts: true },
  );
});

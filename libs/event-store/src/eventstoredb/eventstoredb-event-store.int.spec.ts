import { describeEventStoreContract } from '../testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const url = process.env['EVENTSTORE_URL'];

if (url) {
  describeEventStoreContract(
    'EventStoreDB',
    async () => {
      const store = EventStoreDbEventStore.connect(url);
      return { store, dispose: () => store.close() };
    },
    { transactionalCheckpoints: false, eventIdConflicts: false },
  );
} else {
  console.warn(
    '[hypercare tests] skipping the EventStoreDB contract: EVENTSTORE_URL is not set (see libs/event-store/README.md)',
  );
  describe.skip('EventStoreDB event store contract (EVENTSTORE_URL is not set)', () => {
    it('runs against a server at EVENTSTORE_URL', () => undefined);
  });
}

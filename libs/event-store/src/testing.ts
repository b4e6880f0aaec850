import { appendContract } from './contract/append.contract';
import type { StoreFactory, StoreFixture } from './contract/fixture';
import { readContract } from './contract/read.contract';
import { subscriptionContract } from './contract/subscription.contract';
import { transactionalCheckpointContract } from './contract/transactional-checkpoint.contract';
import type { EventStore, EventStoreCapabilities } from './event-store.port';

export type { StoreFactory, StoreFixture } from './contract/fixture';
export { given, type DeciderSpecification } from '@hypercare/domain-kit/testing';

/**
 * The event store contract: every adapter runs this same suite. `factory` gives a store
 * over an empty database of the suite's own.
 */
export const describeEventStoreContract = (
  adapter: string,
  factory: StoreFactory,
  capabilities: EventStoreCapabilities,
): void => {
  describe(`${adapter} event store contract`, () => {
    let fixture: StoreFixture;
    const store = (): EventStore => fixture.store;
    beforeAll(async () => (fixture = await factory()));
    afterAll(async () => fixture?.dispose());

    appendContract(store, capabilities);
    readContract(store);
    subscriptionContract(store);
    it('declares the capabilities the suite was told it has', () =>
      expect(store().capabilities).toEqual(capabilities));
    if (capabilities.transactionalCheckpoints) {
      transactionalCheckpointContract(store, () => {
        if (!fixture.sql) throw new Error(`${adapter} fixture must expose sql for transactional checkpoints`);
        return fixture.sql;
      });
    }
  });
};

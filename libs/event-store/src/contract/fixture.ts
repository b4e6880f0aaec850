import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent, SqlExecutor } from '../event-store.port';

/** A store under test and how to dispose of it. */
export interface StoreFixture {
  store: EventStore;
  /** Direct access to the store's database, for adapters with transactional checkpoints. */
  sql?: SqlExecutor;
  dispose(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreFixture>;

/** A stream name no other test uses, with a shared prefix per test for readAll filters. */
export const uniqueStreams = (): { prefix: string; stream: (name?: string) => string } => {
  const prefix = `t${randomUUID().slice(0, 8)}-`;
  return { prefix, stream: (name = 'a') => `${prefix}${name}` };
};

export const event = (type: string, data: unknown = {}, extra: Partial<NewEvent> = {}): NewEvent => ({
  type,
  data,
  ...extra,
});

export const events = (count: number, type = 'Happened'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => event(type, { index }));

/** Everything this test wrote, in global order. */
export const readAllOf = (store: EventStore, prefix: string): Promise<RecordedEvent[]> =>
  store.readAll({ filter: { streamPrefixes: [prefix] } });

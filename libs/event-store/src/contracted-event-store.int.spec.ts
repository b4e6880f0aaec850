import { PGlite } from '@electric-sql/pglite';
import { ContractRegistry, ContractViolation, defineEvent, type EventOf } from '@hypercare/contracts';
import { z } from 'zod';
import { commandHandler } from './command-handler';
import { ContractedEventStore } from './contracted-event-store';
import type { Decider } from './decider';
import type { RecordedEvent } from './event-store.port';
import { openPgliteEventStore } from './postgres/open';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { pgliteClient } from './postgres/sql-client';
import { describeEventStoreContract } from './testing';

/** v1 kept the count as text; v2 made it a number and added a unit. */
const countedV1 = defineEvent({
  type: 'hypercare.probe.counted.v1',
  topic: 'test.probe.v1',
  summary: 'first shape',
  schema: z.object({ count: z.string().regex(/^\d+$/) }),
});
const countedV2 = defineEvent({
  type: 'hypercare.probe.counted.v2',
  topic: 'test.probe.v1',
  summary: 'count as a number',
  schema: z.object({ count: z.number().int().nonnegative(), unit: z.string().min(1) }),
});
const noted = defineEvent({
  type: 'hypercare.probe.noted.v1',
  topic: 'test.probe.v1',
  summary: 'a note',
  schema: z.object({ text: z.string().min(1), weight: z.number().int().default(1) }),
});

const registry = () =>
  new ContractRegistry(
    [countedV1, countedV2, noted],
    [
      {
        from: countedV1.type,
        to: countedV2.type,
        upcast: (data) => ({ count: Number((data as { count: string }).count), unit: 'items' }),
      },
    ],
  );

/** A decider that only knows the current shape. */
type Counted = EventOf<typeof countedV2>;
const counter: Decider<{ add: number }, Counted, { total: number; units: string[] }> = {
  initialState: { total: 0, units: [] },
  decide: ({ add }) => [{ type: countedV2.type, data: { count: add, unit: 'items' } }],
  evolve: (state, event) => ({
    total: state.total + event.data.count,
    units: [...state.units, event.data.unit],
  }),
};

describeEventStoreContract(
  'contracted store over PGlite',
  async () => {
    const client = pgliteClient(await PGlite.create());
    const store = new ContractedEventStore(await PostgresEventStore.open(client), registry());
    return { store, sql: client, dispose: () => store.close() };
  },
  { transactionalCheckpoints: true, eventIdConflicts: true },
);

describe('the contracted store', () => {
  let raw: PostgresEventStore;
  let store: ContractedEventStore;
  const rejected: Array<{ event: RecordedEvent; violation: ContractViolation }> = [];
  beforeAll(async () => {
    raw = await openPgliteEventStore();
    store = new ContractedEventStore(raw, registry(), {
      onRejected: (event, violation) => rejected.push({ event, violation }),
    });
  });
  afterAll(async () => raw?.close());

  it('refuses a whole append when one event breaks its contract, naming the field, and writes nothing', async () => {
    const append = store.append('probe-1', [
      { type: noted.type, data: { text: 'fine' } },
      { type: noted.type, data: { text: '', weight: 1.5 } },
    ]);
    await expect(append).rejects.toThrow(ContractViolation);
    await expect(store.append('probe-1', [{ type: noted.type, data: { text: '' } }])).rejects.toThrow(/text/);
    await expect(
      store.transactional?.transaction((tx) =>
        tx.append('probe-1', [{ type: noted.type, data: { weight: 2 } }]),
      ),
    ).rejects.toThrow(/text/);
    expect(await raw.readStream('probe-1')).toEqual([]);
  });

  it('stores contracted events in their parsed form and internal events unchanged', async () => {
    await store.append('probe-2', [
      { type: noted.type, data: { text: 'defaults applied' } },
      { type: 'internal.timer-set', data: { anything: true } },
    ]);
    expect((await raw.readStream('probe-2')).map(({ type, data }) => ({ type, data }))).toEqual([
      { type: noted.type, data: { text: 'defaults applied', weight: 1 } },
      { type: 'internal.timer-set', data: { anything: true } },
    ]);
    expect(await store.headPosition()).toBe(await raw.headPosition());
  });

  it('hands a decider that only knows v2 a stream written with v1 events, and appends after them', async () => {
    await raw.append('counter-1', [
      { type: countedV1.type, data: { count: '2' } },
      { type: countedV1.type, data: { count: '3' } },
    ]);
    const handled = await commandHandler(store, counter)('counter-1', { add: 4 });
    expect(handled.state).toEqual({ total: 9, units: ['items', 'items', 'items'] });
    expect(handled.nextExpectedVersion).toBe(2);
    expect((await raw.readStream('counter-1')).map(({ type }) => type)).toEqual([
      countedV1.type,
      countedV1.type,
      countedV2.type,
    ]);
  });

  it('reads streams, the log and subscriptions at the current version, and a filter on a current type finds its older versions', async () => {
    await raw.append('counter-2', [{ type: countedV1.type, data: { count: '7' } }]);
    const [read] = await store.readStream('counter-2');
    expect(read).toMatchObject({ type: countedV2.type, data: { count: 7, unit: 'items' } });
    const log = await store.readAll({ filter: { streamPrefixes: ['counter-2'], types: [countedV2.type] } });
    expect(log.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: countedV2.type, data: { count: 7, unit: 'items' } },
    ]);

    const seen: RecordedEvent[] = [];
    const subscription = store.subscribe({
      subscriptionId: 'probe-current',
      filter: { streamPrefixes: ['counter-2'], types: [countedV2.type] },
      handle: async (events) => void seen.push(...events),
    });
    await subscription.caughtUp();
    await subscription.stop();
    expect(seen.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: countedV2.type, data: { count: 7, unit: 'items' } },
    ]);
  });

  it('types a stream by the contracts its reader knows and names an event of any other type', async () => {
    const typed = await store.readStreamOf('counter-2', [countedV2]);
    expect(typed[0]?.data.count).toBe(7);
    await expect(store.readStreamOf('counter-2', [noted])).rejects.toThrow(
      /"counter-2" holds hypercare\.probe\.counted\.v2 at version 0/,
    );
  });

  it('leaves a stored event that breaks its contract out of log reads, reporting it, and refuses to fold its stream', async () => {
    await raw.append('broken-1', [
      { type: noted.type, data: { text: '' } },
      { type: noted.type, data: { text: 'fine' } },
    ]);
    const log = await store.readAll({ filter: { streamPrefixes: ['broken-1'] } });
    expect(log.map(({ version }) => version)).toEqual([1]);
    expect(
      rejected.map(({ event, violation }) => [event.stream, event.version, violation.issues[0]?.path]),
    ).toEqual([['broken-1', 0, 'text']]);
    await expect(store.readStream('broken-1')).rejects.toThrow(ContractViolation);
  });
});

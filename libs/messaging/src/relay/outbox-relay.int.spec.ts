import { randomUUID } from 'node:crypto';
import { ContractRegistry, defineEvent } from '@hypercare/contracts';
import {
  ContractedEventStore,
  openPgliteEventStore,
  openPostgresEventStore,
  type EventStore,
} from '@hypercare/event-store';
import {
  createTestDatabase,
  describeWith,
  eventually,
  kafkaBrokers,
  sleep,
  type TestDatabase,
} from '@hypercare/testing';
import { z } from 'zod';
import { InProcessMessageBus } from '../in-process-message-bus';
import type { IntegrationEvent } from '../integration-event';
import { KafkaMessageBus } from '../kafka-message-bus';
import type { MessageBus, RunningConsumer } from '../message-bus.port';
import { AdvisoryLockElection, SoleLeader, type LeaderElection } from './leader-election';
import { OutboxRelay } from './outbox-relay';

interface RelayWorld {
  store: EventStore;
  bus: MessageBus;
  election(): LeaderElection;
  dispose(): Promise<void>;
}

/** Contracts on a topic of the test's own: `noted` has a v1 upcast to v2; `internal` has no contract. */
const probeContracts = (topic: string) => {
  const v1 = defineEvent({
    type: 'hypercare.probe.noted.v1',
    topic,
    summary: 'v1',
    schema: z.object({ text: z.string() }),
  });
  const v2 = defineEvent({
    type: 'hypercare.probe.noted.v2',
    topic,
    summary: 'v2',
    schema: z.object({ text: z.string(), words: z.number().int() }),
  });
  return new ContractRegistry(
    [v1, v2],
    [
      {
        from: v1.type,
        to: v2.type,
        upcast: (data) => ({ ...(data as object), words: (data as { text: string }).text.split(' ').length }),
      },
    ],
  );
};

/** Appended last: once it is received, everything before it on its stream (one partition) has been. */
const SENTINEL = 'sentinel';

const describeRelay = (name: string, world: () => Promise<RelayWorld>, { elects }: { elects: boolean }) =>
  describe(`outbox relay on ${name}`, () => {
    let w: RelayWorld;
    let topic: string;
    let contracts: ContractRegistry;
    const received: IntegrationEvent[] = [];
    const relays: OutboxRelay[] = [];
    let consumer: RunningConsumer;
    const sentinelOf = (subject: string) =>
      received.find(
        (event) => event.subject === subject && (event.data as { text: string }).text === SENTINEL,
      );
    const start = (subscriptionId: string, election = w.election()): OutboxRelay => {
      const relay = OutboxRelay.start({
        store: new ContractedEventStore(w.store, contracts),
        bus: w.bus,
        source: '/hypercare/test',
        election,
        subscriptionId,
        retryBackoffMs: 100,
      });
      relays.push(relay);
      return relay;
    };

    beforeAll(async () => {
      w = await world();
      topic = `test.relay.${randomUUID().slice(0, 8)}.v1`;
      contracts = probeContracts(topic);
      await w.bus.provision([{ name: topic, partitions: 3 }]);
      consumer = await w.bus.consume({
        groupId: `relay-test-${topic}`,
        topics: [topic],
        handle: async (event) => void received.push(event),
      });
    });
    afterEach(async () => void (await Promise.all(relays.splice(0).map((relay) => relay.stop()))));
    afterAll(async () => {
      await consumer?.stop();
      await w?.dispose();
    });

    it('publishes contracted events as CloudEvents of their newest version, keeps internal and contract-breaking ones back, and checkpoints after the ack', async () => {
      const id = randomUUID();
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      await w.store.append(`probe-${id}`, [
        {
          type: 'hypercare.probe.noted.v1',
          data: { text: 'two words' },
          metadata: { periodId: 'P-7', correlationId: 'corr-1', causationId: 'cmd-1', traceparent },
        },
        { type: 'hypercare.probe.internal.v1', data: { secret: true } },
        { type: 'hypercare.probe.noted.v2', data: { text: 'no count' } },
        { type: 'hypercare.probe.noted.v2', data: { text: 'last one here', words: 3 } },
        { type: 'hypercare.probe.noted.v2', data: { text: SENTINEL, words: 1 } },
      ]);
      const relay = start('relay-a');
      await eventually('the sentinel, published last', () => sentinelOf(id) !== undefined);

      const mine = received.filter((event) => event.subject === id && event !== sentinelOf(id));
      expect(mine.map(({ type, data }) => ({ type, data }))).toEqual([
        { type: 'hypercare.probe.noted.v2', data: { text: 'two words', words: 2 } },
        { type: 'hypercare.probe.noted.v2', data: { text: 'last one here', words: 3 } },
      ]);
      expect(mine[0]).toMatchObject({
        source: '/hypercare/test',
        periodId: 'P-7',
        correlationId: 'corr-1',
        causationId: 'cmd-1',
        traceparent,
      });
      const [stored] = await w.store.readStream(`probe-${id}`);
      expect(mine[0]).toMatchObject({ id: stored?.id, time: stored?.recordedAt });
      expect(relay.status()).toMatchObject({ published: 3 });
      await relay.stop();
      expect(await w.store.checkpoint('relay-a')).toBe(
        (await w.store.readStream(`probe-${id}`)).at(-1)?.position,
      );
    });

    it('refuses options that cannot work, naming each', () => {
      const options = {
        store: new ContractedEventStore(w.store, new ContractRegistry()),
        bus: w.bus,
        source: '',
        election: w.election(),
        batchSize: 0,
      };
      expect(() => OutboxRelay.start(options)).toThrow(
        /source must name.*contracts must hold at least one.*batchSize must be a positive whole number/,
      );
    });

    it('resumes from its checkpoint after a stop: nothing published twice, nothing missed', async () => {
      const id = randomUUID();
      const stream = `probe-${id}`;
      await w.store.append(stream, [{ type: 'hypercare.probe.noted.v2', data: { text: 'first', words: 1 } }]);
      const first = start('relay-b');
      await eventually('the first event', () => received.some((event) => event.subject === id));
      await first.stop();
      await w.store.append(stream, [
        { type: 'hypercare.probe.noted.v2', data: { text: 'second', words: 1 } },
        { type: 'hypercare.probe.noted.v2', data: { text: SENTINEL, words: 1 } },
      ]);
      start('relay-b');
      await eventually('the sentinel, published last', () => sentinelOf(id) !== undefined);
      expect(
        received
          .filter((event) => event.subject === id)
          .map((event) => (event.data as { text: string }).text),
      ).toEqual(['first', 'second', SENTINEL]);
    });

    if (elects) {
      // One process always leads on the embedded store: there is nothing to elect there.
      it('lets exactly one of two instances publish, and the other take over when the leader stops', async () => {
        const one = start('relay-c');
        const two = start('relay-c');
        await eventually('a leader', () => one.status().leader || two.status().leader);
        await sleep(500);
        expect([one.status().leader, two.status().leader].filter(Boolean)).toHaveLength(1);
        const [leader, follower] = one.status().leader ? [one, two] : [two, one];
        await leader.stop();
        await eventually('the follower to take over', () => follower.status().leader, 10_000);
      });
    }
  });

describeWith('postgres', 'kafka')('distributed mode', () => {
  let database: TestDatabase;
  describeRelay(
    'PostgreSQL and Kafka',
    async () => {
      database = await createTestDatabase('relay');
      const store = await openPostgresEventStore(database.url);
      const bus = await KafkaMessageBus.connect({ brokers: kafkaBrokers(), clientId: 'relay-test' });
      return {
        store,
        bus,
        election: () =>
          new AdvisoryLockElection({ connection: database.url, lockName: 'relay-test', pollIntervalMs: 200 }),
        dispose: async () => {
          await bus.close();
          await store.close();
          await database.drop();
        },
      };
    },
    { elects: true },
  );
});

describeRelay(
  'PGlite and the in-process bus',
  async () => {
    const store = await openPgliteEventStore();
    const bus = new InProcessMessageBus();
    return {
      store,
      bus,
      election: () => new SoleLeader(),
      dispose: async () => void (await Promise.all([bus.close(), store.close()])),
    };
  },
  { elects: false },
);

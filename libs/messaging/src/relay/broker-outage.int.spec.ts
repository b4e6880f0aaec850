import { randomUUID } from 'node:crypto';
import { ContractRegistry } from '@hypercare/contracts';
import {
  ContractedEventStore,
  openPostgresEventStore,
  type PostgresEventStore,
} from '@hypercare/event-store';
import {
  createTestDatabase,
  eventually,
  describeWithJava,
  privateKafka,
  sleep,
  type PrivateKafka,
  type TestDatabase,
} from '@hypercare/testing';
import type { IntegrationEvent } from '../integration-event';
import { KafkaMessageBus } from '../kafka-message-bus';
import { SoleLeader } from './leader-election';
import { counterIncremented } from './messaging-worker.fixture';
import { OutboxRelay } from './outbox-relay';

describeWithJava('postgres')('outbox relay across a broker outage', () => {
  const topic = `test.outage.${randomUUID().slice(0, 8)}.v1`;
  const contract = counterIncremented(topic);
  let kafka: PrivateKafka;
  let database: TestDatabase;
  let store: PostgresEventStore;
  let bus: KafkaMessageBus;
  let relay: OutboxRelay;

  beforeAll(async () => {
    kafka = await privateKafka();
    await kafka.launcher('start');
    database = await createTestDatabase('outage');
    store = await openPostgresEventStore(database.url);
    bus = await KafkaMessageBus.connect({ brokers: kafka.brokers, clientId: 'outage-relay' });
    await bus.provision([{ name: topic, partitions: 3 }]);
  }, 240_000);
  afterAll(async () => {
    await relay?.stop();
    await bus?.close();
    await store?.close();
    await database?.drop();
    await kafka?.dispose();
  }, 120_000);

  it('keeps the events appended while the broker was down for 10 s and publishes all of them once it is back', async () => {
    relay = OutboxRelay.start({
      store: new ContractedEventStore(store, new ContractRegistry([contract])),
      bus,
      source: '/hypercare/test',
      election: new SoleLeader(),
      retryBackoffMs: 500,
    });
    const aggregates = Array.from({ length: 10 }, () => randomUUID());
    const appended: string[] = [];
    let seq = 0;
    const appendRound = async (): Promise<void> => {
      for (const id of aggregates) {
        const [event] = await store.readStream(`counter-${id}`, { direction: 'backward', maxCount: 1 });
        await store.append(`counter-${id}`, [{ id: randomUUID(), type: contract.type, data: { seq } }], {
          expectedVersion: event ? event.version : 'no-stream',
        });
      }
      seq++;
      appended.push(...aggregates.map((id) => `${id}:${seq - 1}`));
    };

    for (let round = 0; round < 5; round++) await appendRound();
    await eventually(
      'the first rounds to be published',
      () => relay.status().published === appended.length,
      30_000,
    );

    await kafka.launcher('stop');
    const downUntil = Date.now() + 10_000;
    while (Date.now() < downUntil) {
      await appendRound();
      await sleep(250);
    }
    await kafka.launcher('start');
    for (let round = 0; round < 5; round++) await appendRound();
    await eventually(
      'the relay to publish everything',
      () => relay.status().published >= appended.length,
      180_000,
    );

    const reader = await KafkaMessageBus.connect({ brokers: kafka.brokers, clientId: 'outage-reader' });
    const received: IntegrationEvent[] = [];
    const consumer = await reader.consume({
      groupId: `outage-${topic}`,
      topics: [topic],
      handle: async (event) => void received.push(event),
    });
    await eventually(
      'every event to be read back',
      () => new Set(received.map((event) => event.id)).size >= appended.length,
      60_000,
    );
    await consumer.stop();
    await reader.close();

    // Redelivered duplicates are the inbox's business; what must hold is every event, first seen in order.
    const firstSeen = new Map<string, number[]>();
    for (const event of received) {
      const seqs = firstSeen.get(event.subject) ?? [];
      const { seq: s } = event.data as { seq: number };
      if (!seqs.includes(s)) seqs.push(s);
      firstSeen.set(event.subject, seqs);
    }
    expect([...firstSeen].flatMap(([id, seqs]) => seqs.map((s) => `${id}:${s}`)).sort()).toEqual(
      [...appended].sort(),
    );
    for (const seqs of firstSeen.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  }, 400_000);
});

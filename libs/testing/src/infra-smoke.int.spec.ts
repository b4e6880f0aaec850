import { Kafka, logLevel, type Consumer, type EachMessagePayload } from 'kafkajs';
import { Client } from 'pg';
import { createTestDatabase, describeWith, kafkaBrokers, uniqueSuffix, type TestDatabase } from './index';

describeWith('postgres')('PostgreSQL from the test infrastructure', () => {
  let database: TestDatabase;
  beforeAll(async () => (database = await createTestDatabase('smoke')));
  afterAll(async () => database.drop());

  it("answers queries in a database of the suite's own", async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('create table probe (id int primary key, note text)');
      await client.query("insert into probe values (1, 'hello'), (2, 'world')");
      const { rows } = await client.query('select current_database() as db, count(*)::int as n from probe');
      expect(rows).toEqual([{ db: database.name, n: 2 }]);
    } finally {
      await client.end();
    }
  });
});

describeWith('kafka')('Kafka from the test infrastructure', () => {
  const kafka = new Kafka({ clientId: 'smoke', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  const topic = `smoke-${uniqueSuffix()}`;
  const groupId = `smoke-group-${uniqueSuffix()}`;
  const keys = ['a', 'b', 'c', 'd', 'e', 'f'];

  const produce = async (round: number, perKey: number): Promise<void> => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: keys.flatMap((key) =>
        Array.from({ length: perKey }, (_, i) => ({ key, value: JSON.stringify({ key, round, seq: i }) })),
      ),
    });
    await producer.disconnect();
  };

  /** Consumes until `expected` messages arrived, committing each offset after it is handled. */
  const consume = async (
    expected: number,
    quietMs = 0,
  ): Promise<Array<{ key: string; round: number; seq: number; partition: number }>> => {
    const received: Array<{ key: string; round: number; seq: number; partition: number }> = [];
    const consumer: Consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message, partition }: EachMessagePayload) => {
        received.push({ ...JSON.parse(String(message.value)), partition });
        await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
        if (received.length === expected) done();
      },
    });
    await finished;
    if (quietMs > 0) await new Promise((resolve) => setTimeout(resolve, quietMs));
    await consumer.disconnect();
    return received;
  };

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    });
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    expect(metadata?.partitions).toHaveLength(3);
    await admin.disconnect();
  });

  it('delivers keyed messages in order per key through a consumer group and does not redeliver committed ones', async () => {
    await produce(1, 5);
    const first = await consume(keys.length * 5);

    expect(first).toHaveLength(30);
    for (const key of keys) {
      const ofKey = first.filter((m) => m.key === key);
      expect(ofKey.map((m) => m.seq)).toEqual([0, 1, 2, 3, 4]);
      expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
    }
    expect(new Set(first.map((m) => m.partition)).size).toBeGreaterThan(1);

    await produce(2, 2);
    const second = await consume(keys.length * 2, 1_500);

    expect(second).toHaveLength(12);
    expect(second.every((m) => m.round === 2)).toBe(true);
  });
});

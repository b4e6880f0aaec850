import { randomUUID } from 'node:crypto';
import {
  openPostgresEventStore,
  pgClient,
  type PostgresEventStore,
  type SqlClient,
} from '@hypercare/event-store';
import {
  createTestDatabase,
  describeWith,
  eventually,
  kafkaBrokers,
  sleep,
  spawnService,
  type ServiceProcess,
  type TestDatabase,
} from '@hypercare/testing';
import { KafkaMessageBus } from '../kafka-message-bus';
import { counterIncremented } from './messaging-worker.fixture';

const WORKER = 'libs/messaging/src/relay/messaging-worker.fixture.ts';
const AGGREGATES = 500;
const EVENTS_PER_AGGREGATE = 20;
const TOTAL = AGGREGATES * EVENTS_PER_AGGREGATE;

/** The JSON progress lines a worker printed so far. */
const reports = (worker: ServiceProcess): Array<Record<string, unknown>> =>
  worker
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describeWith('postgres', 'kafka')('outbox relay and inbox consumer, killed mid-way', () => {
  const topic = `test.no-loss.${randomUUID().slice(0, 8)}.v1`;
  let database: TestDatabase;
  let store: PostgresEventStore;
  let sql: SqlClient;
  const workers: ServiceProcess[] = [];
  const spawn = (role: 'relay' | 'consumer', extra: NodeJS.ProcessEnv = {}): ServiceProcess => {
    const worker = spawnService(WORKER, {
      WORKER_ROLE: role,
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      TOPIC: topic,
      GROUP_ID: `no-loss-${topic}`,
      ...extra,
    });
    workers.push(worker);
    return worker;
  };
  const leads = (worker: ServiceProcess): boolean => reports(worker).some((line) => line['leader'] === true);
  const applied = async (): Promise<number> =>
    Number((await sql.query<{ n: string }>('select coalesce(sum(applied), 0) as n from counters'))[0]?.n);

  beforeAll(async () => {
    database = await createTestDatabase('no_loss');
    store = await openPostgresEventStore(database.url);
    sql = pgClient(database.url);
    const bus = await KafkaMessageBus.connect({ brokers: kafkaBrokers(), clientId: 'no-loss-provision' });
    await bus.provision([{ name: topic, partitions: 6 }]);
    await bus.close();
  });
  afterAll(async () => {
    workers.forEach((worker) => worker.child.kill('SIGKILL'));
    await Promise.all(workers.map((worker) => worker.exited));
    await store?.close();
    await sql?.close();
    await database?.drop();
  });

  it('projects every one of 10,000 events exactly once, in per-aggregate order, across a killed relay and a killed consumer', async () => {
    const firstRelay = spawn('relay');
    await eventually('the first relay to lead', () => leads(firstRelay), 60_000);
    const standbyRelay = spawn('relay');
    let consumer = spawn('consumer', { HANDLER_DELAY_MS: '1' });
    await eventually(
      'the consumer to join its group',
      () => reports(consumer).some((line) => line['consuming']),
      60_000,
    );

    const aggregates = Array.from({ length: AGGREGATES }, () => randomUUID());
    const writing = (async () => {
      for (let seq = 0; seq < EVENTS_PER_AGGREGATE; seq++) {
        for (let from = 0; from < AGGREGATES; from += 50) {
          await Promise.all(
            aggregates.slice(from, from + 50).map((id) =>
              store.append(`counter-${id}`, [{ type: counterIncremented(topic).type, data: { seq } }], {
                expectedVersion: seq === 0 ? 'no-stream' : seq - 1,
              }),
            ),
          );
          await sleep(10);
        }
      }
    })();

    const published = (): number =>
      Math.max(0, ...reports(firstRelay).map((line) => Number(line['published'] ?? 0)));
    await eventually('the first relay to publish 2,000 events', () => published() >= 2_000, 120_000);
    firstRelay.child.kill('SIGKILL');
    expect(published()).toBeLessThan(TOTAL);
    const killedAt = Date.now();
    await eventually('the standby relay to take over', () => leads(standbyRelay), 30_000);
    console.warn(`[no-loss] standby relay took over ${Date.now() - killedAt} ms after the leader was killed`);
    spawn('relay');

    await eventually('the consumer to apply 5,000 events', async () => (await applied()) >= 5_000, 120_000);
    consumer.child.kill('SIGKILL');
    await consumer.exited;
    consumer = spawn('consumer');
    await writing;
    await eventually('every event to be applied', async () => (await applied()) >= TOTAL, 180_000);
    // A sentinel on every aggregate, and so on every partition: once all are applied, a late
    // redelivery of anything before them would have come first.
    await Promise.all(
      aggregates.map((id) =>
        store.append(
          `counter-${id}`,
          [{ type: counterIncremented(topic).type, data: { seq: EVENTS_PER_AGGREGATE } }],
          {
            expectedVersion: EVENTS_PER_AGGREGATE - 1,
          },
        ),
      ),
    );
    await eventually(
      'the sentinels to be applied',
      async () => (await applied()) >= TOTAL + AGGREGATES,
      120_000,
    );

    const counters = await sql.query<{
      aggregate: string;
      applied: number;
      last_seq: number;
      out_of_order: number;
    }>('select * from counters');
    expect(counters).toHaveLength(AGGREGATES);
    expect(
      counters.filter(
        (row) => row.applied !== EVENTS_PER_AGGREGATE + 1 || row.last_seq !== EVENTS_PER_AGGREGATE,
      ),
    ).toEqual([]);
    expect(counters.filter((row) => row.out_of_order > 0)).toEqual([]);
    const [inbox] = await sql.query<{ n: string }>('select count(*) as n from messaging.inbox');
    expect(Number(inbox?.n)).toBe(TOTAL + AGGREGATES);
  }, 600_000);
});

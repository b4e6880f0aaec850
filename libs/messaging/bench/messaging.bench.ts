/**
 * `npm run bench:messaging`: the outbox relay (store -> Kafka) against a bare kafkajs
 * producer sending the very same messages (baseline, same broker, same run), then the
 * end-to-end latency from append to consumer handler at 200 and 2,000 events/s offered.
 * PostgreSQL at DATABASE_URL, Kafka at KAFKA_BROKERS. Prints tables; exits 1 on a missed target.
 */
import { randomUUID } from 'node:crypto';
import { ContractRegistry, defineEvent } from '@hypercare/contracts';
import {
  ContractedEventStore,
  openPostgresEventStore,
  type PostgresEventStore,
  type RecordedEvent,
} from '@hypercare/event-store';
import {
  benchSetting,
  concludeBench,
  createDatabase,
  fmt,
  percentiles,
  printTable,
} from '@hypercare/testing';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { z } from 'zod';
import {
  KafkaMessageBus,
  OutboxRelay,
  outboundEvent,
  RELAY_BATCH_SIZE,
  SoleLeader,
  toWireMessage,
} from '../src';

const BASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const EVENTS = benchSetting('BENCH_RELAY_EVENTS', 50_000);
const LATENCY_SECONDS = benchSetting('BENCH_SECONDS', 10);
const BATCH = RELAY_BATCH_SIZE;
const ROUNDS = 3;
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const contractOn = (topic: string) =>
  defineEvent({
    type: 'hypercare.bench.reported.v1',
    topic,
    summary: 'A report-shaped benchmark event.',
    schema: z.object({
      title: z.string(),
      priority: z.enum(['P1', 'P2', 'P3', 'P4']),
      reporter: z.object({ name: z.string(), email: z.string().email() }),
      tags: z.array(z.string()),
    }),
  });
const data = {
  title: 'Login page times out after SSO redirect',
  priority: 'P2',
  reporter: { name: 'Ana', email: 'ana@example.com' },
  tags: ['sso', 'login'],
};

const fill = async (store: PostgresEventStore, type: string, count: number): Promise<void> => {
  for (let done = 0; done < count; done += 1_000) {
    await Promise.all(
      Array.from({ length: 100 }, () =>
        store.append(
          `ticket-${randomUUID()}`,
          Array.from({ length: 10 }, () => ({ type, data })),
        ),
      ),
    );
    if (done % 10_000 === 0) progress(`stored ${fmt(done)} / ${fmt(count)} events`);
  }
};

const readEverything = async (store: PostgresEventStore): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for (
    let page = await store.readAll({ maxCount: 5_000 });
    page.length > 0;
    page = await store.readAll({ fromPosition: (page.at(-1) as RecordedEvent).position + 1, maxCount: 5_000 })
  ) {
    all.push(...page);
  }
  return all;
};

/**
 * Events per second through the relay and through a bare producer with the relay's own
 * settings and batch size, sending the messages the relay would send. Interleaved rounds,
 * medians: a broker hiccup in one round does not decide the ratio.
 */
const throughput = async (
  store: PostgresEventStore,
  bus: KafkaMessageBus,
): Promise<{ relay: number; bare: number }> => {
  const type = contractOn('unused').type;
  await fill(store, type, EVENTS);
  const stored = await readEverything(store);
  const kafka = new Kafka({ clientId: 'bench-bare', brokers: BROKERS, logLevel: logLevel.WARN });
  const producer = kafka.producer({
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const bare: number[] = [];
  const relayed: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const [relayTopic, bareTopic] = ['relay', 'bare'].map(
      (kind) => `bench.${kind}.${randomUUID().slice(0, 8)}.v1`,
    ) as [string, string];
    await bus.provision([relayTopic, bareTopic].map((name) => ({ name, partitions: 6 })));
    const contracts = new ContractRegistry([contractOn(relayTopic)]);
    const messages = stored.map((recorded) =>
      toWireMessage(outboundEvent(recorded, contracts, '/hypercare/bench').event),
    );

    await producer.send({ topic: bareTopic, acks: -1, messages: messages.slice(0, BATCH) });
    const bareStarted = performance.now();
    for (let from = 0; from < messages.length; from += BATCH)
      await producer.send({ topic: bareTopic, acks: -1, messages: messages.slice(from, from + BATCH) });
    bare.push(messages.length / ((performance.now() - bareStarted) / 1_000));

    const relayStarted = performance.now();
    const relay = OutboxRelay.start({
      store: new ContractedEventStore(store, contracts),
      bus,
      source: '/hypercare/bench',
      election: new SoleLeader(),
      subscriptionId: `bench-${relayTopic}`,
    });
    while (relay.status().published < messages.length) await sleep(2);
    relayed.push(messages.length / ((performance.now() - relayStarted) / 1_000));
    await relay.stop();
    progress(
      `round ${round}/${ROUNDS}: bare producer ${fmt(bare.at(-1) as number)} events/s, outbox relay ${fmt(relayed.at(-1) as number)} events/s`,
    );
  }
  await producer.disconnect();
  return { relay: percentiles(relayed).p50, bare: percentiles(bare).p50 };
};

/** Appends single events at `rate` per second and times each from its scheduled start to the consumer's handler. */
const latency = async (
  store: PostgresEventStore,
  bus: KafkaMessageBus,
  rate: number,
): Promise<{ p50: number; p95: number; p99: number; received: number; offered: number }> => {
  const topic = `bench.latency.${randomUUID().slice(0, 8)}.v1`;
  await bus.provision([{ name: topic, partitions: 6 }]);
  const contract = contractOn(topic);
  const relay = OutboxRelay.start({
    store: new ContractedEventStore(store, new ContractRegistry([contract])),
    bus,
    source: '/hypercare/bench',
    election: new SoleLeader(),
    subscriptionId: `bench-${topic}`,
  });
  const due = new Map<string, number>();
  const latencies: number[] = [];
  const consumer = await bus.consume({
    groupId: `bench-${topic}`,
    topics: [topic],
    handle: async (event) => {
      const scheduled = due.get(event.id);
      if (scheduled !== undefined) latencies.push(performance.now() - scheduled);
    },
  });
  await sleep(3_000);
  const total = rate * LATENCY_SECONDS;
  const started = performance.now();
  const appends: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = started + (i * 1_000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await sleep(wait);
    const id = randomUUID();
    due.set(id, scheduled);
    appends.push(store.append(`ticket-${randomUUID()}`, [{ id, type: contract.type, data }]));
  }
  await Promise.all(appends);
  for (let waited = 0; latencies.length < total && waited < 30_000; waited += 50) await sleep(50);
  await consumer.stop();
  await relay.stop();
  const { p50, p95, p99 } = percentiles(latencies);
  progress(`latency at ${rate}/s: p50 ${fmt(p50, 1)} ms, p99 ${fmt(p99, 1)} ms`);
  return { p50, p95, p99, received: latencies.length, offered: total };
};

const main = async (): Promise<void> => {
  const database = await createDatabase(BASE_URL, 'bench_messaging');
  const store = await openPostgresEventStore(database.url);
  const bus = await KafkaMessageBus.connect({ brokers: BROKERS, clientId: 'bench-messaging' });
  const misses: string[] = [];
  try {
    const { relay, bare } = await throughput(store, bus);
    const ratio = relay / bare;
    if (ratio < 0.7) misses.push(`relay ${fmt(ratio, 2)}x the bare producer (target >= 0.7x)`);
    console.log(
      `\nRelay throughput, ${fmt(EVENTS)} stored events, batches of ${BATCH}, 6 partitions, acks=-1, median of ${ROUNDS} interleaved rounds\n`,
    );
    printTable(
      ['relay (events/s)', 'bare kafkajs producer (events/s)', 'relay / bare'],
      [[fmt(relay), fmt(bare), `${fmt(ratio, 2)}x`]],
    );

    const rows: string[][] = [];
    const live = await openPostgresEventStore(database.url, { schema: 'live_events' });
    for (const rate of [200, 2_000]) {
      const result = await latency(live, bus, rate);
      if (result.received < result.offered)
        misses.push(`${rate}/s: only ${result.received} of ${result.offered} events reached the consumer`);
      if (rate === 200 && !(result.p99 < 100))
        misses.push(`p99 at 200/s: ${fmt(result.p99, 1)} ms (target < 100 ms)`);
      rows.push([
        fmt(rate),
        `${fmt(result.received)} / ${fmt(result.offered)}`,
        fmt(result.p50, 1),
        fmt(result.p95, 1),
        fmt(result.p99, 1),
      ]);
    }
    await live.close();
    console.log(
      `\nEnd-to-end latency, append -> relay -> Kafka -> consumer handler, ${LATENCY_SECONDS} s per rate (ms)\n`,
    );
    printTable(['offered (events/s)', 'received', 'p50', 'p95', 'p99'], rows);
  } finally {
    await bus.close();
    await store.close();
    await database.drop();
  }
  concludeBench(misses);
};

void main();

import { ContractRegistry, defineEvent } from '@hypercare/contracts';
import { ContractedEventStore, openPostgresEventStore, pgClient } from '@hypercare/event-store';
import { z } from 'zod';
import { consumeOnce, Inbox } from '../inbox';
import { KafkaMessageBus } from '../kafka-message-bus';
import { AdvisoryLockElection } from './leader-election';
import { OutboxRelay } from './outbox-relay';

/**
 * A relay or a projecting consumer in a process of its own, so tests can kill it the hard
 * way (SIGKILL) in the middle of its work. Reports progress as JSON lines on stdout.
 *
 *   WORKER_ROLE=relay|consumer DATABASE_URL KAFKA_BROKERS TOPIC [GROUP_ID] [HANDLER_DELAY_MS]
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const report = (fields: object): void => void process.stdout.write(`${JSON.stringify(fields)}\n`);

export const counterIncremented = (topic: string) =>
  defineEvent({
    type: 'hypercare.counter.incremented.v1',
    topic,
    summary: 'A test counter moved on by one.',
    schema: z.object({ seq: z.number().int().nonnegative() }),
  });

const runRelay = async (): Promise<void> => {
  const store = await openPostgresEventStore(env('DATABASE_URL'));
  const bus = await KafkaMessageBus.connect({
    brokers: env('KAFKA_BROKERS').split(','),
    clientId: `relay-${process.pid}`,
  });
  const relay = OutboxRelay.start({
    store: new ContractedEventStore(store, new ContractRegistry([counterIncremented(env('TOPIC'))])),
    bus,
    source: '/hypercare/test',
    election: new AdvisoryLockElection({
      connection: env('DATABASE_URL'),
      lockName: 'messaging-worker-relay',
      pollIntervalMs: 250,
    }),
    retryBackoffMs: 200,
  });
  let last = relay.status();
  setInterval(() => {
    const now = relay.status();
    if (now.leader !== last.leader || now.published !== last.published) report({ pid: process.pid, ...now });
    last = now;
  }, 50);
};

const runConsumer = async (): Promise<void> => {
  const client = pgClient(env('DATABASE_URL'));
  const delayMs = Number(process.env['HANDLER_DELAY_MS'] ?? 0);
  await client.query(`create table if not exists counters (
    aggregate text primary key, applied int not null, last_seq int not null, out_of_order int not null default 0)`);
  const inbox = await Inbox.open(client);
  const bus = await KafkaMessageBus.connect({
    brokers: env('KAFKA_BROKERS').split(','),
    clientId: `consumer-${process.pid}`,
  });
  let handled = 0;
  await consumeOnce(bus, inbox, {
    groupId: env('GROUP_ID'),
    topics: [env('TOPIC')],
    handle: async (event, tx) => {
      const { seq } = event.data as { seq: number };
      await tx.query(
        `insert into counters (aggregate, applied, last_seq, out_of_order) values ($1, 1, $2, case when $2 = 0 then 0 else 1 end)
         on conflict (aggregate) do update set applied = counters.applied + 1, last_seq = excluded.last_seq,
           out_of_order = counters.out_of_order + case when excluded.last_seq = counters.last_seq + 1 then 0 else 1 end`,
        [event.subject, seq],
      );
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (++handled % 250 === 0) report({ pid: process.pid, handled });
    },
  });
  report({ pid: process.pid, consuming: true });
};

if (require.main === module) {
  void (process.env['WORKER_ROLE'] === 'relay' ? runRelay() : runConsumer()).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

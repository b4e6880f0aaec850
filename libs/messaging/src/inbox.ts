import { quoteIdent, type SqlClient, type SqlExecutor } from '@hypercare/event-store';
import type { IntegrationEvent } from './integration-event';
import type { ConsumerOptions, Delivery, MessageBus, RunningConsumer } from './message-bus.port';

/**
 * Which events a consumer has already applied, recorded in the same transaction as the
 * effect: a redelivered or replayed message finds its id there and changes nothing.
 */
export class Inbox {
  private constructor(
    private readonly client: SqlClient,
    private readonly table: string,
  ) {}

  /** Opens the inbox in `schema` (default `messaging`) of the consumer's own database, creating its table. */
  static async open(client: SqlClient, schema = 'messaging'): Promise<Inbox> {
    const s = quoteIdent(schema);
    await client.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${schema}:inbox`]);
      await tx.query(`create schema if not exists ${s}`);
      await tx.query(`create table if not exists ${s}.inbox (
        consumer     text not null,
        event_id     uuid not null,
        processed_at timestamptz not null default now(),
        primary key (consumer, event_id))`);
    });
    return new Inbox(client, `${s}.inbox`);
  }

  /**
   * Runs `effect` and records `eventId` for `consumer` in one transaction. Returns false, and
   * runs nothing, when the event was already processed. A concurrent duplicate waits for the
   * first to commit and then finds it done.
   */
  async handleOnce(
    consumer: string,
    eventId: string,
    effect: (tx: SqlExecutor) => Promise<void>,
  ): Promise<boolean> {
    return this.client.transaction(async (tx) => {
      const fresh = await tx.query(
        `insert into ${this.table} (consumer, event_id) values ($1, $2) on conflict do nothing returning event_id`,
        [consumer, eventId],
      );
      if (fresh.length === 0) return false;
      await effect(tx);
      return true;
    });
  }
}

/** A consumer whose effects go through the inbox: the way state-changing consumers subscribe. */
export interface InboxConsumerOptions extends Omit<ConsumerOptions, 'handle'> {
  /** Applies the event inside `tx`, the transaction that also records it in the inbox. */
  handle(event: IntegrationEvent, tx: SqlExecutor, delivery: Delivery): Promise<void>;
}

/** Subscribes with the inbox in front of the handler, keyed by the consumer group. */
export const consumeOnce = (
  bus: MessageBus,
  inbox: Inbox,
  options: InboxConsumerOptions,
): Promise<RunningConsumer> =>
  bus.consume({
    ...options,
    handle: async (event, delivery) => {
      await inbox.handleOnce(options.groupId, event.id, (tx) => options.handle(event, tx, delivery));
    },
  });

import type { ContractRegistry, EventContract } from '@hypercare/contracts';
import {
  pgClient,
  PostgresEventStore,
  quoteIdent,
  type ContractedEventStore,
  type LogSearch,
  type NewEvent,
  type SqlClient,
} from '@hypercare/event-store';
import type {
  ContractedConsumerOptions,
  ContractedIntegrationEvent,
  MessagingLog,
} from '@hypercare/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { Infrastructure } from './infrastructure';
import { contractedStore } from './service-runtime';

/** The aggregate's stream name for a received event: `ticket-<id>` for a ticket event. */
const streamOf = (event: ContractedIntegrationEvent<EventContract>, contracts: ContractRegistry): string =>
  `${contracts.contractOf(event.type).aggregate}-${event.subject}`;

/** The received log's schema. */
const receivedSchema = (service: string): string => `${service}_received`;

/**
 * Other services' events as this service received them, kept in an event log of its own
 * (schema `<service>_received`). Each is appended under its own id, so a redelivery is an
 * idempotent retry (the one way a service absorbs one), and the service's projections of
 * those events follow this log as others follow the service's own. Each keeps, in its
 * metadata, where it stood in its publisher's log, for reads that wait for a write.
 */
export class ReceivedEvents {
  private constructor(
    private readonly sql: SqlClient,
    private readonly adapter: PostgresEventStore,
    /** The received log, read at current versions. */
    readonly log: ContractedEventStore,
    private readonly contracts: ContractRegistry,
    private readonly events: string,
  ) {}

  static async open(
    infrastructure: Infrastructure,
    service: string,
    contracts: ContractRegistry,
    log: MessagingLog,
  ): Promise<ReceivedEvents> {
    const sql = pgClient(infrastructure.projectionPool);
    const adapter = await PostgresEventStore.open(sql, { schema: receivedSchema(service) });
    return new ReceivedEvents(
      sql,
      adapter,
      contractedStore(adapter, contracts, service, log),
      contracts,
      `${quoteIdent(receivedSchema(service))}.events`,
    );
  }

  /** The consumer that keeps these contracts' events as they arrive. */
  consumer(service: string, contracts: readonly EventContract[]): ContractedConsumerOptions<EventContract> {
    return {
      groupId: `${service}.received`,
      contracts,
      handle: (event) => this.keep([event]),
      handleBatch: (events) => this.keep(events),
    };
  }

  /**
   * Appends the events (already upcast and validated), each once whatever the deliveries, in
   * the order given: a stream's events must come in its order. One event is one statement;
   * a batch (a backlog caught up) shares one transaction rather than a commit each.
   */
  async keep(events: readonly ContractedIntegrationEvent<EventContract>[]): Promise<void> {
    const [only] = events;
    if (events.length === 1 && only) {
      await this.adapter.append(streamOf(only, this.contracts), [this.kept(only)]);
      return;
    }
    await this.adapter.transaction(async (tx) => {
      for (const event of events) await tx.append(streamOf(event, this.contracts), [this.kept(event)]);
    });
  }

  /** The event as the received log keeps it: its own id, and where it came from in its metadata. */
  private kept(event: ContractedIntegrationEvent<EventContract>): NewEvent {
    const metadata = {
      source: event.source,
      occurredAt: event.time.toISOString(),
      ...(event.periodId ? { periodId: event.periodId } : {}),
      ...(event.correlationId ? { correlationId: event.correlationId } : {}),
      ...(event.causationId ? { causationId: event.causationId } : {}),
      ...(event.traceparent ? { traceparent: event.traceparent } : {}),
      ...(event.streamVersion !== undefined ? { streamVersion: event.streamVersion } : {}),
      ...(event.logPosition !== undefined ? { logPosition: event.logPosition } : {}),
      ...(event.actor ? { actor: event.actor } : {}),
    };
    return { id: event.id, type: event.type, data: event.data, metadata };
  }

  close(): Promise<void> {
    return this.log.close();
  }

  /** Searches of the received log, as stored. */
  get search(): LogSearch {
    return this.adapter.search;
  }

  /** Where the publisher's event at `logPosition` stands in this log; undefined until it arrived. */
  async positionOf(source: string, logPosition: number): Promise<number | undefined> {
    const [row] = await this.sql.query<{ position: string }>(
      `select position from ${this.events}
        where metadata ? 'logPosition' and metadata->>'source' = $1 and (metadata->>'logPosition')::bigint = $2`,
      [source, logPosition],
    );
    return row ? Number(row.position) : undefined;
  }
}

/** `<schema>.received_positions`: where each received event stood in its publisher's log. */
export const receivedPositionsMigration = (schema: string): new () => MigrationInterface => {
  const table = `${quoteIdent(schema)}.received_positions`;
  return class ReceivedPositions1764400000001 implements MigrationInterface {
    name = 'ReceivedPositions1764400000001';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`create table ${table} (
        source       text not null,
        log_position bigint not null,
        position     bigint not null,
        primary key (source, log_position))`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`drop table ${table}`);
    }
  };
};

/**
 * Where each received event stood in its publisher's log, read from the event's own metadata
 * through an index on the received log, instead of a table written beside it (which cost
 * every kept event a transaction of its own). The received log must exist first.
 */
export const receivedPositionIndexMigration = (schema: string): new () => MigrationInterface => {
  const positions = `${quoteIdent(schema)}.received_positions`;
  const events = `${quoteIdent(receivedSchema(schema))}.events`;
  return class ReceivedPositionIndex1765000030000 implements MigrationInterface {
    name = 'ReceivedPositionIndex1765000030000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(
        `create index received_log_positions on ${events} ((metadata->>'source'), ((metadata->>'logPosition')::bigint))
          where metadata ? 'logPosition'`,
      );
      await runner.query(`drop table ${positions}`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await new (receivedPositionsMigration(schema))().up(runner);
      await runner.query(
        `insert into ${positions} (source, log_position, position)
         select metadata->>'source', (metadata->>'logPosition')::bigint, position from ${events}
          where metadata ? 'logPosition' on conflict do nothing`,
      );
      await runner.query(`drop index ${quoteIdent(receivedSchema(schema))}.received_log_positions`);
    }
  };
};

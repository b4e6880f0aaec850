import type { ContractRegistry, EventContract } from '@hypercare/contracts';
import {
  pgClient,
  PostgresEventStore,
  quoteIdent,
  type ContractedEventStore,
  type LogSearch,
  type SqlClient,
  type StoreTransaction,
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

/**
 * Other services' events as this service received them, kept in an event log of its own
 * (schema `<service>_received`). Each is appended under its own id, so a redelivery is an
 * idempotent retry (the one way a service absorbs one), and the service's projections of
 * those events follow this log as others follow the service's own. Beside each event it
 * notes where the event stood in its publisher's log, for reads that wait for a write.
 */
export class ReceivedEvents {
  private constructor(
    private readonly sql: SqlClient,
    private readonly adapter: PostgresEventStore,
    /** The received log, read at current versions. */
    readonly log: ContractedEventStore,
    private readonly contracts: ContractRegistry,
    private readonly positions: string,
  ) {}

  static async open(
    infrastructure: Infrastructure,
    service: string,
    contracts: ContractRegistry,
    log: MessagingLog,
  ): Promise<ReceivedEvents> {
    const sql = pgClient(infrastructure.projectionPool);
    const adapter = await PostgresEventStore.open(sql, { schema: `${service}_received` });
    return new ReceivedEvents(
      sql,
      adapter,
      contractedStore(adapter, contracts, service, log),
      contracts,
      `${quoteIdent(service)}.received_positions`,
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
   * Appends the events (already upcast and validated) in one transaction, each once whatever
   * the deliveries, in the order given: a stream's events must come in its order.
   */
  async keep(events: readonly ContractedIntegrationEvent<EventContract>[]): Promise<void> {
    await this.adapter.transaction(async (tx) => {
      for (const event of events) await this.append(tx, event);
    });
  }

  private async append(
    tx: StoreTransaction,
    event: ContractedIntegrationEvent<EventContract>,
  ): Promise<void> {
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
    const { position } = await tx.append(streamOf(event, this.contracts), [
      { id: event.id, type: event.type, data: event.data, metadata },
    ]);
    if (event.logPosition === undefined) return;
    await tx.query(
      `insert into ${this.positions} (source, log_position, position) values ($1, $2, $3) on conflict do nothing`,
      [event.source, event.logPosition, position],
    );
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
      `select position from ${this.positions} where source = $1 and log_position = $2`,
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

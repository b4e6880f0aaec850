import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type EventContract, periodContracts, reportContracts, ticketContracts } from '@hypercare/contracts';
import type { ContractedIntegrationEvent } from '@hypercare/messaging';
import { ServiceRuntime } from '@hypercare/runtime';
import { DataSource, type EntityManager } from 'typeorm';
import { HistoryEntry } from '../history/history-entry.entity';
import { PeriodListProjection } from '../periods/period-list.projection';
import { TicketBoardProjection } from '../tickets/ticket-board.projection';
import type { Projection } from './projection';

/** Live projection and rebuild exclude each other through this lock (shared vs exclusive). */
export const PROJECTION_LOCK = 'reporting.projections';

/**
 * Feeds the projections from Kafka: each event (at its current contract version, as the
 * runtime hands it over) is appended to the history (which refuses an event id it already
 * has: the inbox), applied to every projection that wants it, and the checkpoints moved,
 * all in one transaction.
 */
@Injectable()
export class Projector implements OnModuleInit {
  readonly projections: readonly Projection[];

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly dataSource: DataSource,
    board: TicketBoardProjection,
    periods: PeriodListProjection,
  ) {
    this.projections = [board, periods];
  }

  onModuleInit(): void {
    this.runtime.consume({
      groupId: 'reporting.projections',
      contracts: [...periodContracts, ...reportContracts, ...ticketContracts],
      handle: (event) => this.project(event),
    });
  }

  async project(event: ContractedIntegrationEvent<EventContract>): Promise<void> {
    const values = {
      eventId: event.id,
      source: event.source,
      type: event.type,
      subject: event.subject,
      periodId: event.periodId ?? null,
      occurredAt: event.time,
      streamVersion: event.streamVersion ?? null,
      logPosition: event.logPosition === undefined ? null : String(event.logPosition),
      data: event.data as Record<string, unknown>,
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.query('select pg_advisory_xact_lock_shared(hashtext($1))', [PROJECTION_LOCK]);
      const [row] = await manager.query<Array<{ seq: string }>>(
        `insert into reporting.history (event_id, source, type, subject, period_id, occurred_at, stream_version, log_position, data)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (event_id) do nothing returning seq`,
        [values.eventId, values.source, values.type, values.subject, values.periodId, values.occurredAt, values.streamVersion, values.logPosition, JSON.stringify(values.data)],
      );
      if (!row) return;
      const entry = manager.create(HistoryEntry, { ...values, seq: String(row.seq) });
      await this.applyAll(manager, entry, this.projections);
      await this.checkpoint(manager, this.projections, entry.seq);
    });
  }

  /** Applies one history entry to the given projections, in order. */
  async applyAll(manager: EntityManager, entry: HistoryEntry, projections: readonly Projection[]): Promise<void> {
    for (const projection of projections) if (projection.handles(entry.type)) await projection.apply(manager, entry);
  }

  async checkpoint(manager: EntityManager, projections: readonly Projection[], seq: string, rebuilt = false): Promise<void> {
    await manager.query(
      `insert into reporting.projection_checkpoints (projection, last_seq, rebuilt_at)
         select name, $2::bigint, case when $3::boolean then now() end from unnest($1::text[]) as name
       on conflict (projection) do update set last_seq = excluded.last_seq,
         rebuilt_at = case when $3::boolean then now() else reporting.projection_checkpoints.rebuilt_at end`,
      [projections.map(({ name }) => name), seq, rebuilt],
    );
  }
}

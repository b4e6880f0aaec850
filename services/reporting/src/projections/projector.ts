import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hypercareContracts, PERIODS_TOPIC, REPORTS_TOPIC, TICKETS_TOPIC } from '@hypercare/contracts';
import type { IntegrationEvent } from '@hypercare/messaging';
import { ServiceRuntime } from '@hypercare/runtime';
import { DataSource, type EntityManager } from 'typeorm';
import { HistoryEntry } from '../history/history-entry.entity';
import { PeriodListProjection } from '../periods/period-list.projection';
import { TicketBoardProjection } from '../tickets/ticket-board.projection';
import type { Projection } from './projection';

const contracts = hypercareContracts();

/** Live projection and rebuild exclude each other through this lock (shared vs exclusive). */
export const PROJECTION_LOCK = 'reporting.projections';

/**
 * Feeds the projections from Kafka: each event is upcast to its current contract, appended
 * to the history (which refuses an event id it already has: the inbox), applied to every
 * projection that wants it, and the checkpoints moved, all in one transaction.
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
      topics: [PERIODS_TOPIC, REPORTS_TOPIC, TICKETS_TOPIC],
      handle: (event) => this.project(event),
    });
  }

  async project(event: IntegrationEvent): Promise<void> {
    if (!contracts.has(event.type)) return;
    const current = contracts.upcast(event.type, event.data);
    const values = {
      eventId: event.id,
      source: event.source,
      type: current.type,
      subject: event.subject,
      periodId: event.periodId ?? null,
      occurredAt: event.time,
      streamVersion: event.streamVersion ?? null,
      logPosition: event.logPosition === undefined ? null : String(event.logPosition),
      data: current.data as Record<string, unknown>,
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
    for (const { name } of projections) {
      await manager.query(
        `insert into reporting.projection_checkpoints (projection, last_seq, rebuilt_at) values ($1, $2, case when $3 then now() end)
         on conflict (projection) do update set last_seq = excluded.last_seq,
           rebuilt_at = case when $3 then now() else reporting.projection_checkpoints.rebuilt_at end`,
        [name, seq, rebuilt],
      );
    }
  }
}

import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { RecordedEvent, SqlExecutor, Subscription } from '@hypercare/event-store';
import { aggregateIdOf } from '@hypercare/messaging';
import { ServiceRuntime } from '@hypercare/runtime';
import { nextDueAt } from '../tickets/ticket-sla';
import { ticketDecider } from '../tickets/ticket.decider';
import type { TicketEvent, TicketState } from '../tickets/ticket.model';

/**
 * The SLA timers, derived from the ticket events and kept in the database (not in memory):
 * each ticket's clock state and when its next breach or escalation falls due. Updated in
 * the same transaction as the subscription's checkpoint, so a restart resumes exactly.
 */
@Injectable()
export class TicketClocksProjection implements OnModuleInit, OnApplicationShutdown {
  private subscription?: Subscription;

  constructor(private readonly runtime: ServiceRuntime) {}

  async onModuleInit(): Promise<void> {
    await this.runtime.sql.query(`create table if not exists triage.ticket_clocks (
      ticket_id   text primary key,
      state       jsonb not null,
      next_due_at timestamptz)`);
    await this.runtime.sql.query('create index if not exists ticket_clocks_due on triage.ticket_clocks (next_due_at) where next_due_at is not null');
    this.subscription = this.runtime.store.subscribe({
      subscriptionId: 'triage.sla-timers',
      filter: { streamPrefixes: ['ticket-'] },
      handle: (events, tx) => this.apply(events, tx as SqlExecutor),
    });
  }

  /** Tickets whose next breach or escalation is due at `now`, earliest first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const rows = await this.runtime.sql.query<{ ticket_id: string }>(
      'select ticket_id from triage.ticket_clocks where next_due_at <= $1 order by next_due_at limit $2',
      [now, limit],
    );
    return rows.map((row) => row.ticket_id);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  private async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const ids = [...new Set(events.map((event) => aggregateIdOf(event.stream)))];
    const rows = await tx.query<{ ticket_id: string; state: TicketState }>('select ticket_id, state from triage.ticket_clocks where ticket_id = any($1)', [ids]);
    const states = new Map(rows.map((row) => [row.ticket_id, row.state]));
    for (const event of events) {
      const id = aggregateIdOf(event.stream);
      states.set(id, ticketDecider.evolve(states.get(id) ?? ticketDecider.initialState, { type: event.type, data: event.data } as TicketEvent));
    }
    for (const id of ids) {
      const state = states.get(id) as TicketState;
      const due = state.status === 'none' ? undefined : nextDueAt(state);
      await tx.query(
        `insert into triage.ticket_clocks (ticket_id, state, next_due_at) values ($1, $2, $3)
         on conflict (ticket_id) do update set state = excluded.state, next_due_at = excluded.next_due_at`,
        [id, JSON.stringify(state), due ?? null],
      );
    }
  }
}

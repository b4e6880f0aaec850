import type { RecordedEvent, SqlExecutor } from '../event-store.port';
import { COLUMNS, toEvent, type EventRow } from './event-rows';
import { quoteIdent } from './sql-text';

/** What to look for in the log; every condition given must hold. */
export interface LogQuery {
  /** Only events of these periods (their metadata's `periodId`); absent, events of any period or none. */
  periods?: readonly string[];
  stream?: string;
  /** A type, or the start of types: `hypercare.ticket.` finds every ticket event. */
  type?: string;
  /** The subject of the actor who caused the event. */
  actor?: string;
  /** Recorded at or after. */
  from?: Date;
  /** Recorded at or before. */
  to?: Date;
  /** Only events past this position: the previous page's last. */
  after?: number;
  limit: number;
}

/** Who acted in the log, and how much: one row per actor. */
export interface ActorActivity {
  subject: string;
  name: string | null;
  kind: string | null;
  events: number;
  byType: Record<string, number>;
  first: Date;
  last: Date;
}

const ACTOR = `metadata->'actor'`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Questions about the whole log that its readers (`readAll`, subscriptions) cannot ask: by
 * period, actor, stream, type prefix and time, and along the causation and correlation ids
 * events carry. Only committed events are found, in log order.
 */
export class LogSearch {
  private readonly s: string;

  constructor(
    private readonly sql: SqlExecutor,
    schema: string,
  ) {
    this.s = quoteIdent(schema);
  }

  async find(query: LogQuery): Promise<RecordedEvent[]> {
    const params: unknown[] = [];
    const where = [`position < ${this.s}.visible_limit()`];
    const bind = (value: unknown): string => `$${params.push(value)}`;
    if (query.periods) where.push(`metadata->>'periodId' = any(${bind(query.periods)}::text[])`);
    if (query.stream !== undefined) where.push(`stream = ${bind(query.stream)}`);
    if (query.type !== undefined) where.push(`starts_with(type, ${bind(query.type)})`);
    if (query.actor !== undefined) where.push(`${ACTOR}->>'subject' = ${bind(query.actor)}`);
    if (query.from) where.push(`recorded_at >= ${bind(query.from.toISOString())}::timestamptz`);
    if (query.to) where.push(`recorded_at <= ${bind(query.to.toISOString())}::timestamptz`);
    if (query.after !== undefined) where.push(`position > ${bind(query.after)}`);
    const rows = await this.sql.query<EventRow>(
      `select ${COLUMNS} from ${this.s}.events where ${where.join(' and ')} order by position limit ${bind(query.limit)}`,
      params,
    );
    return rows.map(toEvent);
  }

  /** The event of this id; undefined when the log holds none (or the id is not one). */
  async get(eventId: string): Promise<RecordedEvent | undefined> {
    if (!UUID.test(eventId)) return undefined;
    const [row] = await this.sql.query<EventRow>(
      `select ${COLUMNS} from ${this.s}.events where event_id = $1::uuid and position < ${this.s}.visible_limit()`,
      [eventId],
    );
    return row && toEvent(row);
  }

  /** The events whose causation id is `id`: what it caused directly. */
  causedBy(id: string, limit: number): Promise<RecordedEvent[]> {
    return this.byMetadata('causationId', id, limit);
  }

  /** The events that share this correlation id, in log order. */
  correlated(correlationId: string, limit: number): Promise<RecordedEvent[]> {
    return this.byMetadata('correlationId', correlationId, limit);
  }

  /** Everyone who acted on the period's events, most active first. */
  async actors(periodId: string): Promise<ActorActivity[]> {
    const rows = await this.sql.query<{
      subject: string;
      name: string | null;
      kind: string | null;
      type: string;
      events: string;
      first_ms: string;
      last_ms: string;
    }>(
      `select ${ACTOR}->>'subject' as subject, max(${ACTOR}->>'name') as name, max(${ACTOR}->>'kind') as kind, type,
              count(*) as events, floor(extract(epoch from min(recorded_at)) * 1000)::int8 as first_ms,
              floor(extract(epoch from max(recorded_at)) * 1000)::int8 as last_ms
         from ${this.s}.events
        where metadata->>'periodId' = $1 and ${ACTOR}->>'subject' is not null and position < ${this.s}.visible_limit()
        group by 1, 4`,
      [periodId],
    );
    const actors = new Map<string, ActorActivity>();
    for (const row of rows) {
      const first = new Date(Number(row.first_ms));
      const last = new Date(Number(row.last_ms));
      const actor = actors.get(row.subject) ?? {
        subject: row.subject,
        name: row.name,
        kind: row.kind,
        events: 0,
        byType: {},
        first,
        last,
      };
      actor.events += Number(row.events);
      actor.byType[row.type] = Number(row.events);
      if (first < actor.first) actor.first = first;
      if (last > actor.last) actor.last = last;
      actors.set(row.subject, actor);
    }
    return [...actors.values()].sort((a, b) => b.events - a.events || a.subject.localeCompare(b.subject));
  }

  private async byMetadata(key: string, value: string, limit: number): Promise<RecordedEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `select ${COLUMNS} from ${this.s}.events
        where metadata->>$1 = $2 and position < ${this.s}.visible_limit() order by position limit $3`,
      [key, value, limit],
    );
    return rows.map(toEvent);
  }
}

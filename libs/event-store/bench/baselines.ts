import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { v7 as timeOrderedUuid } from 'uuid';

/** A store-like thing the benchmark can append to: our store and each baseline. */
export interface Appender {
  name: string;
  append(stream: string, count: number): Promise<unknown>;
  close(): Promise<void>;
}

export const payload = (i: number): Record<string, unknown> => ({
  ticketId: `T-${i}`,
  title: 'Login page times out after SSO redirect',
  priority: 'P2',
  reporter: { name: 'Ana', email: 'ana@example.com' },
  tags: ['sso', 'login'],
});

/**
 * Baseline A, the physical limit: the same rows, batch-inserted with plain `pg` into a
 * bare table with no concurrency checks, no idempotency and no global-order guarantees.
 * `constrained` (baseline A+) adds what the store's guarantees cost the table itself: a
 * unique (stream, version) and a unique event id (time-ordered, as the store makes them),
 * still with no checks, locks or outcomes: how close any store keeping them can come.
 */
export const bareInsert = async (
  url: string,
  connections: number,
  constrained = false,
): Promise<Appender> => {
  const pool = new Pool({ connectionString: url, max: connections });
  await pool.query(`create table bare_events (
    position bigint generated always as identity primary key, stream text not null, version bigint not null,
    event_id uuid not null, type text not null, data jsonb not null, metadata jsonb not null,
    recorded_at timestamptz not null default now()
    ${constrained ? ', unique (stream, version), unique (event_id)' : ''})`);
  const versions = new Map<string, number>();
  return {
    name: constrained
      ? "baseline A+: bare INSERT, the store's unique constraints"
      : 'baseline A: bare pg INSERT',
    append: async (stream, count) => {
      const start = versions.get(stream) ?? 0;
      versions.set(stream, start + count);
      const rows = Array.from({ length: count }, (_, i) => ({
        id: constrained ? timeOrderedUuid() : randomUUID(),
        v: start + i,
        data: payload(i),
      }));
      await pool.query(
        `insert into bare_events (stream, version, event_id, type, data, metadata)
         select $1, (r->>'v')::bigint, (r->>'id')::uuid, 'TicketReported', r->'data', '{}'::jsonb from jsonb_array_elements($2::jsonb) r`,
        [stream, JSON.stringify(rows)],
      );
    },
    close: () => pool.end(),
  };
};

/** Baseline B: Emmett's PostgreSQL event store doing the same appends, when it installs. */
export const emmett = async (url: string): Promise<Appender> => {
  const { getPostgreSQLEventStore } = await import('@event-driven-io/emmett-postgresql');
  const store = getPostgreSQLEventStore(url);
  return {
    name: 'baseline B: Emmett PostgreSQL',
    append: (stream, count) =>
      store.appendToStream(
        stream,
        Array.from({ length: count }, (_, i) => ({ type: 'TicketReported', data: payload(i) })),
      ),
    close: () => store.close(),
  };
};

import { appendFunction, appendOneFunction, expectationFunction } from './append-function';
import { readLogFunction } from './read-log-function';
import type { SqlClient } from './sql-client';
import { ORDINAL_BITS, quoteIdent } from './sql-text';

/**
 * Ordered migrations, each a list of single statements (PGlite's extended protocol takes
 * one at a time); each migration runs once per schema, in one transaction, under a lock.
 */
const migrations = (schema: string): string[][] => {
  const s = quoteIdent(schema);
  return [
    [
      `create table ${s}.events (
      position     bigint primary key,
      stream       text not null,
      version      bigint not null,
      event_id     uuid not null,
      type         text not null,
      data         jsonb not null,
      metadata     jsonb not null default '{}'::jsonb,
      recorded_at  timestamptz not null default clock_timestamp(),
      constraint events_stream_version unique (stream, version),
      constraint events_event_id unique (event_id)
    )`,
      `create function ${s}.refuse_change() returns trigger language plpgsql as $fn$
    begin
      raise exception 'events are append-only: % refused', tg_op;
    end $fn$`,
      `create trigger events_append_only before update or delete on ${s}.events
      for each row execute function ${s}.refuse_change()`,
      `create trigger events_no_truncate before truncate on ${s}.events
      for each statement execute function ${s}.refuse_change()`,
      `create table ${s}.checkpoints (
      subscription_id text primary key,
      position        bigint not null,
      updated_at      timestamptz not null default now()
    )`,
      // Everything below this position belongs to transactions that have ended, so no event
      // can still appear there: readers of the global log never look past it.
      `create function ${s}.visible_limit() returns bigint language sql stable as $fn$
        select pg_snapshot_xmin(pg_current_snapshot())::text::bigint << ${ORDINAL_BITS}
      $fn$`,
    ],
    [readLogFunction(schema)],
    [
      // Readers get milliseconds (JavaScript dates): stored finer, an event would fall outside
      // a read "as of" the very time it reports.
      `alter table ${s}.events alter column recorded_at set default date_trunc('milliseconds', clock_timestamp())`,
      // Reads by time walk the position or the stream index and filter: this one only slowed appends.
      `drop index if exists ${s}.events_recorded_at`,
    ],
    // The per-append function of older schemas answered jsonb; its set-based successor answers
    // rows, so it is dropped rather than replaced (a type change `create or replace` refuses).
    [`drop function if exists ${s}.append_events(jsonb)`],
    // The batch function, and a leaner one for a single append (most of them); both judge
    // expected versions with the same helper. A schema that ran an earlier form of migration 4
    // (which created append_events itself) has it replaced here: same arguments, same rows.
    [expectationFunction(schema), appendOneFunction(schema), appendFunction(schema)],
    // Schemas migrated while read_log was a SQL function get its PL/pgSQL form.
    [readLogFunction(schema)],
  ];
};

/** Creates or upgrades the store's tables in `schema`; safe to run from many processes at once. */
export const migrate = async (client: SqlClient, schema: string): Promise<void> => {
  const s = quoteIdent(schema);
  await client.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${schema}:migrate`]);
    await tx.query(`create schema if not exists ${s}`);
    await tx.query(
      `create table if not exists ${s}.schema_migrations (version int primary key, applied_at timestamptz not null default now())`,
    );
    const [row] = await tx.query<{ current: number | null }>(
      `select max(version) as current from ${s}.schema_migrations`,
    );
    const applied = row?.current ?? 0;
    const all = migrations(schema);
    for (let version = applied + 1; version <= all.length; version++) {
      for (const statement of all[version - 1] ?? []) await tx.query(statement);
      await tx.query(`insert into ${s}.schema_migrations (version) values ($1)`, [version]);
    }
  });
};

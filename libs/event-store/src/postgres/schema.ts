import type { SqlClient } from './sql-client';

/**
 * Events per transaction are numbered below 2^20: a global position is
 * `transaction id * 2^20 + ordinal`, so the global order is commit-safe (see README).
 */
export const ORDINAL_BITS = 20;

/** A PostgreSQL identifier, quoted so any schema name is safe in SQL text. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

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
      `create index events_recorded_at on ${s}.events (recorded_at)`,
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
      // Every lookup here is by index. A generic plan cached by a long-lived connection while
    // the table was empty would otherwise keep scanning it whole as it grows.
    `create function ${s}.append_events(p_appends jsonb) returns jsonb language plpgsql
      set enable_seqscan = off as $fn$
    declare
      v_append   jsonb;
      v_results  jsonb := '[]'::jsonb;
      v_stream   text;
      v_expected text;
      v_ids      uuid[];
      v_count    int;
      v_existing int;
      v_same     int;
      v_current  bigint;
      v_last     bigint;
      v_version  bigint;
      v_ordinal  bigint := coalesce(nullif(current_setting('hypercare.es_ordinal', true), '')::bigint, 0);
      v_base     bigint := pg_current_xact_id()::text::bigint << ${ORDINAL_BITS};
    begin
      -- One lock per stream, taken in a fixed order, so concurrent appends to a stream
      -- serialise and two batches never wait on each other crosswise.
      perform pg_advisory_xact_lock(k)
        from (select distinct hashtextextended(${quoteLiteral(schema)} || ':' || (a->>'stream'), 0) as k
                from jsonb_array_elements(p_appends) a) locks
        order by k;

      for v_append in select value from jsonb_array_elements(p_appends) loop
        v_stream := v_append->>'stream';
        v_expected := v_append->>'expected';
        select array_agg((e->>'id')::uuid), count(*) into v_ids, v_count
          from jsonb_array_elements(v_append->'events') e;

        select count(*), count(*) filter (where stream = v_stream), max(position), max(version)
          into v_existing, v_same, v_last, v_version
          from ${s}.events where event_id = any(v_ids);
        if v_existing > 0 then
          if v_same = v_count then
            v_results := v_results || jsonb_build_object('status', 'duplicate', 'position', v_last, 'version', v_version);
          else
            v_results := v_results || jsonb_build_object('status', 'id_conflict',
              'ids', (select jsonb_agg(event_id) from ${s}.events where event_id = any(v_ids)));
          end if;
          continue;
        end if;

        select coalesce(max(version), -1) into v_current from ${s}.events where stream = v_stream;
        if not (v_expected = 'any'
                or (v_expected = 'no-stream' and v_current = -1)
                or (v_expected = 'stream-exists' and v_current >= 0)
                or (v_expected ~ '^[0-9]+$' and v_current = v_expected::bigint)) then
          v_results := v_results || jsonb_build_object('status', 'wrong_version', 'actual', v_current);
          continue;
        end if;

        if v_ordinal + v_count >= (1 << ${ORDINAL_BITS}) then
          raise exception 'more than % events in one transaction', (1 << ${ORDINAL_BITS}) - 1;
        end if;
        insert into ${s}.events (position, stream, version, event_id, type, data, metadata)
          select v_base + v_ordinal + x.o, v_stream, v_current + x.o, (x.e->>'id')::uuid, x.e->>'type', x.e->'data',
                 coalesce(x.e->'metadata', '{}'::jsonb)
            from jsonb_array_elements(v_append->'events') with ordinality as x(e, o);
        v_ordinal := v_ordinal + v_count;
        v_results := v_results || jsonb_build_object('status', 'ok', 'position', v_base + v_ordinal, 'version', v_current + v_count);
      end loop;

      perform set_config('hypercare.es_ordinal', v_ordinal::text, true);
      return v_results;
    end $fn$`,
      // Everything below this position belongs to transactions that have ended, so no event
      // can still appear there: readers of the global log never look past it.
      `create function ${s}.visible_limit() returns bigint language sql stable as $fn$
        select pg_snapshot_xmin(pg_current_snapshot())::text::bigint << ${ORDINAL_BITS}
      $fn$`,
    ],
    [
      // A page of the global log. The planner's only choice is the position index, walked in
      // order and stopped after p_limit matches: with stale statistics (a freshly filled table)
      // it would otherwise fetch and sort every row from p_from on, for every page.
      `create function ${s}.read_log(p_from bigint, p_limit bigint, p_until_position bigint, p_until_time timestamptz, p_types jsonb, p_prefixes jsonb)
      returns table (o_position bigint, o_stream text, o_version bigint, o_event_id uuid, o_type text, o_data jsonb,
                     o_metadata jsonb, o_recorded_at timestamptz, o_visible bigint)
      language sql stable
      set enable_seqscan = off set enable_bitmapscan = off set enable_sort = off as $fn$
        with limits as (select ${s}.visible_limit() as visible)
        select e.position, e.stream, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at, limits.visible
        from limits left join lateral (
          select * from ${s}.events ev
          where ev.position >= p_from and ev.position < limits.visible
            and (p_until_position is null or ev.position <= p_until_position)
            and (p_until_time is null or ev.recorded_at <= p_until_time)
            and (p_types is null or ev.type = any (array(select jsonb_array_elements_text(p_types))))
            and (p_prefixes is null or exists (select 1 from jsonb_array_elements_text(p_prefixes) p where starts_with(ev.stream, p)))
          order by ev.position
          limit p_limit) e on true
      $fn$`,
    ],
  ];
};

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Creates or upgrades the store's tables in `schema`; safe to run from many processes at once. */
export const migrate = async (client: SqlClient, schema: string): Promise<void> => {
  const s = quoteIdent(schema);
  await client.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${schema}:migrate`]);
    await tx.query(`create schema if not exists ${s}`);
    await tx.query(`create table if not exists ${s}.schema_migrations (version int primary key, applied_at timestamptz not null default now())`);
    const [row] = await tx.query<{ current: number | null }>(`select max(version) as current from ${s}.schema_migrations`);
    const applied = row?.current ?? 0;
    const all = migrations(schema);
    for (let version = applied + 1; version <= all.length; version++) {
      for (const statement of all[version - 1] ?? []) await tx.query(statement);
      await tx.query(`insert into ${s}.schema_migrations (version) values ($1)`, [version]);
    }
  });
};


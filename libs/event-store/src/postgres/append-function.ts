import { ORDINAL_BITS, quoteIdent, quoteLiteral } from './sql-text';

/**
 * `append_events(appends jsonb)`: every append of a coalesced batch, in order, in one call,
 * one outcome row per append. Deciding each append happens in memory between three
 * statements (lock the streams, read their versions, insert what was accepted), so a batch
 * costs little more than a single append. Event ids are not looked up first: the unique
 * index refuses a stored one, and only then is the batch decided again knowing which ids
 * are stored (a retry is a duplicate, a reused id a conflict).
 */
export const appendFunction = (schema: string): string => {
  const s = quoteIdent(schema);
  return `create or replace function ${s}.append_events(p_appends jsonb)
    returns table (o_status text, o_position bigint, o_version bigint, o_ids jsonb)
    language plpgsql
    -- Every lookup here is a nested loop over an index, so one plan fits every batch: planning
    -- each call afresh for its argument costs more than the statements themselves. Pinned,
    -- because a plan cached while the table was empty would hash it whole on every call.
    set plan_cache_mode = force_generic_plan set enable_seqscan = off set enable_hashjoin = off set enable_mergejoin = off
    as $fn$
  declare
    v_first_ordinal bigint := coalesce(nullif(current_setting('hypercare.es_ordinal', true), '')::bigint, 0);
    v_base     bigint := pg_current_xact_id()::text::bigint << ${ORDINAL_BITS};
    v_stored   jsonb;
    v_known    jsonb;
    v_repeated boolean;
    v_versions jsonb;
    v_ordinal  bigint;
    v_append   jsonb;
    v_stream   text;
    v_expected text;
    v_count    int;
    v_hit      jsonb;
    v_current  bigint;
    v_status   text[];
    v_position bigint[];
    v_version  bigint[];
    v_ids      jsonb[];
    v_accepted int[];
    v_from_version bigint[];
    v_from_ordinal bigint[];
  begin
    -- One lock per stream, taken in a fixed order, so concurrent appends to a stream
    -- serialise and two batches never wait on each other crosswise.
    perform pg_advisory_xact_lock(k)
      from (select distinct hashtextextended(${quoteLiteral(schema)} || ':' || (a->>'stream'), 0) as k
              from jsonb_array_elements(p_appends) a) locks
      order by k;

    -- A statement of its own, after the locks: its snapshot sees every append committed before them.
    select jsonb_object_agg(st.stream, coalesce((select max(ev.version) from ${s}.events ev where ev.stream = st.stream), -1))
      into v_stored
      from (select distinct a->>'stream' as stream from jsonb_array_elements(p_appends) a) st;

    loop
      v_versions := v_stored;
      v_ordinal := v_first_ordinal;
      v_status := '{}'; v_position := '{}'; v_version := '{}'; v_ids := '{}';
      v_accepted := '{}'; v_from_version := '{}'; v_from_ordinal := '{}';
      for v_i in 1 .. jsonb_array_length(p_appends) loop
        v_append := p_appends -> (v_i - 1);
        v_stream := v_append->>'stream';
        v_expected := v_append->>'expected';
        v_count := jsonb_array_length(v_append->'events');
        v_hit := v_known -> v_i::text;
        v_current := (v_versions->>v_stream)::bigint;
        if v_hit is not null and (v_hit->>1)::int = v_count then
          -- Every id stored, all on this stream: a retry of an append that was done.
          v_status := v_status || 'duplicate'::text;
          v_position := v_position || (v_hit->>2)::bigint;
          v_version := v_version || (v_hit->>3)::bigint;
          v_ids := v_ids || null::jsonb;
        elsif v_hit is not null then
          v_status := v_status || 'id_conflict'::text;
          v_position := v_position || null::bigint;
          v_version := v_version || null::bigint;
          v_ids := v_ids || (v_hit->4);
        elsif ${s}.expected_matches(v_expected, v_current) then
          if v_ordinal + v_count >= (1 << ${ORDINAL_BITS}) then
            raise exception 'more than % events in one transaction', (1 << ${ORDINAL_BITS}) - 1;
          end if;
          v_accepted := v_accepted || v_i;
          v_from_version := v_from_version || v_current;
          v_from_ordinal := v_from_ordinal || v_ordinal;
          v_ordinal := v_ordinal + v_count;
          v_versions := jsonb_set(v_versions, array[v_stream], to_jsonb(v_current + v_count));
          v_status := v_status || 'ok'::text;
          v_position := v_position || (v_base + v_ordinal);
          v_version := v_version || (v_current + v_count);
          v_ids := v_ids || null::jsonb;
        else
          v_status := v_status || 'wrong_version'::text;
          v_position := v_position || null::bigint;
          v_version := v_version || v_current;
          v_ids := v_ids || null::jsonb;
        end if;
      end loop;

      if v_known is not null or not ('wrong_version' = any(v_status)) then
        begin
          insert into ${s}.events (position, stream, version, event_id, type, data, metadata)
            select v_base + p.from_ordinal + x.o, p.app->>'stream', p.from_version + x.o, (x.e->>'id')::uuid, x.e->>'type',
                   x.e->'data', coalesce(x.e->'metadata', '{}'::jsonb)
              from (select p_appends -> (u.i - 1) as app, u.from_version, u.from_ordinal
                      from unnest(v_accepted, v_from_version, v_from_ordinal) as u(i, from_version, from_ordinal)) p
              cross join lateral jsonb_array_elements(p.app->'events') with ordinality as x(e, o);
          exit;
        exception when unique_violation then
          if v_known is not null then
            raise;
          end if;
        end;
      end if;

      -- A stored id was refused, or a version did not match, which a retry of an append that
      -- was done would not match either: decide again knowing which ids are stored.
      select
        (select jsonb_object_agg(i, jsonb_build_array(n_known, n_same, last_position, last_version, ids))
           from (select a.i, count(*) as n_known, count(*) filter (where ev.stream = a.app->>'stream') as n_same,
                        max(ev.position) as last_position, max(ev.version) as last_version, jsonb_agg(ev.event_id) as ids
                   from jsonb_array_elements(p_appends) with ordinality a(app, i)
                   cross join lateral jsonb_array_elements(a.app->'events') e
                   join ${s}.events ev on ev.event_id = (e->>'id')::uuid
                  group by a.i) known),
        (select count(*) <> count(distinct e->>'id')
           from jsonb_array_elements(p_appends) a cross join lateral jsonb_array_elements(a->'events') e)
      into v_known, v_repeated;
      if v_repeated then
        -- Only a coalesced batch can repeat an id across appends; the caller retries them one by one.
        raise exception 'event ids repeat across the appends of one batch' using errcode = 'unique_violation';
      end if;
      v_known := coalesce(v_known, '{}'::jsonb);
    end loop;

    if cardinality(v_accepted) > 0 then
      perform set_config('hypercare.es_ordinal', v_ordinal::text, true);
    end if;
    return query select * from unnest(v_status, v_position, v_version, v_ids);
  end $fn$`;
};

/** Whether a stream at `current` (-1: no stream) meets an append's expected version. */
export const expectationFunction = (schema: string): string =>
  `create function ${quoteIdent(schema)}.expected_matches(p_expected text, p_current bigint) returns boolean
    language sql immutable as $fn$
      select p_expected = 'any' or (p_expected = 'no-stream' and p_current = -1)
          or (p_expected = 'stream-exists' and p_current >= 0) or p_expected = p_current::text
    $fn$`;

/**
 * `append_to_stream(stream, expected, events)`: one append on its own, the common case,
 * in three plain statements (lock, read the version, insert). Anything but a clean
 * success (a version mismatch, a stored id) is decided by `append_events`, which knows
 * retries from conflicts; this function only spares the single append its batch machinery.
 */
export const appendOneFunction = (schema: string): string => {
  const s = quoteIdent(schema);
  return `create function ${s}.append_to_stream(p_stream text, p_expected text, p_events jsonb)
    returns table (o_status text, o_position bigint, o_version bigint, o_ids jsonb)
    language plpgsql as $fn$
  declare
    v_first   bigint := coalesce(nullif(current_setting('hypercare.es_ordinal', true), '')::bigint, 0);
    v_base    bigint := pg_current_xact_id()::text::bigint << ${ORDINAL_BITS};
    v_count   int := jsonb_array_length(p_events);
    v_current bigint;
  begin
    perform pg_advisory_xact_lock(hashtextextended(${quoteLiteral(schema)} || ':' || p_stream, 0));
    select coalesce(max(version), -1) into v_current from ${s}.events where stream = p_stream;
    if v_first + v_count >= (1 << ${ORDINAL_BITS}) then
      raise exception 'more than % events in one transaction', (1 << ${ORDINAL_BITS}) - 1;
    end if;
    if ${s}.expected_matches(p_expected, v_current) then
      begin
        insert into ${s}.events (position, stream, version, event_id, type, data, metadata)
          select v_base + v_first + x.o, p_stream, v_current + x.o, (x.e->>'id')::uuid, x.e->>'type',
                 x.e->'data', coalesce(x.e->'metadata', '{}'::jsonb)
            from jsonb_array_elements(p_events) with ordinality as x(e, o);
        perform set_config('hypercare.es_ordinal', (v_first + v_count)::text, true);
        o_status := 'ok';
        o_position := v_base + v_first + v_count;
        o_version := v_current + v_count;
        return next;
        return;
      exception when unique_violation then
        -- A stored id: a retry or a conflict, which append_events tells apart.
      end;
    end if;
    return query select * from ${s}.append_events(jsonb_build_array(jsonb_build_object('stream', p_stream, 'expected', p_expected, 'events', p_events)));
  end $fn$`;
};

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys belong to a period and a caller (the reporter, until sign-in names the
 * caller): the same key from someone else or on another period is a new request. Keys written
 * before are given the period and the reporter of the report they created.
 */
export class ScopedIdempotencyKeys1764500000000 implements MigrationInterface {
  name = 'ScopedIdempotencyKeys1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'alter table intake.idempotency_keys add column period_id text, add column caller text',
    );
    // A database whose event store is not created yet has no keys either.
    await runner.query(`do $$ begin
      if to_regclass('intake_events.events') is not null then
        update intake.idempotency_keys k
          set period_id = e.data->>'periodId', caller = lower(e.data->'reporter'->>'email')
          from intake_events.events e
          where e.stream = 'report-' || (k.submission->>'reportId') and e.version = 0;
      end if;
    end $$`);
    await runner.query(`delete from intake.idempotency_keys where period_id is null or caller is null`);
    await runner.query(`alter table intake.idempotency_keys
      alter column period_id set not null, alter column caller set not null,
      drop constraint idempotency_keys_pkey, add primary key (period_id, caller, key)`);
    await runner.query('create index idempotency_keys_created on intake.idempotency_keys (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop index intake.idempotency_keys_created`);
    await runner.query(`alter table intake.idempotency_keys drop constraint idempotency_keys_pkey,
      drop column period_id, drop column caller, add primary key (key)`);
  }
}

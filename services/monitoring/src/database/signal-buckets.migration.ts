import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-ins, job runs and business transactions, counted per period, signal, key and minute. */
export class SignalBuckets1765000006000 implements MigrationInterface {
  name = 'SignalBuckets1765000006000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table monitoring.signal_buckets (
      period_id text not null,
      signal    text not null,
      key       text not null,
      minute    timestamptz not null,
      total     int not null,
      failures  int not null,
      primary key (period_id, signal, key, minute))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table monitoring.signal_buckets');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API-gateway records, counted per period, route and minute: the signals are never kept one by one. */
export class GatewayBuckets1765000005000 implements MigrationInterface {
  name = 'GatewayBuckets1765000005000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table monitoring.gateway_buckets (
      period_id text not null,
      route     text not null,
      minute    timestamptz not null,
      requests  int not null,
      errors    int not null,
      latency   int[] not null,
      primary key (period_id, route, minute))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table monitoring.gateway_buckets');
  }
}

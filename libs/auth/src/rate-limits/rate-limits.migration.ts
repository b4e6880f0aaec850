import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per rate-limit window in progress, shared by every instance of every service. */
export class RateLimits1764900001000 implements MigrationInterface {
  name = 'RateLimits1764900001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table hypercare_auth.rate_limits (
      key        text primary key,
      hits       integer not null,
      expires_at timestamptz not null)`);
    await runner.query('create index rate_limits_expiry on hypercare_auth.rate_limits (expires_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table hypercare_auth.rate_limits');
  }
}

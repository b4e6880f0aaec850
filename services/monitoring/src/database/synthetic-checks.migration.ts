import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Synthetic checks: their definitions (a projection of their events), when each runs next and
 * how many times in a row it failed, and the rolling series of its runs.
 */
export class SyntheticChecks1765000007000 implements MigrationInterface {
  name = 'SyntheticChecks1765000007000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table monitoring.synthetic_checks (
      check_id   text primary key,
      period_id  text not null,
      name       text not null,
      definition jsonb not null,
      removed    boolean not null)`);
    await runner.query(`create table monitoring.check_state (
      check_id    text primary key,
      next_run_at timestamptz not null,
      failures    int not null,
      alerting    boolean not null)`);
    await runner.query(`create table monitoring.check_runs (
      check_id   text not null,
      at         timestamptz not null,
      ok         boolean not null,
      status     int,
      latency_ms int,
      problem    text)`);
    await runner.query('create index check_runs_check on monitoring.check_runs (check_id, at desc)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'drop table monitoring.check_runs, monitoring.check_state, monitoring.synthetic_checks',
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each period's close recorded (summary, tickets handed over, override of the exit
 * criteria), for the handoff package: the table is emptied and its projection replayed.
 */
export class PeriodClosing1765000021100 implements MigrationInterface {
  name = 'PeriodClosing1765000021100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('alter table reporting.periods add column closing jsonb');
    await runner.query('delete from reporting.periods');
    await runner.query(`update reporting.projections set position = 0 where name = 'period-list'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table reporting.periods drop column closing');
  }
}

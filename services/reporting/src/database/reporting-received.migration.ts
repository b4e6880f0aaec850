import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting's projections now follow the log of what it received, each from a checkpoint of
 * its own (`reporting.projections`): the old shared checkpoints go, and the projected rows
 * are emptied to be built again from that log. The old history table stays until its events
 * are moved into the log (`HistoryImport`), which then drops it.
 */
export class ReportingReceived1764400002000 implements MigrationInterface {
  name = 'ReportingReceived1764400002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('drop table reporting.projection_checkpoints');
    await runner.query('delete from reporting.timeline');
    await runner.query('delete from reporting.tickets');
    await runner.query('delete from reporting.periods');
  }

  async down(): Promise<void> {
    throw new Error('reporting cannot go back to projecting from its history table: restore a backup');
  }
}

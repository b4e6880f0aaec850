import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Triage's tables. `if not exists`: databases written before migrations ran here already
 * have them. Their timers are emptied: the projection that keeps them starts from the
 * beginning of triage's own log (which holds every ticket event) and sets them all again.
 */
export class TriageSchema1764400001000 implements MigrationInterface {
  name = 'TriageSchema1764400001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists triage.ticket_clocks (
      ticket_id   text primary key,
      state       jsonb not null,
      next_due_at timestamptz)`);
    await runner.query(
      'create index if not exists ticket_clocks_due on triage.ticket_clocks (next_due_at) where next_due_at is not null',
    );
    await runner.query('delete from triage.ticket_clocks');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table triage.ticket_clocks');
  }
}

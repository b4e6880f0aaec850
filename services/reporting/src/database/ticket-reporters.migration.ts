import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A person's own reports (`GET /people/{email}/tickets`, `?reporter=`) found by their email in any case. */
export class TicketReporters1765000023000 implements MigrationInterface {
  name = 'TicketReporters1765000023000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'create index tickets_reporter on reporting.tickets (lower(reporter_email), reported_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop index reporting.tickets_reporter');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The alert events the dashboard counts (see `alertFactsProjection`). */
export class AlertFacts1765000004000 implements MigrationInterface {
  name = 'AlertFacts1765000004000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table reporting.alert_facts (
      event_id      text primary key,
      alert_id      text not null,
      period_id     text not null,
      kind          text not null,
      at            timestamptz not null,
      source        text,
      severity      text,
      ticket_id     text,
      raised_at     timestamptz,
      notifications int)`);
    await runner.query('create index alert_facts_period on reporting.alert_facts (period_id, kind, at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table reporting.alert_facts');
  }
}

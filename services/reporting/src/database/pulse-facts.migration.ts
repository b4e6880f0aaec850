import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The pulse surveys the dashboard counts (see `pulseFactsProjection`). */
export class PulseFacts1765000017000 implements MigrationInterface {
  name = 'PulseFacts1765000017000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table reporting.pulse_facts (
      pulse_id       text primary key,
      period_id      text not null,
      title          text not null,
      anonymous      boolean not null,
      scheduled_at   timestamptz not null,
      status         text not null,
      question_types jsonb not null,
      rounds         int not null,
      invited        int not null,
      answered       int not null,
      promoters      int not null,
      passives       int not null,
      detractors     int not null,
      scale_sum      int not null,
      scale_count    int not null)`);
    await runner.query('create index pulse_facts_period on reporting.pulse_facts (period_id, scheduled_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table reporting.pulse_facts');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who acted, verified, on each timeline line; lines of events recorded before sign-in have none. */
export class TimelineActor1764900002000 implements MigrationInterface {
  name = 'TimelineActor1764900002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('alter table reporting.timeline add column actor jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table reporting.timeline drop column actor');
  }
}

import { legacyProgrammeId } from '@hypercare/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A period belongs to a programme by id, not by a free-text name: each name known becomes the
 * id of the programme triage makes from it, as the upcast of the period's events does.
 */
export class PeriodProgrammeIds1765000001000 implements MigrationInterface {
  name = 'PeriodProgrammeIds1765000001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('alter table intake.periods add column programme_id text');
    const names: Array<{ programme: string }> = await runner.query(
      'select distinct programme from intake.periods',
    );
    for (const { programme } of names)
      await runner.query('update intake.periods set programme_id = $1 where programme = $2', [
        legacyProgrammeId(programme),
        programme,
      ]);
    await runner.query(
      'alter table intake.periods alter column programme_id set not null, drop column programme',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("alter table intake.periods add column programme text not null default ''");
    await runner.query('alter table intake.periods drop column programme_id');
  }
}

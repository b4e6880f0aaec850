import { legacyProgrammeId } from '@hypercare/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programmes are first-class: a table of them, and each period's programme by id. The names
 * periods gave as free text become the programmes triage makes from them (same ids as the
 * upcast of the period events), so the overview keeps its names before triage's events arrive.
 */
export class ReportingProgrammes1765000002000 implements MigrationInterface {
  name = 'ReportingProgrammes1765000002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table reporting.programmes (
      programme_id text primary key,
      name         text not null,
      description  text,
      legacy       boolean not null default false,
      version      int not null)`);
    await runner.query('alter table reporting.periods add column programme_id text');
    const names: Array<{ programme: string }> = await runner.query(
      'select distinct programme from reporting.periods',
    );
    for (const { programme } of names) {
      const programmeId = legacyProgrammeId(programme);
      await runner.query('update reporting.periods set programme_id = $1 where programme = $2', [
        programmeId,
        programme,
      ]);
      await runner.query(
        'insert into reporting.programmes (programme_id, name, legacy, version) values ($1, $2, true, 0)',
        [programmeId, programme],
      );
    }
    await runner.query(`update reporting.periods set configuration = configuration - 'programme'`);
    await runner.query(`alter table reporting.periods
      alter column programme_id set not null, drop column programme`);
    await runner.query('create index periods_programme on reporting.periods (programme_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("alter table reporting.periods add column programme text not null default ''");
    await runner.query('alter table reporting.periods drop column programme_id');
    await runner.query('drop table reporting.programmes');
  }
}

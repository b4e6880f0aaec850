import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What each person wants to be told, and when: one row per address (lower case). */
export class NotificationPreferences1765000023100 implements MigrationInterface {
  name = 'NotificationPreferences1765000023100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table intake.notification_preferences (
      email      text primary key,
      muted      text[] not null default '{}',
      quiet_from time,
      quiet_to   time,
      time_zone  text,
      updated_at timestamptz not null,
      updated_by text not null)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table intake.notification_preferences');
  }
}

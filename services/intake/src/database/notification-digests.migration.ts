import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A daily digest instead of single messages, per person; what a digest gathered points at it. */
export class NotificationDigests1765000023300 implements MigrationInterface {
  name = 'NotificationDigests1765000023300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'alter table intake.notification_preferences add column digest boolean not null default false',
    );
    await runner.query('alter table intake.notifications add column digest_id uuid');
    await runner.query(
      `create index notifications_held on intake.notifications (period_id, lower(recipient_email)) where status = 'held'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop index intake.notifications_held');
    await runner.query('alter table intake.notifications drop column digest_id');
    await runner.query('alter table intake.notification_preferences drop column digest');
  }
}

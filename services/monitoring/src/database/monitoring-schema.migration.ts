import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monitoring's tables: the periods and tickets it hears of, the alerts it has been sent (a
 * counter per alert: re-sends are counted here, not recorded as events), and the tickets
 * alerts asked for or joined, which later alerts of the same fingerprint or service join.
 */
export class MonitoringSchema1765000003000 implements MigrationInterface {
  name = 'MonitoringSchema1765000003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table monitoring.periods (
      period_id    text primary key,
      programme_id text not null,
      status       text not null)`);
    await runner.query(`create table monitoring.tickets (
      ticket_id text primary key,
      period_id text not null,
      status    text not null)`);
    await runner.query(`create table monitoring.alerts (
      alert_id      text primary key,
      period_id     text not null,
      fingerprint   text not null,
      source        text not null,
      name          text not null,
      status        text,
      severity      text,
      service       text,
      notifications bigint not null,
      since_raise   int not null,
      first_seen    timestamptz not null,
      last_seen     timestamptz not null,
      raise         int,
      raised_at     timestamptz,
      ticket_id     text)`);
    await runner.query('create index alerts_period on monitoring.alerts (period_id, last_seen desc)');
    await runner.query(`create table monitoring.alert_tickets (
      ticket_id  text primary key,
      period_id  text not null,
      alert_id   text not null,
      service    text,
      created_at timestamptz not null)`);
    await runner.query(
      'create index alert_tickets_alert on monitoring.alert_tickets (alert_id, created_at desc)',
    );
    await runner.query(
      'create index alert_tickets_service on monitoring.alert_tickets (period_id, service, created_at desc)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'drop table monitoring.alert_tickets, monitoring.alerts, monitoring.tickets, monitoring.periods',
    );
  }
}

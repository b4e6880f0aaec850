import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reporting's tables, matching the entities; run on start-up, once. */
export class ReportingSchema1700000000001 implements MigrationInterface {
  name = 'ReportingSchema1700000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('create schema if not exists reporting');
    await runner.query(`create table reporting.history (
      seq            bigserial primary key,
      event_id       uuid not null unique,
      source         text not null,
      type           text not null,
      subject        text not null,
      period_id      text,
      occurred_at    timestamptz not null,
      stream_version int,
      log_position   bigint,
      data           jsonb not null)`);
    await runner.query('create index history_source_position on reporting.history (source, log_position)');
    await runner.query('create index history_subject on reporting.history (subject)');
    await runner.query(`create table reporting.projection_checkpoints (
      projection text primary key,
      last_seq   bigint not null,
      rebuilt_at timestamptz)`);
    await runner.query(`create table reporting.periods (
      period_id       text primary key,
      programme       text not null,
      system_name     text not null,
      status          text not null,
      go_live_at      timestamptz not null,
      planned_end_at  timestamptz not null,
      activated_at    timestamptz,
      closed_at       timestamptz,
      extension_count int not null default 0,
      configuration   jsonb not null,
      version         int not null)`);
    await runner.query(`create table reporting.tickets (
      ticket_id             text primary key,
      period_id             text not null,
      title                 text not null,
      reporter_name         text not null,
      reporter_email        text not null,
      affected_users        int not null,
      status                text not null,
      category              text,
      impact                text,
      urgency               text,
      priority              text,
      assignee_role         text,
      assignee_name         text,
      assignee_email        text,
      decision              text,
      reported_at           timestamptz not null,
      acknowledge_due_at    timestamptz,
      resolve_due_at        timestamptz,
      first_acknowledged_at timestamptz,
      resolved_at           timestamptz,
      closed_at             timestamptz,
      reopen_count          int not null default 0,
      acknowledge_sla       text not null default 'pending',
      resolve_sla           text not null default 'pending',
      escalation_level      int not null default 0,
      escalated_to          text,
      version               int not null,
      updated_at            timestamptz not null)`);
    await runner.query('create index tickets_period_reported on reporting.tickets (period_id, reported_at)');
    await runner.query('create index tickets_period_status on reporting.tickets (period_id, status)');
    await runner.query(`create table reporting.timeline (
      ticket_id text not null,
      event_id  uuid not null,
      version   int not null,
      type      text not null,
      at        timestamptz not null,
      by        text not null,
      summary   text not null,
      changes   jsonb not null,
      data      jsonb not null,
      primary key (ticket_id, event_id))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop schema reporting cascade');
  }
}

import { ticketEvents } from '@hypercare/contracts/testing';
import { describeProjection } from '@hypercare/projections/testing';
import { IntakeSchema1764400001000 } from '../database/intake-schema.migration';
import { reportStatusProjection } from './report-status.projection';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const REPORT = '0b9a8a8e-6a40-4d4e-9d61-0d5b7f0e2c11';
const OTHER = '1c0b9b9f-7b51-4e5f-8e6c-1e6c8f1f3d22';
const t = ticketEvents(REPORT, PERIOD);
const rows =
  'select report_id, ticket_status, priority, category, workaround, updated_at from intake.report_status order by report_id';
const row = (values: Record<string, unknown>) => ({
  report_id: REPORT,
  priority: null,
  category: null,
  workaround: null,
  ...values,
});

describeProjection(
  "a reporter's view of their report",
  reportStatusProjection,
  { schema: 'intake', migrations: [IntakeSchema1764400001000] },
  (spec) => {
    it('is new once its ticket is opened', () =>
      spec()
        .given()
        .when(t.opened('2026-11-03T09:00:05.000Z'))
        .then(async (sql) =>
          expect(await sql.query(rows)).toEqual([
            row({ ticket_status: 'new', updated_at: new Date('2026-11-03T09:00:05.000Z') }),
          ]),
        ));

    it('shows priority and category from triage, and a re-triage moves the priority but not the status back', () =>
      spec()
        .given(
          t.opened(),
          t.triaged('2026-11-03T09:02:00.000Z', 'P2'),
          t.acknowledged('2026-11-03T09:05:00.000Z'),
        )
        .when(t.triaged('2026-11-03T09:06:00.000Z', 'P1', 'P2'))
        .then(async (sql) =>
          expect(await sql.query(rows)).toEqual([
            row({
              ticket_status: 'acknowledged',
              priority: 'P1',
              category: 'critical-bug',
              updated_at: new Date('2026-11-03T09:06:00.000Z'),
            }),
          ]),
        ));

    it('tells the workaround and follows the workflow to resolved, and back to in progress on reopen', () =>
      spec()
        .given(
          t.opened(),
          t.triaged('2026-11-03T09:02:00.000Z', 'P2'),
          t.acknowledged('2026-11-03T09:05:00.000Z'),
          t.started('2026-11-03T09:06:00.000Z'),
        )
        .when(
          t.workaroundProvided('2026-11-03T09:30:00.000Z'),
          t.resolved('2026-11-03T12:00:00.000Z'),
          t.closed('2026-11-03T13:00:00.000Z'),
          t.reopened('2026-11-04T08:00:00.000Z'),
        )
        .then(async (sql) =>
          expect(await sql.query(rows)).toEqual([
            row({
              ticket_status: 'in-progress',
              priority: 'P2',
              category: 'critical-bug',
              workaround: 'Export from the old screen',
              updated_at: new Date('2026-11-04T08:00:00.000Z'),
            }),
          ]),
        ));

    it('keeps the status through comments, decisions, breaches and escalations, stamping when they came', () =>
      spec()
        .given(t.opened(), t.triaged('2026-11-03T09:02:00.000Z', 'P1'))
        .when(
          t.commented('2026-11-03T09:10:00.000Z'),
          t.decided('2026-11-03T09:11:00.000Z'),
          t.slaBreached('2026-11-03T09:16:00.000Z', 'acknowledge', '2026-11-03T09:15:00.000Z'),
          t.escalated('2026-11-03T09:16:00.000Z', 1, 'technical-lead'),
        )
        .then(async (sql) =>
          expect(await sql.query(rows)).toEqual([
            row({
              ticket_status: 'triaged',
              priority: 'P1',
              category: 'critical-bug',
              updated_at: new Date('2026-11-03T09:16:00.000Z'),
            }),
          ]),
        ));

    it('ignores events of a ticket it never saw opened', () =>
      spec()
        .given()
        .when(ticketEvents(OTHER, PERIOD).acknowledged('2026-11-03T09:05:00.000Z'))
        .then(async (sql) => expect(await sql.query(rows)).toEqual([])));
  },
);

import { reportSubmittedEvent, ticketEvents } from '@hypercare/contracts/testing';
import { describeProjection } from '@hypercare/projections/testing';
import { ReportingReceived1764400002000 } from '../database/reporting-received.migration';
import { ReportingSchema1700000000001 } from '../database/reporting-schema.migration';
import { TimelineActor1764900002000 } from '../database/timeline-actor.migration';
import { ticketBoardProjection } from './ticket-board.projection';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const T = '0b9a8a8e-6a40-4d4e-9d61-0d5b7f0e2c11';
const OTHER = '1c0b9b9f-7b51-4e5f-8e6c-1e6c8f1f3d22';
const t = ticketEvents(T, PERIOD);
const migrations = [ReportingSchema1700000000001, ReportingReceived1764400002000, TimelineActor1764900002000];
const board = `select ticket_id, status, priority, assignee_email, decision, first_acknowledged_at, resolved_at, closed_at, reopen_count,
                      acknowledge_sla, resolve_sla, escalation_level, escalated_to, version from reporting.tickets order by ticket_id`;
const timeline =
  'select ticket_id, version, type, at, by, summary, changes from reporting.timeline order by ticket_id, at, version';
const triagedAt = '2026-11-03T09:02:00.000Z';

describeProjection(
  'the ticket board and timelines',
  ticketBoardProjection,
  { schema: 'reporting', migrations },
  (spec) => {
    it("starts a ticket's timeline with its report, and its row once triage opens it", () =>
      spec()
        .given()
        .when(reportSubmittedEvent(T, PERIOD), t.opened())
        .then(async (sql) => {
          expect(await sql.query(board)).toEqual([
            expect.objectContaining({
              ticket_id: T,
              status: 'new',
              priority: null,
              acknowledge_sla: 'pending',
              version: 0,
            }),
          ]);
          expect(await sql.query(timeline)).toEqual([
            {
              ticket_id: T,
              version: -1,
              type: 'hypercare.report.submitted.v1',
              at: new Date('2026-11-03T09:00:00.000Z'),
              by: 'ana@example.com',
              summary: 'Reported through web: "Invoices do not export" (40 affected)',
              changes: {},
            },
            {
              ticket_id: T,
              version: 0,
              type: 'hypercare.ticket.opened.v1',
              at: new Date('2026-11-03T09:00:05.000Z'),
              by: 'ana@example.com',
              summary: 'Ticket opened from the report "Invoices do not export"',
              changes: {},
            },
          ]);
        }));

    it("tells on a ticket's timeline what monitoring said: the alert that asked for it, alerts joining it, their resolution", () => {
      const alert = { alertId: `${PERIOD}:fp-1`, periodId: PERIOD, fingerprint: 'fp-1' };
      return spec()
        .given()
        .when(
          {
            type: 'hypercare.alert.ticket-requested.v1',
            data: {
              ...alert,
              ticketId: T,
              rule: 'critical-at-once',
              policyVersion: 0,
              title: '[critical] OrdersLatencyHigh (orders)',
              description: 'p95 above 2 s',
              proposal: { category: 'performance-issue', impact: 'high', urgency: 'high' },
              affectedUsers: 0,
              raisedAt: '2026-11-03T08:58:30.000Z',
              requestedAt: '2026-11-03T08:59:00.000Z',
            },
          },
          {
            type: 'hypercare.alert.linked.v1',
            data: {
              ...alert,
              fingerprint: 'fp-2',
              ticketId: T,
              reason: 'same-service',
              linkedAt: '2026-11-03T09:10:00.000Z',
            },
          },
          {
            type: 'hypercare.alert.resolved.v1',
            data: { ...alert, resolvedAt: '2026-11-03T09:30:00.000Z', notifications: 4, ticketId: T },
          },
          {
            type: 'hypercare.alert.resolved.v1',
            data: { ...alert, fingerprint: 'fp-3', resolvedAt: '2026-11-03T09:31:00.000Z', notifications: 1 },
          },
        )
        .then(async (sql) =>
          expect(
            (await sql.query<{ summary: string; by: string }>(timeline)).map(({ summary, by }) => [
              by,
              summary,
            ]),
          ).toEqual([
            [
              'monitoring',
              'Monitoring asked for this ticket: "[critical] OrdersLatencyHigh (orders)" (rule critical-at-once, policy v0)',
            ],
            ['monitoring', 'Alert fp-2 joined this ticket (same-service)'],
            ['monitoring', 'Alert fp-1 resolved, after 4 notification(s)'],
          ]),
        );
    });

    it("tells on a ticket's timeline what its reporter thought: the survey sent, the answer as written, a low score flagged", () => {
      const ref = { surveyId: '3f0c2a1b-9d8e-5f7a-8b6c-5d4e3f2a1b0c', periodId: PERIOD, ticketId: T };
      return spec()
        .given()
        .when(
          {
            type: 'hypercare.survey.issued.v1',
            data: {
              ...ref,
              kind: 'csat',
              recipient: { name: 'Ana Ruiz', email: 'ana@example.com' },
              resolvedAt: '2026-11-03T10:00:00.000Z',
              issuedAt: '2026-11-03T10:00:00.000Z',
              expiresAt: '2026-11-10T10:00:00.000Z',
            },
          },
          {
            type: 'hypercare.survey.answered.v1',
            data: {
              ...ref,
              score: 1,
              comment: '<i>still broken</i>',
              answeredAt: '2026-11-03T11:00:00.000Z',
            },
          },
          {
            type: 'hypercare.feedback.low-satisfaction.v1',
            data: { ...ref, score: 1, comment: '<i>still broken</i>', at: '2026-11-03T11:00:00.000Z' },
          },
        )
        .then(async (sql) =>
          expect(
            (await sql.query<{ summary: string; by: string }>(timeline)).map(({ summary, by }) => [
              by,
              summary,
            ]),
          ).toEqual([
            ['feedback', 'Satisfaction survey sent to ana@example.com, open until 2026-11-10T10:00:00.000Z'],
            ['reporter', 'The reporter rated the resolution 1/5: "<i>still broken</i>"'],
            ['feedback', 'Low satisfaction (1/5): look at this resolution again'],
          ]),
        );
    });

    it('names who acted on each line as sign-in verified them, and no one for events from before it', () =>
      spec()
        .given()
        .when(
          reportSubmittedEvent(T, PERIOD),
          {
            ...t.opened(),
            metadata: {
              actor: { subject: 'system:intake-consumer', name: 'intake-consumer', kind: 'system' },
            },
          },
          {
            ...t.triaged(triagedAt, 'P1'),
            metadata: { actor: { subject: 'sam-7', name: 'Sam Agent', kind: 'person' } },
          },
        )
        .then(async (sql) => {
          expect(await sql.query('select version, actor from reporting.timeline order by version')).toEqual([
            { version: -1, actor: null },
            {
              version: 0,
              actor: { subject: 'system:intake-consumer', name: 'intake-consumer', kind: 'system' },
            },
            { version: 1, actor: { subject: 'sam-7', name: 'Sam Agent', kind: 'person' } },
          ]);
        }));

    it('says what each step changed, and counts an acknowledgement in time as a met SLA', () =>
      spec()
        .given(t.opened())
        .when(
          t.triaged(triagedAt, 'P2'),
          t.assigned('2026-11-03T09:03:00.000Z'),
          t.acknowledged('2026-11-03T09:05:00.000Z'),
          t.decided('2026-11-03T09:06:00.000Z'),
        )
        .then(async (sql) => {
          expect(await sql.query(board)).toEqual([
            expect.objectContaining({
              status: 'acknowledged',
              priority: 'P2',
              assignee_email: 'sam@example.com',
              decision: 'hotfix',
              first_acknowledged_at: new Date('2026-11-03T09:05:00.000Z'),
              acknowledge_sla: 'met',
              version: 4,
            }),
          ]);
          const lines = await sql.query<{ summary: string; changes: object }>(timeline);
          expect(
            lines.slice(1).map(({ summary, changes }) => [summary, Object.keys(changes).sort()]),
          ).toEqual([
            [
              'Triaged as critical-bug: impact high x urgency medium -> P2',
              ['acknowledgeDueAt', 'category', 'impact', 'priority', 'resolveDueAt', 'status', 'urgency'],
            ],
            ['Assigned to Sam Agent (support-agent)', ['assigneeEmail', 'assigneeName', 'assigneeRole']],
            ['Acknowledged', ['acknowledgeSla', 'firstAcknowledgedAt', 'status']],
            ['Decided: hotfix (Blocks month end)', ['decision']],
          ]);
          expect(lines[1]?.changes).toMatchObject({
            priority: { from: null, to: 'P2' },
            status: { from: 'new', to: 'triaged' },
          });
        }));

    it('keeps a breached clock breached when the late acknowledgement comes, and shows the highest escalation', () =>
      spec()
        .given(t.opened(), t.triaged(triagedAt, 'P1'))
        .when(
          t.escalated('2026-11-03T09:10:00.000Z', 1, 'technical-lead'),
          t.slaBreached('2026-11-03T09:16:00.000Z', 'acknowledge', '2026-11-03T09:15:00.000Z'),
          t.escalated('2026-11-03T09:30:00.000Z', 2, 'project-manager'),
          t.acknowledged('2026-11-03T09:40:00.000Z'),
        )
        .then(async (sql) =>
          expect(await sql.query(board)).toEqual([
            expect.objectContaining({
              status: 'acknowledged',
              acknowledge_sla: 'breached',
              resolve_sla: 'pending',
              escalation_level: 2,
              escalated_to: 'project-manager',
            }),
          ]),
        ));

    it('names the role of the highest level fired, even when a lower level fires after it', () =>
      spec()
        .given(t.opened(), t.triaged(triagedAt, 'P1'))
        .when(
          t.escalated('2026-11-03T09:30:00.000Z', 2, 'project-manager'),
          t.escalated('2026-11-03T09:40:00.000Z', 1, 'technical-lead'),
        )
        .then(async (sql) =>
          expect(await sql.query(board)).toEqual([
            expect.objectContaining({ escalation_level: 2, escalated_to: 'project-manager' }),
          ]),
        ));

    it('resolves, closes, and on reopen clears the resolution, counts it and runs the resolve clock again', () =>
      spec()
        .given(
          t.opened(),
          t.triaged(triagedAt, 'P2'),
          t.acknowledged('2026-11-03T09:05:00.000Z'),
          t.started('2026-11-03T09:06:00.000Z'),
        )
        .when(
          t.resolved('2026-11-03T11:00:00.000Z'),
          t.closed('2026-11-03T12:00:00.000Z'),
          t.reopened('2026-11-04T08:00:00.000Z'),
        )
        .then(async (sql) =>
          expect(await sql.query(board)).toEqual([
            expect.objectContaining({
              status: 'in-progress',
              resolved_at: null,
              closed_at: null,
              reopen_count: 1,
              resolve_sla: 'pending',
            }),
          ]),
        ));

    it('puts nothing on the board for events of a ticket it never saw opened', () =>
      spec()
        .given()
        .when(ticketEvents(OTHER, PERIOD).acknowledged('2026-11-03T09:05:00.000Z'))
        .then(async (sql) => {
          expect(await sql.query(board)).toEqual([]);
          expect(await sql.query(timeline)).toEqual([]);
        }));
  },
);

import type { EventOf } from './event-contract';
import type { surveyIssued } from './hypercare/feedback-events';
import type { periodContracts } from './hypercare/period-events';
import { withPolicyDefaults, type PeriodDefinition } from './hypercare/period-policy';
import type { reportSubmitted } from './hypercare/report-events';
import type { ticketContracts } from './hypercare/ticket-events';

type PeriodEvent = EventOf<(typeof periodContracts)[number]>;
type TicketEvent = EventOf<(typeof ticketContracts)[number]>;
type Of<Union extends { type: string }, Type extends Union['type']> = Extract<Union, { type: Type }>;

/** A valid definition of a small period (three people, the default policy), with overrides. */
export const periodDefinition = (overrides: Partial<PeriodDefinition> = {}) =>
  withPolicyDefaults({
    systemName: 'Finance cloud',
    goLiveAt: '2026-11-02T08:00:00.000Z',
    roster: [
      { role: 'technical-lead', name: 'Tomás Lead', email: 'tomas@example.com' },
      { role: 'support-agent', name: 'Sam Agent', email: 'sam@example.com' },
      { role: 'project-manager', name: 'Priya PM', email: 'priya@example.com' },
    ],
    ...overrides,
  });

/** The programme test periods belong to unless a test names another. */
export const TEST_PROGRAMME_ID = '7b0e9a52-54d4-4c5e-8d0b-3f1c2a9e6d10';

/** Valid events of one period, for tests of the readers of period events. */
export const periodEvents = (periodId: string, programmeId = TEST_PROGRAMME_ID) => ({
  planned: (overrides: Partial<PeriodDefinition> = {}): Of<PeriodEvent, 'hypercare.period.planned.v2'> => ({
    type: 'hypercare.period.planned.v2',
    data: { periodId, programmeId, ...periodDefinition(overrides) },
  }),
  reconfigured: (
    overrides: Partial<PeriodDefinition> = {},
  ): Of<PeriodEvent, 'hypercare.period.reconfigured.v2'> => ({
    type: 'hypercare.period.reconfigured.v2',
    data: { periodId, ...periodDefinition(overrides) },
  }),
  activated: (
    activatedAt = '2026-11-02T08:00:00.000Z',
  ): Of<PeriodEvent, 'hypercare.period.activated.v1'> => ({
    type: 'hypercare.period.activated.v1',
    data: { periodId, activatedAt },
  }),
  extended: (
    plannedEndAt: string,
    previousPlannedEndAt = '2026-11-23T08:00:00.000Z',
  ): Of<PeriodEvent, 'hypercare.period.extended.v1'> => ({
    type: 'hypercare.period.extended.v1',
    data: { periodId, previousPlannedEndAt, plannedEndAt, reason: 'More time to stabilise' },
  }),
  exitReviewStarted: (
    startedAt = '2026-11-20T08:00:00.000Z',
  ): Of<PeriodEvent, 'hypercare.period.exit-review-started.v1'> => ({
    type: 'hypercare.period.exit-review-started.v1',
    data: { periodId, startedAt },
  }),
  closed: (closedAt = '2026-11-24T08:00:00.000Z'): Of<PeriodEvent, 'hypercare.period.closed.v1'> => ({
    type: 'hypercare.period.closed.v1',
    data: { periodId, closedAt },
  }),
});

const reporter = { name: 'Ana Ruiz', email: 'ana@example.com' };

/** A valid report as submitted, for tests of the readers of report events. */
export const reportSubmittedEvent = (
  reportId: string,
  periodId: string,
  submittedAt = '2026-11-03T09:00:00.000Z',
): EventOf<typeof reportSubmitted> => ({
  type: 'hypercare.report.submitted.v1',
  data: {
    reportId,
    periodId,
    reporter,
    title: 'Invoices do not export',
    description: 'The export button spins forever.',
    stepsToReproduce: [],
    affectedUsers: 40,
    attachments: [],
    channel: 'web',
    submittedAt,
  },
});

/** A satisfaction survey issued to a ticket's reporter at `issuedAt`, answerable for `days`. */
export const surveyIssuedEvent = (
  ticketId: string,
  periodId: string,
  {
    surveyId,
    issuedAt = '2026-11-03T12:00:05.000Z',
    days = 7,
  }: { surveyId: string; issuedAt?: string; days?: number },
): EventOf<typeof surveyIssued> => ({
  type: 'hypercare.survey.issued.v1',
  data: {
    surveyId,
    periodId,
    ticketId,
    kind: 'csat',
    recipient: reporter,
    resolvedAt: issuedAt,
    issuedAt,
    expiresAt: new Date(Date.parse(issuedAt) + days * 86_400_000).toISOString(),
  },
});

/** Valid events of one ticket, each at its own time and by its own actor, for tests of the readers of ticket events. */
export const ticketEvents = (ticketId: string, periodId: string) => {
  const base = (at: string, by = 'sam@example.com') => ({ ticketId, periodId, at, by });
  return {
    opened: (at = '2026-11-03T09:00:05.000Z'): Of<TicketEvent, 'hypercare.ticket.opened.v1'> => ({
      type: 'hypercare.ticket.opened.v1',
      data: {
        ...base(at, reporter.email),
        reportId: ticketId,
        title: 'Invoices do not export',
        reporter,
        affectedUsers: 40,
        reportedAt: '2026-11-03T09:00:00.000Z',
      },
    }),
    triaged: (
      at: string,
      priority: 'P1' | 'P2' | 'P3' | 'P4',
      previousPriority?: 'P1' | 'P2' | 'P3' | 'P4',
    ): Of<TicketEvent, 'hypercare.ticket.triaged.v1'> => ({
      type: 'hypercare.ticket.triaged.v1',
      data: {
        ...base(at),
        category: 'critical-bug',
        impact: 'high',
        urgency: priority === 'P1' ? 'high' : 'medium',
        priority,
        ...(previousPriority ? { previousPriority } : {}),
        acknowledgeDueAt: '2026-11-03T09:15:00.000Z',
        resolveDueAt: '2026-11-03T13:00:00.000Z',
        escalations: [],
      },
    }),
    assigned: (at: string): Of<TicketEvent, 'hypercare.ticket.assigned.v1'> => ({
      type: 'hypercare.ticket.assigned.v1',
      data: { ...base(at), role: 'support-agent', assignee: { name: 'Sam Agent', email: 'sam@example.com' } },
    }),
    acknowledged: (at: string): Of<TicketEvent, 'hypercare.ticket.acknowledged.v1'> => ({
      type: 'hypercare.ticket.acknowledged.v1',
      data: base(at),
    }),
    started: (at: string): Of<TicketEvent, 'hypercare.ticket.started.v1'> => ({
      type: 'hypercare.ticket.started.v1',
      data: base(at),
    }),
    workaroundProvided: (
      at: string,
      workaround = 'Export from the old screen',
    ): Of<TicketEvent, 'hypercare.ticket.workaround-provided.v1'> => ({
      type: 'hypercare.ticket.workaround-provided.v1',
      data: { ...base(at), workaround },
    }),
    decided: (at: string): Of<TicketEvent, 'hypercare.ticket.decided.v1'> => ({
      type: 'hypercare.ticket.decided.v1',
      data: { ...base(at), decision: 'hotfix', rationale: 'Blocks month end' },
    }),
    commented: (
      at: string,
      text = 'Looking at the logs',
    ): Of<TicketEvent, 'hypercare.ticket.commented.v1'> => ({
      type: 'hypercare.ticket.commented.v1',
      data: { ...base(at), text },
    }),
    resolved: (at: string): Of<TicketEvent, 'hypercare.ticket.resolved.v1'> => ({
      type: 'hypercare.ticket.resolved.v1',
      data: { ...base(at), rootCause: 'Missing index', fixReference: 'FIX-7' },
    }),
    closed: (at: string): Of<TicketEvent, 'hypercare.ticket.closed.v1'> => ({
      type: 'hypercare.ticket.closed.v1',
      data: base(at),
    }),
    reopened: (at: string): Of<TicketEvent, 'hypercare.ticket.reopened.v1'> => ({
      type: 'hypercare.ticket.reopened.v1',
      data: { ...base(at), reason: 'Came back after the release' },
    }),
    slaBreached: (
      at: string,
      clock: 'acknowledge' | 'resolve',
      dueAt: string,
      priority: 'P1' | 'P2' | 'P3' | 'P4' = 'P1',
    ): Of<TicketEvent, 'hypercare.ticket.sla-breached.v1'> => ({
      type: 'hypercare.ticket.sla-breached.v1',
      data: { ...base(at, 'sla-timer'), clock, dueAt, priority },
    }),
    escalated: (
      at: string,
      level: number,
      notifyRole: 'technical-lead' | 'project-manager',
    ): Of<TicketEvent, 'hypercare.ticket.escalated.v1'> => ({
      type: 'hypercare.ticket.escalated.v1',
      data: {
        ...base(at, 'sla-timer'),
        level,
        when: 'unacknowledged',
        notifyRole,
        notified: [{ name: 'Tomás Lead', email: 'tomas@example.com' }],
        dueAt: at,
      },
    }),
  };
};

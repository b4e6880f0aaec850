import {
  type EventOf,
  slaOutcomesAfter,
  type ticketContracts,
  type ticketOpened,
  ticketStatusAfter,
} from '@hypercare/contracts';
import type { TicketView } from './ticket-view.entity';

/** A ticket event as the board reads it. */
export type TicketEvent = EventOf<(typeof ticketContracts)[number]>;

type Fields = Partial<Omit<TicketView, 'ticketId' | 'periodId' | 'version' | 'updatedAt'>>;
type Change = { fields: Fields; summary: string };
type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** The fields an event sets besides the status and the SLA clocks (the published workflow decides those), and how the timeline says it. */
const describe = (
  event: Exclude<TicketEvent, { type: 'hypercare.ticket.opened.v1' }>,
  view: TicketView,
): Change => {
  switch (event.type) {
    case 'hypercare.ticket.triaged.v1': {
      const { category, impact, urgency, priority, previousPriority, acknowledgeDueAt, resolveDueAt } =
        event.data;
      return {
        fields: {
          category,
          impact,
          urgency,
          priority,
          acknowledgeDueAt: new Date(acknowledgeDueAt),
          resolveDueAt: new Date(resolveDueAt),
        },
        summary: `Triaged as ${category}: impact ${impact} x urgency ${urgency} -> ${priority}${previousPriority ? ` (was ${previousPriority})` : ''}`,
      };
    }
    case 'hypercare.ticket.assigned.v1': {
      const { role, assignee } = event.data;
      return {
        fields: { assigneeRole: role, assigneeName: assignee.name, assigneeEmail: assignee.email },
        summary: `Assigned to ${assignee.name} (${role})`,
      };
    }
    case 'hypercare.ticket.acknowledged.v1':
      return {
        fields: { firstAcknowledgedAt: view.firstAcknowledgedAt ?? new Date(event.data.at) },
        summary: 'Acknowledged',
      };
    case 'hypercare.ticket.started.v1':
      return { fields: {}, summary: 'Work started' };
    case 'hypercare.ticket.workaround-provided.v1':
      return { fields: {}, summary: `Workaround provided: ${event.data.workaround}` };
    case 'hypercare.ticket.decided.v1':
      return {
        fields: { decision: event.data.decision },
        summary: `Decided: ${event.data.decision} (${event.data.rationale})`,
      };
    case 'hypercare.ticket.commented.v1':
      return { fields: {}, summary: `Commented: ${event.data.text}` };
    case 'hypercare.ticket.resolved.v1': {
      const { at, rootCause, fixReference } = event.data;
      return {
        fields: { resolvedAt: new Date(at) },
        summary: `Resolved: ${rootCause}${fixReference ? ` (fix ${fixReference})` : ''}`,
      };
    }
    case 'hypercare.ticket.closed.v1':
      return { fields: { closedAt: new Date(event.data.at) }, summary: 'Closed' };
    case 'hypercare.ticket.reopened.v1':
      return {
        fields: { resolvedAt: null, closedAt: null, reopenCount: view.reopenCount + 1 },
        summary: `Reopened: ${event.data.reason}`,
      };
    case 'hypercare.ticket.sla-breached.v1': {
      const { clock, priority, dueAt } = event.data;
      return {
        fields: {},
        summary: `${clock === 'acknowledge' ? 'Acknowledge' : 'Resolve'} SLA breached (${priority}, due ${dueAt})`,
      };
    }
    case 'hypercare.ticket.escalated.v1': {
      const { level, when, notifyRole, notified } = event.data;
      return {
        fields: {
          escalationLevel: Math.max(view.escalationLevel, level),
          escalatedTo: level >= view.escalationLevel ? notifyRole : view.escalatedTo,
        },
        summary: `Escalated (level ${level}, ${when}) to ${notifyRole}: ${notified.map((person) => person.name).join(', ') || 'nobody on the roster'}`,
      };
    }
  }
};

const comparable = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

/** The ticket row a report opens, at the ticket stream's version `version`. */
export const openedView = ({ data }: EventOf<typeof ticketOpened>, version: number): TicketView => ({
  ticketId: data.ticketId,
  periodId: data.periodId,
  title: data.title,
  reporterName: data.reporter.name,
  reporterEmail: data.reporter.email,
  affectedUsers: data.affectedUsers,
  status: 'new',
  category: null,
  impact: null,
  urgency: null,
  priority: null,
  assigneeRole: null,
  assigneeName: null,
  assigneeEmail: null,
  decision: null,
  reportedAt: new Date(data.reportedAt),
  acknowledgeDueAt: null,
  resolveDueAt: null,
  firstAcknowledgedAt: null,
  resolvedAt: null,
  closedAt: null,
  reopenCount: 0,
  acknowledgeSla: 'pending',
  resolveSla: 'pending',
  escalationLevel: 0,
  escalatedTo: null,
  version,
  updatedAt: new Date(data.at),
});

/** The row after one more ticket event (at stream version `version`), what the timeline says about it, and which fields changed. */
export const evolveView = (
  view: TicketView,
  event: Exclude<TicketEvent, { type: 'hypercare.ticket.opened.v1' }>,
  version: number,
): { next: TicketView; summary: string; changes: FieldChanges } => {
  const described = describe(event, view);
  const breached = event.type === 'hypercare.ticket.sla-breached.v1' ? event.data.clock : undefined;
  const sla = slaOutcomesAfter(
    event.type,
    { acknowledge: view.acknowledgeSla, resolve: view.resolveSla },
    breached,
  );
  const fields: Fields = {
    ...described.fields,
    status: ticketStatusAfter(event.type, view.status),
    acknowledgeSla: sla.acknowledge,
    resolveSla: sla.resolve,
  };
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(fields)) {
    const from: unknown = view[field as keyof Fields];
    if (comparable(from) !== comparable(to)) changes[field] = { from: comparable(from), to: comparable(to) };
  }
  return {
    next: { ...view, ...fields, version, updatedAt: new Date(event.data.at) },
    summary: described.summary,
    changes,
  };
};

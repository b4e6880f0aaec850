import { ticketStatusAfter } from '@hypercare/contracts';
import type { HistoryEntry } from '../history/history-entry.entity';
import type { TicketView } from './ticket-view.entity';

type Data = Record<string, unknown>;
type Fields = Partial<Omit<TicketView, 'ticketId' | 'periodId' | 'version' | 'updatedAt'>>;

const text = (value: unknown): string => String(value ?? '');
const date = (value: unknown): Date => new Date(text(value));
const person = (value: unknown): { name: string; email: string } => value as { name: string; email: string };

/** The fields a ticket event sets besides the status (the published workflow decides that), and how the timeline says it. */
const CHANGES: Record<string, (data: Data, view: TicketView) => { fields: Fields; summary: string }> = {
  'hypercare.ticket.triaged.v1': (d) => ({
    fields: {
      category: text(d['category']),
      impact: text(d['impact']),
      urgency: text(d['urgency']),
      priority: text(d['priority']),
      acknowledgeDueAt: date(d['acknowledgeDueAt']),
      resolveDueAt: date(d['resolveDueAt']),
    },
    summary: `Triaged as ${text(d['category'])}: impact ${text(d['impact'])} x urgency ${text(d['urgency'])} -> ${text(d['priority'])}${d['previousPriority'] ? ` (was ${text(d['previousPriority'])})` : ''}`,
  }),
  'hypercare.ticket.assigned.v1': (d) => ({
    fields: { assigneeRole: text(d['role']), assigneeName: person(d['assignee']).name, assigneeEmail: person(d['assignee']).email },
    summary: `Assigned to ${person(d['assignee']).name} (${text(d['role'])})`,
  }),
  'hypercare.ticket.acknowledged.v1': (d, view) => ({
    fields: {
      firstAcknowledgedAt: view.firstAcknowledgedAt ?? date(d['at']),
      acknowledgeSla: view.acknowledgeSla === 'pending' ? 'met' : view.acknowledgeSla,
    },
    summary: 'Acknowledged',
  }),
  'hypercare.ticket.started.v1': () => ({ fields: {}, summary: 'Work started' }),
  'hypercare.ticket.workaround-provided.v1': (d) => ({ fields: {}, summary: `Workaround provided: ${text(d['workaround'])}` }),
  'hypercare.ticket.decided.v1': (d) => ({ fields: { decision: text(d['decision']) }, summary: `Decided: ${text(d['decision'])} (${text(d['rationale'])})` }),
  'hypercare.ticket.commented.v1': (d) => ({ fields: {}, summary: `Commented: ${text(d['text'])}` }),
  'hypercare.ticket.resolved.v1': (d, view) => ({
    fields: { resolvedAt: date(d['at']), resolveSla: view.resolveSla === 'pending' ? 'met' : view.resolveSla },
    summary: `Resolved: ${text(d['rootCause'])}${d['fixReference'] ? ` (fix ${text(d['fixReference'])})` : ''}`,
  }),
  'hypercare.ticket.closed.v1': (d) => ({ fields: { closedAt: date(d['at']) }, summary: 'Closed' }),
  'hypercare.ticket.reopened.v1': (d, view) => ({
    fields: { resolvedAt: null, closedAt: null, reopenCount: view.reopenCount + 1 },
    summary: `Reopened: ${text(d['reason'])}`,
  }),
  'hypercare.ticket.sla-breached.v1': (d) => ({
    fields: d['clock'] === 'acknowledge' ? { acknowledgeSla: 'breached' } : { resolveSla: 'breached' },
    summary: `${d['clock'] === 'acknowledge' ? 'Acknowledge' : 'Resolve'} SLA breached (${text(d['priority'])}, due ${text(d['dueAt'])})`,
  }),
  'hypercare.ticket.escalated.v1': (d, view) => ({
    fields: { escalationLevel: Math.max(view.escalationLevel, Number(d['level'])), escalatedTo: text(d['notifyRole']) },
    summary: `Escalated (level ${text(d['level'])}, ${text(d['when'])}) to ${text(d['notifyRole'])}: ${(d['notified'] as Array<{ name: string }>).map((p) => p.name).join(', ') || 'nobody on the roster'}`,
  }),
};

const comparable = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

/** The ticket row a report opens. */
export const openedView = (entry: HistoryEntry): TicketView => {
  const d = entry.data;
  return {
    ticketId: text(d['ticketId']),
    periodId: text(d['periodId']),
    title: text(d['title']),
    reporterName: person(d['reporter']).name,
    reporterEmail: person(d['reporter']).email,
    affectedUsers: Number(d['affectedUsers']),
    status: 'new',
    category: null,
    impact: null,
    urgency: null,
    priority: null,
    assigneeRole: null,
    assigneeName: null,
    assigneeEmail: null,
    decision: null,
    reportedAt: date(d['reportedAt']),
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
    version: entry.streamVersion ?? 0,
    updatedAt: date(d['at']),
  };
};

/** The row after one more ticket event, what the timeline says about it, and which fields changed. */
export const evolveView = (view: TicketView, entry: HistoryEntry): { next: TicketView; summary: string; changes: Record<string, { from: unknown; to: unknown }> } => {
  const change = CHANGES[entry.type];
  const described = change ? change(entry.data, view) : { fields: {}, summary: entry.type };
  const fields: Fields = { ...described.fields, status: ticketStatusAfter(entry.type, view.status) };
  const { summary } = described;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(fields)) {
    const from = view[field as keyof TicketView];
    if (comparable(from) !== comparable(to)) changes[field] = { from: comparable(from), to: comparable(to) };
  }
  const next = { ...view, ...fields, version: entry.streamVersion ?? view.version + 1, updatedAt: date(entry.data['at']) } as TicketView;
  return { next, summary, changes };
};

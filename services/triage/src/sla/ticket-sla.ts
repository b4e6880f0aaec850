import type { Level, Priority } from '@hypercare/contracts';
import type {
  Acting,
  OpenTicket,
  PeriodPolicy,
  ScheduledEscalation,
  TicketEvent,
} from '../tickets/ticket.model';

const plusMinutes = (iso: string, minutes: number): string =>
  new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
const reached = (dueAt: string, at: string): boolean => new Date(dueAt) <= new Date(at);

export const priorityFor = (policy: PeriodPolicy, impact: Level, urgency: Level): Priority => {
  const cell = policy.priorityMatrix.find((rule) => rule.impact === impact && rule.urgency === urgency);
  if (!cell)
    throw new Error(`the period's priority matrix has no cell for impact ${impact} x urgency ${urgency}`);
  return cell.priority;
};

/** Deadlines run from when the problem was reported, at the ticket's current priority. */
export const scheduleFor = (policy: PeriodPolicy, priority: Priority, reportedAt: string) => {
  const target = policy.slaPolicy.find((candidate) => candidate.priority === priority);
  if (!target) throw new Error(`the period's SLA policy has no target for ${priority}`);
  const levels = policy.escalationMatrix.find((rule) => rule.priority === priority)?.levels ?? [];
  const escalations: ScheduledEscalation[] = levels.map((level, i) => ({
    level: i + 1,
    dueAt: plusMinutes(reportedAt, level.afterMinutes),
    when: level.when,
    notifyRole: level.notifyRole,
  }));
  return {
    acknowledgeDueAt: plusMinutes(reportedAt, target.acknowledgeWithinMinutes),
    resolveDueAt: plusMinutes(reportedAt, target.resolveWithinMinutes),
    escalations,
  };
};

const stillWaiting = (ticket: OpenTicket, clock: 'acknowledge' | 'resolve'): boolean =>
  clock === 'acknowledge' ? ticket.acknowledgedAt === undefined : ticket.resolvedAt === undefined;

const escalationKey = (escalation: ScheduledEscalation): string => `${escalation.when}:${escalation.level}`;

const pendingEscalations = (ticket: OpenTicket): ScheduledEscalation[] =>
  ticket.escalations.filter(
    (escalation) =>
      !ticket.escalated.includes(escalationKey(escalation)) &&
      stillWaiting(ticket, escalation.when === 'unacknowledged' ? 'acknowledge' : 'resolve'),
  );

const pendingClocks = (ticket: OpenTicket): Array<{ clock: 'acknowledge' | 'resolve'; dueAt: string }> =>
  (
    [
      ['acknowledge', ticket.acknowledgeDueAt],
      ['resolve', ticket.resolveDueAt],
    ] as const
  ).flatMap(([clock, dueAt]) =>
    dueAt && !ticket.breached.includes(clock) && stillWaiting(ticket, clock) ? [{ clock, dueAt }] : [],
  );

/** The SLA clocks (all, or only `clock`) whose deadline passed by `acting.at` without a recorded breach. */
export const dueBreaches = (
  ticket: OpenTicket,
  acting: Acting,
  clock?: 'acknowledge' | 'resolve',
): TicketEvent[] =>
  pendingClocks(ticket)
    .filter(
      (pending) => (clock === undefined || pending.clock === clock) && reached(pending.dueAt, acting.at),
    )
    .map((pending) => ({
      type: 'hypercare.ticket.sla-breached.v1',
      data: {
        ticketId: ticket.ticketId,
        periodId: ticket.periodId,
        at: acting.at,
        by: acting.by,
        ...pending,
        priority: ticket.priority as Priority,
      },
    }));

/**
 * The breaches and escalations due at `acting.at` that have not fired yet. Derived from
 * the ticket's own history, so asking twice (or after a restart) never fires anything twice.
 */
export const dueSlaEvents = (ticket: OpenTicket, policy: PeriodPolicy, acting: Acting): TicketEvent[] => {
  const base = { ticketId: ticket.ticketId, periodId: ticket.periodId, at: acting.at, by: acting.by };
  const breaches = dueBreaches(ticket, acting);
  const escalations: TicketEvent[] = pendingEscalations(ticket)
    .filter(({ dueAt }) => reached(dueAt, acting.at))
    .map((escalation) => ({
      type: 'hypercare.ticket.escalated.v1',
      data: {
        ...base,
        level: escalation.level,
        when: escalation.when,
        notifyRole: escalation.notifyRole,
        notified: policy.roster
          .filter((entry) => entry.role === escalation.notifyRole)
          .map(({ name, email }) => ({ name, email })),
        dueAt: escalation.dueAt,
      },
    }));
  return [...breaches, ...escalations];
};

/** When the next breach or escalation is due, if any is still pending: what the SLA timer waits for. */
export const nextDueAt = (ticket: OpenTicket): string | undefined =>
  [
    ...pendingClocks(ticket).map(({ dueAt }) => dueAt),
    ...pendingEscalations(ticket).map(({ dueAt }) => dueAt),
  ].sort()[0];

export { escalationKey };

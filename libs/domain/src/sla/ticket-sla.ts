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
/** A deadline is missed only once time is past it: stopping a clock exactly at its deadline is in time. */
const passed = (dueAt: string, at: string): boolean => new Date(dueAt) < new Date(at);

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

type Clock = 'acknowledge' | 'resolve';

/** The clock an escalation level watches: `unacknowledged` levels the acknowledge clock, `unresolved` the resolve clock. */
const CLOCK_OF = { unacknowledged: 'acknowledge', unresolved: 'resolve' } as const;

const stillWaiting = (ticket: OpenTicket, clock: Clock): boolean =>
  clock === 'acknowledge' ? ticket.acknowledgedAt === undefined : ticket.resolvedAt === undefined;

const escalationKey = (escalation: ScheduledEscalation): string => `${escalation.when}:${escalation.level}`;

const pendingEscalations = (ticket: OpenTicket): ScheduledEscalation[] =>
  ticket.escalations.filter(
    (escalation) =>
      !ticket.escalated.includes(escalationKey(escalation)) &&
      stillWaiting(ticket, CLOCK_OF[escalation.when]),
  );

const pendingClocks = (ticket: OpenTicket): Array<{ clock: Clock; dueAt: string }> =>
  (
    [
      ['acknowledge', ticket.acknowledgeDueAt],
      ['resolve', ticket.resolveDueAt],
    ] as const
  ).flatMap(([clock, dueAt]) =>
    dueAt && !ticket.breached.includes(clock) && stillWaiting(ticket, clock) ? [{ clock, dueAt }] : [],
  );

/**
 * The breaches and escalations of `clocks` whose deadline passed before `acting.at` and that
 * are not recorded yet, each carrying its due time: what the SLA timer records as time passes,
 * and what a command that stops (or reopens) a clock late records first, so the history says
 * when each deadline passed however late it was noticed. Derived from the ticket's own
 * history, so asking twice (or after a restart) never records anything twice.
 */
export const overdueEvents = (
  ticket: OpenTicket,
  policy: PeriodPolicy,
  acting: Acting,
  clocks: readonly Clock[] = ['acknowledge', 'resolve'],
): TicketEvent[] => {
  const base = { ticketId: ticket.ticketId, periodId: ticket.periodId, at: acting.at, by: acting.by };
  const breaches: TicketEvent[] = pendingClocks(ticket)
    .filter((pending) => clocks.includes(pending.clock) && passed(pending.dueAt, acting.at))
    .map((pending) => ({
      type: 'hypercare.ticket.sla-breached.v1',
      data: { ...base, ...pending, priority: ticket.priority as Priority },
    }));
  const escalations: TicketEvent[] = pendingEscalations(ticket)
    .filter(({ when, dueAt }) => clocks.includes(CLOCK_OF[when]) && passed(dueAt, acting.at))
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

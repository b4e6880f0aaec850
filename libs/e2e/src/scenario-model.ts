/**
 * What the scenario did, kept by the test itself, and the dashboard those facts imply,
 * computed here from the test's own copy of the rules (the documented default priority
 * matrix and SLA policy), independently of the services' code.
 */
export type Level = 'high' | 'medium' | 'low';

export interface TicketFacts {
  id: string;
  category: string;
  reportedAt: Date;
  priority?: string;
  triagedAt?: Date;
  acknowledgedAt?: Date;
  /** Latest resolution; undefined when never resolved or reopened since. */
  resolvedAt?: Date;
  firstResolvedAt?: Date;
  status: string;
}

/** docs/domain.md: both high P1; high+medium P2; high+low or both medium P3; the rest P4. */
export const expectedPriority = (impact: Level, urgency: Level): string => {
  const rank = { high: 0, medium: 1, low: 2 };
  const sum = rank[impact] + rank[urgency];
  if (sum === 0) return 'P1';
  if (sum === 1) return 'P2';
  if (sum === 2) return 'P3';
  return 'P4';
};

/** docs/domain.md: minutes to acknowledge / resolve per priority. */
const SLA_MINUTES: Record<string, [number, number]> = {
  P1: [15, 240],
  P2: [60, 1_440],
  P3: [240, 4_320],
  P4: [1_440, 14_400],
};

const minutes = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 60_000;
const mean = (values: number[]): number | null =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
const countBy = (tickets: TicketFacts[], key: (ticket: TicketFacts) => string): Record<string, number> =>
  tickets.reduce<Record<string, number>>(
    (counts, ticket) => ({ ...counts, [key(ticket)]: (counts[key(ticket)] ?? 0) + 1 }),
    {},
  );

/**
 * A clock's outcome by `now` (docs/domain.md): met when stopped at or before its deadline,
 * breached when stopped after it or still running past it.
 */
const clockOutcome = (
  startedAt: Date,
  withinMinutes: number,
  stoppedAt: Date | undefined,
  now: Date,
): 'met' | 'breached' | 'pending' => {
  const due = startedAt.getTime() + withinMinutes * 60_000;
  if (stoppedAt) return stoppedAt.getTime() <= due ? 'met' : 'breached';
  return now.getTime() > due ? 'breached' : 'pending';
};

/** A reopen runs the resolve clock again against its deadline; a late first resolution stays a breach. */
const resolveOutcome = (ticket: TicketFacts, withinMinutes: number, now: Date) =>
  clockOutcome(ticket.reportedAt, withinMinutes, ticket.firstResolvedAt, now) === 'breached'
    ? 'breached'
    : clockOutcome(ticket.reportedAt, withinMinutes, ticket.resolvedAt, now);

export const expectedDashboard = (tickets: TicketFacts[], now: Date) => {
  const outcomes = tickets
    .filter((ticket) => ticket.priority)
    .flatMap((ticket) => {
      const [ack, resolve] = SLA_MINUTES[ticket.priority as string] as [number, number];
      return [
        clockOutcome(ticket.reportedAt, ack, ticket.acknowledgedAt, now),
        resolveOutcome(ticket, resolve, now),
      ];
    });
  const met = outcomes.filter((outcome) => outcome === 'met').length;
  const breached = outcomes.filter((outcome) => outcome === 'breached').length;
  const open = tickets.filter((ticket) => !['resolved', 'closed'].includes(ticket.status));
  return {
    tickets: { total: tickets.length, open: open.length },
    byStatus: countBy(tickets, (ticket) => ticket.status),
    byPriority: countBy(tickets, (ticket) => ticket.priority ?? 'untriaged'),
    byCategory: countBy(tickets, (ticket) => (ticket.priority ? ticket.category : 'untriaged')),
    newPerDay: Object.entries(countBy(tickets, (ticket) => ticket.reportedAt.toISOString().slice(0, 10)))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, count]) => ({ day, count })),
    mttaMinutes: mean(
      tickets.flatMap((ticket) =>
        ticket.acknowledgedAt ? [minutes(ticket.reportedAt, ticket.acknowledgedAt)] : [],
      ),
    ),
    mttrMinutes: mean(
      tickets.flatMap((ticket) => (ticket.resolvedAt ? [minutes(ticket.reportedAt, ticket.resolvedAt)] : [])),
    ),
    sla: {
      met,
      breached,
      compliancePercent: met + breached ? Math.round((met / (met + breached)) * 1000) / 10 : null,
    },
  };
};

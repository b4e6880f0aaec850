import type {
  EventOf,
  periodContracts,
  Person,
  Priority,
  Role,
  standupPrepared,
  surveyIssued,
  ticketContracts,
} from '@hypercare/contracts';

/** What people are told, and when (see docs/channels.md). */
export const NOTIFICATION_KINDS = [
  'received',
  'triaged',
  'workaround',
  'resolved',
  'reopened',
  'survey',
  'assigned',
  'p1-opened',
  'sla-breached',
  'escalated',
  'standup',
  'digest',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What the reporter is told: in the channel they reported through, where it has a way back. */
export const REPORTER_KINDS: readonly NotificationKind[] = [
  'received',
  'triaged',
  'workaround',
  'resolved',
  'reopened',
  'survey',
];

/** What reaches people whatever their preferences: how an urgent ticket wakes its people. */
export const URGENT_KINDS: readonly NotificationKind[] = ['escalated', 'p1-opened', 'sla-breached'];

/** The roles told of a new P1, of a breach and of the daily stand-up. */
export const LEAD_ROLES: readonly Role[] = ['technical-lead', 'project-manager'];

/** What the rules know of a period: its name and who is on its roster. */
export interface NoticePeriod {
  periodId: string;
  systemName: string;
  roster: Array<Person & { role: Role }>;
}

/** What the rules know of a ticket: enough to name it and to find its reporter and owner. */
export interface NoticeTicket {
  ticketId: string;
  periodId: string;
  title: string;
  reporter: Person;
  priority?: Priority;
  assignee?: Person;
}

/** One person to tell one thing; `facts` fill the kind's templates. */
export interface Notice {
  kind: NotificationKind;
  recipient: Person;
  periodId: string;
  ticketId?: string;
  facts: Record<string, string>;
}

export type NoticeEvent =
  | EventOf<(typeof ticketContracts)[number]>
  | EventOf<typeof surveyIssued>
  | EventOf<(typeof periodContracts)[number]>
  | EventOf<typeof standupPrepared>;

const rolesOf = (period: NoticePeriod | undefined, roles: readonly Role[]): Person[] =>
  (period?.roster ?? [])
    .filter((entry) => roles.includes(entry.role))
    .map(({ name, email }) => ({ name, email }));

const notices = (
  kind: NotificationKind,
  people: readonly Person[],
  where: { periodId: string; ticketId?: string },
  facts: Record<string, string>,
): Notice[] => {
  const seen = new Set<string>();
  return people.flatMap((recipient) => {
    const email = recipient.email.toLowerCase();
    if (seen.has(email)) return [];
    seen.add(email);
    return [{ kind, recipient, ...where, facts }];
  });
};

/**
 * Who is told what an event says, given the period and ticket as they stood before it:
 * reporters hear of their report's progress, the roster of what needs them. Nobody is told
 * of what they did themselves (an agent assigning a ticket to themselves), nor anything
 * about a ticket whose opening the rules never saw.
 */
export const noticesFor = (
  event: NoticeEvent,
  period: NoticePeriod | undefined,
  ticket: NoticeTicket | undefined,
): Notice[] => {
  if (event.type === 'hypercare.standup.prepared.v1') {
    const { periodId, day, markdown, counts } = event.data;
    return notices(
      'standup',
      rolesOf(period, LEAD_ROLES),
      { periodId },
      {
        systemName: period?.systemName ?? periodId,
        day,
        markdown,
        reported: String(counts.reported),
        resolved: String(counts.resolved),
        breached: String(counts.breached),
      },
    );
  }
  if (event.type === 'hypercare.survey.issued.v1') {
    // Feedback's topic may be taken before the ticket's: the survey still reaches its recipient.
    const { periodId, ticketId, recipient, surveyId, expiresAt } = event.data;
    return notices(
      'survey',
      [recipient],
      { periodId, ticketId },
      {
        systemName: period?.systemName ?? periodId,
        ticketId,
        title: ticket?.title ?? `ticket ${ticketId}`,
        surveyId,
        expiresAt,
      },
    );
  }
  if (!('ticketId' in event.data)) return [];
  const { data } = event;
  const subject =
    event.type === 'hypercare.ticket.opened.v1'
      ? { title: event.data.title, reporter: event.data.reporter }
      : ticket;
  if (!subject) return [];
  const where = { periodId: data.periodId, ticketId: data.ticketId };
  const about = {
    systemName: period?.systemName ?? data.periodId,
    ticketId: data.ticketId,
    title: subject.title,
    priority: ticket?.priority ?? '',
  };
  const reporter = [subject.reporter];
  switch (event.type) {
    case 'hypercare.ticket.opened.v1':
      return notices('received', reporter, where, { ...about, reportedAt: event.data.reportedAt });
    case 'hypercare.ticket.triaged.v1': {
      const { priority, previousPriority, acknowledgeDueAt, resolveDueAt, category } = event.data;
      if (priority === previousPriority) return [];
      const facts = { ...about, priority, category, acknowledgeDueAt, resolveDueAt };
      return [
        ...notices('triaged', reporter, where, facts),
        ...(priority === 'P1' ? notices('p1-opened', rolesOf(period, LEAD_ROLES), where, facts) : []),
      ];
    }
    case 'hypercare.ticket.assigned.v1': {
      const { assignee, role, by } = event.data;
      const self = [assignee.email, assignee.name].some((name) => name.toLowerCase() === by.toLowerCase());
      return self ? [] : notices('assigned', [assignee], where, { ...about, role, by });
    }
    case 'hypercare.ticket.workaround-provided.v1':
      return notices('workaround', reporter, where, { ...about, workaround: event.data.workaround });
    case 'hypercare.ticket.resolved.v1':
      return notices('resolved', reporter, where, {
        ...about,
        rootCause: event.data.rootCause,
        fixReference: event.data.fixReference ?? '',
      });
    case 'hypercare.ticket.reopened.v1':
      return notices('reopened', reporter, where, { ...about, reason: event.data.reason });

    case 'hypercare.ticket.sla-breached.v1': {
      const owners = [...(ticket?.assignee ? [ticket.assignee] : []), ...rolesOf(period, LEAD_ROLES)];
      return notices('sla-breached', owners, where, {
        ...about,
        priority: event.data.priority,
        clock: event.data.clock,
        dueAt: event.data.dueAt,
      });
    }
    case 'hypercare.ticket.escalated.v1': {
      const { level, when, notifyRole, notified, dueAt } = event.data;
      return notices('escalated', notified, where, {
        ...about,
        level: String(level),
        when,
        role: notifyRole,
        dueAt,
      });
    }
    default:
      return [];
  }
};

/** The period as the rules know it after an event. */
export const periodAfter = (
  period: NoticePeriod | undefined,
  event: NoticeEvent,
): NoticePeriod | undefined => {
  if (event.type !== 'hypercare.period.planned.v2' && event.type !== 'hypercare.period.reconfigured.v2')
    return period;
  const { periodId, systemName, roster } = event.data;
  return { periodId, systemName, roster };
};

/** The ticket as the rules know it after an event. */
export const ticketAfter = (
  ticket: NoticeTicket | undefined,
  event: NoticeEvent,
): NoticeTicket | undefined => {
  switch (event.type) {
    case 'hypercare.ticket.opened.v1': {
      const { ticketId, periodId, title, reporter } = event.data;
      return ticket ?? { ticketId, periodId, title, reporter };
    }
    case 'hypercare.ticket.triaged.v1':
      return ticket && { ...ticket, priority: event.data.priority };
    case 'hypercare.ticket.assigned.v1':
      return ticket && { ...ticket, assignee: event.data.assignee };
    default:
      return ticket;
  }
};

import { describeEvent, type Naming } from './event-descriptions';
import {
  dataOf,
  field,
  type GeneratedLine,
  type GeneratedSection,
  type HistoryEvent,
  minutesBetween,
  shortTime,
  timeOf,
} from './generated-line';
import type { PostmortemScope } from './postmortem.decider';

export interface SectionInput {
  /** The period's history up to the moment the document reflects, in log order. */
  events: readonly HistoryEvent[];
  scope: PostmortemScope;
  roster: ReadonlyArray<{ role: string; name: string; email: string }>;
  namesShown: boolean;
}

const ticketOf = (event: HistoryEvent): string | undefined => {
  if (event.stream.startsWith('ticket-') || event.stream.startsWith('report-'))
    return event.stream.slice(event.stream.indexOf('-') + 1);
  const ticketId = dataOf(event)['ticketId'];
  return typeof ticketId === 'string' ? ticketId : undefined;
};
const label = (ticketId: string): string => `Ticket ${ticketId.slice(0, 8)}`;
const of = (events: readonly HistoryEvent[], type: string) =>
  events.filter((event) => event.type.endsWith(type));
const line = (text: string, cited: readonly HistoryEvent[], fact?: GeneratedLine['fact']): GeneratedLine => ({
  text,
  cites: cited.map(({ id }) => id),
  ...(fact ? { fact } : {}),
});
const countLine = (text: (n: number) => string, events: readonly HistoryEvent[], type: string) =>
  line(text(events.length), events, { kind: 'count', value: events.length, type });

/** People by role, by name too only when the analyst chose so: the document is blameless by default. */
const naming = ({ roster, namesShown }: SectionInput, reporters: ReadonlySet<string>): Naming => {
  const byEmail = new Map(roster.map((entry) => [entry.email.toLowerCase(), entry]));
  return (by) => {
    const entry = byEmail.get(by.toLowerCase());
    if (entry) return namesShown ? `${entry.name} (${entry.role})` : `the ${entry.role}`;
    if (reporters.has(by.toLowerCase())) return namesShown ? `${by} (reporter)` : 'the reporter';
    if (by === 'sla-timer') return 'the SLA timer';
    return namesShown && by ? `${by} (outside the roster)` : 'someone outside the roster';
  };
};

/** The events of the scope: its tickets' and reports' streams, and the alerts that joined them. */
const scoped = ({ events, scope }: SectionInput): HistoryEvent[] => {
  const tickets = new Set(
    scope.kind === 'tickets'
      ? scope.ticketIds
      : of(events, 'ticket.opened.v1').map((event) => field(event, 'ticketId')),
  );
  const linked = events.filter(
    (event) => event.type.startsWith('hypercare.alert.') && tickets.has(ticketOf(event) ?? ''),
  );
  const alerts = new Set(linked.map((event) => field(event, 'alertId')));
  return events
    .filter(
      (event) =>
        ((event.type.startsWith('hypercare.ticket.') ||
          event.type.startsWith('hypercare.report.submitted')) &&
          tickets.has(ticketOf(event) ?? '')) ||
        linked.includes(event) ||
        (event.type === 'hypercare.alert.raised.v1' && alerts.has(field(event, 'alertId'))),
    )
    .sort((a, b) => timeOf(a).localeCompare(timeOf(b)) || a.position - b.position);
};

const durations = (
  opened: readonly HistoryEvent[],
  events: readonly HistoryEvent[],
  type: string,
  verb: string,
) =>
  opened.flatMap((open) => {
    const ticketId = field(open, 'ticketId');
    const first = events.find((event) => event.type.endsWith(type) && ticketOf(event) === ticketId);
    if (!first) return [];
    const minutes = minutesBetween(field(open, 'reportedAt'), field(first, 'at'));
    return [
      line(`${label(ticketId)} was ${verb} ${minutes} min after it was reported`, [open, first], {
        kind: 'duration',
        minutes,
        from: { eventId: open.id, field: 'reportedAt' },
        to: { eventId: first.id, field: 'at' },
      }),
    ];
  });

/**
 * The generated sections of a post-mortem, every line citing the events it came from:
 * timeline, detection, response times, SLA and escalations, decisions, workarounds,
 * contributing alerts, affected users, and the people involved by role.
 */
export const generatedSections = (input: SectionInput): GeneratedSection[] => {
  const events = scoped(input);
  const opened = of(events, 'ticket.opened.v1');
  const reporters = new Set(
    opened.map((event) =>
      String((dataOf(event)['reporter'] as { email?: string })?.email ?? '').toLowerCase(),
    ),
  );
  const who = naming(input, reporters);
  const about = (event: HistoryEvent) => {
    const ticketId = ticketOf(event);
    return ticketId ? label(ticketId) : `Alert ${field(event, 'fingerprint')}`;
  };
  const [firstReport] = opened;
  const firstAlert = events.find((event) => event.type === 'hypercare.alert.raised.v1');
  const breaches = of(events, 'ticket.sla-breached.v1');
  const escalations = of(events, 'ticket.escalated.v1');
  const alerts = events.filter((event) => event.type.startsWith('hypercare.alert.'));
  const byRole = new Map<string, HistoryEvent[]>();
  const byPeople = events.filter(
    (e) =>
      e.type.startsWith('hypercare.ticket.') &&
      field(e, 'by') &&
      (e.metadata.actor?.kind ?? 'person') !== 'system',
  );
  for (const event of byPeople) {
    const role = who(field(event, 'by'));
    byRole.set(role, [...(byRole.get(role) ?? []), event]);
  }
  return [
    {
      title: 'Timeline',
      lines: events.map((event) =>
        line(`${shortTime(timeOf(event))} — ${about(event)}: ${describeEvent(event, who)}`, [event]),
      ),
    },
    {
      title: 'Detection',
      lines: [
        ...(firstReport
          ? [
              line(
                `First report at ${shortTime(field(firstReport, 'reportedAt'))}: "${field(firstReport, 'title')}"`,
                [firstReport],
              ),
            ]
          : []),
        ...(firstAlert
          ? [
              line(
                `First alert at ${shortTime(field(firstAlert, 'raisedAt'))}: ${field(firstAlert, 'name')}`,
                [firstAlert],
              ),
            ]
          : [line('No alert joined these tickets: people reported them first', [])]),
        ...(firstAlert && firstReport && field(firstAlert, 'raisedAt') < field(firstReport, 'reportedAt')
          ? [
              line(
                `Monitoring saw it ${minutesBetween(field(firstAlert, 'raisedAt'), field(firstReport, 'reportedAt'))} min before the first report`,
                [firstAlert, firstReport],
                {
                  kind: 'duration',
                  minutes: minutesBetween(field(firstAlert, 'raisedAt'), field(firstReport, 'reportedAt')),
                  from: { eventId: firstAlert.id, field: 'raisedAt' },
                  to: { eventId: firstReport.id, field: 'reportedAt' },
                },
              ),
            ]
          : []),
      ],
    },
    {
      title: 'Acknowledgement and resolution',
      lines: [
        ...durations(opened, events, 'ticket.acknowledged.v1', 'acknowledged'),
        ...durations(opened, events, 'ticket.resolved.v1', 'resolved'),
      ],
    },
    {
      title: 'SLA and escalations',
      lines: [
        countLine((n) => `SLA deadlines missed: ${n}`, breaches, 'hypercare.ticket.sla-breached.v1'),
        ...breaches.map((event) => line(`${about(event)}: ${describeEvent(event, who)}`, [event])),
        countLine((n) => `Escalations fired: ${n}`, escalations, 'hypercare.ticket.escalated.v1'),
        ...escalations.map((event) =>
          line(`${about(event)}: ${describeEvent(event, who)} at ${shortTime(field(event, 'at'))}`, [event]),
        ),
      ],
    },
    {
      title: 'Decisions and rationale',
      lines: of(events, 'ticket.decided.v1').map((event) =>
        line(
          `${about(event)}: ${field(event, 'decision')}, because ${field(event, 'rationale')} (${who(field(event, 'by'))})`,
          [event],
        ),
      ),
    },
    {
      title: 'Workarounds',
      lines: of(events, 'ticket.workaround-provided.v1').map((event) =>
        line(`${about(event)}: ${field(event, 'workaround')}`, [event]),
      ),
    },
    {
      title: 'Contributing alerts',
      lines: alerts.map((event) =>
        line(`${shortTime(timeOf(event))} — ${describeEvent(event, who)}`, [event]),
      ),
    },
    {
      title: 'Affected users',
      lines: [
        ...opened.map((event) =>
          line(`${about(event)}: ${field(event, 'affectedUsers')} users affected, as reported`, [event], {
            kind: 'sum',
            value: Number(field(event, 'affectedUsers')),
            field: 'affectedUsers',
          }),
        ),
        ...(opened.length > 1
          ? [
              line(
                `${opened.reduce((sum, event) => sum + Number(field(event, 'affectedUsers')), 0)} users affected in all`,
                opened,
                {
                  kind: 'sum',
                  value: opened.reduce((sum, event) => sum + Number(field(event, 'affectedUsers')), 0),
                  field: 'affectedUsers',
                },
              ),
            ]
          : []),
      ],
    },
    {
      title: 'People involved',
      lines: [...byRole.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([role, acts]) => line(`${role}: ${acts.length} actions`, acts)),
    },
  ];
};

import {
  alertLinked,
  alertResolved,
  alertTicketRequested,
  lowSatisfaction,
  reportSubmitted,
  surveyAnswered,
  surveyIssued,
  ticketContracts,
} from '@hypercare/contracts';
import type { ContractedEvent, SqlExecutor } from '@hypercare/event-store';
import { defineProjection, DocumentTable, entityTable } from '@hypercare/projections';
import { evolveView, openedView } from './ticket-board.evolve';
import { TicketView } from './ticket-view.entity';
import { TimelineEntry } from './timeline-entry.entity';

const alertLines = [alertTicketRequested, alertLinked, alertResolved];
const surveyLines = [surveyIssued, surveyAnswered, lowSatisfaction];
const contracts = [reportSubmitted, ...ticketContracts, ...alertLines, ...surveyLines];
type BoardEvent = ContractedEvent<(typeof contracts)[number]>;
type AlertEvent = ContractedEvent<(typeof alertLines)[number]>;
type SurveyEvent = ContractedEvent<(typeof surveyLines)[number]>;
type TicketEvent = ContractedEvent<(typeof ticketContracts)[number]>;

const TICKET_TYPES: ReadonlySet<string> = new Set(ticketContracts.map(({ type }) => type));
const isTicketEvent = (event: BoardEvent): event is TicketEvent => TICKET_TYPES.has(event.type);
const isAlertEvent = (event: BoardEvent): event is AlertEvent => event.type.startsWith('hypercare.alert.');
const SURVEY_TYPES: ReadonlySet<string> = new Set(surveyLines.map(({ type }) => type));
const isSurveyEvent = (event: BoardEvent): event is SurveyEvent => SURVEY_TYPES.has(event.type);

const tickets = new DocumentTable(entityTable(TicketView, 'ticketId'));
const timeline = new DocumentTable(entityTable(TimelineEntry, 'eventId'));

/** The stream version the publisher gave the event, as it travelled with it. */
const sourceVersion = (event: BoardEvent): number | undefined => {
  const version = event.metadata['streamVersion'];
  return typeof version === 'number' ? version : undefined;
};

const line = (
  event: BoardEvent,
  ticketId: string,
  version: number,
  at: string,
  by: string,
  summary: string,
  changes: TimelineEntry['changes'] = {},
): TimelineEntry => ({
  ticketId,
  eventId: event.id,
  version,
  type: event.type,
  at: new Date(at),
  by,
  actor: event.metadata.actor ?? null,
  summary,
  changes,
  data: event.data,
});

/** What an alert event says on its ticket's timeline; undefined for an alert without a ticket. */
const alertLine = (event: AlertEvent): TimelineEntry | undefined => {
  const at = (time: string, ticketId: string | undefined, summary: string) =>
    ticketId ? line(event, ticketId, -1, time, 'monitoring', summary) : undefined;
  switch (event.type) {
    case 'hypercare.alert.ticket-requested.v1': {
      const { requestedAt, ticketId, title, rule, policyVersion } = event.data;
      return at(
        requestedAt,
        ticketId,
        `Monitoring asked for this ticket: "${title}" (rule ${rule}, policy v${policyVersion})`,
      );
    }
    case 'hypercare.alert.linked.v1': {
      const { linkedAt, ticketId, fingerprint, reason } = event.data;
      return at(linkedAt, ticketId, `Alert ${fingerprint} joined this ticket (${reason})`);
    }
    case 'hypercare.alert.resolved.v1': {
      const { resolvedAt, ticketId, fingerprint, notifications } = event.data;
      return at(
        resolvedAt,
        ticketId,
        `Alert ${fingerprint} resolved, after ${notifications} notification(s)`,
      );
    }
  }
};

/** What a satisfaction survey says on its ticket's timeline: sent, answered (the comment as written), flagged. */
const surveyLine = (event: SurveyEvent): TimelineEntry => {
  const { ticketId } = event.data;
  switch (event.type) {
    case 'hypercare.survey.issued.v1': {
      const { issuedAt, recipient, expiresAt } = event.data;
      return line(
        event,
        ticketId,
        -1,
        issuedAt,
        'feedback',
        `Satisfaction survey sent to ${recipient.email}, open until ${expiresAt}`,
      );
    }
    case 'hypercare.survey.answered.v1': {
      const { answeredAt, score, comment } = event.data;
      const said = comment ? `: "${comment}"` : '';
      return line(
        event,
        ticketId,
        -1,
        answeredAt,
        'reporter',
        `The reporter rated the resolution ${score}/5${said}`,
      );
    }
    case 'hypercare.feedback.low-satisfaction.v1':
      return line(
        event,
        ticketId,
        -1,
        event.data.at,
        'feedback',
        `Low satisfaction (${event.data.score}/5): look at this resolution again`,
      );
  }
};

/**
 * The ticket board (one row per ticket) and every ticket's timeline, from the report that
 * opened it to its close: who, when, what it said, which fields changed, and what monitoring
 * said about it (the alert that asked for it, alerts that joined it, their resolution), and
 * what its reporter thought of each resolution (the survey, its answer, a low score flagged). A page's tickets
 * are read and written back in one statement each, its timeline lines added in one more.
 */
export const ticketBoardProjection = defineProjection({
  name: 'ticket-board',
  contracts,
  tables: [tickets, timeline].map((table) => table.name),
  async apply(events: readonly BoardEvent[], tx: SqlExecutor): Promise<void> {
    const rows = await tickets.load(tx, [
      ...new Set(events.flatMap((event) => (isTicketEvent(event) ? [event.data.ticketId] : []))),
    ]);
    const changed = new Set<string>();
    const lines: TimelineEntry[] = [];
    for (const event of events) {
      if (isSurveyEvent(event)) {
        lines.push(surveyLine(event));
        continue;
      }
      if (isAlertEvent(event)) {
        const said = alertLine(event);
        if (said) lines.push(said);
        continue;
      }
      if (event.type === reportSubmitted.type) {
        const { reportId, channel, title, affectedUsers, submittedAt, reporter } = event.data;
        lines.push(
          line(
            event,
            reportId,
            -1,
            submittedAt,
            reporter.email,
            `Reported through ${channel}: "${title}" (${affectedUsers} affected)`,
          ),
        );
        continue;
      }
      const { ticketId, at, by } = event.data;
      const before = rows.get(ticketId);
      const version = sourceVersion(event) ?? (before ? before.version + 1 : 0);
      if (event.type === 'hypercare.ticket.opened.v1') {
        const opened = openedView(event, version);
        rows.set(ticketId, opened);
        changed.add(ticketId);
        lines.push(line(event, ticketId, version, at, by, `Ticket opened from the report "${opened.title}"`));
        continue;
      }
      // A ticket's events arrive in its stream's order, opening first: one without its row was never opened here.
      if (!before) continue;
      const { next, summary, changes } = evolveView(before, event, version);
      rows.set(ticketId, next);
      changed.add(ticketId);
      lines.push(line(event, ticketId, version, at, by, summary, changes));
    }
    await tickets.save(
      tx,
      [...changed].flatMap((ticketId) => rows.get(ticketId) ?? []),
    );
    await timeline.insert(tx, lines);
  },
});

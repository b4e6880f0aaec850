import { useTicket } from '../api/queries';
import { LIVE_LABELS, useLivePeriod } from '../live/use-live-period';
import { href } from '../routing';
import { CommandForm } from './command-form';

const when = (iso: unknown) => (typeof iso === 'string' ? new Date(iso).toLocaleString() : '—');

const FIELDS: Array<[string, string]> = [
  ['status', 'Status'],
  ['priority', 'Priority'],
  ['category', 'Category'],
  ['impact', 'Impact'],
  ['urgency', 'Urgency'],
  ['assigneeName', 'Assignee'],
  ['reporterName', 'Reporter'],
  ['affectedUsers', 'Affected users'],
  ['decision', 'Decision'],
  ['acknowledgeSla', 'Acknowledge SLA'],
  ['resolveSla', 'Resolve SLA'],
  ['escalationLevel', 'Escalation level'],
  ['reopenCount', 'Reopened'],
];

/** Keeps the ticket current: it is refreshed with the rest of its period's views. */
const FollowPeriod = ({ periodId }: { periodId: string }) => {
  const live = useLivePeriod(periodId);
  return (
    <p className="live" role="status">
      {LIVE_LABELS[live]}
    </p>
  );
};

/** One ticket: every field, its timeline, and each command its status takes now. */
export const TicketDetailView = ({ ticketId }: { ticketId: string }) => {
  const ticket = useTicket(ticketId);
  if (ticket.isPending) return <p role="status">Loading the ticket…</p>;
  if (ticket.error) return <p role="alert">{ticket.error.message}</p>;
  const { ticket: row, report, timeline, state } = ticket.data;

  return (
    <article className="ticket">
      <p>
        <a href={href({ view: 'board', periodId: row.periodId })}>Back to the board</a>
      </p>
      <h1>{row.title}</h1>
      <FollowPeriod periodId={row.periodId} />
      <dl className="fields">
        {FIELDS.map(([key, name]) => (
          <div key={key}>
            <dt>{name}</dt>
            <dd data-field={key}>{String(row[key] ?? '—')}</dd>
          </div>
        ))}
        <div>
          <dt>Reported</dt>
          <dd>{when(row.reportedAt)}</dd>
        </div>
        <div>
          <dt>Acknowledge by</dt>
          <dd>{when(row.acknowledgeDueAt)}</dd>
        </div>
        <div>
          <dt>Resolve by</dt>
          <dd>{when(row.resolveDueAt)}</dd>
        </div>
      </dl>
      {report?.description && (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">Report</h2>
          <p className="prose">{report.description}</p>
        </section>
      )}
      <section aria-labelledby="commands-heading">
        <h2 id="commands-heading">What can be done now</h2>
        {state.allowed.length === 0 && <p>Nothing: the ticket takes no command in its status.</p>}
        <div className="commands">
          {state.allowed.map((command) => (
            <CommandForm key={`${command}-${state.version}`} ticketId={ticketId} command={command} />
          ))}
        </div>
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol className="timeline">
          {timeline.map((line) => (
            <li key={line.eventId}>
              <time dateTime={line.at}>{when(line.at)}</time> <strong>{line.by}</strong>: {line.summary}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
};

import { dataOf, field, type HistoryEvent } from './generated-line';

/** Who did something, as the post-mortem may name them. */
export type Naming = (by: string) => string;

/** One timeline line's wording for an event of the history: what happened, in a few words. */
export const describeEvent = (event: HistoryEvent, who: Naming): string => {
  const data = dataOf(event);
  const by = who(field(event, 'by'));
  switch (event.type) {
    case 'hypercare.report.submitted.v1':
      return `reported through ${field(event, 'channel')}: "${field(event, 'title')}"`;
    case 'hypercare.ticket.opened.v1':
      return `ticket opened for a report by ${who(String((data['reporter'] as { email?: string })?.email ?? ''))}, ${field(event, 'affectedUsers')} users affected`;
    case 'hypercare.ticket.triaged.v1':
      return `triaged ${field(event, 'priority')} (${field(event, 'category')}, impact ${field(event, 'impact')}, urgency ${field(event, 'urgency')}) by ${by}`;
    case 'hypercare.ticket.assigned.v1':
      return `assigned to the ${field(event, 'role')} by ${by}`;
    case 'hypercare.ticket.acknowledged.v1':
      return `acknowledged by ${by}`;
    case 'hypercare.ticket.started.v1':
      return `work started by ${by}`;
    case 'hypercare.ticket.workaround-provided.v1':
      return `workaround given by ${by}: ${field(event, 'workaround')}`;
    case 'hypercare.ticket.decided.v1':
      return `decision by ${by}: ${field(event, 'decision')}`;
    case 'hypercare.ticket.commented.v1':
      return `comment by ${by}`;
    case 'hypercare.ticket.resolved.v1':
      return `resolved by ${by}: ${field(event, 'rootCause')}`;
    case 'hypercare.ticket.closed.v1':
      return `closed by ${by}`;
    case 'hypercare.ticket.reopened.v1':
      return `reopened by ${by}: ${field(event, 'reason')}`;
    case 'hypercare.ticket.sla-breached.v1':
      return `${field(event, 'clock')} deadline of ${field(event, 'dueAt').slice(11, 16)} missed (${field(event, 'priority')})`;
    case 'hypercare.ticket.escalated.v1':
      return `escalated to the ${field(event, 'notifyRole')} (level ${field(event, 'level')})`;
    case 'hypercare.alert.raised.v1':
      return `alert ${field(event, 'name')} (${field(event, 'severity')}, ${field(event, 'source')}) started firing`;
    case 'hypercare.alert.ticket-requested.v1':
      return `monitoring asked for a ticket (rule ${field(event, 'rule')})`;
    case 'hypercare.alert.linked.v1':
      return `alert ${field(event, 'fingerprint')} joined the ticket (${field(event, 'reason')})`;
    case 'hypercare.alert.resolved.v1':
      return `alert ${field(event, 'fingerprint')} stopped firing`;
    default:
      return event.type;
  }
};

import { OPEN_TICKET_STATUSES, type AlertPolicy, type TicketStatus } from '@hypercare/contracts';
import { fold } from '@hypercare/event-store';
import {
  alertDecider,
  type AlertEvent,
  type AlertState,
  type Notification,
  type OpenTickets,
} from './alert.decider';
import { type AlertSituation, commandFor } from './arrival-command';

/** One line of a recorded alert stream: a notification a source sent, or what became of a ticket. */
export type RecordedLine =
  { at: string; notification: Notification } | { at: string; ticketOf: string; status: TicketStatus };

/** What replaying a stream under a policy did: every event, and the tickets and links among them. */
export interface Replay {
  events: AlertEvent[];
  tickets: Array<{ fingerprint: string; ticketId: string; rule: string; previousTicketId?: string }>;
  links: Array<{ fingerprint: string; ticketId: string; reason: string }>;
}

const REPLAY_PERIOD = '00000000-0000-4000-8000-000000000000';
const OPEN: ReadonlySet<TicketStatus> = new Set(OPEN_TICKET_STATUSES);

interface Alert {
  history: AlertEvent[];
  situation: AlertSituation;
}

/**
 * A period's rules run over a recorded alert stream, in memory, as the receivers run them
 * (`commandFor`, then the alert decider): what a lead changing the policy can compare with
 * what should have happened before the change goes live. Each notification line is a request
 * of one alert; a ticket line says what triage did with the ticket an alert's last firing had.
 */
export const replayAlerts = async (policy: AlertPolicy, lines: readonly RecordedLine[]): Promise<Replay> => {
  const alerts = new Map<string, Alert>();
  const linked: Array<{ ticketId: string; alertId: string; service?: string }> = [];
  const statuses = new Map<string, TicketStatus>();
  const events: AlertEvent[] = [];
  const stateOf = (alert: Alert): AlertState => fold(alertDecider, alert.history);
  const open = (alertId: string, service: string | undefined): OpenTickets => {
    const isOpen = ({ ticketId }: { ticketId: string }) => OPEN.has(statuses.get(ticketId) ?? 'new');
    const ofFingerprint = linked.filter((link) => link.alertId === alertId && isOpen(link)).at(-1)?.ticketId;
    const ofService = service
      ? linked.filter((link) => link.service === service && isOpen(link)).at(-1)?.ticketId
      : undefined;
    return { ...(ofFingerprint ? { ofFingerprint } : {}), ...(ofService ? { ofService } : {}) };
  };
  for (const line of lines) {
    if ('ticketOf' in line) {
      const alert = alerts.get(`${REPLAY_PERIOD}:${line.ticketOf}`);
      const state = alert && stateOf(alert);
      const ticketId = state && state.status !== 'none' ? (state.ticketId ?? state.lastTicketId) : undefined;
      if (!ticketId) throw new Error(`line at ${line.at}: alert ${line.ticketOf} has had no ticket`);
      statuses.set(ticketId, line.status);
      continue;
    }
    const alertId = `${REPLAY_PERIOD}:${line.notification.fingerprint}`;
    const alert = alerts.get(alertId) ?? {
      history: [],
      situation: {
        status: null,
        raisedAt: null,
        severity: null,
        service: null,
        sinceRaise: 0,
        ticketId: null,
      },
    };
    alerts.set(alertId, alert);
    alert.situation.sinceRaise++;
    const arrival = { alertId, periodId: REPLAY_PERIOD, notification: line.notification, count: 1 };
    const command = await commandFor(
      arrival,
      alert.situation,
      { policy, version: 0 },
      line.at,
      async (service) => open(alertId, service),
    );
    if (!command) continue;
    const decided = alertDecider.decide(command, stateOf(alert));
    alert.history.push(...decided);
    events.push(...decided);
    const state = stateOf(alert);
    if (state.status === 'none') continue;
    const raised = decided.some(({ type }) => type === 'hypercare.alert.raised.v1');
    alert.situation = {
      status: state.status,
      raisedAt: new Date(state.raisedAt),
      severity: state.severity,
      service: state.service ?? null,
      sinceRaise: raised ? 1 : alert.situation.sinceRaise,
      ticketId: state.ticketId ?? null,
    };
    if (state.ticketId && !linked.some(({ ticketId }) => ticketId === state.ticketId))
      linked.push({
        ticketId: state.ticketId,
        alertId,
        ...(state.service ? { service: state.service } : {}),
      });
  }
  return {
    events,
    tickets: events.flatMap((event) =>
      event.type === 'hypercare.alert.ticket-requested.v1'
        ? [
            {
              fingerprint: event.data.fingerprint,
              ticketId: event.data.ticketId,
              rule: event.data.rule,
              ...(event.data.previousTicketId ? { previousTicketId: event.data.previousTicketId } : {}),
            },
          ]
        : [],
    ),
    links: events.flatMap((event) =>
      event.type === 'hypercare.alert.linked.v1'
        ? [{ fingerprint: event.data.fingerprint, ticketId: event.data.ticketId, reason: event.data.reason }]
        : [],
    ),
  };
};

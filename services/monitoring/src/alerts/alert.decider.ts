import type { AlertPolicy, AlertSource, alertContracts, EventOf, Severity } from '@hypercare/contracts';
import type { Decider } from '@hypercare/event-store';
import { v5 as nameBasedUuid } from 'uuid';
import {
  affectedUsersOf,
  categoryOf,
  proposalOf,
  serviceOf,
  severityOf,
  type SourceAlert,
  ticketRuleFor,
} from './correlation';

export const alertStream = (alertId: string): string => `alert-${alertId}`;

/** The namespace of ticket ids alerts ask for. */
const TICKET_NAMESPACE = '6f1d1a2e-8c55-4a8e-9b8e-2c1f7e3d5a90';

/** The ticket an alert's firing asks for: one per alert and firing, so a retried request asks for the same one. */
export const ticketIdOf = (alertId: string, raise: number): string =>
  nameBasedUuid(`${alertId}#${raise}`, TICKET_NAMESPACE);

/** One alert as a source sent it, before the period's policy reads it. */
export interface Notification extends SourceAlert {
  source: AlertSource;
  fingerprint: string;
  firing: boolean;
  startsAt: string;
  generatorUrl?: string;
}

/** The open tickets of the alert's period an alert could join instead of opening one. */
export interface OpenTickets {
  ofFingerprint?: string;
  ofService?: string;
}

/** What correlation is told beside the alert's history: the policy's version, the count, the open tickets. */
export interface Correlation {
  policyVersion: number;
  /** Notifications of this firing, those arriving now included. */
  notifications: number;
  open: OpenTickets;
}

/** `fire` raises an alert that is not firing and correlates it; `correlate` looks again at one that is. */
export type AlertCommand =
  | {
      kind: 'fire';
      alertId: string;
      periodId: string;
      notification: Notification;
      policy: AlertPolicy;
      correlation: Correlation;
      at: string;
    }
  | { kind: 'resolve'; at: string; notifications: number }
  | { kind: 'correlate'; policy: AlertPolicy; correlation: Correlation; at: string };

export type AlertEvent = EventOf<(typeof alertContracts)[number]>;

interface Known {
  alertId: string;
  periodId: string;
  fingerprint: string;
  name: string;
  summary: string;
  severity: Severity;
  labels: Record<string, string>;
  service?: string;
  generatorUrl?: string;
  raise: number;
  raisedAt: string;
  /** When it fired, most recent last: flapping is counted over them. */
  raises: string[];
  /** The ticket of this firing (asked for or joined), and of the firing before. */
  ticketId?: string;
  lastTicketId?: string;
}

export type AlertState = { status: 'none' } | (Known & { status: 'firing' | 'resolved' });

const MINUTE = 60_000;
const KEPT_RAISES = 100;

const minutesBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / MINUTE;

const firingsWithin = (raises: string[], at: string, windowMinutes: number): number =>
  raises.filter((raisedAt) => minutesBetween(raisedAt, at) <= windowMinutes).length;

const ref = ({ alertId, periodId, fingerprint }: Known) => ({ alertId, periodId, fingerprint });

/** The ticket an alert asks for: what fired, what the source says, and what triage is proposed. */
const ticketRequest = (
  state: Known,
  request: Omit<Extract<AlertCommand, { kind: 'correlate' }>, 'kind'>,
  rule: string,
) => {
  const { policy, correlation, at } = request;
  const affectedUsers = affectedUsersOf(state.labels);
  const labels = Object.entries(state.labels).map(([name, value]) => `${name}=${value}`);
  const follows = state.lastTicketId
    ? [`It fired before; that ticket (${state.lastTicketId}) is no longer open.`]
    : [];
  return {
    ...ref(state),
    ticketId: ticketIdOf(state.alertId, state.raise),
    rule,
    policyVersion: correlation.policyVersion,
    title: `[${state.severity}] ${state.name}${state.service ? ` (${state.service})` : ''}`.slice(0, 200),
    description: [
      state.summary || state.name,
      `Alert ${state.fingerprint} firing since ${state.raisedAt}, sent ${correlation.notifications} time(s).`,
      `Labels: ${labels.join(', ') || 'none'}`,
      ...(state.generatorUrl ? [`Source: ${state.generatorUrl}`] : []),
      ...follows,
    ].join('\n'),
    proposal: {
      category: categoryOf(policy, state, state.severity),
      ...proposalOf(state.severity, affectedUsers),
    },
    affectedUsers,
    ...(state.lastTicketId ? { previousTicketId: state.lastTicketId } : {}),
    raisedAt: state.raisedAt,
    requestedAt: at,
  };
};

/**
 * What correlation decides for a firing alert without a ticket: join an open ticket of its
 * fingerprint, else of its service; while flapping, nothing more; else ask if the policy says so.
 */
const correlated = (
  state: AlertState,
  request: Omit<Extract<AlertCommand, { kind: 'correlate' }>, 'kind'>,
): AlertEvent[] => {
  if (state.status !== 'firing' || state.ticketId) return [];
  const { policy, correlation, at } = request;
  const { ofFingerprint, ofService } = correlation.open;
  const joined = ofFingerprint
    ? { ticketId: ofFingerprint, reason: 'same-fingerprint' as const }
    : ofService
      ? { ticketId: ofService, reason: 'same-service' as const }
      : undefined;
  if (joined)
    return [{ type: 'hypercare.alert.linked.v1', data: { ...ref(state), ...joined, linkedAt: at } }];
  if (firingsWithin(state.raises, at, policy.flapping.windowMinutes) >= policy.flapping.raises) return [];
  const rule = ticketRuleFor(
    policy,
    state.severity,
    correlation.notifications,
    minutesBetween(state.raisedAt, at),
  );
  if (!rule) return [];
  return [{ type: 'hypercare.alert.ticket-requested.v1', data: ticketRequest(state, request, rule) }];
};

/**
 * An alert in a period: fires, resolves, fires again. Re-sends of a firing alert change
 * nothing here (they are counted beside it). While it fires, correlation gives it one ticket:
 * an open ticket of the same fingerprint or service is joined; otherwise the period's policy
 * decides when to ask for a new one. A resolved or closed ticket is never joined: the new one
 * names it. An alert that fires too often in a short time is flapping: it joins, never asks.
 */
export const alertDecider: Decider<AlertCommand, AlertEvent, AlertState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.kind) {
      case 'fire': {
        const { notification: alert, policy, correlation, at } = command;
        if (state.status === 'firing') return correlated(state, { policy, correlation, at });
        const raises = state.status === 'none' ? [] : state.raises;
        const identity = {
          alertId: command.alertId,
          periodId: command.periodId,
          fingerprint: alert.fingerprint,
        };
        const service = serviceOf(policy, alert.labels);
        const raised: AlertEvent[] = [
          {
            type: 'hypercare.alert.raised.v1',
            data: {
              ...identity,
              source: alert.source,
              name: alert.name,
              severity: severityOf(policy, alert.labels),
              summary: alert.summary,
              labels: alert.labels,
              ...(service ? { service } : {}),
              startsAt: alert.startsAt,
              raisedAt: at,
              ...(alert.generatorUrl ? { generatorUrl: alert.generatorUrl } : {}),
              raise: state.status === 'none' ? 1 : state.raise + 1,
            },
          },
        ];
        const { raises: threshold, windowMinutes } = policy.flapping;
        const before = firingsWithin(raises, at, windowMinutes);
        if (before + 1 === threshold)
          raised.push({
            type: 'hypercare.alert.flapping.v1',
            data: { ...identity, raises: threshold, windowMinutes, detectedAt: at },
          });
        const next = raised.reduce(alertDecider.evolve, state);
        return [...raised, ...correlated(next, { policy, correlation, at })];
      }
      case 'resolve':
        if (state.status !== 'firing') return [];
        return [
          {
            type: 'hypercare.alert.resolved.v1',
            data: {
              ...ref(state),
              resolvedAt: command.at,
              notifications: command.notifications,
              ...(state.ticketId ? { ticketId: state.ticketId } : {}),
            },
          },
        ];
      case 'correlate':
        return correlated(state, command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'hypercare.alert.raised.v1': {
        const { source: _, startsAt: __, raisedAt, raise, ...rest } = event.data;
        const previous = state.status === 'none' ? undefined : state;
        const lastTicketId = previous?.ticketId ?? previous?.lastTicketId;
        return {
          ...rest,
          status: 'firing',
          raise,
          raisedAt,
          raises: [...(previous?.raises ?? []), raisedAt].slice(-KEPT_RAISES),
          ...(lastTicketId ? { lastTicketId } : {}),
        };
      }
      case 'hypercare.alert.resolved.v1':
        return state.status === 'none' ? state : { ...state, status: 'resolved' };
      case 'hypercare.alert.ticket-requested.v1':
      case 'hypercare.alert.linked.v1':
        return state.status === 'none' ? state : { ...state, ticketId: event.data.ticketId };
      case 'hypercare.alert.flapping.v1':
        return state;
    }
  },
};

import type { AlertPolicy, Severity } from '@hypercare/contracts';
import type { AlertCommand, Notification, OpenTickets } from './alert.decider';
import { serviceOf } from './correlation';

/** Where an alert stood, as its counter row says, when a notification of it arrived. */
export interface AlertSituation {
  status: 'firing' | 'resolved' | null;
  raisedAt: Date | null;
  severity: Severity | null;
  service: string | null;
  /** Notifications of the current firing, those arriving now included. */
  sinceRaise: number;
  ticketId: string | null;
}

/** One alert's notifications in a request. */
export interface Arrival {
  alertId: string;
  periodId: string;
  notification: Notification;
  /** How many times the request carried it. */
  count: number;
}

/**
 * Whether a re-send of an alert firing without a ticket may change anything: only once the
 * policy could ask for one (and then an open ticket is looked for first). A situation whose
 * severity is not known yet is settled, which sets it right.
 */
const mayAskNow = (policy: AlertPolicy, situation: AlertSituation, at: string): boolean => {
  if (situation.severity === null || situation.raisedAt === null) return true;
  if (policy.ticketNever.includes(situation.severity)) return false;
  const firingMinutes = (Date.parse(at) - situation.raisedAt.getTime()) / 60_000;
  return (
    policy.ticketAtOnce.includes(situation.severity) ||
    situation.sinceRaise >= policy.ticketAfterNotifications ||
    firingMinutes >= policy.ticketAfterFiringMinutes
  );
};

/**
 * The command an arrival calls for, or none: a resolution of a firing alert; a firing of one
 * that is not firing; a new look at one firing without a ticket once the policy could ask. A
 * re-send of a firing alert with its ticket calls for nothing. The open tickets are looked up
 * only when a command will correlate.
 */
export const commandFor = async (
  { alertId, periodId, notification, count }: Arrival,
  situation: AlertSituation,
  { policy, version }: { policy: AlertPolicy; version: number },
  at: string,
  openTickets: (service: string | undefined) => Promise<OpenTickets>,
): Promise<AlertCommand | undefined> => {
  const firing = situation.status === 'firing';
  if (!notification.firing)
    return firing
      ? { kind: 'resolve', at, notifications: Math.max(1, situation.sinceRaise - count) }
      : undefined;
  if (firing && (situation.ticketId || !mayAskNow(policy, situation, at))) return undefined;
  const service = firing ? (situation.service ?? undefined) : serviceOf(policy, notification.labels);
  const correlation = {
    policyVersion: version,
    notifications: firing ? situation.sinceRaise : count,
    open: await openTickets(service),
  };
  return firing
    ? { kind: 'correlate', policy, correlation, at }
    : { kind: 'fire', alertId, periodId, notification, policy, correlation, at };
};

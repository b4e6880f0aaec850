import { type NotificationKind, REPORTER_KINDS, URGENT_KINDS } from './notification-rules';

/** The ways a person may choose to be told (their preference); mail unless they chose. */
export const PERSONAL_CHANNELS = ['email', 'slack', 'teams', 'webhook'] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

/**
 * Where a notification goes: a mail; the ticket's Slack thread; a Slack direct message; a post
 * in the period's Teams channel naming the person; the period's signed notification webhook.
 */
export const CHANNELS = ['email', 'slack', 'slack-dm', 'teams', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The fate a notification is recorded with: sent, never sent, or kept for the daily digest. */
export type RouteStatus = 'pending' | 'muted' | 'held';

export interface Route {
  channel: Channel;
  status: RouteStatus;
}

/** What routing knows when a notification is decided. */
export interface RouteFacts {
  /** Where the ticket was reported, when that place has a way back to its reporter. */
  reportedIn?: 'slack' | 'teams';
  /** What the recipient asked for, if they ever said. */
  preference?: { channel: PersonalChannel; muted: readonly string[]; digest: boolean };
  /** The period's own outbound places: a Teams channel, a notification webhook. */
  periodOffers: ReadonlySet<'teams' | 'webhook'>;
}

/** Addresses that can never be mailed (monitoring's, or a Teams reporter known by their Teams id). */
export const unmailable = (email: string): boolean => email.toLowerCase().endsWith('.invalid');

/**
 * How a notification reaches its recipient, or undefined when nothing can reach them. A
 * reporter hears of their report where they reported it when that place answers back (a
 * Slack thread; the period's Teams channel); everyone else through the channel they chose,
 * or by mail when they chose none or the period offers no such place. A muted kind is
 * recorded and never sent; one wanted in the daily digest is held for it, unless urgent (or
 * the digest itself).
 */
export const routeOf = (kind: NotificationKind, email: string, facts: RouteFacts): Route | undefined => {
  const channel = channelOf(kind, facts);
  if (channel === 'email' && unmailable(email)) return undefined;
  const preference = facts.preference;
  if (preference?.muted.includes(kind)) return { channel, status: 'muted' };
  if (preference?.digest && kind !== 'digest' && !URGENT_KINDS.includes(kind))
    return { channel, status: 'held' };
  return { channel, status: 'pending' };
};

const channelOf = (kind: NotificationKind, facts: RouteFacts): Channel => {
  if (facts.reportedIn && REPORTER_KINDS.includes(kind))
    return facts.reportedIn === 'slack' || facts.periodOffers.has('teams') ? facts.reportedIn : 'email';
  switch (facts.preference?.channel) {
    case 'slack':
      return 'slack-dm';
    case 'teams':
      return facts.periodOffers.has('teams') ? 'teams' : 'email';
    case 'webhook':
      return facts.periodOffers.has('webhook') ? 'webhook' : 'email';
    default:
      return 'email';
  }
};

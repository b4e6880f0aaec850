import type { NotificationKind } from './notification-rules';
import { type PersonalChannel, type RouteFacts, routeOf } from './notification-routes';

const ANA = 'ana@example.com';

/** Given what routing knows, when a notification of a kind is decided for someone: where it goes. */
const given = (facts: Partial<RouteFacts> = {}) => ({
  when: (kind: NotificationKind, email = ANA) => routeOf(kind, email, { periodOffers: new Set(), ...facts }),
});
const preferring = (channel: PersonalChannel, more: { muted?: string[]; digest?: boolean } = {}) => ({
  preference: { channel, muted: more.muted ?? [], digest: more.digest ?? false },
});
const offering = (...places: Array<'teams' | 'webhook'>) => ({ periodOffers: new Set(places) });

describe('where a notification goes', () => {
  it('mails whoever never chose, and sends it at once', () => {
    expect(given().when('assigned')).toEqual({ channel: 'email', status: 'pending' });
  });

  it('answers a reporter in the Slack thread they reported in, whatever they chose', () => {
    expect(given({ reportedIn: 'slack', ...preferring('webhook') }).when('resolved')).toEqual({
      channel: 'slack',
      status: 'pending',
    });
  });

  it('answers a reporter in the period’s Teams channel when they reported in Teams, by mail when it has none', () => {
    expect(given({ reportedIn: 'teams', ...offering('teams') }).when('received')?.channel).toBe('teams');
    expect(given({ reportedIn: 'teams' }).when('received')?.channel).toBe('email');
  });

  it('tells a reporter of what is not about their report through their own choice', () => {
    expect(given({ reportedIn: 'slack', ...preferring('email') }).when('assigned')?.channel).toBe('email');
  });

  it('sends a direct message in Slack to whoever chose Slack', () => {
    expect(given(preferring('slack')).when('escalated')?.channel).toBe('slack-dm');
  });

  it('uses the period’s Teams channel or webhook when chosen and offered, mail when not offered', () => {
    expect(given({ ...preferring('teams'), ...offering('teams') }).when('assigned')?.channel).toBe('teams');
    expect(given({ ...preferring('webhook'), ...offering('webhook') }).when('assigned')?.channel).toBe(
      'webhook',
    );
    expect(given({ ...preferring('teams'), ...offering('webhook') }).when('assigned')?.channel).toBe('email');
    expect(given(preferring('webhook')).when('assigned')?.channel).toBe('email');
  });

  it('reaches nobody at an address that cannot be mailed, unless Teams answers them', () => {
    const teamsReporter = '9f1c2d3e-aad-object@teams.invalid';
    expect(given().when('received', 'monitoring@hypercare.invalid')).toBeUndefined();
    expect(given({ reportedIn: 'teams' }).when('received', teamsReporter)).toBeUndefined();
    expect(given({ reportedIn: 'teams', ...offering('teams') }).when('received', teamsReporter)).toEqual({
      channel: 'teams',
      status: 'pending',
    });
  });

  it('records a muted kind muted, in the channel it would have gone through', () => {
    expect(given(preferring('slack', { muted: ['assigned'] })).when('assigned')).toEqual({
      channel: 'slack-dm',
      status: 'muted',
    });
  });

  it('holds what is not urgent for the digest, and never what is', () => {
    expect(given(preferring('email', { digest: true })).when('triaged')?.status).toBe('held');
    expect(given(preferring('email', { digest: true })).when('sla-breached')?.status).toBe('pending');
    expect(given(preferring('slack', { digest: true })).when('digest')).toEqual({
      channel: 'slack-dm',
      status: 'pending',
    });
  });
});

import { alertPolicy } from '@hypercare/contracts';
import { affectedUsersOf, categoryOf, proposalOf, serviceOf, severityOf, ticketRuleFor } from './correlation';

const policy = alertPolicy.parse({});
const alert = (name: string, labels: Record<string, string> = {}, summary = '') => ({
  name,
  summary,
  labels,
});

describe('how a period’s policy reads an alert', () => {
  it.each<[Record<string, string>, string]>([
    [{ severity: 'critical' }, 'critical'],
    [{ severity: 'PAGE' }, 'critical'],
    [{ severity: 'warning' }, 'minor'],
    [{ severity: 'none' }, 'info'],
    [{ severity: 'unheard-of' }, 'minor'],
    [{}, 'minor'],
  ])('maps the severity label %j to %s', (labels, expected) => {
    expect(severityOf(policy, labels)).toBe(expected);
  });

  it('reads the severity from the label the policy names', () => {
    expect(
      severityOf(alertPolicy.parse({ severityLabel: 'priority' }), { priority: 'high', severity: 'info' }),
    ).toBe('major');
  });

  it('names the service by the first service label present and not empty', () => {
    expect(serviceOf(policy, { service: 'orders', job: 'node' })).toBe('orders');
    expect(serviceOf(policy, { service: '', job: 'node' })).toBe('node');
    expect(serviceOf(policy, { instance: 'db-1' })).toBeUndefined();
  });

  it.each<[string, Record<string, string>, string, string, string]>([
    ['OrdersLatencyHigh', {}, '', 'critical', 'performance-issue'],
    ['Nightly', {}, 'p99 above 3 s', 'minor', 'performance-issue'],
    ['BankFeed', { upstream: 'bank' }, '', 'major', 'integration-failure'],
    ['Checkout5xx', {}, '', 'major', 'critical-bug'],
    ['DiskFull', {}, '', 'critical', 'critical-bug'],
    ['DiskFull', {}, '', 'major', 'major-functional-bug'],
  ])('guesses %s (labels %j, summary "%s", %s) is a %s', (name, labels, summary, severity, expected) => {
    expect(categoryOf(policy, alert(name, labels, summary), severity as 'critical')).toBe(expected);
  });

  it('reads how many users an alert says it affects, else none', () => {
    expect(affectedUsersOf({ affected_users: '250' })).toBe(250);
    expect(affectedUsersOf({ affected_users: '0' })).toBe(0);
    expect(affectedUsersOf({ affected_users: '-3' })).toBe(0);
    expect(affectedUsersOf({ affected_users: 'many' })).toBe(0);
    expect(affectedUsersOf({})).toBe(0);
  });

  it.each<[string, number, string, string]>([
    ['critical', 0, 'high', 'high'],
    ['major', 0, 'medium', 'high'],
    ['minor', 0, 'low', 'medium'],
    ['info', 0, 'low', 'low'],
    ['minor', 100, 'high', 'medium'],
    ['minor', 99, 'medium', 'medium'],
    ['minor', 10, 'medium', 'medium'],
    ['minor', 9, 'low', 'medium'],
  ])(
    'proposes for a %s alert affecting %i users impact %s, urgency %s',
    (severity, users, impact, urgency) => {
      expect(proposalOf(severity as 'minor', users)).toEqual({ impact, urgency });
    },
  );

  it('asks for a ticket by the first rule that holds', () => {
    expect(ticketRuleFor(policy, 'critical', 1, 0)).toBe('critical-at-once');
    expect(ticketRuleFor(policy, 'minor', 2, 29)).toBeUndefined();
    expect(ticketRuleFor(policy, 'minor', 3, 0)).toBe('after-3-notifications');
    expect(ticketRuleFor(policy, 'minor', 1, 30)).toBe('after-30-minutes-firing');
    expect(ticketRuleFor(policy, 'info', 1_000, 1_000)).toBeUndefined();
  });
});

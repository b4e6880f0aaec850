import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alertPolicy } from '@hypercare/contracts';
import { replayAlerts, type RecordedLine } from './alert-replay';

/**
 * A recorded go-live morning: two critical alerts of the orders service re-sent every minute,
 * a disk filling up, a queue that flaps, and the next day the latency alert again after its
 * ticket was closed. Replayed under the default policy and under a stricter one, the tickets
 * are compared to what the lead expects of each.
 */
const morning = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'go-live-morning.replay.json'), 'utf8'),
) as RecordedLine[];

describe('replaying a recorded alert stream under a period’s rules', () => {
  it('under the default policy: a ticket per incident, the same service joined, a flapping queue opening nothing', async () => {
    const { tickets, links, events } = await replayAlerts(alertPolicy.parse({}), morning);
    expect(tickets.map(({ fingerprint, rule }) => [fingerprint, rule])).toEqual([
      ['orders-latency', 'critical-at-once'],
      ['db-disk', 'after-3-notifications'],
      ['orders-latency', 'critical-at-once'],
    ]);
    expect(links.map(({ fingerprint, reason }) => [fingerprint, reason])).toEqual([
      ['orders-5xx', 'same-service'],
    ]);
    expect(tickets[2]?.previousTicketId).toBe(tickets[0]?.ticketId);
    expect(events.filter(({ type }) => type === 'hypercare.alert.flapping.v1')).toHaveLength(1);
    expect(events.filter(({ type }) => type === 'hypercare.alert.raised.v1')).toHaveLength(9);
  });

  it('under a policy that asks only for critical alerts: the warnings stay alerts', async () => {
    const { tickets } = await replayAlerts(alertPolicy.parse({ ticketNever: ['minor', 'info'] }), morning);
    expect(tickets.map(({ fingerprint }) => fingerprint)).toEqual(['orders-latency', 'orders-latency']);
  });

  it('refuses a ticket line for an alert that never had a ticket, naming it', async () => {
    await expect(
      replayAlerts(alertPolicy.parse({}), [
        { at: '2031-05-05T10:00:00.000Z', ticketOf: 'nothing', status: 'closed' },
      ]),
    ).rejects.toThrow('alert nothing has had no ticket');
  });
});

import { PERIODS_TOPIC, standupContracts, TICKETS_TOPIC } from '@hypercare/contracts';
import { periodEvents, ticketEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually } from '@hypercare/testing';
import { NO_OPEN_P1, reportedTicket, startReporting } from '../reporting-app.fixture';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const [NEW, FIXED, LATE, STUCK] = [
  '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60',
  '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071',
] as [string, string, string, string];

interface Standup {
  day: string;
  reported: Array<{ ticketId: string }>;
  resolved: Array<{ ticketId: string }>;
  breached: Array<{ ticketId: string }>;
  escalated: Array<{ ticketId: string }>;
  stuck: Array<{ ticketId: string; at: string }>;
  topCategories: Array<{ category: string; count: number }>;
  exitChanges: Array<{ change: string; criterion: string | null }>;
  exit: { ready: boolean; forecast: Array<{ criterion: string }> };
}

/** The stand-up of 4 November: what happened that day, and what has not moved for a day. */
describeWith('postgres')('the daily stand-up', () => {
  let reporting: ServiceUnderTest;

  const opened = (ticketId: string, at: string) => reportedTicket(ticketId, PERIOD, at);
  const of = (ticketId: string, event: { type: string; data: Record<string, unknown> }) => ({
    ...event,
    subject: ticketId,
  });
  const standup = (query: string) =>
    reporting.admin.send<Standup>('reporting', 'GET', `/periods/${PERIOD}/standup?${query}`);

  beforeAll(async () => {
    reporting = await startReporting('reporting_standup', new Date('2026-11-05T07:00:00.000Z'));
    const period = periodEvents(PERIOD);
    const criteria = [NO_OPEN_P1];
    await reporting.publish(
      PERIODS_TOPIC,
      'triage',
      { ...period.planned({ exitCriteria: criteria }), subject: PERIOD },
      { ...period.activated(), subject: PERIOD },
    );
    await reporting.publish(
      TICKETS_TOPIC,
      'triage',
      opened(STUCK, '2026-11-02T09:00:00.000Z'),
      opened(FIXED, '2026-11-03T09:00:00.000Z'),
      opened(LATE, '2026-11-04T08:00:00.000Z'),
      of(LATE, ticketEvents(LATE, PERIOD).triaged('2026-11-04T08:01:00.000Z', 'P2')),
      of(
        LATE,
        ticketEvents(LATE, PERIOD).slaBreached(
          '2026-11-04T09:01:00.000Z',
          'acknowledge',
          '2026-11-04T09:00:00.000Z',
          'P2',
        ),
      ),
      of(LATE, ticketEvents(LATE, PERIOD).escalated('2026-11-04T10:01:00.000Z', 1, 'technical-lead')),
      of(FIXED, ticketEvents(FIXED, PERIOD).resolved('2026-11-04T11:00:00.000Z')),
      opened(NEW, '2026-11-04T15:00:00.000Z'),
    );
    await reporting.admin.poll<Standup>(
      'reporting',
      `/periods/${PERIOD}/standup?day=2026-11-04`,
      (r) =>
        r.status === 200 &&
        r.body.reported.length === 2 &&
        r.body.resolved.length === 1 &&
        r.body.escalated.length === 1,
      10_000,
    );
  }, 60_000);
  afterAll(() => reporting?.stop());

  it('lists what came in, was resolved, breached and escalated that day, and the top categories', async () => {
    const { body } = await standup('day=2026-11-04');
    expect(body.day).toBe('2026-11-04');
    expect(body.reported.map(({ ticketId }) => ticketId)).toEqual([LATE, NEW]);
    expect(body.resolved.map(({ ticketId }) => ticketId)).toEqual([FIXED]);
    expect(body.breached.map(({ ticketId }) => ticketId)).toEqual([LATE]);
    expect(body.escalated.map(({ ticketId }) => ticketId)).toEqual([LATE]);
    expect(body.topCategories).toEqual([
      { category: 'critical-bug', count: 1 },
      { category: 'untriaged', count: 1 },
    ]);
  });

  it("calls stuck what is open with nothing on its timeline for the given hours by the day's end", async () => {
    expect((await standup('day=2026-11-04&stuckHours=24')).body.stuck).toEqual([
      { ticketId: STUCK, title: expect.any(String), priority: null, at: '2026-11-02T09:00:00.000Z' },
    ]);
    expect((await standup('day=2026-11-04&stuckHours=72')).body.stuck).toEqual([]);
  });

  it('reports yesterday by default, with the exit criteria that crossed that day', async () => {
    const { body } = await standup('');
    expect(body.day).toBe('2026-11-04');
    expect(body.exit.ready).toBe(true);
    const first = await standup('day=2026-11-05');
    expect(first.body.exitChanges).toEqual([
      { change: 'criterion-met', criterion: 'No open P1', at: expect.any(String) },
      { change: 'ready', criterion: null, at: expect.any(String) },
    ]);
  });

  it("prepares each day's stand-up of the day before once the clock passes STANDUP_AT, once a day", async () => {
    const prepared = async () =>
      (await reporting.runtime.store.readStreamOf(`standup-${PERIOD}`, standupContracts)).map(
        ({ data }) => data,
      );
    expect(await prepared()).toEqual([]);
    reporting.clock.set(new Date('2026-11-05T08:30:00.000Z'));
    await eventually('the stand-up of 4 November', async () => (await prepared()).length === 1);
    expect((await prepared())[0]).toMatchObject({
      day: '2026-11-04',
      counts: { reported: 2, resolved: 1, breached: 1, escalated: 1, stuck: 1 },
      markdown: expect.stringContaining('## New (2)'),
    });
    reporting.clock.set(new Date('2026-11-06T07:59:00.000Z'));
    reporting.clock.set(new Date('2026-11-06T08:00:00.000Z'));
    await eventually('the stand-up of 5 November', async () => (await prepared()).length === 2);
    expect((await prepared()).map(({ day }) => day)).toEqual(['2026-11-04', '2026-11-05']);
  });

  it('refuses a day that is not one, or has not begun, naming the field', async () => {
    for (const query of [
      'day=2026-13-45',
      'day=2026-02-30',
      'day=yesterday',
      'day=2026-12-01',
      'stuckHours=0',
    ]) {
      const answer = await reporting.admin.send<{ errors: Array<{ field: string }> }>(
        'reporting',
        'GET',
        `/periods/${PERIOD}/standup?${query}`,
      );
      expect([query, answer.status, answer.body.errors?.map(({ field }) => field)]).toEqual([
        query,
        400,
        [query.split('=')[0]],
      ]);
    }
  });
});

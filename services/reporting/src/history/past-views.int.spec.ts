import { PERIODS_TOPIC, TICKETS_TOPIC } from '@hypercare/contracts';
import { periodEvents, TEST_PROGRAMME_ID, ticketEvents } from '@hypercare/contracts/testing';
import type { Published, ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually } from '@hypercare/testing';
import { NO_OPEN_P1, reportedTicket, startReporting, publishTestProgramme } from '../reporting-app.fixture';
import { PAST_HEADERS } from './past-query';

const PERIOD = '6c1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const LATER_PERIOD = '7d2b3c4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e';
const [A, B, C] = [
  'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  'c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f',
] as [string, string, string];

interface Dashboard {
  tickets: { total: number };
  byStatus: Record<string, number>;
  byPriority: Record<string, number>;
  openEscalations: { count: number };
}
/** What the test saw live at one moment of the script, to compare the replays with. */
interface Moment {
  time: string;
  views: Record<string, unknown>;
}

const VIEWS = {
  dashboard: `/periods/${PERIOD}/dashboard`,
  tickets: `/periods/${PERIOD}/tickets`,
  ticket: `/tickets/${A}`,
  period: `/periods/${PERIOD}`,
  periods: '/periods',
  exit: `/periods/${PERIOD}/exit`,
  programme: `/programmes/${TEST_PROGRAMME_ID}/overview`,
};

/**
 * What of a view a past moment must show as it was: everything, but for what the exit stream
 * records on its own schedule (when a criterion was first seen met, how often it flipped),
 * which the evaluation may add between a capture and the next step.
 */
const comparable = (name: string, body: unknown): unknown => {
  const withoutRecord = (exit: { criteria: Array<Record<string, unknown>> }) => ({
    ...exit,
    readySince: undefined,
    transitions: undefined,
    criteria: exit.criteria.map(({ since: _, ...criterion }) => criterion),
  });
  if (name === 'exit') return withoutRecord(body as { criteria: Array<Record<string, unknown>> });
  return body;
};

/** A period scripted in three steps; each view captured live after each, then asked for as of then. */
describeWith('postgres')('every view as of a past moment', () => {
  let reporting: ServiceUnderTest;
  const moments: Moment[] = [];
  const ticket = (id: string) => ticketEvents(id, PERIOD);
  const of = (subject: string, event: Omit<Published, 'subject'>): Published => ({ ...event, subject });
  const get = (path: string) => reporting.admin.send('reporting', 'GET', path);

  const step = async (events: Published[], reflected: (dashboard: Dashboard) => boolean) => {
    await reporting.publish(TICKETS_TOPIC, 'triage', ...events);
    await reporting.admin.poll<Dashboard>(
      'reporting',
      VIEWS.dashboard,
      (r) => r.status === 200 && reflected(r.body),
    );
    // The service's clock is the test's: set to the moment captured, it is what the live views take for now.
    const time = new Date();
    reporting.clock.set(time);
    const views: Record<string, unknown> = {};
    for (const [name, path] of Object.entries(VIEWS)) views[name] = comparable(name, (await get(path)).body);
    moments.push({ time: time.toISOString(), views });
    await eventually('the clock to pass the captured moment', async () => Date.now() > time.getTime());
  };

  beforeAll(async () => {
    reporting = await startReporting('reporting_past_views', new Date('2026-11-04T07:00:00.000Z'));
    await publishTestProgramme(reporting);
    const period = periodEvents(PERIOD);
    await reporting.publish(
      PERIODS_TOPIC,
      'triage',
      { ...period.planned({ exitCriteria: [NO_OPEN_P1] }), subject: PERIOD },
      { ...period.activated(), subject: PERIOD },
    );
    await step(
      [
        reportedTicket(A, PERIOD, '2026-11-03T09:00:00.000Z'),
        reportedTicket(B, PERIOD, '2026-11-03T09:30:00.000Z'),
      ],
      (d) => d.tickets.total === 2,
    );
    await step(
      [
        of(A, ticket(A).triaged('2026-11-03T09:05:00.000Z', 'P1')),
        of(A, ticket(A).slaBreached('2026-11-03T09:15:00.000Z', 'acknowledge', '2026-11-03T09:15:00.000Z')),
        of(A, ticket(A).escalated('2026-11-03T09:16:00.000Z', 1, 'technical-lead')),
        of(B, ticket(B).triaged('2026-11-03T09:35:00.000Z', 'P3')),
      ],
      (d) => d.openEscalations.count === 1 && d.byPriority['P3'] === 1,
    );
    await step(
      [
        of(A, ticket(A).resolved('2026-11-03T11:00:00.000Z')),
        of(B, ticket(B).resolved('2026-11-03T12:00:00.000Z')),
        reportedTicket(C, PERIOD, '2026-11-03T13:00:00.000Z'),
      ],
      (d) => d.tickets.total === 3 && d.byStatus['resolved'] === 2,
    );
    const later = periodEvents(LATER_PERIOD);
    await reporting.publish(PERIODS_TOPIC, 'triage', { ...later.planned(), subject: LATER_PERIOD });
    await reporting.admin.poll('reporting', `/periods/${LATER_PERIOD}`, (r) => r.status === 200);
  }, 90_000);
  afterAll(() => reporting?.stop());

  it('answers each view as of each captured time exactly as it answered live then, naming the moment', async () => {
    for (const { time, views } of moments) {
      for (const [name, path] of Object.entries(VIEWS)) {
        const past = await get(`${path}?asOf=${encodeURIComponent(time)}`);
        expect({ name, time, status: past.status, body: comparable(name, past.body) }).toEqual({
          name,
          time,
          status: 200,
          body: views[name],
        });
        expect(past.headers.get(PAST_HEADERS.time)).toBe(time);
        expect(Number(past.headers.get(PAST_HEADERS.position))).toBeGreaterThan(0);
      }
    }
  });

  it('answers the same by the position a time cut names, and leaves the live views as they were', async () => {
    for (const { time, views } of moments) {
      const byTime = await get(`${VIEWS.dashboard}?asOf=${encodeURIComponent(time)}`);
      const position = byTime.headers.get(PAST_HEADERS.position) as string;
      const byPosition = await get(`${VIEWS.dashboard}?asOfPosition=${position}`);
      expect(byPosition.body).toEqual(views['dashboard']);
      expect(byPosition.headers.get(PAST_HEADERS.position)).toBe(position);
    }
    const last = moments[moments.length - 1] as Moment;
    for (const [name, path] of Object.entries(VIEWS).filter(
      ([name]) => !['periods', 'programme'].includes(name),
    ))
      expect({ name, body: comparable(name, (await get(path)).body) }).toEqual({
        name,
        body: last.views[name],
      });
  });

  it('refuses moments it cannot show, naming the field', async () => {
    const first = moments[0] as Moment;
    const refusal = async (query: string, field: string, message: RegExp) => {
      const response = await get(`${VIEWS.dashboard}?${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toMatch(message);
      expect(JSON.stringify(response.body)).toContain(`"field":"${field}"`);
    };
    await refusal('asOf=2026-01-01T00:00:00Z', 'asOf', /before period .* existed/);
    await refusal(
      `asOf=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      'asOf',
      /in the future/,
    );
    await refusal('asOf=yesterday', 'asOf', /datetime/i);
    await refusal(`asOfPosition=${Number.MAX_SAFE_INTEGER}`, 'asOfPosition', /beyond the end of the history/);
    await refusal(`asOf=${encodeURIComponent(first.time)}&asOfPosition=1`, 'asOfPosition', /not both/);
    const early = await get(`/periods/${LATER_PERIOD}?asOfPosition=1`);
    expect(early.status).toBe(400);
    expect(JSON.stringify(early.body)).toMatch(
      /before period .* existed \(its first event is at position \d+\)/,
    );
  });

  it('shows a ticket as of before it existed as missing', async () => {
    const first = moments[0] as Moment;
    const missing = await get(`/tickets/${C}?asOf=${encodeURIComponent(first.time)}`);
    expect(missing.status).toBe(404);
  });
});

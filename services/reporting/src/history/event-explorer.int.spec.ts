import { randomUUID } from 'node:crypto';
import { PERIODS_TOPIC, REPORTS_TOPIC, TICKETS_TOPIC } from '@hypercare/contracts';
import { periodEvents, reportSubmittedEvent, ticketEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith } from '@hypercare/testing';
import { reportedTicket, startReporting } from '../reporting-app.fixture';
import type { EventChain, HistoryEvent } from './history.schemas';

const PERIOD = '8e3c4d5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
const OTHER_PERIOD = '9f4d5e6a-7b8c-4d9e-8f1a-2b3c4d5e6f70';
const TICKET = 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f71';
const ELSEWHERE = 'e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7182';
const ana = { subject: 'ana@example.org', name: 'Ana', kind: 'person' as const };
const bob = { subject: 'bob@example.org', name: 'Bob', kind: 'person' as const };
const timer = { subject: 'sla-timer', name: 'SLA timer', kind: 'system' as const };

interface Page {
  items: HistoryEvent[];
  nextCursor: string | null;
}

describeWith('postgres')('the event explorer', () => {
  let reporting: ServiceUnderTest;
  const ids = {
    submitted: randomUUID(),
    opened: randomUUID(),
    triaged: randomUUID(),
    breached: randomUUID(),
  };
  const get = <T>(path: string) => reporting.admin.send<T>('reporting', 'GET', path);
  const page = async (query: string) => (await get<Page>(`/events?${query}`)).body;
  const types = (events: HistoryEvent[]) => events.map(({ type }) => type.split('.').slice(1, 3).join('.'));

  beforeAll(async () => {
    reporting = await startReporting('reporting_event_explorer', new Date('2026-11-04T07:00:00.000Z'));
    const period = periodEvents(PERIOD);
    const ticket = ticketEvents(TICKET, PERIOD);
    const inPeriod = { periodId: PERIOD };
    await reporting.publish(PERIODS_TOPIC, 'triage', {
      ...period.planned(),
      subject: PERIOD,
      context: inPeriod,
    });
    await reporting.publish(REPORTS_TOPIC, 'intake', {
      ...reportSubmittedEvent(TICKET, PERIOD),
      id: ids.submitted,
      subject: TICKET,
      context: { ...inPeriod, actor: ana, correlationId: 'request-1' },
    });
    await reporting.publish(
      TICKETS_TOPIC,
      'triage',
      {
        ...reportedTicket(TICKET, PERIOD, '2026-11-03T09:00:00.000Z'),
        id: ids.opened,
        context: { ...inPeriod, actor: ana, correlationId: 'request-1', causationId: ids.submitted },
      },
      {
        ...ticket.triaged('2026-11-03T09:05:00.000Z', 'P1'),
        id: ids.triaged,
        subject: TICKET,
        context: { ...inPeriod, actor: bob, correlationId: 'request-2' },
      },
      {
        ...ticket.slaBreached('2026-11-03T09:15:00.000Z', 'acknowledge', '2026-11-03T09:15:00.000Z'),
        id: ids.breached,
        subject: TICKET,
        context: { ...inPeriod, actor: timer, causationId: `sla-timer:${TICKET}` },
      },
      {
        ...reportedTicket(ELSEWHERE, OTHER_PERIOD, '2026-11-03T10:00:00.000Z'),
        context: { periodId: OTHER_PERIOD },
      },
    );
    await reporting.admin.poll<Page>(
      'reporting',
      `/events?period=${PERIOD}&type=hypercare.ticket.`,
      (r) => r.status === 200 && r.body.items.length === 3,
    );
  }, 60_000);
  afterAll(() => reporting?.stop());

  it("lists a period's history in order, a page at a time, with what travelled with each event", async () => {
    const first = await page(`period=${PERIOD}&limit=3`);
    expect(types(first.items)).toEqual(['period.planned', 'report.submitted', 'ticket.opened']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await page(`period=${PERIOD}&limit=3&cursor=${first.nextCursor}`);
    expect(types(second.items)).toEqual(['ticket.triaged', 'ticket.sla-breached']);
    expect(second.nextCursor).toBeNull();
    expect(first.items[2]).toMatchObject({
      id: ids.opened,
      stream: `ticket-${TICKET}`,
      source: 'triage',
      periodId: PERIOD,
      actor: ana,
      correlationId: 'request-1',
      causationId: ids.submitted,
      data: { ticketId: TICKET },
    });
  });

  it("filters by type's start, stream and actor: one person's audit of the period", async () => {
    expect(types((await page(`type=hypercare.ticket.&stream=ticket-${TICKET}`)).items)).toEqual([
      'ticket.opened',
      'ticket.triaged',
      'ticket.sla-breached',
    ]);
    expect((await page(`period=${PERIOD}&actor=${bob.subject}`)).items.map(({ id }) => id)).toEqual([
      ids.triaged,
    ]);
    expect((await page(`type=hypercare.ticket.opened`)).items).toHaveLength(2);
    const actors = await get<Array<{ subject: string; events: number }>>(`/periods/${PERIOD}/actors`);
    expect(actors.body.map(({ subject, events }) => [subject, events])).toEqual([
      [ana.subject, 2],
      [bob.subject, 1],
      [timer.subject, 1],
    ]);
  });

  it('shows an event with its causes, its effects and its correlation', async () => {
    const opened = (await get<EventChain>(`/events/${ids.opened}`)).body;
    expect(opened.causes.map(({ id }) => id)).toEqual([ids.submitted]);
    expect(opened.origin).toBeNull();
    expect(opened.correlated.map(({ id }) => id)).toEqual([ids.submitted, ids.opened]);
    const submitted = (await get<EventChain>(`/events/${ids.submitted}`)).body;
    expect(submitted.effects.map(({ id }) => id)).toEqual([ids.opened]);
    const breached = (await get<EventChain>(`/events/${ids.breached}`)).body;
    expect(breached.causes).toEqual([]);
    expect(breached.origin).toBe(`sla-timer:${TICKET}`);
  });

  it('names the position an analyst can turn any view back to', async () => {
    const triaged = (await get<EventChain>(`/events/${ids.triaged}`)).body.event;
    const before = await get<{ byPriority: Record<string, number> }>(
      `/periods/${PERIOD}/dashboard?asOfPosition=${triaged.position - 1}`,
    );
    const after = await get<{ byPriority: Record<string, number> }>(
      `/periods/${PERIOD}/dashboard?asOfPosition=${triaged.position}`,
    );
    expect([before.body.byPriority, after.body.byPriority]).toEqual([{ untriaged: 1 }, { P1: 1 }]);
  });

  it('refuses what it cannot answer, naming the field, and answers 404 for an event it does not hold', async () => {
    const refused = async (query: string, field: string) => {
      const response = await get(`/events?${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(`"field":"${field}"`);
    };
    await refused('from=2026-11-05T00:00:00Z&to=2026-11-04T00:00:00Z', 'to');
    await refused('cursor=abc', 'cursor');
    await refused('limit=501', 'limit');
    await refused('period=not-a-period', 'period');
    expect((await get(`/events/${randomUUID()}`)).status).toBe(404);
    expect((await get('/events/not-an-id')).status).toBe(404);
    expect((await get(`/periods/${randomUUID()}/actors`)).status).toBe(404);
  });
});

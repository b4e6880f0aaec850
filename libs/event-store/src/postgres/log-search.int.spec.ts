import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-store.port';
import { onServerAndPglite, type AdapterScenario } from './adapters.fixture';

const P1 = 'period-one';
const P2 = 'period-two';
const ana = { subject: 'ana@example.org', name: 'Ana', kind: 'person' as const };
const timer = { subject: 'sla-timer', name: 'SLA timer', kind: 'system' as const };

const searchScenario: AdapterScenario = (store) => {
  const ids = {
    submitted: randomUUID(),
    opened: randomUUID(),
    triaged: randomUUID(),
    breached: randomUUID(),
    other: randomUUID(),
    programme: randomUUID(),
  };
  const event = (id: string, type: string, metadata: NewEvent['metadata']): NewEvent => ({
    id,
    type,
    data: { id },
    metadata,
  });
  let started: Date;

  beforeAll(async () => {
    started = new Date(Date.now() - 1);
    await store().append('report-1', [
      event(ids.submitted, 'hypercare.report.submitted.v1', {
        periodId: P1,
        actor: ana,
        correlationId: 'c-1',
      }),
    ]);
    await store().append('ticket-1', [
      event(ids.opened, 'hypercare.ticket.opened.v1', {
        periodId: P1,
        actor: ana,
        correlationId: 'c-1',
        causationId: ids.submitted,
      }),
      event(ids.triaged, 'hypercare.ticket.triaged.v1', { periodId: P1, actor: ana, correlationId: 'c-2' }),
      event(ids.breached, 'hypercare.ticket.sla-breached.v1', {
        periodId: P1,
        actor: timer,
        causationId: 'sla-timer:ticket-1',
      }),
    ]);
    await store().append('ticket-2', [
      event(ids.other, 'hypercare.ticket.opened.v1', { periodId: P2, actor: ana }),
    ]);
    await store().append('programme-1', [event(ids.programme, 'hypercare.programme.created.v1', {})]);
  });

  const found = async (query: Parameters<ReturnType<typeof store>['search']['find']>[0]) =>
    (await store().search.find(query)).map(({ id }) => id);

  it('finds by period, stream, type prefix, actor and time, in log order, a page at a time', async () => {
    expect(await found({ periods: [P1], limit: 10 })).toEqual([
      ids.submitted,
      ids.opened,
      ids.triaged,
      ids.breached,
    ]);
    expect(await found({ periods: [], limit: 10 })).toEqual([]);
    expect(await found({ stream: 'ticket-1', type: 'hypercare.ticket.', limit: 10 })).toEqual([
      ids.opened,
      ids.triaged,
      ids.breached,
    ]);
    expect(await found({ type: 'hypercare.ticket.opened', limit: 10 })).toEqual([ids.opened, ids.other]);
    expect(await found({ actor: ana.subject, periods: [P1, P2], limit: 10 })).toEqual([
      ids.submitted,
      ids.opened,
      ids.triaged,
      ids.other,
    ]);
    expect(await found({ from: new Date(Date.now() + 60_000), limit: 10 })).toEqual([]);
    expect(await found({ from: started, to: new Date(Date.now() + 1), limit: 10 })).toHaveLength(6);
    const [first, second] = await store().search.find({ limit: 2 });
    expect(await found({ after: second?.position, limit: 10 })).toEqual([
      ids.triaged,
      ids.breached,
      ids.other,
      ids.programme,
    ]);
    expect(first?.id).toBe(ids.submitted);
  });

  it('follows causation and correlation ids, and finds an event by id, whatever its case', async () => {
    expect((await store().search.get(ids.opened.toUpperCase()))?.stream).toBe('ticket-1');
    expect(await store().search.get('not-an-id')).toBeUndefined();
    expect((await store().search.causedBy(ids.submitted, 10)).map(({ id }) => id)).toEqual([ids.opened]);
    expect((await store().search.correlated('c-1', 10)).map(({ id }) => id)).toEqual([
      ids.submitted,
      ids.opened,
    ]);
  });

  it("sums up each actor's part in a period, most active first", async () => {
    expect(await store().search.actors(P1)).toEqual([
      {
        ...ana,
        events: 3,
        byType: {
          'hypercare.report.submitted.v1': 1,
          'hypercare.ticket.opened.v1': 1,
          'hypercare.ticket.triaged.v1': 1,
        },
        first: expect.any(Date),
        last: expect.any(Date),
      },
      {
        ...timer,
        events: 1,
        byType: { 'hypercare.ticket.sla-breached.v1': 1 },
        first: expect.any(Date),
        last: expect.any(Date),
      },
    ]);
  });
};

onServerAndPglite('searching the log', searchScenario, { database: 'log_search' });

import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { REPORTS_TOPIC } from '@hypercare/contracts';
import { periodDefinition, reportSubmittedEvent } from '@hypercare/contracts/testing';
import { HypercareClient } from '@hypercare/client';
import { ManualClock } from '@hypercare/domain-kit';
import { Infrastructure, ServiceRuntime } from '@hypercare/runtime';
import { createServiceApp } from '@hypercare/service-kit';
import { createTestDatabase, describeWith, eventually, type TestDatabase } from '@hypercare/testing';
import { AppModule } from '../app.module';
import { loadTriageConfig } from '../config';
import { TicketClocks } from './ticket-clocks';

const T0 = new Date('2031-05-05T08:00:00.000Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describeWith('postgres')('the SLA timer', () => {
  let database: TestDatabase;
  let infrastructure: Infrastructure;
  let app: INestApplication;
  let client: HypercareClient;
  const clock = new ManualClock(minutes(-60));

  beforeAll(async () => {
    database = await createTestDatabase('sla_timer');
    infrastructure = new Infrastructure({
      databaseUrl: database.url,
      clock,
      election: 'sole',
      clientId: 'sla-timer-test',
    });
    const config = loadTriageConfig({
      DATABASE_URL: database.url,
      KAFKA_BROKERS: '127.0.0.1:1',
      LOG_LEVEL: 'silent',
      SLA_CHECK_INTERVAL_MS: '50',
    });
    app = await createServiceApp('triage', AppModule.register(config, infrastructure));
    await app.listen(0, '127.0.0.1');
    client = HypercareClient.distributed({ triage: await app.getUrl() });
  });
  afterAll(async () => {
    await app?.close();
    await infrastructure?.close();
    await database?.drop();
  });

  /** A P1 ticket, opened from a report as intake would publish it at `minutes(at)`, and triaged two minutes later. */
  const p1Ticket = async (periodId: string, at: number): Promise<string> => {
    const ticketId = randomUUID();
    clock.set(minutes(at));
    const bus = await infrastructure.bus(quiet);
    await bus.publish(REPORTS_TOPIC, [
      {
        id: randomUUID(),
        source: '/hypercare/intake',
        subject: ticketId,
        time: clock.now(),
        ...reportSubmittedEvent(ticketId, periodId, minutes(at).toISOString()),
      },
    ]);
    await client.poll('triage', `/tickets/${ticketId}`, (r) => r.status === 200);
    clock.set(minutes(at + 2));
    await client.call('triage', 'POST', `/tickets/${ticketId}/triage`, {
      by: 'sam@example.com',
      category: 'critical-bug',
      impact: 'high',
      urgency: 'high',
    });
    return ticketId;
  };

  const history = async (ticketId: string) =>
    (await app.get(ServiceRuntime).store.readStream(`ticket-${ticketId}`)).map(({ type, data }) => [
      type.replace(/^hypercare\.ticket\.|\.v1$/g, ''),
      (data as { level?: number; clock?: string }).level ?? (data as { clock?: string }).clock ?? '',
    ]);

  it('records each breach and escalation once when its time comes, and nothing more', async () => {
    const { periodId } = await client.call<{ periodId: string }>('triage', 'POST', '/periods', {
      by: 'lead@example.com',
      ...periodDefinition({
        goLiveAt: minutes(-30).toISOString(),
        plannedEndAt: minutes(3 * 24 * 60).toISOString(),
        escalationMatrix: [
          {
            priority: 'P1',
            levels: [
              { afterMinutes: 10, when: 'unacknowledged', notifyRole: 'technical-lead' },
              { afterMinutes: 30, when: 'unacknowledged', notifyRole: 'project-manager' },
            ],
          },
        ],
      }),
    });
    await client.call('triage', 'POST', `/periods/${periodId}/activate`, { by: 'lead@example.com' });
    const ticketId = await p1Ticket(periodId, 0);

    clock.set(minutes(9));
    clock.set(minutes(11));
    await eventually('level 1 fired', async () =>
      (await history(ticketId)).some(([type]) => type === 'escalated'),
    );
    clock.set(minutes(16));
    await eventually('the acknowledge breach', async () =>
      (await history(ticketId)).some(([type]) => type === 'sla-breached'),
    );
    clock.set(minutes(45));
    await eventually(
      'level 2 fired',
      async () => (await history(ticketId)).filter(([type]) => type === 'escalated').length === 2,
    );
    await client.call('triage', 'POST', `/tickets/${ticketId}/acknowledge`, { by: 'sam@example.com' });
    const settled = await client.call<{ version: number }>('triage', 'GET', `/tickets/${ticketId}`);

    // The timer goes on (a second ticket's breach is the sentinel); the first's resolve deadline (4 h) is still ahead.
    const sentinel = await p1Ticket(periodId, 46);
    clock.set(minutes(62));
    await eventually("the sentinel's breach", async () =>
      (await history(sentinel)).some(([type]) => type === 'sla-breached'),
    );
    expect(await history(ticketId)).toEqual([
      ['opened', ''],
      ['triaged', ''],
      ['escalated', 1],
      ['sla-breached', 'acknowledge'],
      ['escalated', 2],
      ['acknowledged', ''],
    ]);
    expect((await client.call<{ version: number }>('triage', 'GET', `/tickets/${ticketId}`)).version).toBe(
      settled.version,
    );
  });

  it('wakes for a due time only once it has passed: not at it, a millisecond after', async () => {
    const { periodId } = await client.call<{ periodId: string }>('triage', 'POST', '/periods', {
      by: 'lead@example.com',
      ...periodDefinition({
        goLiveAt: minutes(-30).toISOString(),
        plannedEndAt: minutes(3 * 24 * 60).toISOString(),
      }),
    });
    await client.call('triage', 'POST', `/periods/${periodId}/activate`, { by: 'lead@example.com' });
    const ticketId = await p1Ticket(periodId, 100);
    const due = minutes(115);
    const clocks = app.get(TicketClocks);
    await eventually('the timer set for the acknowledge deadline', async () =>
      (await clocks.due(new Date(due.getTime() + 1), 1_000)).includes(ticketId),
    );
    expect(await clocks.due(due, 1_000)).not.toContain(ticketId);
    expect(await clocks.due(new Date(due.getTime() - 1), 1_000)).not.toContain(ticketId);
  });
});

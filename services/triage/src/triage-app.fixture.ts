import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { REPORTS_TOPIC } from '@hypercare/contracts';
import { reportSubmittedEvent } from '@hypercare/contracts/testing';
import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient, newProgramme, planPeriod } from '@hypercare/client';
import { ManualClock } from '@hypercare/domain-kit';
import { Infrastructure, ServiceRuntime } from '@hypercare/runtime';
import { createServiceApp } from '@hypercare/service-kit';
import { createTestDatabase, type TestDatabase } from '@hypercare/testing';
import { AppModule } from './app.module';
import { loadTriageConfig } from './config';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Triage on a throwaway database and a manual clock, its SLA timer ticking every 50 ms. */
export class TriageApp {
  private constructor(
    private readonly database: TestDatabase,
    private readonly infrastructure: Infrastructure,
    readonly app: INestApplication,
    readonly client: HypercareClient,
    readonly clock: ManualClock,
  ) {}

  static async start(name: string, now: Date): Promise<TriageApp> {
    const database = await createTestDatabase(name);
    const clock = new ManualClock(now);
    const infrastructure = new Infrastructure({
      databaseUrl: database.url,
      clock,
      election: 'sole',
      clientId: `${name}-test`,
    });
    const adminKey = testAdminKey();
    const config = loadTriageConfig({
      DATABASE_URL: database.url,
      KAFKA_BROKERS: '127.0.0.1:1',
      LOG_LEVEL: 'silent',
      SLA_CHECK_INTERVAL_MS: '50',
      HYPERCARE_ADMIN_API_KEY: adminKey,
    });
    const app = await createServiceApp('triage', AppModule.register(config, infrastructure));
    await app.listen(0, '127.0.0.1');
    const client = HypercareClient.distributed({ triage: await app.getUrl() }).withApiKey(adminKey);
    return new TriageApp(database, infrastructure, app, client, clock);
  }

  /** Plans a period of a new programme; answers its id. */
  async planPeriod(definition: object): Promise<string> {
    const programmeId = await newProgramme(this.client, 'Finance transformation');
    return (await planPeriod(this.client, programmeId, definition)).periodId;
  }

  /** A ticket, opened from a report intake publishes now, then triaged P1 two minutes later. */
  async p1Ticket(periodId: string): Promise<string> {
    const ticketId = randomUUID();
    const bus = await this.infrastructure.bus(quiet);
    const now = this.clock.now();
    await bus.publish(REPORTS_TOPIC, [
      {
        id: randomUUID(),
        source: '/hypercare/intake',
        subject: ticketId,
        time: now,
        ...reportSubmittedEvent(ticketId, periodId, now.toISOString()),
      },
    ]);
    await this.client.poll('triage', `/tickets/${ticketId}`, (r) => r.status === 200);
    this.clock.advance(2 * 60_000);
    await this.client.call('triage', 'POST', `/tickets/${ticketId}/triage`, {
      by: 'sam@example.com',
      category: 'critical-bug',
      impact: 'high',
      urgency: 'high',
    });
    return ticketId;
  }

  /** A ticket's events, as `[type, level or clock]`. */
  async history(ticketId: string): Promise<Array<[string, string | number]>> {
    return (await this.app.get(ServiceRuntime).store.readStream(`ticket-${ticketId}`)).map(
      ({ type, data }) => [
        type.replace(/^hypercare\.ticket\.|\.v1$/g, ''),
        (data as { level?: number }).level ?? (data as { clock?: string }).clock ?? '',
      ],
    );
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.infrastructure.close();
    await this.database.drop();
  }
}

import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient } from '@hypercare/client';
import { PERIODS_TOPIC, TICKETS_TOPIC } from '@hypercare/contracts';
import { ManualClock } from '@hypercare/domain-kit';
import { Infrastructure, ServiceRuntime } from '@hypercare/runtime';
import { createServiceApp } from '@hypercare/service-kit';
import { createTestDatabase, type TestDatabase } from '@hypercare/testing';
import { AppModule } from './app.module';
import { loadFeedbackConfig } from './config';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** An event as the relays of other services publish it. */
export interface Published {
  id?: string;
  type: string;
  data: { periodId: string; ticketId?: string } & Record<string, unknown>;
}

/**
 * Feedback on a throwaway database and a manual clock, with an admin, hearing period and
 * ticket events published on its bus as triage's relay would publish them.
 */
export class FeedbackApp {
  private constructor(
    private readonly database: TestDatabase,
    private readonly infrastructure: Infrastructure,
    readonly app: INestApplication,
    readonly admin: HypercareClient,
    readonly clock: ManualClock,
  ) {}

  static async start(name: string, now: Date): Promise<FeedbackApp> {
    const database = await createTestDatabase(name);
    const clock = new ManualClock(now);
    const infrastructure = new Infrastructure({
      databaseUrl: database.url,
      clock,
      election: 'sole',
      clientId: name,
    });
    const adminKey = testAdminKey();
    const config = loadFeedbackConfig({
      DATABASE_URL: database.url,
      KAFKA_BROKERS: '127.0.0.1:1',
      LOG_LEVEL: 'silent',
      HYPERCARE_ADMIN_API_KEY: adminKey,
      PULSE_CHECK_INTERVAL_MS: '50',
    });
    const app = await createServiceApp('feedback', AppModule.register(config, infrastructure));
    await app.listen(0, '127.0.0.1');
    const admin = HypercareClient.distributed({ feedback: await app.getUrl() }).withApiKey(adminKey);
    return new FeedbackApp(database, infrastructure, app, admin, clock);
  }

  get runtime(): ServiceRuntime {
    return this.app.get(ServiceRuntime);
  }

  /** Publishes period or ticket events; answers their ids (give one to redeliver an event). */
  async publish(...events: Published[]): Promise<string[]> {
    const bus = await this.infrastructure.bus(quiet);
    const stamped = events.map((event) => ({
      id: event.id ?? randomUUID(),
      source: event.type.includes('.period.') ? '/hypercare/triage/periods' : '/hypercare/triage',
      subject: event.data.ticketId ?? event.data.periodId,
      time: this.clock.now(),
      type: event.type,
      data: event.data,
    }));
    for (const event of stamped)
      await bus.publish(event.type.includes('.period.') ? PERIODS_TOPIC : TICKETS_TOPIC, [event]);
    return stamped.map(({ id }) => id);
  }

  /** Every event feedback recorded, in the order it recorded them. */
  async recorded(): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
    const rows = await this.runtime.sql.query<{ type: string; data: Record<string, unknown> }>(
      'select type, data from feedback_events.events order by position',
    );
    return rows;
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.infrastructure.close();
    await this.database.drop();
  }
}

import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient } from '@hypercare/client';
import { ManualClock } from '@hypercare/domain-kit';
import { Infrastructure, ServiceRuntime } from '@hypercare/runtime';
import { createServiceApp } from '@hypercare/service-kit';
import { createTestDatabase, type TestDatabase } from '@hypercare/testing';
import { AppModule } from './app.module';
import { loadIntakeConfig } from './config';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Intake on a throwaway database and a manual clock, with an admin, hearing what other services publish on its bus. */
export class IntakeApp {
  private constructor(
    private readonly database: TestDatabase,
    private readonly infrastructure: Infrastructure,
    readonly app: INestApplication,
    readonly admin: HypercareClient,
    readonly clock: ManualClock,
  ) {}

  static async start(name: string, now: Date): Promise<IntakeApp> {
    const database = await createTestDatabase(name);
    const clock = new ManualClock(now);
    const infrastructure = new Infrastructure({
      databaseUrl: database.url,
      clock,
      election: 'sole',
      clientId: name,
    });
    const adminKey = testAdminKey();
    const config = loadIntakeConfig({
      DATABASE_URL: database.url,
      KAFKA_BROKERS: '127.0.0.1:1',
      LOG_LEVEL: 'silent',
      HYPERCARE_ADMIN_API_KEY: adminKey,
    });
    const app = await createServiceApp('intake', AppModule.register(config, infrastructure));
    await app.listen(0, '127.0.0.1');
    const admin = HypercareClient.distributed({ intake: await app.getUrl() }).withApiKey(adminKey);
    return new IntakeApp(database, infrastructure, app, admin, clock);
  }

  get runtime(): ServiceRuntime {
    return this.app.get(ServiceRuntime);
  }

  /** Publishes events on a topic as another service's relay would. */
  async publish(
    topic: string,
    source: string,
    ...events: Array<{ type: string; data: Record<string, unknown> }>
  ) {
    const bus = await this.infrastructure.bus(quiet);
    await bus.publish(
      topic,
      events.map((event) => ({
        id: randomUUID(),
        source,
        subject: String(event.data['articleId'] ?? event.data['periodId']),
        time: this.clock.now(),
        type: event.type,
        data: event.data,
      })),
    );
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.infrastructure.close();
    await this.database.drop();
  }
}

import { randomUUID } from 'node:crypto';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient, type ServiceName } from '@hypercare/client';
import { ManualClock } from '@hypercare/domain-kit';
import { createServiceApp } from '@hypercare/service-kit';
import type { ReadAllOptions } from '@hypercare/event-store';
import { createTestDatabase, readCommitted, type TestDatabase } from '@hypercare/testing';
import { Infrastructure } from './infrastructure';
import { ServiceRuntime } from './service-runtime';
import type { IntegrationEvent } from '@hypercare/messaging';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** An event as another service's relay publishes it. */
export interface Published {
  type: string;
  data: Record<string, unknown>;
  /** Give one to redeliver an event. */
  id?: string;
  /** The aggregate it is about: the message key. */
  subject: string;
  /** What travels beside it when it matters to the test: its period, who acted, what caused it. */
  context?: Pick<IntegrationEvent, 'periodId' | 'correlationId' | 'causationId' | 'actor'>;
}

export interface ServiceUnderTestOptions<Config> {
  service: ServiceName;
  /** Names the throwaway database. */
  name: string;
  now: Date;
  loadConfig: (env: NodeJS.ProcessEnv) => Config;
  module: (config: Config, infrastructure: Infrastructure) => DynamicModule;
  /** More of the service's environment (its timers' intervals, say). */
  env?: Record<string, string>;
}

/**
 * One service on a throwaway database and a manual clock, listening on a free port, with an
 * admin's client, hearing what other services publish on the in-process bus: what each
 * service's own fixture starts from.
 */
export class ServiceUnderTest {
  private constructor(
    private readonly database: TestDatabase,
    readonly infrastructure: Infrastructure,
    readonly app: INestApplication,
    readonly admin: HypercareClient,
    readonly clock: ManualClock,
    /** The admin's key, for calls the client does not make (a download). */
    readonly adminKey: string,
  ) {}

  static async start<Config>(options: ServiceUnderTestOptions<Config>): Promise<ServiceUnderTest> {
    const database = await createTestDatabase(options.name);
    const clock = new ManualClock(options.now);
    const infrastructure = new Infrastructure({
      databaseUrl: database.url,
      clock,
      election: 'sole',
      clientId: options.name,
    });
    const adminKey = testAdminKey();
    const config = options.loadConfig({
      DATABASE_URL: database.url,
      KAFKA_BROKERS: '127.0.0.1:1',
      LOG_LEVEL: 'silent',
      HYPERCARE_ADMIN_API_KEY: adminKey,
      ...options.env,
    });
    const app = await createServiceApp(options.service, options.module(config, infrastructure));
    await app.listen(0, '127.0.0.1');
    const admin = HypercareClient.distributed({ [options.service]: await app.getUrl() }).withApiKey(adminKey);
    return new ServiceUnderTest(database, infrastructure, app, admin, clock, adminKey);
  }

  get runtime(): ServiceRuntime {
    return this.app.get(ServiceRuntime);
  }

  /** The service's log as `readAll` gives it, once every event committed so far is readable (see `readCommitted`). */
  recorded(options?: ReadAllOptions): ReturnType<ServiceRuntime['store']['readAll']> {
    return readCommitted(this.runtime.store, options);
  }

  /** Publishes events on a topic as `source`'s relay would, stamped now; answers their ids. */
  async publish(topic: string, source: string, ...events: Published[]): Promise<string[]> {
    const bus = await this.infrastructure.bus(quiet);
    const stamped = events.map(({ id, subject, type, data, context }) => ({
      ...context,
      id: id ?? randomUUID(),
      source,
      subject,
      time: this.clock.now(),
      type,
      data,
    }));
    await bus.publish(topic, stamped);
    return stamped.map(({ id }) => id);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.infrastructure.close();
    await this.database.drop();
  }
}

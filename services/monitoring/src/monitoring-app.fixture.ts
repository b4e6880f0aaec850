import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ApiKeyStore, systemActor } from '@hypercare/auth';
import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient } from '@hypercare/client';
import { ManualClock } from '@hypercare/domain-kit';
import { Infrastructure, ServiceRuntime } from '@hypercare/runtime';
import { createServiceApp } from '@hypercare/service-kit';
import { createTestDatabase, type TestDatabase } from '@hypercare/testing';
import { AppModule } from './app.module';
import { loadMonitoringConfig } from './config';

/**
 * Monitoring on a throwaway database and a manual clock, with an admin and a monitoring
 * source (an API key granted a programme), and the periods it knows written straight into
 * its period table (as if triage had announced them).
 */
export class MonitoringApp {
  private constructor(
    private readonly database: TestDatabase,
    private readonly infrastructure: Infrastructure,
    readonly app: INestApplication,
    readonly admin: HypercareClient,
    readonly source: HypercareClient,
    readonly programmeId: string,
    readonly clock: ManualClock,
  ) {}

  static async start(name: string, now: Date, env: Record<string, string> = {}): Promise<MonitoringApp> {
    const database = await createTestDatabase(name);
    const clock = new ManualClock(now);
    const infrastructure = new Infrastructure({
      databaseUrl: database.url,
      clock,
      election: 'sole',
      clientId: name,
    });
    const adminKey = testAdminKey();
    const config = loadMonitoringConfig({
      DATABASE_URL: database.url,
      KAFKA_BROKERS: '127.0.0.1:1',
      LOG_LEVEL: 'silent',
      HYPERCARE_ADMIN_API_KEY: adminKey,
      ...env,
    });
    const app = await createServiceApp('monitoring', AppModule.register(config, infrastructure));
    await app.listen(0, '127.0.0.1');
    const anonymous = HypercareClient.distributed({ monitoring: await app.getUrl() });
    const programmeId = randomUUID();
    const { key } = await app.get(ApiKeyStore).create(
      {
        name: 'Alertmanager',
        grants: [{ role: 'monitoring-source', scope: { kind: 'programme', id: programmeId } }],
      },
      systemActor('test'),
    );
    return new MonitoringApp(
      database,
      infrastructure,
      app,
      anonymous.withApiKey(adminKey),
      anonymous.withApiKey(key),
      programmeId,
      clock,
    );
  }

  get runtime(): ServiceRuntime {
    return this.app.get(ServiceRuntime);
  }

  /** A period monitoring knows, in the source's programme unless another is named. */
  async period(status = 'active', programmeId = this.programmeId): Promise<string> {
    const periodId = randomUUID();
    await this.runtime.sql.query(
      'insert into monitoring.periods (period_id, programme_id, status) values ($1, $2, $3)',
      [periodId, programmeId, status],
    );
    return periodId;
  }

  /** Every alert event, read from each alert's stream: the global log shows a new event a moment later. */
  async alertEvents() {
    const rows = await this.runtime.sql.query<{ alert_id: string }>('select alert_id from monitoring.alerts');
    const streams = await Promise.all(
      rows.map(({ alert_id }) => this.runtime.store.readStream(`alert-${alert_id}`)),
    );
    return streams.flat().sort((a, b) => a.position - b.position);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.infrastructure.close();
    await this.database.drop();
  }
}

import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ApiKeyStore, systemActor } from '@hypercare/auth';
import type { HypercareClient } from '@hypercare/client';
import type { ManualClock } from '@hypercare/domain-kit';
import type { ServiceRuntime } from '@hypercare/runtime';
import { ServiceUnderTest } from '@hypercare/runtime/testing';
import { AppModule } from './app.module';
import { loadMonitoringConfig } from './config';

/**
 * Monitoring on a throwaway database and a manual clock, with an admin and a monitoring
 * source (an API key granted a programme), and the periods it knows written straight into
 * its period table (as if triage had announced them).
 */
export class MonitoringApp {
  private constructor(
    private readonly service: ServiceUnderTest,
    readonly source: HypercareClient,
    readonly programmeId: string,
  ) {}

  static async start(name: string, now: Date, env: Record<string, string> = {}): Promise<MonitoringApp> {
    const service = await ServiceUnderTest.start({
      service: 'monitoring',
      name,
      now,
      loadConfig: loadMonitoringConfig,
      module: (config, infrastructure) => AppModule.register(config, infrastructure),
      env,
    });
    const programmeId = randomUUID();
    const { key } = await service.app.get(ApiKeyStore).create(
      {
        name: 'Alertmanager',
        grants: [{ role: 'monitoring-source', scope: { kind: 'programme', id: programmeId } }],
      },
      systemActor('test'),
    );
    return new MonitoringApp(service, service.admin.anonymous().withApiKey(key), programmeId);
  }

  get app(): INestApplication {
    return this.service.app;
  }

  get admin(): HypercareClient {
    return this.service.admin;
  }

  get clock(): ManualClock {
    return this.service.clock;
  }

  get runtime(): ServiceRuntime {
    return this.service.runtime;
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

  stop(): Promise<void> {
    return this.service.stop();
  }
}

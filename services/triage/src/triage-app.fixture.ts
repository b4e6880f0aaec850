import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { EXIT_TOPIC, REPORTS_TOPIC } from '@hypercare/contracts';
import { reportSubmittedEvent } from '@hypercare/contracts/testing';
import { type HypercareClient, newProgramme, planPeriod } from '@hypercare/client';
import type { ManualClock } from '@hypercare/domain-kit';
import { ServiceUnderTest } from '@hypercare/runtime/testing';
import { eventually } from '@hypercare/testing';
import { AppModule } from './app.module';
import { loadTriageConfig } from './config';

/** Triage on a throwaway database and a manual clock, its SLA timer ticking every 50 ms. */
export class TriageApp {
  private constructor(private readonly service: ServiceUnderTest) {}

  static async start(name: string, now: Date): Promise<TriageApp> {
    return new TriageApp(
      await ServiceUnderTest.start({
        service: 'triage',
        name,
        now,
        loadConfig: loadTriageConfig,
        module: (config, infrastructure) => AppModule.register(config, infrastructure),
        env: { SLA_CHECK_INTERVAL_MS: '50' },
      }),
    );
  }

  get app(): INestApplication {
    return this.service.app;
  }

  get client(): HypercareClient {
    return this.service.admin;
  }

  get clock(): ManualClock {
    return this.service.clock;
  }

  /** Plans a period of a new programme; answers its id. */
  async planPeriod(definition: object): Promise<string> {
    const programmeId = await newProgramme(this.client, 'Finance transformation');
    return (await planPeriod(this.client, programmeId, definition)).periodId;
  }

  /** A ticket, opened from a report intake publishes now, then triaged P1 two minutes later. */
  async p1Ticket(periodId: string): Promise<string> {
    const ticketId = randomUUID();
    const now = this.clock.now();
    await this.service.publish(REPORTS_TOPIC, '/hypercare/intake', {
      subject: ticketId,
      ...reportSubmittedEvent(ticketId, periodId, now.toISOString()),
    });
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

  /** What a reporter said about their report through a channel, as intake publishes it; answers the event's id. */
  async reportCommented(ticketId: string, periodId: string, text: string, id?: string): Promise<string> {
    const [published] = await this.service.publish(REPORTS_TOPIC, '/hypercare/intake', {
      subject: ticketId,
      ...(id ? { id } : {}),
      type: 'hypercare.report.commented.v1',
      data: {
        reportId: ticketId,
        periodId,
        author: { name: 'Ana Ruiz', email: 'ana@example.com' },
        text,
        channel: 'email',
        commentedAt: this.clock.now().toISOString(),
      },
    });
    return published as string;
  }

  /** How many periods have been planned, in every programme. */
  async periodsPlanned(): Promise<number> {
    const planned = await this.service.runtime.store.readAll({
      filter: { types: ['hypercare.period.planned.v2'] },
    });
    return planned.length;
  }

  /**
   * Reporting's evaluation of the period's criteria as its relay publishes it (each criterion
   * met or not), once triage has heard it.
   */
  async evaluated(periodId: string, criteria: Record<string, boolean>): Promise<void> {
    const at = this.clock.now().toISOString();
    await this.service.publish(
      EXIT_TOPIC,
      '/hypercare/reporting',
      ...Object.entries(criteria).map(([criterion, met]) => ({
        subject: periodId,
        type: met ? 'hypercare.exit.criterion-met.v1' : 'hypercare.exit.criterion-unmet.v1',
        data: { periodId, criterion, metric: 'manual', comparator: '=', target: 1, value: null, at },
      })),
    );
    await eventually('triage heard the evaluation', async () => {
      const [row] = await this.service.runtime.sql.query<{ criteria: Record<string, boolean> }>(
        'select criteria from triage.exit_readiness where period_id = $1',
        [periodId],
      );
      return Object.entries(criteria).every(([name, met]) => row?.criteria[name] === met);
    });
  }

  /** The data of a period's events of one type. */
  periodEvents(periodId: string, type: string): Promise<unknown[]> {
    return this.eventsOf(`period-${periodId}`, type);
  }

  /** The data of a ticket's events of one type. */
  ticketEvents(ticketId: string, type: string): Promise<unknown[]> {
    return this.eventsOf(`ticket-${ticketId}`, type);
  }

  /** A ticket's events, as `[type, level or clock]`. */
  async history(ticketId: string): Promise<Array<[string, string | number]>> {
    return (await this.service.runtime.store.readStream(`ticket-${ticketId}`)).map(({ type, data }) => [
      type.replace(/^hypercare\.ticket\.|\.v1$/g, ''),
      (data as { level?: number }).level ?? (data as { clock?: string }).clock ?? '',
    ]);
  }

  private async eventsOf(stream: string, type: string): Promise<unknown[]> {
    return (await this.service.runtime.store.readStream(stream))
      .filter((event) => event.type === type)
      .map(({ data }) => data);
  }

  stop(): Promise<void> {
    return this.service.stop();
  }
}

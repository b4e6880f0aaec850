import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@hypercare/domain-kit';
import { commandHandler } from '@hypercare/event-store';
import { CLOCK, PeriodicWork, ServiceRuntime } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import { DataSource } from 'typeorm';
import type { ReportingConfig } from '../config';
import { standupDecider, standupStream } from './standup.decider';
import { standupMarkdown } from './standup-markdown';
import { StandupReport } from './standup-report';

const DAY = 86_400_000;
/** The stand-up's default for what counts as stuck. */
const STUCK_HOURS = 24;

/**
 * Prepares each running period's stand-up of the day before once the service's clock passes
 * STANDUP_AT (UTC) each day, and records it (`hypercare.standup.prepared.v1`, published on
 * Kafka and sent to the webhooks subscribed to stand-ups). Each day is recorded once.
 */
@Injectable()
export class StandupScheduler extends PeriodicWork {
  private readonly handle;
  private readonly atMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly report: StandupReport,
    runtime: ServiceRuntime,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: ReportingConfig,
  ) {
    super(config.EXIT_EVALUATION_INTERVAL_MS, 'stand-up preparation failed');
    this.handle = commandHandler(runtime.store, standupDecider);
    const [hours, minutes] = config.STANDUP_AT.split(':').map(Number) as [number, number];
    this.atMs = (hours * 60 + minutes) * 60_000;
  }

  protected async look(): Promise<void> {
    const now = this.clock.now().getTime();
    const today = Math.floor(now / DAY) * DAY;
    if (now < today + this.atMs) return;
    const day = new Date(today - DAY).toISOString().slice(0, 10);
    const running = await this.dataSource.query<Array<{ periodId: string }>>(
      `select period_id as "periodId" from reporting.periods
        where status in ('active', 'exit-review') and go_live_at < $1 order by period_id`,
      [new Date(today)],
    );
    for (const { periodId } of running) {
      const standup = await this.report.of(periodId, day, STUCK_HOURS);
      await this.handle(standupStream(periodId), {
        kind: 'prepare',
        periodId,
        day,
        counts: {
          reported: standup.reported.length,
          resolved: standup.resolved.length,
          breached: standup.breached.length,
          escalated: standup.escalated.length,
          stuck: standup.stuck.length,
        },
        ready: standup.exit.ready,
        markdown: standupMarkdown(standup),
        at: new Date(now).toISOString(),
      });
    }
  }
}

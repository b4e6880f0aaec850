import type { INestApplication } from '@nestjs/common';
import type { HypercareClient } from '@hypercare/client';
import { PERIODS_TOPIC, TICKETS_TOPIC } from '@hypercare/contracts';
import type { ManualClock } from '@hypercare/domain-kit';
import type { ServiceRuntime } from '@hypercare/runtime';
import { ServiceUnderTest } from '@hypercare/runtime/testing';
import { AppModule } from './app.module';
import { loadFeedbackConfig } from './config';

/** A period or ticket event as triage's relay publishes it. */
export interface Published {
  id?: string;
  type: string;
  data: { periodId: string; ticketId?: string } & Record<string, unknown>;
}

/**
 * Feedback on a throwaway database and a manual clock, with an admin, hearing period and
 * ticket events published on its bus as triage's relay would publish them; its pulse
 * scheduler looks every 50 ms.
 */
export class FeedbackApp {
  private constructor(private readonly service: ServiceUnderTest) {}

  static async start(name: string, now: Date, env: Record<string, string> = {}): Promise<FeedbackApp> {
    return new FeedbackApp(
      await ServiceUnderTest.start({
        service: 'feedback',
        name,
        now,
        loadConfig: loadFeedbackConfig,
        module: (config, infrastructure) => AppModule.register(config, infrastructure),
        env: { PULSE_CHECK_INTERVAL_MS: '50', ...env },
      }),
    );
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

  /** Publishes period or ticket events, in order; answers their ids (give one to redeliver an event). */
  async publish(...events: Published[]): Promise<string[]> {
    const ids: string[] = [];
    for (const event of events) {
      const period = event.type.includes('.period.');
      const [id] = await this.service.publish(
        period ? PERIODS_TOPIC : TICKETS_TOPIC,
        period ? '/hypercare/triage/periods' : '/hypercare/triage',
        { ...event, subject: event.data.ticketId ?? event.data.periodId },
      );
      ids.push(id as string);
    }
    return ids;
  }

  /** Every event feedback recorded, in the order it recorded them. */
  async recorded(): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
    return this.runtime.sql.query<{ type: string; data: Record<string, unknown> }>(
      'select type, data from feedback_events.events order by position',
    );
  }

  stop(): Promise<void> {
    return this.service.stop();
  }
}

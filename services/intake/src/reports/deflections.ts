import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Channel, Person } from '@hypercare/contracts';
import type { Clock } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { ArticleSuggestions } from '../knowledge/article-suggestions';
import { PeriodDirectory } from '../periods/period-directory';
import { reportDecider, reportStream } from './report.decider';

export interface Withdrawal {
  reporter: Person;
  title: string;
  channel: Channel;
  articleIds: string[];
}

/** Reports withdrawn before submission because the articles suggested answered the reporter. */
@Injectable()
export class Deflections {
  private readonly handle;

  constructor(
    runtime: ServiceRuntime,
    private readonly periods: PeriodDirectory,
    private readonly articles: ArticleSuggestions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, reportDecider);
  }

  async record(periodId: string, withdrawal: Withdrawal, metadata: EventMetadata) {
    const period = await this.periods.find(periodId);
    await this.articles.checkPublished(periodId, 'articleIds', withdrawal.articleIds);
    const reportId = randomUUID();
    const at = this.clock.now().toISOString();
    await this.handle(
      reportStream(reportId),
      { kind: 'deflect', reportId, period, ...withdrawal, at },
      { metadata: { ...metadata, periodId } },
    );
    return { reportId, periodId, articleIds: withdrawal.articleIds, deflectedAt: at };
  }
}

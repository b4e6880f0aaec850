import { Inject, Injectable } from '@nestjs/common';
import type { Channel, Person } from '@hypercare/contracts';
import type { Clock } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { reportDecider, reportStream } from '../reports/report.decider';

/**
 * What someone says about a report through a channel (a reply to a mail, a message in a Slack
 * thread), recorded on the report, once per message: the channel's id of the message is the
 * idempotency key. Triage adds it to the ticket.
 */
@Injectable()
export class ReportComments {
  private readonly handle;

  constructor(
    runtime: ServiceRuntime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, reportDecider);
  }

  /** Records the comment; true when this message was recorded before. */
  async add(
    reportId: string,
    comment: { author: Person; text: string; channel: Channel },
    key: string,
    metadata: EventMetadata & { periodId: string },
  ): Promise<boolean> {
    const handled = await this.handle(
      reportStream(reportId),
      { kind: 'comment', ...comment, at: this.clock.now().toISOString() },
      { expect: 'existing', idempotencyKey: key, metadata },
    );
    return handled.replayed === true;
  }
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@hypercare/auth';
import type { FeedbackKind } from '@hypercare/contracts';
import { type Clock, InvalidCommand } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { v5 as nameBasedUuid } from 'uuid';
import { FeedbackPeriods } from '../periods/feedback-periods';
import { TicketDirectory } from '../tickets/ticket-directory';
import { TrainingNeeds } from '../training/training-needs';
import { feedbackItemDecider, feedbackStream } from './feedback-item.decider';

const RETRY_NAMESPACE = 'e4d2c1b0-7a6f-4e5d-9c8b-1a2b3c4d5e6f';

export interface NewFeedback {
  kind: FeedbackKind;
  text: string;
  ticketIds: string[];
}

/** Takes free feedback, lists it, and defers suggestions to the enhancement backlog. */
@Injectable()
export class FeedbackItems {
  private readonly handle;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly periods: FeedbackPeriods,
    private readonly needs: TrainingNeeds,
    private readonly tickets: TicketDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, feedbackItemDecider);
  }

  /**
   * Records feedback from the caller. With an idempotency key, a retry answers the same item
   * (its id is derived from the period, the caller and the key).
   */
  async submit(
    periodId: string,
    item: NewFeedback,
    actor: Actor,
    key: string | undefined,
    metadata: EventMetadata,
  ) {
    await this.periods.takingFeedback(periodId);
    await this.ticketsOf(periodId, item.ticketIds);
    const feedbackId = key
      ? nameBasedUuid(`${periodId}/${actor.subject}/${key}`, RETRY_NAMESPACE)
      : randomUUID();
    const result = await this.handle(
      feedbackStream(feedbackId),
      {
        kind: 'submit',
        feedbackId,
        periodId,
        feedbackKind: item.kind,
        text: item.text,
        ticketIds: item.ticketIds,
        author: { subject: actor.subject, name: actor.name },
        at: this.clock.now().toISOString(),
      },
      { metadata: { ...metadata, periodId } },
    );
    const [submitted] = result.newEvents;
    if (submitted?.type === 'hypercare.feedback.submitted.v1' && item.kind === 'question')
      await this.needs.heard(
        periodId,
        { id: feedbackId, source: 'feedback' },
        item.text,
        submitted.data.submittedAt,
        metadata,
      );
    return { feedbackId, replayed: result.newEvents.length === 0 };
  }

  /** Puts a period's suggestion on the enhancement backlog, under `title` or the start of its text. */
  async defer(
    periodId: string,
    feedbackId: string,
    title: string | undefined,
    by: string,
    metadata: EventMetadata,
  ) {
    await this.periods.known(periodId);
    const at = this.clock.now().toISOString();
    const result = await this.handle(
      feedbackStream(feedbackId),
      { kind: 'defer', feedbackId, periodId, ...(title ? { title } : {}), by, at },
      { metadata },
    );
    const [deferred] = result.newEvents;
    return deferred?.type === 'hypercare.feedback.deferred-to-backlog.v1' ? deferred.data : undefined;
  }

  async list(periodId: string, kind: FeedbackKind | undefined) {
    const rows = await this.runtime.sql.query<{
      feedback_id: string;
      kind: FeedbackKind;
      text: string;
      ticket_ids: string[];
      author: { subject: string; name: string };
      submitted_at: Date;
      backlog_title: string | null;
      deferred_at: Date | null;
    }>(
      `select * from feedback.items where period_id = $1 and ($2::text is null or kind = $2)
        order by submitted_at desc, feedback_id limit 500`,
      [periodId, kind ?? null],
    );
    return rows.map((row) => ({
      feedbackId: row.feedback_id,
      kind: row.kind,
      text: row.text,
      ticketIds: row.ticket_ids,
      author: row.author,
      submittedAt: row.submitted_at.toISOString(),
      backlog: row.deferred_at
        ? { title: row.backlog_title as string, at: row.deferred_at.toISOString() }
        : null,
    }));
  }

  /** Refuses, naming each, tickets that are not the period's (as feedback heard them opened). */
  private async ticketsOf(periodId: string, ticketIds: readonly string[]): Promise<void> {
    const unknown = await this.tickets.notInPeriod(periodId, ticketIds);
    const issues = ticketIds.flatMap((ticketId, index) =>
      !unknown.has(ticketId)
        ? []
        : [{ field: `ticketIds[${index}]`, message: `ticket ${ticketId} is not one of this period's` }],
    );
    if (issues.length) throw new InvalidCommand(issues);
  }
}

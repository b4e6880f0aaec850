import { systemActor } from '@hypercare/auth';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { reportCommented } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';
import { TicketService } from './ticket.service';

/** Who records a comment that came through a channel, when the channel's event names nobody. */
const RECORDER = systemActor('triage.report-comments');

/**
 * Adds what someone said about a report through a channel (a reply to one of our mails) to the
 * report's ticket as a comment, in their name, once: the report event's id is the command's
 * idempotency key. A ticket not opened yet is retried until it is.
 */
@Injectable()
export class ReportCommentsConsumer implements OnModuleInit {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly tickets: TicketService,
  ) {}

  onModuleInit(): void {
    this.runtime.consume({
      groupId: 'triage.report-comments',
      contracts: [reportCommented],
      handle: async ({ data: comment, ...event }) => {
        await this.tickets.act(
          comment.reportId,
          { kind: 'comment', text: comment.text },
          comment.author.email,
          {
            correlationId: event.correlationId,
            causationId: event.id,
            traceparent: event.traceparent,
            actor: event.actor ?? RECORDER,
          },
          event.id,
        );
      },
    });
  }
}

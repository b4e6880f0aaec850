import { Injectable } from '@nestjs/common';
import { id, person, reportContent, reportSubmitted } from '@hypercare/contracts';
import { NotFound, parseRequest } from '@hypercare/domain-kit';
import type { EventMetadata } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';
import { z } from 'zod';
import { reportStream } from '../reports/report.decider';
import { ReportService } from '../reports/report.service';
import { ReportComments } from './report-comments';
import { reportTitle } from './report-title';

/** A message from any tool, in the one documented shape. */
export const inboundMessage = z.object({
  messageId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe("The sender's id of the message: sending it again changes nothing"),
  from: person.describe('Who wrote it: the reporter, or the comment’s author'),
  subject: z.string().trim().max(1_000).optional().describe("A new report's title"),
  text: z.string().trim().min(1).max(20_000),
  reportId: id.optional().describe('The report (and ticket) it answers: it becomes a comment there'),
});
export type InboundMessage = z.infer<typeof inboundMessage>;

export type MessageOutcome =
  | { outcome: 'report'; reportId: string; replayed: boolean }
  | { outcome: 'comment'; reportId: string; replayed: boolean };

/**
 * Messages from any tool that can sign a request (a key with the channel role, signed as in
 * docs/security.md): one naming a report of the period comments on it, any other opens a
 * report. The message id makes a resend, within the signature's window or not, change nothing.
 */
@Injectable()
export class InboundMessages {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly reports: ReportService,
    private readonly comments: ReportComments,
  ) {}

  async receive(periodId: string, message: InboundMessage, metadata: EventMetadata): Promise<MessageOutcome> {
    const key = `message:${message.messageId}`;
    if (message.reportId) {
      await this.checkReportOf(periodId, message.reportId);
      const replayed = await this.comments.add(
        message.reportId,
        { author: message.from, text: message.text, channel: 'api' },
        key,
        { ...metadata, periodId },
      );
      return { outcome: 'comment', reportId: message.reportId, replayed };
    }
    const content = parseRequest(reportContent, {
      reporter: message.from,
      title: reportTitle(message.subject, message.from, 'Message'),
      description: message.text,
    });
    const { submission, replayed } = await this.reports.submit(
      periodId,
      { ...content, channel: 'api' },
      key,
      metadata,
    );
    return { outcome: 'report', reportId: submission.reportId, replayed };
  }

  /** A report answered must be one of the period's (404 otherwise, as for any report not there). */
  private async checkReportOf(periodId: string, reportId: string): Promise<void> {
    const [first] = await this.runtime.store.readStreamOf(reportStream(reportId), [reportSubmitted], {
      maxCount: 1,
    });
    if (first?.type !== reportSubmitted.type || first.data.periodId !== periodId)
      throw new NotFound('report', reportId);
  }
}

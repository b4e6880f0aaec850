import { Injectable } from '@nestjs/common';
import { reportContent } from '@hypercare/contracts';
import { DomainError, parseRequest } from '@hypercare/domain-kit';
import type { EventMetadata } from '@hypercare/event-store';
import { ReportService } from '../../reports/report.service';
import { ReportComments } from '../report-comments';
import { SlackApi } from './slack-api';
import { SlackPlaces } from './slack-places';
import type { SlackEnvelope, SlashCommand } from './slack.schemas';

/** What a slash command answers: seen only by whoever typed it. */
export interface SlackAnswer {
  response_type: 'ephemeral';
  text: string;
}

const USAGE = 'Usage: /hypercare report <title> | <what happened>';
const REPORT = /^report\s+([\s\S]+)$/i;

const ephemeral = (text: string): SlackAnswer => ({ response_type: 'ephemeral', text });

/** Who acted through Slack, as the events record them. */
const slackActor = (userId: string, name: string) => ({
  subject: `slack:${userId}`,
  name,
  kind: 'person' as const,
});

/**
 * Slack in: `/hypercare report <title> | <what happened>` in a period's channel opens a report
 * in the reporter's name (their Slack profile's email) and starts its thread, where the
 * reporter's progress is posted; a person's message in that thread is a comment on the ticket.
 * Bots' messages, edits and other threads are left alone.
 */
@Injectable()
export class InboundSlack {
  constructor(
    private readonly places: SlackPlaces,
    private readonly slack: SlackApi,
    private readonly reports: ReportService,
    private readonly comments: ReportComments,
  ) {}

  async command(command: SlashCommand, metadata: EventMetadata): Promise<SlackAnswer> {
    const periodId = await this.places.periodOf(command.channel_id);
    if (!periodId)
      return ephemeral(
        "This channel is no hypercare period's: a lead maps it with PUT /periods/{id}/slack-channel.",
      );
    const asked = REPORT.exec(command.text.trim());
    if (!asked) return ephemeral(USAGE);
    const [title = '', description = title] = (asked[1] as string).split('|').map((part) => part.trim());
    try {
      const reporter = await this.slack.person(command.user_id);
      const content = parseRequest(reportContent, { reporter, title, description: description || title });
      const threadTs = await this.slack.post({
        channel: command.channel_id,
        text: `New report from <@${command.user_id}>: ${content.title}`,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `*${content.title}*\n${content.description}` } },
          {
            type: 'context',
            elements: [
              { type: 'mrkdwn', text: `Reported by <@${command.user_id}> · replies here reach the ticket` },
            ],
          },
        ],
      });
      const { submission } = await this.reports.submit(
        periodId,
        { ...content, channel: 'chat' },
        `slack:${command.trigger_id}`,
        { ...metadata, actor: slackActor(command.user_id, reporter.name) },
        (tx, reportId) => SlackPlaces.recordThread(tx, reportId, { channelId: command.channel_id, threadTs }),
      );
      return ephemeral(`Reported as ticket ${submission.reportId}; follow it in the thread.`);
    } catch (error) {
      if (error instanceof DomainError) return ephemeral(`Not reported: ${error.message}`);
      throw error;
    }
  }

  /** An Events API delivery: the URL check answered, a reply in one of our threads recorded. */
  async event(envelope: SlackEnvelope, metadata: EventMetadata): Promise<object> {
    if (envelope.type === 'url_verification') return { challenge: envelope.challenge };
    const { event, event_id: eventId } = envelope;
    if (event.type !== 'message' || event.subtype || event.bot_id || !event.user || !event.thread_ts)
      return {};
    const text = event.text?.trim();
    if (event.thread_ts === event.ts || !text) return {};
    const ticketId = await this.places.ticketOf({ channelId: event.channel, threadTs: event.thread_ts });
    const periodId = ticketId && (await this.places.periodOf(event.channel));
    if (!ticketId || !periodId) return {};
    const author = await this.slack.person(event.user);
    await this.comments.add(ticketId, { author, text, channel: 'chat' }, `slack:${eventId}`, {
      ...metadata,
      actor: slackActor(event.user, author.name),
      periodId,
    });
    return {};
  }
}

import { Injectable } from '@nestjs/common';
import { reportContent } from '@hypercare/contracts';
import { DomainError, parseRequest } from '@hypercare/domain-kit';
import type { EventMetadata } from '@hypercare/event-store';
import { ReportService } from '../../reports/report.service';
import { ReportComments } from '../report-comments';
import { SlackApi, slackText } from './slack-api';
import { SlackPlaces } from './slack-places';
import type { MessageShortcut, SlackEnvelope, SlashCommand } from './slack.schemas';

/** What a slash command answers: seen only by whoever typed it. */
export interface SlackAnswer {
  response_type: 'ephemeral';
  text: string;
}

const USAGE = 'Usage: /hypercare report <title> | <what happened>';
const UNMAPPED =
  "This channel is no hypercare period's: a lead maps it with PUT /periods/{id}/slack-channel.";
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
 * in the reporter's name (their Slack profile's email) and starts its thread, and the message
 * shortcut reports a message in its author's name, its thread the ticket's; in the thread the
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
    if (!periodId) return ephemeral(UNMAPPED);
    const asked = REPORT.exec(command.text.trim());
    if (!asked) return ephemeral(USAGE);
    const [title = '', description = title] = (asked[1] as string).split('|').map((part) => part.trim());
    const opened = await this.open(
      periodId,
      command.channel_id,
      command.user_id,
      command.trigger_id,
      metadata,
      {
        title,
        description: description || title,
      },
    );
    return ephemeral(
      'reportId' in opened
        ? `Reported as ticket ${opened.reportId}; follow it in the thread.`
        : opened.refusal,
    );
  }

  /**
   * The message shortcut: the message it was used on becomes a report in its author's name, and
   * its thread the ticket's. Whoever used it is told in the thread, or, if refused, why.
   */
  async shortcut(action: MessageShortcut, metadata: EventMetadata): Promise<void> {
    const channelId = action.channel.id;
    const periodId = await this.places.periodOf(channelId);
    const text = action.message.text.trim();
    const [firstLine = ''] = text.split('\n');
    const already = await this.places.ticketOf({ channelId, threadTs: action.message.ts });
    const opened = already
      ? { refusal: `Already reported: this thread is ticket ${already}` }
      : periodId
        ? await this.open(
            periodId,
            channelId,
            action.message.user ?? action.user.id,
            action.trigger_id,
            metadata,
            { title: firstLine.slice(0, 200), description: text },
            action.message.ts,
          )
        : { refusal: UNMAPPED };
    await this.slack.post({
      channel: channelId,
      thread_ts: action.message.ts,
      text: 'reportId' in opened ? `Reported to hypercare as ticket ${opened.reportId}` : opened.refusal,
      blocks: [
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text:
                'reportId' in opened
                  ? `<@${action.user.id}> reported this to hypercare (ticket ${opened.reportId}); replies here reach the ticket`
                  : slackText(opened.refusal),
            },
          ],
        },
      ],
    });
  }

  /**
   * Opens a report in a Slack user's name, its thread the one given (a message reported) or a
   * message posted for it (a report typed as a command); a refusal is said, not thrown.
   */
  private async open(
    periodId: string,
    channelId: string,
    userId: string,
    triggerId: string,
    metadata: EventMetadata,
    words: { title: string; description: string },
    existingThread?: string,
  ): Promise<{ reportId: string } | { refusal: string }> {
    try {
      const reporter = await this.slack.person(userId);
      const content = parseRequest(reportContent, { reporter, ...words });
      const threadTs =
        existingThread ??
        (await this.slack.post({
          channel: channelId,
          text: `New report from <@${userId}>: ${slackText(content.title)}`,
          blocks: [
            {
              type: 'section',
              text: {
                type: 'mrkdwn',
                text: `*${slackText(content.title)}*\n${slackText(content.description)}`,
              },
            },
            {
              type: 'context',
              elements: [
                { type: 'mrkdwn', text: `Reported by <@${userId}> · replies here reach the ticket` },
              ],
            },
          ],
        }));
      const { submission } = await this.reports.submit(
        periodId,
        { ...content, channel: 'chat' },
        `slack:${triggerId}`,
        { ...metadata, actor: slackActor(userId, reporter.name) },
        (tx, reportId) => SlackPlaces.recordThread(tx, reportId, { channelId, threadTs }),
      );
      return { reportId: submission.reportId };
    } catch (error) {
      if (error instanceof DomainError) return { refusal: `Not reported: ${error.message}` };
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

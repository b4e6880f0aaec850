import { Injectable } from '@nestjs/common';
import { reportContent } from '@hypercare/contracts';
import { DomainError, parseRequest } from '@hypercare/domain-kit';
import type { EventMetadata } from '@hypercare/event-store';
import { ReportService } from '../../reports/report.service';
import { ReportComments } from '../report-comments';
import { reportTitle } from '../report-title';
import { TeamsPlaces } from './teams-places';
import type { TeamsActivity, TeamsReply } from './teams.schemas';

/**
 * The domain a Teams sender's address is made in: an outgoing webhook names its sender by
 * their Entra object id, never by email, so they are `<object id>@teams.invalid` — never mailed,
 * answered in the period's Teams channel instead.
 */
export const TEAMS_DOMAIN = 'teams.invalid';

const REPORT = /^report\s+/i;

/** What a person wrote, without the mention of the webhook, Teams' markup, or its entities. */
export const teamsText = (text: string): string =>
  text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();

const reply = (text: string): TeamsReply => ({ type: 'message', text });

/** Whether a message is the first of its conversation (a channel post), not a reply in its thread. */
const startsConversation = (activity: TeamsActivity): boolean =>
  /;messageid=(\d+)$/.exec(activity.conversation.id)?.[1] === activity.id;

/**
 * Teams in: a message mentioning the period's outgoing webhook opens a report in its author's
 * name (`[report] <title> | <what happened>`, or its first line as the title), and its
 * conversation becomes the ticket's; a reply in a ticket's conversation is a comment on it.
 * The answer is what Teams posts back in the thread. A message Teams sends again (its id)
 * changes nothing.
 */
@Injectable()
export class InboundTeams {
  constructor(
    private readonly places: TeamsPlaces,
    private readonly reports: ReportService,
    private readonly comments: ReportComments,
  ) {}

  async receive(periodId: string, activity: TeamsActivity, metadata: EventMetadata): Promise<TeamsReply> {
    const text = teamsText(activity.text);
    if (!text) return reply('Nothing to report: write what happened after the mention.');
    const author = {
      name: activity.from.name,
      email: `${activity.from.aadObjectId.toLowerCase()}@${TEAMS_DOMAIN}`,
    };
    const actor = {
      subject: `teams:${activity.from.aadObjectId}`,
      name: author.name,
      kind: 'person' as const,
    };
    const key = `teams:${activity.id}`;
    try {
      const ticketId = await this.places.ticketOf(activity.conversation.id);
      if (ticketId && !startsConversation(activity)) {
        await this.comments.add(ticketId, { author, text, channel: 'chat' }, key, {
          ...metadata,
          actor,
          periodId,
        });
        return reply(`Added to ticket ${ticketId}.`);
      }
      const [title = '', description = ''] = text
        .replace(REPORT, '')
        .split('|')
        .map((part) => part.trim());
      const content = parseRequest(reportContent, {
        reporter: author,
        title: reportTitle(title.split('\n')[0], author, 'Teams message'),
        description: description || title,
      });
      const { submission } = await this.reports.submit(
        periodId,
        { ...content, channel: 'chat' },
        key,
        { ...metadata, actor },
        (tx, reportId) => TeamsPlaces.recordThread(tx, reportId, activity.conversation.id),
      );
      return reply(`Reported as ticket ${submission.reportId}: replies in this thread reach it.`);
    } catch (error) {
      if (error instanceof DomainError) return reply(`Not taken: ${error.message}`);
      throw error;
    }
  }
}

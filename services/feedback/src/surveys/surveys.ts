import { LinkTokens } from '@hypercare/auth';
import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_SURVEY_VALID_DAYS,
  type EventData,
  type Person,
  type ticketResolved,
} from '@hypercare/contracts';
import { type Clock, NotFound } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { surveyDecider, surveyIdOf, surveyStream } from './survey.decider';

const SURVEY_LINKS = { name: 'survey', ids: /^[0-9a-f-]{36}$/ };
/** Addresses that can never receive mail (RFC 2606), such as monitoring's: no survey goes there. */
const UNMAILABLE = /\.invalid$/i;

/** A survey as the person answering it sees it, through its link. */
export interface SurveyPage {
  surveyId: string;
  ticketTitle: string;
  question: string;
  status: 'open' | 'answered' | 'expired';
  expiresAt: string;
}

/** Issues satisfaction surveys after resolutions and takes their answers, through their links. */
@Injectable()
export class Surveys {
  private readonly handle;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly tokens: LinkTokens,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, surveyDecider);
  }

  /**
   * Issues the survey of one resolution to the ticket's reporter; the same resolution again
   * issues nothing. Answers whether a survey now exists for it (none for a reporter who cannot
   * receive mail, or a ticket feedback never heard opened).
   */
  async issueFor(
    resolution: EventData<typeof ticketResolved>,
    resolutionEventId: string,
    metadata: EventMetadata,
  ): Promise<boolean> {
    const [ticket] = await this.runtime.sql.query<{ reporter: Person; valid_days: number | null }>(
      `select t.reporter, p.survey_valid_days as valid_days from feedback.ticket_reporters t
         left join feedback.periods p on p.period_id = t.period_id where t.ticket_id = $1`,
      [resolution.ticketId],
    );
    if (!ticket || UNMAILABLE.test(ticket.reporter.email)) return false;
    const surveyId = surveyIdOf(resolutionEventId);
    await this.handle(
      surveyStream(surveyId),
      {
        kind: 'issue',
        surveyId,
        periodId: resolution.periodId,
        ticketId: resolution.ticketId,
        recipient: ticket.reporter,
        resolvedAt: resolution.at,
        validDays: ticket.valid_days ?? DEFAULT_SURVEY_VALID_DAYS,
        at: resolution.at,
      },
      { metadata: { ...metadata, periodId: resolution.periodId } },
    );
    return true;
  }

  /** The survey a link opens: 400 for a link that is not ours, 404 for one not issued (yet). */
  async page(token: string): Promise<SurveyPage> {
    const surveyId = this.tokens.idOf(token, SURVEY_LINKS);
    const [row] = await this.runtime.sql.query<{
      title: string;
      expires_at: Date;
      answered_at: Date | null;
    }>(
      `select t.title, s.expires_at, s.answered_at from feedback.surveys s
         join feedback.ticket_reporters t on t.ticket_id = s.ticket_id where s.survey_id = $1`,
      [surveyId],
    );
    if (!row) throw new NotFound('survey', surveyId);
    const expired = row.expires_at.getTime() <= this.clock.now().getTime();
    return {
      surveyId,
      ticketTitle: row.title,
      question:
        'How satisfied are you with how your problem was resolved? (1 = very dissatisfied, 5 = very satisfied)',
      status: row.answered_at ? 'answered' : expired ? 'expired' : 'open',
      expiresAt: row.expires_at.toISOString(),
    };
  }

  /** Records the answer a link gives: once (409 after), before the survey expires (410 after). */
  async answer(token: string, score: number, comment: string | undefined, metadata: EventMetadata) {
    const surveyId = this.tokens.idOf(token, SURVEY_LINKS);
    const at = this.clock.now().toISOString();
    const result = await this.handle(
      surveyStream(surveyId),
      { kind: 'answer', surveyId, score, ...(comment ? { comment } : {}), at },
      { metadata },
    );
    return { surveyId, score, answeredAt: at, low: result.newEvents.length > 1 };
  }

  /** The period's unanswered, unexpired surveys with their links, for whoever delivers them. */
  async invitations(periodId: string) {
    const rows = await this.runtime.sql.query<{
      survey_id: string;
      ticket_id: string;
      recipient: Person;
      expires_at: Date;
    }>(
      `select survey_id, ticket_id, recipient, expires_at from feedback.surveys
        where period_id = $1 and answered_at is null and expires_at > $2 order by issued_at, survey_id`,
      [periodId, this.clock.now()],
    );
    return rows.map((row) => ({
      surveyId: row.survey_id,
      ticketId: row.ticket_id,
      recipient: row.recipient,
      expiresAt: row.expires_at.toISOString(),
      token: this.tokens.tokenOf(row.survey_id),
    }));
  }
}

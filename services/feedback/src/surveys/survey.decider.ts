import {
  type EventOf,
  LOW_SATISFACTION_AT_MOST,
  type Person,
  type surveyContracts,
} from '@hypercare/contracts';
import { Conflict, Gone, NotFound } from '@hypercare/domain-kit';
import type { Decider } from '@hypercare/event-store';
import { v5 as nameBasedUuid } from 'uuid';

const SURVEY_NAMESPACE = '7c3e5a19-2b4d-4f8e-9a61-0d2c4b6e8f13';
const DAY = 86_400_000;

/** One survey per resolution: named by the resolution's event, so a redelivery finds it issued. */
export const surveyIdOf = (resolvedEventId: string): string =>
  nameBasedUuid(resolvedEventId, SURVEY_NAMESPACE);
export const surveyStream = (surveyId: string): string => `survey-${surveyId}`;

export type SurveyCommand =
  | {
      kind: 'issue';
      surveyId: string;
      periodId: string;
      ticketId: string;
      recipient: Person;
      resolvedAt: string;
      validDays: number;
      at: string;
    }
  | { kind: 'answer'; surveyId: string; score: number; comment?: string; at: string };

export type SurveyEvent = EventOf<(typeof surveyContracts)[number]>;

export type SurveyState =
  | { status: 'none' }
  | { status: 'issued'; periodId: string; ticketId: string; expiresAt: string }
  | { status: 'answered'; answeredAt: string };

/**
 * A satisfaction survey: issued once to the reporter of a resolution, answered once (a second
 * answer is refused, 409), and not after it expires (410). A score at or below 2 is also a
 * low satisfaction, for the team to look at.
 */
export const surveyDecider: Decider<SurveyCommand, SurveyEvent, SurveyState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.kind === 'issue') {
      if (state.status !== 'none') return [];
      const { kind: _kind, validDays, at, ...survey } = command;
      const expiresAt = new Date(Date.parse(at) + validDays * DAY).toISOString();
      return [
        { type: 'hypercare.survey.issued.v1', data: { ...survey, kind: 'csat', issuedAt: at, expiresAt } },
      ];
    }
    if (state.status === 'none') throw new NotFound('survey', command.surveyId);
    if (state.status === 'answered')
      throw new Conflict(`This survey was answered at ${state.answeredAt}; it takes one answer`);
    if (command.at >= state.expiresAt) throw new Gone(`This survey expired at ${state.expiresAt}`);
    const ref = { surveyId: command.surveyId, periodId: state.periodId, ticketId: state.ticketId };
    const said = { score: command.score, ...(command.comment ? { comment: command.comment } : {}) };
    return [
      { type: 'hypercare.survey.answered.v1', data: { ...ref, ...said, answeredAt: command.at } },
      ...(command.score <= LOW_SATISFACTION_AT_MOST
        ? [
            {
              type: 'hypercare.feedback.low-satisfaction.v1' as const,
              data: { ...ref, ...said, at: command.at },
            },
          ]
        : []),
    ];
  },
  evolve(state, event) {
    switch (event.type) {
      case 'hypercare.survey.issued.v1':
        return {
          status: 'issued',
          periodId: event.data.periodId,
          ticketId: event.data.ticketId,
          expiresAt: event.data.expiresAt,
        };
      case 'hypercare.survey.answered.v1':
        return { status: 'answered', answeredAt: event.data.answeredAt };
      default:
        return state;
    }
  },
};

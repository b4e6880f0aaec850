import { Conflict, Gone, NotFound } from '@hypercare/domain-kit';
import { given } from '@hypercare/event-store/testing';
import { type SurveyCommand, surveyDecider, type SurveyEvent, surveyIdOf } from './survey.decider';

const SURVEY = surveyIdOf('9d1c7e0a-5b3f-4a2e-8c6d-1f0e2b3a4c5d');
const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const TICKET = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const REF = { surveyId: SURVEY, periodId: PERIOD, ticketId: TICKET };
const reporter = { name: 'Rita Reporter', email: 'rita@example.com' };
const T0 = '2031-05-05T10:00:00.000Z';
const later = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();

const issue: SurveyCommand = {
  kind: 'issue',
  ...REF,
  recipient: reporter,
  resolvedAt: T0,
  validDays: 7,
  at: T0,
};
const issued: SurveyEvent = {
  type: 'hypercare.survey.issued.v1',
  data: { ...REF, kind: 'csat', recipient: reporter, resolvedAt: T0, issuedAt: T0, expiresAt: later(7 * 24) },
};
const answer = (score: number, hours = 1, comment?: string): SurveyCommand => ({
  kind: 'answer',
  surveyId: SURVEY,
  score,
  ...(comment ? { comment } : {}),
  at: later(hours),
});

const spec = given(surveyDecider);

describe('survey', () => {
  it('is issued to the reporter, valid for the days the period gives', () => {
    spec().when(issue).then([issued]);
    spec()
      .when({ ...issue, validDays: 2 })
      .then([{ ...issued, data: { ...issued.data, expiresAt: later(48) } } as SurveyEvent]);
  });

  it('is issued once: the same resolution again (a redelivery) issues nothing', () => {
    spec(issued).when(issue).thenNothingHappened();
  });

  it('takes an answer with its comment', () => {
    spec(issued)
      .when(answer(4, 1, 'Quick fix, thanks'))
      .then([
        {
          type: 'hypercare.survey.answered.v1',
          data: { ...REF, score: 4, comment: 'Quick fix, thanks', answeredAt: later(1) },
        },
      ]);
  });

  it.each([1, 2])('flags a score of %i as a low satisfaction', (score) => {
    spec(issued)
      .when(answer(score))
      .then([
        { type: 'hypercare.survey.answered.v1', data: { ...REF, score, answeredAt: later(1) } },
        { type: 'hypercare.feedback.low-satisfaction.v1', data: { ...REF, score, at: later(1) } },
      ]);
  });

  it('does not flag a 3', () => {
    spec(issued)
      .when(answer(3))
      .then([{ type: 'hypercare.survey.answered.v1', data: { ...REF, score: 3, answeredAt: later(1) } }]);
  });

  it('refuses a second answer (409), saying when the first came', () => {
    const first: SurveyEvent = {
      type: 'hypercare.survey.answered.v1',
      data: { ...REF, score: 5, answeredAt: later(1) },
    };
    spec(issued, first)
      .when(answer(1, 2))
      .thenThrows(
        (error) =>
          error instanceof Conflict &&
          error.message === `This survey was answered at ${later(1)}; it takes one answer`,
      );
  });

  it('takes an answer up to the moment it expires, and refuses it from then on (410)', () => {
    spec(issued)
      .when(answer(5, 7 * 24 - 0.001))
      .then([
        {
          type: 'hypercare.survey.answered.v1',
          data: { ...REF, score: 5, answeredAt: later(7 * 24 - 0.001) },
        },
      ]);
    spec(issued)
      .when(answer(5, 7 * 24))
      .thenThrows(
        (error) => error instanceof Gone && error.message === `This survey expired at ${later(168)}`,
      );
  });

  it('cannot be answered before it was issued', () => {
    spec()
      .when(answer(5))
      .thenThrows((error) => error instanceof NotFound);
  });
});

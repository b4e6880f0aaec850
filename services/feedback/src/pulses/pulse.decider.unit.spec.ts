import type { PulseSchedule } from '@hypercare/contracts';
import { Conflict, Gone, InvalidCommand, NotFound } from '@hypercare/domain-kit';
import { given } from '@hypercare/event-store/testing';
import { type PulseCommand, pulseDecider, type PulseEvent } from './pulse.decider';

const PULSE = '3f5a7c9e-1b2d-4e6f-8a0b-2c4d6e8f0a1b';
const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const INVITED = '6a8c0e2f-4b6d-4f8a-9c1e-3d5f7a9b1c2d';
const STRANGER = '9e1c3a5f-7d9b-4b2d-8f4a-6c8e0a2c4e6b';
const day = (n: number, hour = 9) => new Date(Date.UTC(2031, 4, 5 + n, hour)).toISOString();
const ref = { pulseId: PULSE, periodId: PERIOD };
const alex = { name: 'Alex Analyst', email: 'alex@example.com' };

const questions = [
  { type: 'scale' as const, text: 'How easy is invoicing now?' },
  { type: 'nps' as const, text: 'Would you recommend the new system?' },
  { type: 'choice' as const, text: 'Which screen do you use most?', options: ['Invoices', 'Orders'] },
  { type: 'text' as const, text: 'Anything else?' },
];
const definition = {
  title: 'Week one pulse',
  questions,
  audience: { kind: 'roles' as const, roles: ['analyst' as const] },
  anonymous: false,
  by: 'Priya PM',
};
const scheduledWith = (schedule: PulseSchedule, anonymous = false): PulseEvent => ({
  type: 'hypercare.pulse.scheduled.v1',
  data: { ...ref, ...definition, schedule, anonymous, at: day(0, 8) },
});
const daily = scheduledWith({ every: 'daily', startsAt: day(0) });
const invitations = [{ invitationId: INVITED, recipient: alex, group: 'analyst' as const }];
const openRound = (at: string): PulseCommand => ({
  kind: 'open-round',
  ...ref,
  invitations,
  validDays: 7,
  at,
});
const opened = (round: number, openedAt: string, closesAt: string): PulseEvent => ({
  type: 'hypercare.pulse.round-opened.v1',
  data: { ...ref, round, openedAt, closesAt, invitations },
});
const ended = (reason: 'schedule-done' | 'period-closed' | 'stopped', at: string): PulseEvent => ({
  type: 'hypercare.pulse.ended.v1',
  data: { ...ref, reason, at },
});
const answer = (
  answers: Record<string, number | string>,
  at = day(0, 12),
  invitationId = INVITED,
): PulseCommand => ({
  kind: 'answer',
  ...ref,
  round: 1,
  invitationId,
  ballot: `ballot-of-${invitationId}`,
  answers,
  at,
});
const answered = (extra: object): PulseEvent => ({
  type: 'hypercare.pulse.answered.v1',
  data: {
    ...ref,
    round: 1,
    ballot: `ballot-of-${INVITED}`,
    group: 'analyst',
    answers: { q1: 4 },
    answeredAt: day(0, 12),
    ...extra,
  },
});
const invalidAt =
  (...fields: string[]) =>
  (error: unknown) =>
    error instanceof InvalidCommand &&
    fields.every((field) => error.issues.some((issue) => issue.field === field));
const spec = given(pulseDecider);

describe('pulse survey', () => {
  describe('scheduling', () => {
    const schedule = (every: PulseSchedule): PulseCommand => ({
      kind: 'schedule',
      ...ref,
      ...definition,
      schedule: every,
      at: day(0, 8),
    });

    it('is scheduled once with its questions, audience and cadence', () => {
      spec()
        .when(schedule({ every: 'daily', startsAt: day(0) }))
        .then([daily]);
      spec(daily)
        .when(schedule({ every: 'daily', startsAt: day(0) }))
        .thenThrows((error) => error instanceof Conflict);
    });

    it('refuses an end before its start, naming schedule.until', () => {
      spec()
        .when(schedule({ every: 'daily', startsAt: day(3), until: day(1) }))
        .thenThrows(invalidAt('schedule.until'));
    });
  });

  describe('rounds', () => {
    it('opens none before its start, then the round due, once, closing when the next one opens', () => {
      spec(daily)
        .when(openRound(day(0, 8)))
        .thenNothingHappened();
      spec(daily)
        .when(openRound(day(0, 10)))
        .then([opened(1, day(0, 10), day(1))]);
      spec(daily, opened(1, day(0, 10), day(1)))
        .when(openRound(day(0, 23)))
        .thenNothingHappened();
      spec(daily, opened(1, day(0, 10), day(1)))
        .when(openRound(day(1, 9)))
        .then([opened(2, day(1, 9), day(2))]);
    });

    it('skips the rounds nobody opened in time and opens the one due now', () => {
      spec(daily)
        .when(openRound(day(3, 15)))
        .then([opened(4, day(3, 15), day(4))]);
    });

    it('opens a single round for a one-off pulse, open for the validity, and ends its schedule', () => {
      spec(scheduledWith({ every: 'once', startsAt: day(0) }))
        .when(openRound(day(0, 9)))
        .then([opened(1, day(0, 9), day(7)), ended('schedule-done', day(0, 9))]);
    });

    it('ends with the last round before `until`, or at once when the scheduler comes after it', () => {
      const untilDayTwo = scheduledWith({ every: 'daily', startsAt: day(0), until: day(2, 8) });
      spec(untilDayTwo, opened(1, day(0), day(1)))
        .when(openRound(day(1)))
        .then([opened(2, day(1), day(2)), ended('schedule-done', day(1))]);
      spec(untilDayTwo, opened(1, day(0), day(1)))
        .when(openRound(day(5)))
        .then([ended('schedule-done', day(5))]);
    });

    it('opens no round once ended, and a period closing ends it once', () => {
      spec(daily, ended('stopped', day(0)))
        .when(openRound(day(1)))
        .thenNothingHappened();
      spec(daily)
        .when({ kind: 'end-with-period', ...ref, at: day(1) })
        .then([ended('period-closed', day(1))]);
      spec(daily, ended('stopped', day(0)))
        .when({ kind: 'end-with-period', ...ref, at: day(1) })
        .thenNothingHappened();
      spec(daily, ended('stopped', day(0)))
        .when({ kind: 'stop', ...ref, at: day(1) })
        .thenThrows((error) => error instanceof Conflict);
    });
  });

  describe('answers', () => {
    const roundOne = opened(1, day(0), day(1));

    it('records a named answer with the respondent and their group', () => {
      spec(daily, roundOne)
        .when(answer({ q1: 4 }))
        .then([answered({ respondent: alex })]);
    });

    it('records an anonymous answer with no name, only its ballot and group', () => {
      spec(scheduledWith({ every: 'daily', startsAt: day(0) }, true), roundOne)
        .when(answer({ q1: 4 }))
        .then([answered({})]);
    });

    it('keeps every kind of answer, trimmed, and drops empty texts', () => {
      spec(daily, roundOne)
        .when(answer({ q1: 5, q2: 9, q3: 'Orders', q4: '  <b>faster</b> please ' }))
        .then([
          answered({ respondent: alex, answers: { q1: 5, q2: 9, q3: 'Orders', q4: '<b>faster</b> please' } }),
        ]);
      spec(daily, roundOne)
        .when(answer({ q2: 0, q4: '   ' }))
        .then([answered({ respondent: alex, answers: { q2: 0 } })]);
    });

    it('takes one answer per invitation, before the round closes, from invitations it made', () => {
      spec(daily, roundOne, answered({ respondent: alex }))
        .when(answer({ q1: 2 }))
        .thenThrows((error) => error instanceof Conflict);
      spec(daily, roundOne)
        .when(answer({ q1: 2 }, day(1)))
        .thenThrows((error) => error instanceof Gone);
      spec(daily, roundOne)
        .when(answer({ q1: 2 }, day(0, 12), STRANGER))
        .thenThrows((error) => error instanceof NotFound);
    });

    it('refuses answers out of range, off the options or to questions it does not ask, naming each', () => {
      spec(daily, roundOne)
        .when(answer({ q1: 6, q2: 4.5, q3: 'Payments', q9: 1, q01: 3 }))
        .thenThrows(invalidAt('answers.q1', 'answers.q2', 'answers.q3', 'answers.q9', 'answers.q01'));
      spec(daily, roundOne)
        .when(answer({ q4: 'x'.repeat(2_001) }))
        .thenThrows(invalidAt('answers.q4'));
      spec(daily, roundOne)
        .when(answer({ q1: '4' }))
        .thenThrows(invalidAt('answers.q1'));
      spec(daily, roundOne).when(answer({})).thenThrows(invalidAt('answers'));
    });
  });
});

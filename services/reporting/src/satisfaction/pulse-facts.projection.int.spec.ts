import { describeProjection } from '@hypercare/projections/testing';
import { PulseFacts1765000017000 } from '../database/pulse-facts.migration';
import { ReportingProgrammes1765000002000 } from '../database/reporting-programmes.migration';
import { ReportingReceived1764400002000 } from '../database/reporting-received.migration';
import { ReportingSchema1700000000001 } from '../database/reporting-schema.migration';
import { pulseFactsProjection } from './pulse-facts.projection';
import { pulseFigures } from './pulse-figures.query';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const NAMED = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SECRET = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const AT = '2031-05-05T10:00:00.000Z';
const migrations = [
  ReportingSchema1700000000001,
  ReportingReceived1764400002000,
  ReportingProgrammes1765000002000,
  PulseFacts1765000017000,
];
const person = (n: number) => ({ name: `Person ${n}`, email: `p${n}@example.com` });
const invitationId = (n: number) => `3c4d5e6f-7a8b-4c9d-8e1f-${String(n).padStart(12, '0')}`;

const scheduled = (pulseId: string, anonymous: boolean) => ({
  type: 'hypercare.pulse.scheduled.v1' as const,
  data: {
    pulseId,
    periodId: PERIOD,
    title: anonymous ? 'Anonymous pulse' : 'Named pulse',
    questions: [
      { type: 'nps' as const, text: 'Would you recommend it?' },
      { type: 'scale' as const, text: 'How easy is it?' },
      { type: 'text' as const, text: 'Anything else?' },
    ],
    audience: { kind: 'reporters' as const },
    schedule: { every: 'daily' as const, startsAt: AT },
    anonymous,
    by: 'Priya PM',
    at: AT,
  },
});
const opened = (pulseId: string, round: number, invited: number) => ({
  type: 'hypercare.pulse.round-opened.v1' as const,
  data: {
    pulseId,
    periodId: PERIOD,
    round,
    openedAt: AT,
    closesAt: '2031-05-06T10:00:00.000Z',
    invitations: Array.from({ length: invited }, (_, i) => ({
      invitationId: invitationId(round * 100 + i),
      recipient: person(i),
    })),
  },
});
const answered = (pulseId: string, n: number, answers: Record<string, number | string>) => ({
  type: 'hypercare.pulse.answered.v1' as const,
  data: { pulseId, periodId: PERIOD, round: 1, ballot: `ballot-${pulseId}-${n}`, answers, answeredAt: AT },
});

describeProjection(
  "pulse facts and the dashboard's pulse figures",
  pulseFactsProjection,
  { schema: 'reporting', migrations },
  (spec) => {
    it('counts invitations over rounds, answers, NPS and the average scale; an anonymous pulse under 5 answers shows neither', () =>
      spec()
        .given()
        .when(
          scheduled(NAMED, false),
          opened(NAMED, 1, 4),
          opened(NAMED, 2, 4),
          answered(NAMED, 1, { q1: 10, q2: 4, q3: 'Great' }),
          answered(NAMED, 2, { q1: 9, q2: 5 }),
          answered(NAMED, 3, { q1: 7 }),
          answered(NAMED, 4, { q1: 2, q2: 2 }),
          scheduled(SECRET, true),
          opened(SECRET, 1, 10),
          answered(SECRET, 1, { q1: 10, q2: 5 }),
          {
            type: 'hypercare.pulse.ended.v1' as const,
            data: { pulseId: SECRET, periodId: PERIOD, reason: 'stopped' as const, at: AT },
          },
        )
        .then(async (sql) => {
          const figures = await pulseFigures((query, params) => sql.query(query, params), PERIOD);
          expect(figures).toEqual([
            {
              pulseId: NAMED,
              title: 'Named pulse',
              anonymous: false,
              status: 'running',
              rounds: 2,
              invited: 8,
              answered: 4,
              responseRate: 0.5,
              suppressed: false,
              // Promoters 10, 9; passive 7; detractor 2: (2 - 1) / 4.
              nps: 25,
              scaleAverage: 3.67,
            },
            {
              pulseId: SECRET,
              title: 'Anonymous pulse',
              anonymous: true,
              status: 'ended',
              rounds: 1,
              invited: 10,
              answered: 1,
              responseRate: 0.1,
              suppressed: true,
              nps: null,
              scaleAverage: null,
            },
          ]);
        }));
  },
);

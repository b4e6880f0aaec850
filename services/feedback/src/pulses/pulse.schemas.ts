import { id, isoTime, person, pulseAudience, pulseQuestion, pulseSchedule, role } from '@hypercare/contracts';
import { z } from 'zod';

export const newPulse = z
  .object({
    title: z.string().trim().min(3).max(200),
    questions: z.array(pulseQuestion).min(1).max(20).describe('Asked in this order, as q1, q2, …'),
    audience: pulseAudience,
    schedule: pulseSchedule,
    anonymous: z
      .boolean()
      .default(true)
      .describe(
        'Anonymous answers name nobody, and groups under 5 answers show no figures; true when absent',
      ),
  })
  .strict();

const roundSummary = z.object({
  round: z.number().int(),
  openedAt: isoTime,
  closesAt: isoTime,
  invited: z.number().int(),
});

export const pulseView = newPulse.extend({
  pulseId: id,
  periodId: id,
  status: z.enum(['running', 'ended']),
  rounds: z.array(roundSummary),
  nextRoundAt: isoTime.nullable().describe('When the next round opens; null once ended'),
  scheduledAt: isoTime,
  ended: z.object({ reason: z.string(), at: isoTime }).nullable(),
});

export const pulseScheduledView = newPulse.extend({ pulseId: id, periodId: id });
export const pulseList = z.object({ items: z.array(pulseView) });

export const pulseInvitationList = z.object({
  items: z.array(
    z.object({
      round: z.number().int(),
      recipient: person,
      closesAt: isoTime,
      token: z.string().describe("Goes in the recipient's link; the only authorisation it needs"),
    }),
  ),
});

const token = z.string().min(1).max(300).describe("The token of the pulse invitation's link");
export const pulseLookup = z.object({ token }).strict();
export const pulseAnswer = z
  .object({
    token,
    answers: z
      .record(z.string().max(10), z.union([z.number(), z.string().max(10_000)]))
      .describe('By question id: 1–5 for a scale, 0–10 for NPS, one of the options for a choice, text'),
  })
  .strict();

export const pulsePage = z.object({
  pulseId: id,
  title: z.string(),
  round: z.number().int(),
  anonymous: z.boolean(),
  questions: z.array(
    z.object({
      id: z.string().describe('What the answers name it by: q1, q2, …'),
      type: z.enum(['scale', 'nps', 'choice', 'text']),
      text: z.string(),
      options: z.array(z.string()).optional().describe('The choices of a choice question'),
    }),
  ),
  status: z.enum(['open', 'answered', 'closed']),
  closesAt: isoTime,
});

export const pulseAnswered = z.object({
  pulseId: id,
  round: z.number().int(),
  answeredAt: isoTime,
  answers: z
    .record(z.string(), z.union([z.number(), z.string()]))
    .describe('As kept: trimmed, empty texts dropped'),
});

const question = { id: z.string(), text: z.string(), answered: z.number().int() };
const questionFigure = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('scale'),
    ...question,
    average: z.number().nullable(),
    distribution: z.record(z.number()),
  }),
  z.object({
    type: z.literal('nps'),
    ...question,
    nps: z.number().nullable().describe('% promoters (9–10) less % detractors (0–6)'),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    distribution: z.record(z.number()),
  }),
  z.object({
    type: z.literal('choice'),
    ...question,
    counts: z.array(z.object({ option: z.string(), count: z.number() })),
  }),
  z.object({
    type: z.literal('text'),
    ...question,
    texts: z.array(z.object({ text: z.string(), respondent: person.optional() })),
  }),
]);
const figures = z.object({
  answered: z.number().int(),
  suppressed: z.boolean().describe('Anonymous and under 5 answers: no figures shown'),
  questions: z.array(questionFigure).optional(),
});
const rate = z.number().nullable().describe('Answered / invited, 0-1; null before anyone was invited');

export const pulseResults = z.object({
  pulseId: id,
  title: z.string(),
  anonymous: z.boolean(),
  status: z.enum(['running', 'ended']),
  overall: figures.extend({ invited: z.number().int(), responseRate: rate }),
  rounds: z.array(figures.merge(roundSummary).extend({ responseRate: rate })),
  byGroup: z
    .array(figures.extend({ group: role }))
    .describe('Per roster role asked, for an audience of roles'),
});

import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { FEEDBACK_TOPIC } from './feedback-events';
import { id, isoTime, person, role } from './vocabulary';

/** Below this many answers, an anonymous pulse shows no figure for a group: too few to hide who said what. */
export const ANONYMITY_THRESHOLD = 5;

const questionText = z.string().trim().min(3).max(500);

/** A pulse question: a 1–5 scale, a 0–10 likelihood to recommend (NPS), one choice of a few, or free text. */
export const pulseQuestion = z.discriminatedUnion('type', [
  z.object({ type: z.literal('scale'), text: questionText }).strict(),
  z.object({ type: z.literal('nps'), text: questionText }).strict(),
  z
    .object({
      type: z.literal('choice'),
      text: questionText,
      options: z
        .array(z.string().trim().min(1).max(100))
        .min(2)
        .max(12)
        .refine((options) => new Set(options).size === options.length, 'options must differ'),
    })
    .strict(),
  z.object({ type: z.literal('text'), text: questionText }).strict(),
]);
export type PulseQuestion = z.infer<typeof pulseQuestion>;

/** Who a pulse asks: roster roles, named addresses, or everyone who has reported in the period so far. */
export const pulseAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('roles'), roles: z.array(role).min(1) }).strict(),
  z.object({ kind: z.literal('emails'), emails: z.array(z.string().email()).min(1).max(5_000) }).strict(),
  z.object({ kind: z.literal('reporters') }).strict(),
]);
export type PulseAudience = z.infer<typeof pulseAudience>;

export const PULSE_CADENCES = ['once', 'daily', 'weekly'] as const;

/** When its rounds open: once, or every day or week from the start until `until` or the period closes. */
export const pulseSchedule = z
  .object({
    every: z.enum(PULSE_CADENCES),
    startsAt: isoTime,
    until: isoTime.optional().describe('No round opens after this; absent: until the period closes'),
  })
  .strict();
export type PulseSchedule = z.infer<typeof pulseSchedule>;

/** An answer: a number for scale and NPS questions, an option or a text for the others. */
export const pulseAnswers = z.record(z.string(), z.union([z.number(), z.string()]));

const pulseRef = z.object({ pulseId: id, periodId: id });

export const pulseScheduled = defineEvent({
  type: 'hypercare.pulse.scheduled.v1',
  topic: FEEDBACK_TOPIC,
  summary:
    'A pulse survey was set up for a period: its questions (ids q1, q2, … in order), audience, schedule and whether answers are anonymous.',
  schema: pulseRef.extend({
    title: z.string().trim().min(3).max(200),
    questions: z.array(pulseQuestion).min(1).max(20),
    audience: pulseAudience,
    schedule: pulseSchedule,
    anonymous: z.boolean(),
    by: z.string().min(1),
    at: isoTime,
  }),
});

export const pulseInvitation = z.object({
  invitationId: id,
  recipient: person,
  group: role.optional().describe('The roster role the recipient was asked as, when the audience is roles'),
});

export const pulseRoundOpened = defineEvent({
  type: 'hypercare.pulse.round-opened.v1',
  topic: FEEDBACK_TOPIC,
  summary:
    "A round of a pulse opened: who is invited (each through a link of their own) and when the round's answers close.",
  schema: pulseRef.extend({
    round: z.number().int().min(1),
    openedAt: isoTime,
    closesAt: isoTime,
    invitations: z.array(pulseInvitation),
  }),
});

export const pulseAnswered = defineEvent({
  type: 'hypercare.pulse.answered.v1',
  topic: FEEDBACK_TOPIC,
  summary:
    'Someone answered a round of a pulse. Anonymous: no name, no address, no invitation; only a ballot (a one-way digest of the link) that stops a second answer.',
  schema: pulseRef.extend({
    round: z.number().int().min(1),
    ballot: z.string().min(1).max(100),
    respondent: person.optional().describe('Named pulses only'),
    group: role.optional(),
    answers: pulseAnswers,
    answeredAt: isoTime,
  }),
});

export const pulseEnded = defineEvent({
  type: 'hypercare.pulse.ended.v1',
  topic: FEEDBACK_TOPIC,
  summary: 'A pulse opens no more rounds: its schedule ran out, its period closed, or the team stopped it.',
  schema: pulseRef.extend({
    reason: z.enum(['schedule-done', 'period-closed', 'stopped']),
    at: isoTime,
  }),
});

export const pulseContracts = [pulseScheduled, pulseRoundOpened, pulseAnswered, pulseEnded] as const;

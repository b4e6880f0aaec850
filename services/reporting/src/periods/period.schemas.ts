import { id, isoTime, PERIOD_STATUSES, periodConfiguration, priority, role } from '@hypercare/contracts';
import { z } from 'zod';

/** A row of the programme overview (`PeriodView`). */
export const periodRow = z.object({
  periodId: id,
  programmeId: id,
  programme: z
    .string()
    .nullable()
    .describe("The programme's name, as it is now; null until reporting has heard of the programme"),
  systemName: z.string(),
  status: z.enum(PERIOD_STATUSES),
  goLiveAt: isoTime,
  plannedEndAt: isoTime,
  activatedAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  closing: z
    .object({
      summary: z.string().optional(),
      handedOver: z.array(id).optional(),
      exitOverride: z.object({ reason: z.string(), by: z.string(), unmet: z.array(z.string()) }).optional(),
    })
    .nullable()
    .describe(
      'What the close recorded: its summary, the tickets handed over, an override of the exit criteria',
    ),
  extensionCount: z.number().int(),
  configuration: periodConfiguration,
  version: z.number().int(),
});

const counts = z.record(z.number().int());
const minutes = z
  .number()
  .nullable()
  .describe('Minutes, rounded to one decimal; null with nothing to average');

const satisfactionGroup = z.object({ answered: z.number().int(), average: z.number().nullable() });

/** The war room's numbers for one period (`periodDashboard`); docs/domain.md defines each. */
export const dashboard = z.object({
  periodId: id,
  tickets: z.object({ total: z.number().int(), open: z.number().int() }),
  byStatus: counts,
  byPriority: counts.describe('`untriaged` counts tickets with no priority yet'),
  byCategory: counts.describe('`untriaged` counts tickets with no category yet'),
  newPerDay: z.array(z.object({ day: z.string().describe('YYYY-MM-DD, UTC'), count: z.number().int() })),
  mttaMinutes: minutes,
  mttrMinutes: minutes,
  sla: z.object({
    met: z.number().int(),
    breached: z.number().int(),
    compliancePercent: z.number().nullable(),
  }),
  openEscalations: z.object({
    count: z.number().int(),
    tickets: z.array(
      z.object({
        ticketId: id,
        title: z.string(),
        priority: priority.nullable(),
        level: z.number().int(),
        escalatedTo: role.nullable(),
      }),
    ),
  }),
  alerts: z.object({
    raised: z.number().int().describe('Firings: an alert raised, or raised again after it resolved'),
    firingNow: z.number().int(),
    bySeverity: counts,
    bySource: counts,
    raisedPerDay: z.array(z.object({ day: z.string().describe('YYYY-MM-DD, UTC'), count: z.number().int() })),
    ticketsRequested: z.number().int(),
    linked: z.number().int().describe('Alerts that joined a ticket already open'),
    mttdMinutes: minutes.describe('Mean minutes from a firing to the ticket it asked for'),
    alertsPerTicket: z
      .number()
      .nullable()
      .describe('Alerts that asked for or joined a ticket, per such ticket'),
    notificationsPerFiring: z
      .number()
      .nullable()
      .describe('Times a source sent an alert per firing, over firings that resolved: what dedup folded'),
  }),
  satisfaction: z.object({
    issued: z.number().int().describe('Satisfaction surveys sent after resolutions'),
    answered: z.number().int(),
    responseRate: z.number().nullable().describe('Answered / issued, 0-1'),
    average: z.number().nullable().describe('Mean score, 1-5, two decimals'),
    low: z.number().int().describe('Answers of 2 or less: flagged'),
    lowAnswers: z
      .array(
        z.object({
          ticketId: id,
          title: z.string().nullable(),
          score: z.number().int(),
          comment: z.string().nullable().describe('As the reporter wrote it: render as text'),
          answeredAt: z.string(),
        }),
      )
      .describe('The 20 newest low answers'),
    byCategory: z.record(satisfactionGroup),
    byPriority: z.record(satisfactionGroup),
    byWeek: z.array(
      satisfactionGroup.extend({ week: z.string().describe("The week's Monday, YYYY-MM-DD, UTC") }),
    ),
  }),
  pulses: z
    .array(
      z.object({
        pulseId: id,
        title: z.string(),
        anonymous: z.boolean(),
        status: z.enum(['running', 'ended']),
        rounds: z.number().int(),
        invited: z.number().int(),
        answered: z.number().int(),
        responseRate: z.number().nullable(),
        suppressed: z.boolean().describe('Anonymous with fewer than 5 answers: no NPS or average shown'),
        nps: z
          .number()
          .nullable()
          .describe('Over every NPS answer: % promoters (9-10) less % detractors (0-6)'),
        scaleAverage: z.number().nullable().describe('Mean of every 1-5 scale answer'),
      }),
    )
    .describe("The period's pulse surveys"),
  knowledge: z.object({
    articles: z.object({ byKind: counts, byStatus: counts }),
    trainingNeeds: z.object({
      open: z.number().int().describe('Identified or addressed, not closed'),
      byStatus: counts,
      openNeeds: z.array(
        z.object({ needId: id, questions: z.number().int(), topTerms: z.array(z.string()) }),
      ),
    }),
    workaroundCoverage: z.object({
      tickets: z.number().int().describe('Tickets given a workaround'),
      covered: z.number().int().describe('Of those, tickets a published article answers'),
      percent: z.number().nullable(),
    }),
  }),
  deflection: z.object({
    deflected: z.number().int().describe('Reports withdrawn because a suggested article answered them'),
    submittedAnyway: z.number().int().describe('Reports submitted after articles were suggested'),
    rate: z
      .number()
      .nullable()
      .describe('Deflected / (deflected + submitted anyway), 0-1; null before either'),
    byArticle: z.array(
      z.object({ articleId: id, deflected: z.number().int(), submittedAnyway: z.number().int() }),
    ),
  }),
});

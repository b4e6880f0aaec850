import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { exitCriterion } from './exit-criteria';
import { id, isoTime, level, minutes, person, priority, role } from './vocabulary';

export const PERIODS_TOPIC = 'hypercare.periods.v1';

export const rosterEntry = person.extend({ role });
export const slaTarget = z.object({
  priority,
  acknowledgeWithinMinutes: minutes,
  resolveWithinMinutes: minutes,
});
export const escalationLevel = z.object({
  afterMinutes: minutes,
  /** Escalate while the ticket is still unacknowledged, or still unresolved, after that long. */
  when: z.enum(['unacknowledged', 'unresolved']),
  notifyRole: role,
});
export const escalationRule = z.object({ priority, levels: z.array(escalationLevel).min(1) });
export const priorityRule = z.object({ impact: level, urgency: level, priority });

/** Everything about a period that its team can change while it runs (its programme is fixed when planned). */
export const periodConfiguration = z.object({
  systemName: z.string().min(1).max(200),
  goLiveAt: isoTime,
  plannedEndAt: isoTime,
  roster: z.array(rosterEntry),
  slaPolicy: z.array(slaTarget).length(4),
  escalationMatrix: z.array(escalationRule),
  priorityMatrix: z.array(priorityRule).length(9),
  exitCriteria: z.array(exitCriterion),
  surveyValidDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .optional()
    .describe('How many days a satisfaction survey can be answered; 7 when absent'),
});
export type PeriodConfiguration = z.infer<typeof periodConfiguration>;

export const periodPlanned = defineEvent({
  type: 'hypercare.period.planned.v2',
  topic: PERIODS_TOPIC,
  summary:
    'A hypercare period was defined for a go-live in a programme: system, dates, roster, SLA policy, escalation and priority matrices, exit criteria.',
  schema: periodConfiguration.extend({ periodId: id, programmeId: id }),
});

export const periodReconfigured = defineEvent({
  type: 'hypercare.period.reconfigured.v2',
  topic: PERIODS_TOPIC,
  summary:
    "A period's definition changed (roster, policies, matrices, exit criteria); carries the whole new definition.",
  schema: periodConfiguration.extend({ periodId: id }),
});

export const periodActivated = defineEvent({
  type: 'hypercare.period.activated.v1',
  topic: PERIODS_TOPIC,
  summary: 'The period started taking reports.',
  schema: z.object({ periodId: id, activatedAt: isoTime }),
});

export const periodExtended = defineEvent({
  type: 'hypercare.period.extended.v1',
  topic: PERIODS_TOPIC,
  summary: 'The period was extended to a new planned end, with the reason.',
  schema: z.object({
    periodId: id,
    previousPlannedEndAt: isoTime,
    plannedEndAt: isoTime,
    reason: z.string().min(1),
  }),
});

export const periodExitReviewStarted = defineEvent({
  type: 'hypercare.period.exit-review-started.v1',
  topic: PERIODS_TOPIC,
  summary: 'The team started reviewing the exit criteria.',
  schema: z.object({ periodId: id, startedAt: isoTime }),
});

export const periodClosed = defineEvent({
  type: 'hypercare.period.closed.v1',
  topic: PERIODS_TOPIC,
  summary: 'The period ended; support passes to business as usual.',
  schema: z.object({
    periodId: id,
    closedAt: isoTime,
    summary: z.string().optional(),
    handedOver: z
      .array(id)
      .optional()
      .describe('The tickets still open at the close, handed over to business-as-usual support'),
    exitOverride: z
      .object({
        reason: z.string().min(1),
        by: z.string().min(1),
        unmet: z.array(z.string()).min(1).describe('The exit criteria not met at the close'),
      })
      .optional()
      .describe('A lead closed the period although exit criteria were not met, and why'),
  }),
});

export const periodContracts = [
  periodPlanned,
  periodReconfigured,
  periodActivated,
  periodExtended,
  periodExitReviewStarted,
  periodClosed,
] as const;

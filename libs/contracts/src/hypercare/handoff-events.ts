import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { COMPARATORS } from './exit-criteria';
import { articleKind } from './knowledge-events';
import { category, id, isoTime, person, priority, role } from './vocabulary';
import { TICKET_STATUSES } from './workflow';

/**
 * The handoff package of each closed period (stream `handoff-<periodId>`, recorded by
 * reporting), for business-as-usual systems: kept forever, keyed by period.
 */
export const HANDOFF_TOPIC = 'hypercare.handoff.v1';

/** Topics kept without limit of age or size: BAU systems may read them again from offset 0 at any time. */
export const TOPICS_KEPT_FOREVER: readonly string[] = [HANDOFF_TOPIC];

const ofPeriod = z.object({ periodId: id });
const day = z.string().describe('YYYY-MM-DD (UTC)');

export const handoffStarted = defineEvent({
  type: 'hypercare.handoff.started.v1',
  topic: HANDOFF_TOPIC,
  summary: "A period's handoff package begins: one event per item follows, then handoff.completed.",
  schema: ofPeriod.extend({
    programmeId: id,
    systemName: z.string(),
    goLiveAt: isoTime,
    closedAt: isoTime,
    items: z.number().int().min(0).describe('How many item events follow before handoff.completed'),
  }),
});

export const handoffOpenTicket = defineEvent({
  type: 'hypercare.handoff.open-ticket.v1',
  topic: HANDOFF_TOPIC,
  summary: 'A ticket still open at the close, handed over with its owner, priority, status and age.',
  schema: ofPeriod.extend({
    ticketId: id,
    title: z.string(),
    priority: priority.nullable(),
    category: category.nullable(),
    status: z.enum(TICKET_STATUSES),
    owner: person.extend({ role: z.string() }).nullable(),
    reportedAt: isoTime,
    ageDays: z.number().describe('Days from its report to the close'),
  }),
});

export const handoffKnownIssue = defineEvent({
  type: 'hypercare.handoff.known-issue.v1',
  topic: HANDOFF_TOPIC,
  summary: 'A problem users may still meet and how to get around it: a ticket given a workaround.',
  schema: ofPeriod.extend({
    ticketId: id,
    title: z.string(),
    status: z.enum(TICKET_STATUSES),
    workaround: z.string(),
    articleIds: z.array(id).describe('Published articles covering it'),
  }),
});

export const handoffArticle = defineEvent({
  type: 'hypercare.handoff.article.v1',
  topic: HANDOFF_TOPIC,
  summary: 'A published knowledge article, whole, for the BAU knowledge base.',
  schema: ofPeriod.extend({
    articleId: id,
    kind: articleKind,
    title: z.string(),
    body: z.string().describe('Markdown'),
    ticketIds: z.array(id),
  }),
});

export const handoffEnhancement = defineEvent({
  type: 'hypercare.handoff.enhancement.v1',
  topic: HANDOFF_TOPIC,
  summary: 'An item of the enhancement backlog: a deferred suggestion or ticket.',
  schema: ofPeriod.extend({
    itemId: z.string(),
    source: z.enum(['suggestion', 'ticket']),
    sourceId: id,
    text: z.string(),
    addedBy: z.string(),
    addedAt: isoTime,
  }),
});

export const handoffKpis = defineEvent({
  type: 'hypercare.handoff.kpis.v1',
  topic: HANDOFF_TOPIC,
  summary: "The period's KPIs at exit and their trend (new tickets per day since go-live).",
  schema: ofPeriod.extend({
    tickets: z.object({ total: z.number().int(), open: z.number().int() }),
    byPriority: z.record(z.number().int()),
    byCategory: z.record(z.number().int()),
    mttaMinutes: z.number().nullable(),
    mttrMinutes: z.number().nullable(),
    slaCompliancePercent: z.number().nullable(),
    csat: z.object({ average: z.number().nullable(), responses: z.number().int() }),
    alertsRaised: z.number().int(),
    newPerDay: z.array(z.object({ day, count: z.number().int() })),
  }),
});

export const handoffExit = defineEvent({
  type: 'hypercare.handoff.exit.v1',
  topic: HANDOFF_TOPIC,
  summary: 'The exit criteria at the close with their figures and evidence, and any override of them.',
  schema: ofPeriod.extend({
    criteria: z.array(
      z.object({
        name: z.string(),
        metric: z.string(),
        comparator: z.enum(COMPARATORS),
        target: z.number(),
        value: z.number().nullable(),
        met: z.boolean(),
        evidence: z.record(z.unknown()),
      }),
    ),
    override: z
      .object({ reason: z.string(), by: z.string(), unmet: z.array(z.string()) })
      .nullable()
      .describe('A lead closed with criteria unmet, and why'),
  }),
});

export const handoffLesson = defineEvent({
  type: 'hypercare.handoff.lesson.v1',
  topic: HANDOFF_TOPIC,
  summary: 'A lesson learned: the close summary (post-mortem actions will join it).',
  schema: ofPeriod.extend({ source: z.enum(['close-summary']), text: z.string() }),
});

export const handoffContact = defineEvent({
  type: 'hypercare.handoff.contact.v1',
  topic: HANDOFF_TOPIC,
  summary: "A person of the period's roster, by role: whom BAU asks.",
  schema: ofPeriod.extend({ role, name: z.string(), email: z.string() }),
});

export const handoffCompleted = defineEvent({
  type: 'hypercare.handoff.completed.v1',
  topic: HANDOFF_TOPIC,
  summary:
    'The package is whole: the count of each kind of item and a digest (SHA-256 of the items, RFC 8785 canonical JSON) to check it.',
  schema: ofPeriod.extend({
    counts: z.record(z.number().int()),
    digest: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  example: { digest: '3f0c6d1e8a2b4c5d9e7f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f' },
});

export const handoffItemContracts = [
  handoffOpenTicket,
  handoffKnownIssue,
  handoffArticle,
  handoffEnhancement,
  handoffKpis,
  handoffExit,
  handoffLesson,
  handoffContact,
] as const;

export const handoffContracts = [handoffStarted, ...handoffItemContracts, handoffCompleted] as const;

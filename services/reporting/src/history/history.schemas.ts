import { id } from '@hypercare/contracts';
import type { RecordedEvent } from '@hypercare/event-store';
import { z } from 'zod';

const time = z.string().datetime({ offset: true });
const actor = z.object({ subject: z.string(), name: z.string(), kind: z.string() });

/** An event of reporting's history as the explorer shows it: as stored, with what travelled with it. */
export const historyEvent = z.object({
  id: z.string().uuid(),
  position: z.number().int().describe("Its place in reporting's history: what asOfPosition names"),
  stream: z.string(),
  version: z.number().int(),
  type: z.string(),
  recordedAt: time.describe('When reporting received it: what asOf compares'),
  occurredAt: time.nullable().describe('When its publisher recorded it'),
  source: z.string().nullable(),
  periodId: z.string().nullable(),
  actor: actor.nullable(),
  correlationId: z.string().nullable(),
  causationId: z.string().nullable(),
  data: z.record(z.unknown()),
});
export type HistoryEvent = z.infer<typeof historyEvent>;

export const eventPage = z.object({
  items: z.array(historyEvent),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last'),
});

export const eventChain = z.object({
  event: historyEvent,
  causes: z
    .array(historyEvent)
    .describe('What caused it, nearest first, as far as the history holds the causes'),
  origin: z
    .string()
    .nullable()
    .describe('The first cause when it is no event of the history: a timer, a schedule, a request'),
  effects: z.array(historyEvent).describe('What it caused directly'),
  correlated: z
    .array(historyEvent)
    .describe('Every event of its correlation id (one request, one flow), in order'),
});
export type EventChain = z.infer<typeof eventChain>;

export const actorActivity = z.object({
  subject: z.string(),
  name: z.string().nullable(),
  kind: z.string().nullable(),
  events: z.number().int(),
  byType: z.record(z.number().int()),
  first: time,
  last: time,
});

export const eventQuery = z.object({
  period: id.optional().describe("Only this period's events"),
  stream: z.string().min(1).max(200).optional().describe('Only this stream, e.g. ticket-<id>'),
  type: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('A type or its start: hypercare.ticket. for every ticket event'),
  actor: z.string().min(1).max(320).optional().describe("Only what this actor did (the actor's subject)"),
  from: time.optional().describe('Received at or after'),
  to: time.optional().describe('Received at or before'),
  cursor: z
    .string()
    .regex(/^\d{1,16}$/, 'is not a cursor this API gave')
    .optional()
    .describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('1-500, default 100'),
});
export type EventQuery = z.infer<typeof eventQuery>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const presented = (event: RecordedEvent): HistoryEvent => {
  const { metadata } = event;
  return {
    id: event.id,
    position: event.position,
    stream: event.stream,
    version: event.version,
    type: event.type,
    recordedAt: event.recordedAt.toISOString(),
    occurredAt: text(metadata['occurredAt']),
    source: text(metadata['source']),
    periodId: text(metadata.periodId),
    actor: metadata.actor ?? null,
    correlationId: text(metadata.correlationId),
    causationId: text(metadata.causationId),
    data: event.data as Record<string, unknown>,
  };
};

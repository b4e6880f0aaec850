import { category, priority, TICKET_STATUSES } from '@hypercare/contracts';
import { InvalidCommand } from '@hypercare/domain-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { TicketView } from './ticket-view.entity';

const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

/** `GET /periods/{id}/tickets` query parameters: filters take comma-separated values. */
export const ticketListQuery = z.object({
  status: list(z.enum(TICKET_STATUSES)).optional().describe('Comma-separated statuses'),
  priority: list(priority).optional().describe('Comma-separated, e.g. P1,P2'),
  category: list(category).optional().describe('Comma-separated categories'),
  assignee: z.string().email().optional().describe("Assignee's email"),
  reporter: z.string().email().optional().describe("Reporter's email: a person's own reports"),
  sort: z
    .enum(['reportedAt', '-reportedAt', 'priority', '-priority', 'updatedAt', '-updatedAt'])
    .default('-reportedAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('1-200, default 50'),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
  minPosition: z.coerce
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe("Wait (up to 5 s) until triage's event at this log position is reflected"),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

const SORT_KEYS = {
  reportedAt: { expression: 't.reported_at', cast: '::timestamptz' },
  updatedAt: { expression: 't.updated_at', cast: '::timestamptz' },
  // Untriaged tickets sort after P4.
  priority: { expression: "coalesce(t.priority, 'P9')", cast: '::text' },
} as const;

const encodeCursor = (value: unknown, ticketId: string): string =>
  Buffer.from(JSON.stringify([value, ticketId])).toString('base64url');

const decodeCursor = (cursor: string): [string, string] => {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(decoded) && decoded.length === 2 && decoded.every((part) => typeof part === 'string'))
      return decoded as [string, string];
  } catch {
    // reported below
  }
  throw new InvalidCommand([
    { field: 'cursor', message: 'is not a cursor this API returned; start again without it' },
  ]);
};

/** One page of a period's tickets (or of every period's), filtered and sorted, with the cursor of the next page. */
export const listTickets = async (
  dataSource: DataSource,
  periodId: string | undefined,
  query: TicketListQuery,
) => {
  const descending = query.sort.startsWith('-');
  const key = SORT_KEYS[query.sort.replace('-', '') as keyof typeof SORT_KEYS];
  const builder = dataSource.getRepository(TicketView).createQueryBuilder('t').where('true');
  if (periodId) builder.andWhere('t.period_id = :periodId', { periodId });
  if (query.status) builder.andWhere('t.status in (:...status)', { status: query.status });
  if (query.priority) builder.andWhere('t.priority in (:...priority)', { priority: query.priority });
  if (query.category) builder.andWhere('t.category in (:...category)', { category: query.category });
  if (query.assignee)
    builder.andWhere('lower(t.assignee_email) = lower(:assignee)', { assignee: query.assignee });
  if (query.reporter)
    builder.andWhere('lower(t.reporter_email) = lower(:reporter)', { reporter: query.reporter });
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor);
    builder.andWhere(`(${key.expression}, t.ticket_id) ${descending ? '<' : '>'} (:value${key.cast}, :id)`, {
      value,
      id,
    });
  }
  const rows = await builder
    .addSelect(key.expression, 'sort_value')
    .orderBy(key.expression, descending ? 'DESC' : 'ASC')
    .addOrderBy('t.ticket_id', descending ? 'DESC' : 'ASC')
    .limit(query.limit + 1)
    .getRawAndEntities();
  const items = rows.entities.slice(0, query.limit);
  const last = items[items.length - 1];
  const lastRaw = rows.raw[items.length - 1] as { sort_value: Date | string } | undefined;
  const nextCursor =
    rows.entities.length > query.limit && last && lastRaw
      ? encodeCursor(
          lastRaw.sort_value instanceof Date ? lastRaw.sort_value.toISOString() : lastRaw.sort_value,
          last.ticketId,
        )
      : null;
  return { items, nextCursor };
};

import type { RecordedEvent } from '../event-store.port';

/** An event as the store's table holds it. */
export interface EventRow {
  position: string | number | bigint;
  stream: string;
  version: string | number | bigint;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_ms: string | number;
}

/** Times leave as epoch milliseconds: a number is far cheaper to turn into a Date than timestamp text. */
export const recordedMs = (column: string): string =>
  `floor(extract(epoch from ${column}) * 1000)::int8 as recorded_ms`;
export const COLUMNS = `position, stream, version, event_id, type, data, metadata, ${recordedMs('recorded_at')}`;

export const toEvent = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  stream: row.stream,
  version: Number(row.version),
  position: Number(row.position),
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  recordedAt: new Date(Number(row.recorded_ms)),
});

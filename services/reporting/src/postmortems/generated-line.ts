import type { EventContract } from '@hypercare/contracts';
import type { ContractedEvent } from '@hypercare/event-store';

export type HistoryEvent = ContractedEvent<EventContract>;

/**
 * What a line states in numbers, and where in its cited events each number comes from, so
 * that anyone (a test, an auditor) can check it against the events themselves:
 * - `duration`: minutes between a time field of one cited event and one of another;
 * - `count`: how many events it cites, all of one type;
 * - `sum`: the sum of a numeric field over the events it cites.
 */
export type LineFact =
  | {
      kind: 'duration';
      minutes: number;
      from: { eventId: string; field: string };
      to: { eventId: string; field: string };
    }
  | { kind: 'count'; value: number; type: string }
  | { kind: 'sum'; value: number; field: string };

/** A generated line and the events it came from. */
export interface GeneratedLine {
  text: string;
  cites: string[];
  fact?: LineFact;
}

export interface GeneratedSection {
  title: string;
  lines: GeneratedLine[];
}

export const dataOf = (event: HistoryEvent): Record<string, unknown> => event.data as Record<string, unknown>;

export const field = (event: HistoryEvent, name: string): string => String(dataOf(event)[name] ?? '');

export { eventTime as timeOf } from '../history/event-time';

/** `2026-11-03 09:05 UTC`: minutes are what a post-mortem reader needs. */
export const shortTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** An event id as a line shows it: its last characters, the random part of a time-ordered id. */
export const shortId = (id: string): string => id.slice(-8);

export const minutesBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 6_000) / 10;

import { randomUUID } from 'node:crypto';
import { DEFAULT_SLA_POLICY, type EventContract } from '@hypercare/contracts';
import { ticketEvents } from '@hypercare/contracts/testing';
import type { PeriodPolicy } from '@hypercare/domain';
import { configuration, PERIOD_ID } from '@hypercare/domain/testing';
import type { ContractedEvent } from '@hypercare/event-store';
import { reDecidedHistory } from './re-decided-history';

type HistoryEvent = ContractedEvent<EventContract>;
const REPORTED = '2026-11-03T09:00:00.000Z';
const minutesAfterReport = (minutes: number) =>
  new Date(Date.parse(REPORTED) + minutes * 60_000).toISOString();
const policy = (overrides: Partial<PeriodPolicy> = {}): PeriodPolicy => ({
  ...configuration(),
  ...overrides,
});
const withP1AcknowledgeIn = (minutes: number): PeriodPolicy =>
  policy({
    slaPolicy: DEFAULT_SLA_POLICY.map((target) =>
      target.priority === 'P1' ? { ...target, acknowledgeWithinMinutes: minutes } : target,
    ),
  });

/** The log a period's events make: each its stream, version and place. */
const log = (...events: Array<{ type: string; data: Record<string, unknown> }>): HistoryEvent[] => {
  const versions = new Map<string, number>();
  return events.map((event, index) => {
    const stream = 'ticketId' in event.data ? `ticket-${String(event.data['ticketId'])}` : 'other';
    const version = (versions.get(stream) ?? -1) + 1;
    versions.set(stream, version);
    return {
      ...event,
      id: randomUUID(),
      stream,
      version,
      position: index + 1,
      metadata: { periodId: PERIOD_ID },
      recordedAt: new Date(REPORTED),
    } as HistoryEvent;
  });
};

/** A P1 ticket acknowledged `ackMinutes` after its report and resolved two hours later, as recorded. */
const p1Acknowledged = (ticketId: string, ackMinutes: number) => {
  const ticket = ticketEvents(ticketId, PERIOD_ID);
  return [
    ticket.opened(),
    ticket.triaged(minutesAfterReport(2), 'P1'),
    ...(ackMinutes > 10 ? [ticket.escalated(minutesAfterReport(10), 1, 'technical-lead')] : []),
    ...(ackMinutes > 15
      ? [ticket.slaBreached(minutesAfterReport(15.1), 'acknowledge', minutesAfterReport(15))]
      : []),
    ticket.acknowledged(minutesAfterReport(ackMinutes)),
    ticket.started(minutesAfterReport(ackMinutes + 1)),
    ticket.resolved(minutesAfterReport(120)),
  ];
};

const timed = (events: HistoryEvent[]) =>
  events.flatMap(({ type, data }) => {
    const { ticketId, clock, level } = data as { ticketId: string; clock?: string; level?: number };
    if (type.endsWith('sla-breached.v1')) return [`${ticketId.slice(0, 1)} breached ${clock}`];
    if (type.endsWith('escalated.v1')) return [`${ticketId.slice(0, 1)} escalated ${level}`];
    return [];
  });
const priorities = (events: HistoryEvent[]) =>
  events.flatMap(({ type, data }) =>
    type.endsWith('triaged.v1') ? [(data as { priority: string }).priority] : [],
  );

const [A, B, C] = [
  'a0000000-0000-4000-8000-000000000001',
  'b0000000-0000-4000-8000-000000000002',
  'c0000000-0000-4000-8000-000000000003',
] as [string, string, string];
const until = '2026-11-10T00:00:00.000Z';

describe('a period history decided again under another policy', () => {
  const history = log(...p1Acknowledged(A, 3), ...p1Acknowledged(B, 8), ...p1Acknowledged(C, 20), {
    type: 'hypercare.survey.issued.v1',
    data: { surveyId: 's-1' },
  });

  it('given the policy it ran under, when decided again, then the same breaches, escalations and priorities', () => {
    const again = reDecidedHistory(history, policy(), { until });
    expect(timed(again)).toEqual(timed(history));
    expect(timed(history)).toEqual(['c escalated 1', 'c breached acknowledge']);
    expect(priorities(again)).toEqual(['P1', 'P1', 'P1']);
  });

  it('given a stricter P1 acknowledge target, then exactly the tickets acknowledged later than it breach', () => {
    const acknowledged = { [A]: 3, [B]: 8, [C]: 20 };
    for (const target of [2, 5, 10, 30]) {
      const expected = Object.entries(acknowledged)
        .filter(([, minutes]) => minutes > target)
        .map(([ticketId]) => `${ticketId.slice(0, 1)} breached acknowledge`);
      const breaches = timed(reDecidedHistory(history, withP1AcknowledgeIn(target), { until })).filter(
        (line) => line.includes('breached'),
      );
      expect({ target, breaches }).toEqual({ target, breaches: expected });
    }
  });

  it('given another priority matrix, then the priority and the deadlines and escalations that follow from it', () => {
    const matrix = configuration().priorityMatrix.map((cell) =>
      cell.impact === 'high' && cell.urgency === 'high' ? { ...cell, priority: 'P2' as const } : cell,
    );
    const again = reDecidedHistory(history, policy({ priorityMatrix: matrix }), { until });
    expect(priorities(again)).toEqual(['P2', 'P2', 'P2']);
    expect(timed(again)).toEqual([]);
  });

  it('keeps the actions of people and every other event as they were, in their places', () => {
    const again = reDecidedHistory(history, withP1AcknowledgeIn(5), { until });
    const people = (events: HistoryEvent[]) =>
      events
        .filter(({ type }) => !type.endsWith('sla-breached.v1') && !type.endsWith('escalated.v1'))
        .map(({ id, type }) => `${type} ${id}`);
    expect(people(again)).toEqual(people(history));
    expect(again[again.length - 1]).toBe(history[history.length - 1]);
  });

  it('runs the timer until the end given, and not past the period close', () => {
    const ticket = ticketEvents(A, PERIOD_ID);
    const unanswered = log(ticket.opened(), ticket.triaged(minutesAfterReport(2), 'P1'));
    expect(timed(reDecidedHistory(unanswered, policy(), { until }))).toEqual([
      'a escalated 1',
      'a breached acknowledge',
      'a escalated 2',
      'a breached resolve',
    ]);
    expect(
      timed(reDecidedHistory(unanswered, policy(), { until, closedAt: minutesAfterReport(12) })),
    ).toEqual(['a escalated 1']);
  });
});

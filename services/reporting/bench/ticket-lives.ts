import { reportSubmittedEvent, ticketEvents } from '@hypercare/contracts/testing';

/** A ticket's life in order, as reporting receives it: the report, then eight steps of triage's. */
export const lifeOf = (ticketId: string, periodId: string) => {
  const t = ticketEvents(ticketId, periodId);
  return [
    reportSubmittedEvent(ticketId, periodId),
    t.opened(),
    t.triaged('2026-11-03T09:02:00.000Z', 'P2'),
    t.assigned('2026-11-03T09:03:00.000Z'),
    t.acknowledged('2026-11-03T09:05:00.000Z'),
    t.started('2026-11-03T09:06:00.000Z'),
    t.commented('2026-11-03T09:30:00.000Z'),
    t.resolved('2026-11-03T11:00:00.000Z'),
    t.closed('2026-11-03T12:00:00.000Z'),
  ];
};

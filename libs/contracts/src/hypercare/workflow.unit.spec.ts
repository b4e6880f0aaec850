import { periodStatusAfter, ticketStatusAfter } from './workflow';

describe('ticket workflow', () => {
  it.each([
    ['hypercare.ticket.opened.v1', 'new', 'new'],
    ['hypercare.ticket.triaged.v1', 'new', 'triaged'],
    ['hypercare.ticket.triaged.v1', 'in-progress', 'in-progress'],
    ['hypercare.ticket.acknowledged.v1', 'triaged', 'acknowledged'],
    ['hypercare.ticket.started.v1', 'acknowledged', 'in-progress'],
    ['hypercare.ticket.workaround-provided.v1', 'in-progress', 'workaround-available'],
    ['hypercare.ticket.resolved.v1', 'workaround-available', 'resolved'],
    ['hypercare.ticket.closed.v1', 'resolved', 'closed'],
    ['hypercare.ticket.reopened.v1', 'closed', 'in-progress'],
    ['hypercare.ticket.commented.v1', 'acknowledged', 'acknowledged'],
    ['hypercare.ticket.sla-breached.v1', 'triaged', 'triaged'],
  ] as const)('after %s a %s ticket is %s', (type, current, next) => {
    expect(ticketStatusAfter(type, current)).toBe(next);
  });
});

describe('period lifecycle', () => {
  it.each([
    ['hypercare.period.planned.v1', undefined, 'planned'],
    ['hypercare.period.activated.v1', 'planned', 'active'],
    ['hypercare.period.extended.v1', 'active', 'active'],
    ['hypercare.period.reconfigured.v1', 'exit-review', 'exit-review'],
    ['hypercare.period.exit-review-started.v1', 'active', 'exit-review'],
    ['hypercare.period.closed.v1', 'exit-review', 'closed'],
  ] as const)('after %s a %s period is %s', (type, current, next) => {
    expect(periodStatusAfter(type, current)).toBe(next);
  });
});

import { periodStatusAfter, slaOutcomesAfter, type SlaOutcomes, ticketStatusAfter } from './workflow';

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
    ['hypercare.period.planned.v2', undefined, 'planned'],
    ['hypercare.period.activated.v1', 'planned', 'active'],
    ['hypercare.period.extended.v1', 'active', 'active'],
    ['hypercare.period.reconfigured.v2', 'exit-review', 'exit-review'],
    ['hypercare.period.exit-review-started.v1', 'active', 'exit-review'],
    ['hypercare.period.closed.v1', 'exit-review', 'closed'],
  ] as const)('after %s a %s period is %s', (type, current, next) => {
    expect(periodStatusAfter(type, current)).toBe(next);
  });
});

describe('the SLA clocks of a ticket', () => {
  const running: SlaOutcomes = { acknowledge: 'pending', resolve: 'pending' };

  it('stop in time when acknowledged or resolved while running', () => {
    expect(slaOutcomesAfter('hypercare.ticket.acknowledged.v1', running)).toEqual({
      acknowledge: 'met',
      resolve: 'pending',
    });
    expect(slaOutcomesAfter('hypercare.ticket.resolved.v1', running)).toEqual({
      acknowledge: 'pending',
      resolve: 'met',
    });
  });

  it('stay breached once breached, whatever stops them later', () => {
    const breached = slaOutcomesAfter('hypercare.ticket.sla-breached.v1', running, 'acknowledge');
    expect(breached).toEqual({ acknowledge: 'breached', resolve: 'pending' });
    expect(slaOutcomesAfter('hypercare.ticket.acknowledged.v1', breached)).toEqual(breached);
    expect(slaOutcomesAfter('hypercare.ticket.sla-breached.v1', running, 'resolve')).toEqual({
      acknowledge: 'pending',
      resolve: 'breached',
    });
  });

  it('run the resolve clock again on a reopen, keeping a breach and the acknowledge clock', () => {
    const met: SlaOutcomes = { acknowledge: 'met', resolve: 'met' };
    expect(slaOutcomesAfter('hypercare.ticket.reopened.v1', met)).toEqual({
      acknowledge: 'met',
      resolve: 'pending',
    });
    const breached: SlaOutcomes = { acknowledge: 'breached', resolve: 'breached' };
    expect(slaOutcomesAfter('hypercare.ticket.reopened.v1', breached)).toBe(breached);
  });

  it('are left as they are by every other event', () => {
    const met: SlaOutcomes = { acknowledge: 'met', resolve: 'met' };
    for (const type of ['hypercare.ticket.commented.v1', 'hypercare.ticket.sla-breached.v1'])
      expect(slaOutcomesAfter(type, met)).toBe(met);
  });
});

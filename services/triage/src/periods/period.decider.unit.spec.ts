import { IllegalTransition, InvalidCommand } from '@hypercare/domain-kit';
import { given } from '@hypercare/event-store/testing';
import { periodDecider, type PeriodEvent } from './period.decider';
import { configuration, PERIOD_ID } from './period.fixture';

const planned: PeriodEvent = { type: 'hypercare.period.planned.v1', data: { periodId: PERIOD_ID, ...configuration() } };
const activated: PeriodEvent = { type: 'hypercare.period.activated.v1', data: { periodId: PERIOD_ID, activatedAt: '2026-11-02T08:00:00.000Z' } };
const closed: PeriodEvent = { type: 'hypercare.period.closed.v1', data: { periodId: PERIOD_ID, closedAt: '2026-11-24T08:00:00.000Z' } };
const spec = given(periodDecider);
const invalid = (...fields: string[]) => (error: unknown) =>
  error instanceof InvalidCommand && fields.every((field) => error.issues.some((issue) => issue.field === field));

describe('HypercarePeriod', () => {
  it('is planned from a valid definition', () => {
    spec().when({ kind: 'plan', periodId: PERIOD_ID, definition: configuration() }).then([planned]);
  });

  it('lasts three weeks from its go-live when no planned end is given', () => {
    const { plannedEndAt: _, ...withoutEnd } = configuration();
    spec()
      .when({ kind: 'plan', periodId: PERIOD_ID, definition: { ...withoutEnd, goLiveAt: '2026-11-02T08:00:00.000Z' } })
      .then([{ type: 'hypercare.period.planned.v1', data: { periodId: PERIOD_ID, ...configuration(), plannedEndAt: '2026-11-23T08:00:00.000Z' } }]);
  });

  it('refuses a definition that ends before it goes live, naming the field', () => {
    spec()
      .when({ kind: 'plan', periodId: PERIOD_ID, definition: configuration({ plannedEndAt: '2026-11-01T00:00:00.000Z' }) })
      .thenThrows(invalid('plannedEndAt'));
  });

  it('refuses an escalation level pointing at a role with nobody in it', () => {
    const escalationMatrix = [{ priority: 'P1' as const, levels: [{ afterMinutes: 10, when: 'unacknowledged' as const, notifyRole: 'product-owner' as const }] }];
    spec().when({ kind: 'plan', periodId: PERIOD_ID, definition: configuration({ escalationMatrix }) }).thenThrows(invalid('escalationMatrix[0].levels[0].notifyRole'));
  });

  it('refuses overlapping escalation thresholds and a priority matrix with a hole, naming both', () => {
    const escalationMatrix = [
      {
        priority: 'P2' as const,
        levels: [
          { afterMinutes: 30, when: 'unresolved' as const, notifyRole: 'technical-lead' as const },
          { afterMinutes: 30, when: 'unresolved' as const, notifyRole: 'project-manager' as const },
        ],
      },
    ];
    const priorityMatrix = [...configuration().priorityMatrix.slice(1), { impact: 'low' as const, urgency: 'low' as const, priority: 'P4' as const }];
    spec()
      .when({ kind: 'plan', periodId: PERIOD_ID, definition: configuration({ escalationMatrix, priorityMatrix }) })
      .thenThrows(invalid('escalationMatrix[0].levels[1].afterMinutes', 'priorityMatrix'));
  });

  it('refuses an SLA target that resolves before it acknowledges', () => {
    const slaPolicy = configuration().slaPolicy.map((target) => (target.priority === 'P3' ? { ...target, resolveWithinMinutes: 10 } : target));
    spec().when({ kind: 'plan', periodId: PERIOD_ID, definition: configuration({ slaPolicy }) }).thenThrows(invalid('slaPolicy[2].resolveWithinMinutes'));
  });

  it('is activated once planned', () => {
    spec(planned).when({ kind: 'activate', at: '2026-11-02T08:00:00.000Z' }).then([activated]);
  });

  it('cannot be activated twice: the error names the state and the allowed commands', () => {
    spec(planned, activated)
      .when({ kind: 'activate', at: '2026-11-03T08:00:00.000Z' })
      .thenThrows((error) => error instanceof IllegalTransition && error.currentState === 'active' && error.allowed.includes('extend'));
  });

  it('is extended to a later end with the reason, remembering the previous end', () => {
    spec(planned, activated)
      .when({ kind: 'extend', plannedEndAt: '2026-11-30T08:00:00.000Z', reason: 'Payroll run still unstable' })
      .then([
        {
          type: 'hypercare.period.extended.v1',
          data: { periodId: PERIOD_ID, previousPlannedEndAt: '2026-11-23T08:00:00.000Z', plannedEndAt: '2026-11-30T08:00:00.000Z', reason: 'Payroll run still unstable' },
        },
      ]);
  });

  it('cannot be "extended" to an earlier end', () => {
    spec(planned, activated).when({ kind: 'extend', plannedEndAt: '2026-11-20T08:00:00.000Z', reason: 'oops' }).thenThrows(invalid('plannedEndAt'));
  });

  it('goes through exit review to closed, and accepts nothing once closed', () => {
    spec(planned, activated)
      .when({ kind: 'start-exit-review', at: '2026-11-22T08:00:00.000Z' })
      .then([{ type: 'hypercare.period.exit-review-started.v1', data: { periodId: PERIOD_ID, startedAt: '2026-11-22T08:00:00.000Z' } }]);
    spec(planned, activated, closed)
      .when({ kind: 'reconfigure', definition: configuration() })
      .thenThrows((error) => error instanceof IllegalTransition && error.allowed.length === 0 && /allowed now: nothing/.test(error.message));
  });
});

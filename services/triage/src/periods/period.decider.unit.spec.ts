import { Conflict, IllegalTransition, InvalidCommand } from '@hypercare/domain-kit';
import { given } from '@hypercare/event-store/testing';
import { type PeriodCommand, periodDecider, type PeriodEvent, periodStream } from './period.decider';
import { configuration, PERIOD_ID, PROGRAMME_ID } from '@hypercare/domain/testing';

const planned: PeriodEvent = {
  type: 'hypercare.period.planned.v2',
  data: { periodId: PERIOD_ID, programmeId: PROGRAMME_ID, ...configuration() },
};
const activated: PeriodEvent = {
  type: 'hypercare.period.activated.v1',
  data: { periodId: PERIOD_ID, activatedAt: '2026-11-02T08:00:00.000Z' },
};
const closed: PeriodEvent = {
  type: 'hypercare.period.closed.v1',
  data: { periodId: PERIOD_ID, closedAt: '2026-11-24T08:00:00.000Z' },
};
const spec = given(periodDecider);
const invalid =
  (...fields: string[]) =>
  (error: unknown) =>
    error instanceof InvalidCommand &&
    fields.every((field) => error.issues.some((issue) => issue.field === field));

const closing = (
  overrides: Partial<Extract<PeriodCommand, { kind: 'close' }>> = {},
): Extract<PeriodCommand, { kind: 'close' }> => ({
  kind: 'close',
  at: '2026-11-24T08:00:00.000Z',
  openTickets: [],
  handOver: false,
  unmetCriteria: [],
  ...overrides,
});

describe('HypercarePeriod', () => {
  it('is planned from a valid definition', () => {
    spec()
      .when({ kind: 'plan', periodId: PERIOD_ID, programmeId: PROGRAMME_ID, definition: configuration() })
      .then([planned]);
  });

  it('lasts three weeks from its go-live when no planned end is given', () => {
    const { plannedEndAt: _, ...withoutEnd } = configuration();
    spec()
      .when({
        kind: 'plan',
        periodId: PERIOD_ID,
        programmeId: PROGRAMME_ID,
        definition: { ...withoutEnd, goLiveAt: '2026-11-02T08:00:00.000Z' },
      })
      .then([
        {
          type: 'hypercare.period.planned.v2',
          data: {
            periodId: PERIOD_ID,
            programmeId: PROGRAMME_ID,
            ...configuration(),
            plannedEndAt: '2026-11-23T08:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a definition that ends before it goes live, naming the field', () => {
    spec()
      .when({
        kind: 'plan',
        periodId: PERIOD_ID,
        programmeId: PROGRAMME_ID,
        definition: configuration({ plannedEndAt: '2026-11-01T00:00:00.000Z' }),
      })
      .thenThrows(invalid('plannedEndAt'));
  });

  it('refuses an escalation level pointing at a role with nobody in it', () => {
    const escalationMatrix = [
      {
        priority: 'P1' as const,
        levels: [{ afterMinutes: 10, when: 'unacknowledged' as const, notifyRole: 'product-owner' as const }],
      },
    ];
    spec()
      .when({
        kind: 'plan',
        periodId: PERIOD_ID,
        programmeId: PROGRAMME_ID,
        definition: configuration({ escalationMatrix }),
      })
      .thenThrows(invalid('escalationMatrix[0].levels[0].notifyRole'));
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
    const priorityMatrix = [
      ...configuration().priorityMatrix.slice(1),
      { impact: 'low' as const, urgency: 'low' as const, priority: 'P4' as const },
    ];
    spec()
      .when({
        kind: 'plan',
        periodId: PERIOD_ID,
        programmeId: PROGRAMME_ID,
        definition: configuration({ escalationMatrix, priorityMatrix }),
      })
      .thenThrows(invalid('escalationMatrix[0].levels[1].afterMinutes', 'priorityMatrix'));
  });

  it('refuses an SLA target that resolves before it acknowledges', () => {
    const slaPolicy = configuration().slaPolicy.map((target) =>
      target.priority === 'P3' ? { ...target, resolveWithinMinutes: 10 } : target,
    );
    spec()
      .when({
        kind: 'plan',
        periodId: PERIOD_ID,
        programmeId: PROGRAMME_ID,
        definition: configuration({ slaPolicy }),
      })
      .thenThrows(invalid('slaPolicy[2].resolveWithinMinutes'));
  });

  it('is activated once planned', () => {
    spec(planned).when({ kind: 'activate', at: '2026-11-02T08:00:00.000Z' }).then([activated]);
  });

  it('cannot be activated twice: the error names the state and the allowed commands', () => {
    spec(planned, activated)
      .when({ kind: 'activate', at: '2026-11-03T08:00:00.000Z' })
      .thenThrows(
        (error) =>
          error instanceof IllegalTransition &&
          error.currentState === 'active' &&
          error.allowed.includes('extend'),
      );
  });

  it('is extended to a later end with the reason, remembering the previous end', () => {
    spec(planned, activated)
      .when({
        kind: 'extend',
        plannedEndAt: '2026-11-30T08:00:00.000Z',
        reason: 'Payroll run still unstable',
      })
      .then([
        {
          type: 'hypercare.period.extended.v1',
          data: {
            periodId: PERIOD_ID,
            previousPlannedEndAt: '2026-11-23T08:00:00.000Z',
            plannedEndAt: '2026-11-30T08:00:00.000Z',
            reason: 'Payroll run still unstable',
          },
        },
      ]);
  });

  it('cannot be "extended" to an earlier end', () => {
    spec(planned, activated)
      .when({ kind: 'extend', plannedEndAt: '2026-11-20T08:00:00.000Z', reason: 'oops' })
      .thenThrows(invalid('plannedEndAt'));
  });

  it('goes through exit review to closed, and accepts nothing once closed', () => {
    spec(planned, activated)
      .when({ kind: 'start-exit-review', at: '2026-11-22T08:00:00.000Z' })
      .then([
        {
          type: 'hypercare.period.exit-review-started.v1',
          data: { periodId: PERIOD_ID, startedAt: '2026-11-22T08:00:00.000Z' },
        },
      ]);
    spec(planned, activated, closed)
      .when({ kind: 'reconfigure', definition: configuration() })
      .thenThrows(
        (error) =>
          error instanceof IllegalTransition &&
          error.allowed.length === 0 &&
          /allowed now: nothing/.test(error.message),
      );
  });

  it('keeps its events in a stream named for it', () => {
    expect(periodStream(PERIOD_ID)).toBe(`period-${PERIOD_ID}`);
  });

  it('names itself and what it allows when a command comes at the wrong time', () => {
    spec(planned, activated)
      .when({ kind: 'activate', at: '2026-11-03T08:00:00.000Z' })
      .thenThrows(
        (error) =>
          error instanceof IllegalTransition &&
          error.kind === 'period' &&
          error.message ===
            'Cannot activate a period that is active; allowed now: reconfigure, extend, start-exit-review, close',
      );
  });

  it('is reconfigured while it runs, keeping its status', () => {
    const renamed: PeriodEvent = {
      type: 'hypercare.period.reconfigured.v2',
      data: { periodId: PERIOD_ID, ...configuration({ systemName: 'Ledger' }) },
    };
    spec(planned, activated)
      .when({ kind: 'reconfigure', definition: configuration({ systemName: 'Ledger' }) })
      .then([renamed]);
    const state = [planned, activated, renamed].reduce(periodDecider.evolve, periodDecider.initialState);
    expect(state).toMatchObject({ status: 'active', configuration: { systemName: 'Ledger' } });
  });

  it('keeps its planned end, extensions included, when a reconfiguration leaves it out', () => {
    const extended: PeriodEvent = {
      type: 'hypercare.period.extended.v1',
      data: {
        periodId: PERIOD_ID,
        previousPlannedEndAt: '2026-11-23T08:00:00.000Z',
        plannedEndAt: '2026-12-07T08:00:00.000Z',
        reason: 'Month end',
      },
    };
    const { plannedEndAt: _, ...withoutEnd } = configuration({ systemName: 'Ledger' });
    spec(planned, activated, extended)
      .when({ kind: 'reconfigure', definition: withoutEnd })
      .then([
        {
          type: 'hypercare.period.reconfigured.v2',
          data: {
            periodId: PERIOD_ID,
            ...configuration({ systemName: 'Ledger', plannedEndAt: '2026-12-07T08:00:00.000Z' }),
          },
        },
      ]);
  });

  it('cannot be extended to the end it already has, and says which that is', () => {
    spec(planned, activated)
      .when({ kind: 'extend', plannedEndAt: '2026-11-23T08:00:00.000Z', reason: 'same' })
      .thenThrows(
        (error) =>
          error instanceof InvalidCommand &&
          error.issues[0]?.message === 'must be after the current planned end (2026-11-23T08:00:00.000Z)',
      );
  });

  it('takes an extension into its definition', () => {
    const extended: PeriodEvent = {
      type: 'hypercare.period.extended.v1',
      data: {
        periodId: PERIOD_ID,
        previousPlannedEndAt: '2026-11-23T08:00:00.000Z',
        plannedEndAt: '2026-11-30T08:00:00.000Z',
        reason: 'More time',
      },
    };
    expect(
      [planned, activated, extended].reduce(periodDecider.evolve, periodDecider.initialState),
    ).toMatchObject({ configuration: { plannedEndAt: '2026-11-30T08:00:00.000Z' } });
  });

  it('is closed with its summary, or without one', () => {
    spec(planned, activated)
      .when({ ...closing(), summary: 'Stable since week two' })
      .then([
        {
          type: 'hypercare.period.closed.v1',
          data: {
            periodId: PERIOD_ID,
            closedAt: '2026-11-24T08:00:00.000Z',
            summary: 'Stable since week two',
          },
        },
      ]);
    spec(planned, activated).when(closing()).then([closed]);
    expect(
      [planned, activated, closed].reduce(periodDecider.evolve, periodDecider.initialState),
    ).toMatchObject({ status: 'closed', closedAt: '2026-11-24T08:00:00.000Z' });
  });

  it('is not closed while tickets are open, naming them and the way to hand them over', () => {
    const open = Array.from({ length: 12 }, (_, n) => `ticket-${String(n).padStart(2, '0')}`);
    spec(planned, activated)
      .when(closing({ openTickets: open }))
      .thenThrows(
        (error) =>
          error instanceof Conflict &&
          error.message ===
            '12 ticket(s) of this period are still open (ticket-00, ticket-01, ticket-02, ticket-03, ticket-04, ticket-05, ticket-06, ticket-07, ticket-08, ticket-09, …): resolve them, or close with handOverOpenTickets: true to hand them over to business-as-usual support',
      );
    spec(planned, activated)
      .when(closing({ openTickets: open.slice(0, 10) }))
      .thenThrows((error) => error instanceof Conflict && /ticket-09\): resolve/.test(error.message));
    spec(planned, activated)
      .when(closing({ openTickets: open.slice(0, 2) }))
      .thenThrows((error) => error instanceof Conflict && /\(ticket-00, ticket-01\):/.test(error.message));
  });

  it('is closed with its open tickets when they are handed over, naming them in the event', () => {
    spec(planned, activated)
      .when(closing({ openTickets: ['ticket-a', 'ticket-b'], handOver: true }))
      .then([{ ...closed, data: { ...closed.data, handedOver: ['ticket-a', 'ticket-b'] } } as PeriodEvent]);
  });

  it('is not closed while exit criteria are unmet, naming them and the way to override', () =>
    spec(planned, activated)
      .when(closing({ unmetCriteria: ['No open P1', 'SLA'] }))
      .thenThrows(
        (error) =>
          error instanceof Conflict &&
          error.message.startsWith('exit criteria not met (No open P1, SLA)') &&
          error.message.endsWith('or give override.reason'),
      ));

  it('is closed with unmet exit criteria by a lead who gives the reason, recorded in the event', () =>
    spec(planned, activated)
      .when(
        closing({
          unmetCriteria: ['SLA'],
          override: { reason: 'BAU desk staffed; SLA dip explained', by: 'Tomás Lead' },
        }),
      )
      .then([
        {
          ...closed,
          data: {
            ...closed.data,
            exitOverride: { reason: 'BAU desk staffed; SLA dip explained', by: 'Tomás Lead', unmet: ['SLA'] },
          },
        } as PeriodEvent,
      ]));

  it('records no override when every criterion is met', () =>
    spec(planned, activated)
      .when(closing({ override: { reason: 'Just in case', by: 'Tomás Lead' } }))
      .then([closed]));

  describe('definition rules, each naming what it refuses', () => {
    const issuesOf = (definition: ReturnType<typeof configuration>) => {
      try {
        periodDecider.decide(
          { kind: 'plan', periodId: PERIOD_ID, programmeId: PROGRAMME_ID, definition },
          periodDecider.initialState,
        );
      } catch (error) {
        if (error instanceof InvalidCommand) return error.issues;
        throw error;
      }
      return [];
    };

    it('refuses a planned end at the go-live itself', () => {
      expect(issuesOf(configuration({ plannedEndAt: '2026-11-02T08:00:00.000Z' }))).toEqual([
        { field: 'plannedEndAt', message: 'must be after goLiveAt (2026-11-02T08:00:00.000Z)' },
      ]);
    });

    it('refuses the same person twice in one role, whatever the case of the email, but not in two roles', () => {
      const roster = [
        ...configuration().roster,
        { role: 'support-agent' as const, name: 'Sam Again', email: 'SAM@example.com' },
        { role: 'product-owner' as const, name: 'Sam PO', email: 'sam@example.com' },
      ];
      expect(issuesOf(configuration({ roster }))).toEqual([
        { field: 'roster[3]', message: 'SAM@example.com is already on the roster as support-agent' },
      ]);
    });

    it('needs exactly one SLA target per priority', () => {
      const [p1, p2, p3] = configuration().slaPolicy;
      expect(
        issuesOf(
          configuration({ slaPolicy: [p1, p2, p3, p1] as ReturnType<typeof configuration>['slaPolicy'] }),
        ),
      ).toEqual([
        { field: 'slaPolicy', message: 'needs exactly one target for P1, has 2' },
        { field: 'slaPolicy', message: 'needs exactly one target for P4, has 0' },
      ]);
    });

    it('refuses a resolve target no longer than the acknowledge target', () => {
      const slaPolicy = configuration().slaPolicy.map((target, i) =>
        i === 1 ? { ...target, resolveWithinMinutes: target.acknowledgeWithinMinutes } : target,
      );
      expect(issuesOf(configuration({ slaPolicy }))).toEqual([
        {
          field: 'slaPolicy[1].resolveWithinMinutes',
          message: 'must be longer than acknowledgeWithinMinutes (60)',
        },
      ]);
    });

    it('names a hole in the priority matrix', () => {
      expect(issuesOf(configuration({ priorityMatrix: configuration().priorityMatrix.slice(1) }))).toEqual([
        {
          field: 'priorityMatrix',
          message: 'needs exactly one priority for impact high x urgency high, has 0',
        },
      ]);
    });

    it('refuses a second escalation rule for one priority, a role nobody has, and a level no later than the one before', () => {
      const escalationMatrix = [
        {
          priority: 'P1' as const,
          levels: [
            { afterMinutes: 10, when: 'unacknowledged' as const, notifyRole: 'technical-lead' as const },
          ],
        },
        {
          priority: 'P1' as const,
          levels: [
            { afterMinutes: 20, when: 'unacknowledged' as const, notifyRole: 'content-specialist' as const },
            { afterMinutes: 20, when: 'unacknowledged' as const, notifyRole: 'project-manager' as const },
            { afterMinutes: 5, when: 'unresolved' as const, notifyRole: 'project-manager' as const },
          ],
        },
      ];
      expect(issuesOf(configuration({ escalationMatrix }))).toEqual([
        { field: 'escalationMatrix[1].priority', message: 'P1 has more than one escalation rule' },
        {
          field: 'escalationMatrix[1].levels[0].notifyRole',
          message: 'nobody on the roster has the role content-specialist',
        },
        {
          field: 'escalationMatrix[1].levels[1].afterMinutes',
          message: 'overlaps the previous "unacknowledged" level: must be later than 20 minutes',
        },
      ]);
    });
  });
});

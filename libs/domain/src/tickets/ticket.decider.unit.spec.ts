import { IllegalTransition, InvalidCommand } from '@hypercare/domain-kit';
import { given } from '@hypercare/domain-kit/testing';
import { configuration, PERIOD_ID } from '../periods/period.fixture';
import { PeriodClosed } from './period-closed.error';
import { ticketDecider, ticketStream } from './ticket.decider';
import { nextDueAt } from '../sla/ticket-sla';
import type { OpenTicket, TicketEvent } from './ticket.model';

const TICKET = '0d9c1e2f-3a4b-4c5d-8e6f-708192a3b4c5';
const policy = configuration();
const t = (minutes: number): string =>
  new Date(Date.parse('2026-11-03T09:00:00.000Z') + minutes * 60_000).toISOString();
const base = (minutes: number, by = 'sam@example.com') => ({
  ticketId: TICKET,
  periodId: PERIOD_ID,
  at: t(minutes),
  by,
});
const spec = given(ticketDecider);

const opened: TicketEvent = {
  type: 'hypercare.ticket.opened.v1',
  data: {
    ...base(0, 'triage'),
    reportId: TICKET,
    title: 'Invoices stuck in approval',
    reporter: { name: 'Ana', email: 'ana@example.com' },
    affectedUsers: 40,
    reportedAt: t(0),
  },
};
const triagedP1Data: Extract<TicketEvent, { type: 'hypercare.ticket.triaged.v1' }>['data'] = {
  ...base(2),
  category: 'critical-bug',
  impact: 'high',
  urgency: 'high',
  priority: 'P1',
  acknowledgeDueAt: t(15),
  resolveDueAt: t(240),
  escalations: [
    { level: 1, dueAt: t(10), when: 'unacknowledged', notifyRole: 'technical-lead' },
    { level: 2, dueAt: t(30), when: 'unacknowledged', notifyRole: 'project-manager' },
  ],
};
const triagedP1: TicketEvent = { type: 'hypercare.ticket.triaged.v1', data: triagedP1Data };
const acknowledged: TicketEvent = { type: 'hypercare.ticket.acknowledged.v1', data: base(5) };
const started: TicketEvent = { type: 'hypercare.ticket.started.v1', data: base(6) };
const resolved: TicketEvent = {
  type: 'hypercare.ticket.resolved.v1',
  data: { ...base(60), rootCause: 'Approval queue lock never released' },
};

describe('Ticket', () => {
  it('opens from a report with the report’s id', () => {
    const { data } = opened as Extract<TicketEvent, { type: 'hypercare.ticket.opened.v1' }>;
    spec()
      .when({ kind: 'open', ...data })
      .then([opened]);
  });

  it('is triaged to a priority by the period’s matrix, with deadlines and escalations from the report time', () => {
    spec(opened)
      .when({ kind: 'triage', category: 'critical-bug', impact: 'high', urgency: 'high', policy, ...base(2) })
      .then([triagedP1]);
  });

  it('re-triage recomputes the deadlines at the new priority and remembers the previous one', () => {
    spec(opened, triagedP1)
      .when({ kind: 'triage', category: 'minor-bug', impact: 'low', urgency: 'low', policy, ...base(3) })
      .then([
        {
          type: 'hypercare.ticket.triaged.v1',
          data: {
            ...base(3),
            category: 'minor-bug',
            impact: 'low',
            urgency: 'low',
            priority: 'P4',
            previousPriority: 'P1',
            acknowledgeDueAt: t(24 * 60),
            resolveDueAt: t(10 * 24 * 60),
            escalations: [],
          },
        },
      ]);
  });

  it('is assigned only to someone on the roster in that role', () => {
    spec(opened, triagedP1)
      .when({ kind: 'assign', role: 'technical-lead', email: 'sam@example.com', policy, ...base(4) })
      .thenThrows((error) => error instanceof InvalidCommand && error.issues[0]?.field === 'email');
    spec(opened, triagedP1)
      .when({ kind: 'assign', role: 'technical-lead', email: 'TOMAS@example.com', policy, ...base(4) })
      .then([
        {
          type: 'hypercare.ticket.assigned.v1',
          data: {
            ...base(4),
            role: 'technical-lead',
            assignee: { name: 'Tomás Lead', email: 'tomas@example.com' },
          },
        },
      ]);
  });

  it('refuses to be acknowledged before triage, saying where it is and what it accepts', () => {
    spec(opened)
      .when({ kind: 'acknowledge', policy, ...base(1) })
      .thenThrows(
        (error) =>
          error instanceof IllegalTransition &&
          error.currentState === 'new' &&
          error.allowed.join() === 'triage,decide,comment',
      );
  });

  it('fires nothing before a deadline, then the breach and the due escalation once, and never again', () => {
    spec(opened, triagedP1)
      .when({ kind: 'check-sla', policy, ...base(9, 'sla-timer') })
      .thenNothingHappened();
    const breach: TicketEvent = {
      type: 'hypercare.ticket.sla-breached.v1',
      data: { ...base(16, 'sla-timer'), clock: 'acknowledge', dueAt: t(15), priority: 'P1' },
    };
    const escalation: TicketEvent = {
      type: 'hypercare.ticket.escalated.v1',
      data: {
        ...base(16, 'sla-timer'),
        level: 1,
        when: 'unacknowledged',
        notifyRole: 'technical-lead',
        notified: [{ name: 'Tomás Lead', email: 'tomas@example.com' }],
        dueAt: t(10),
      },
    };
    spec(opened, triagedP1)
      .when({ kind: 'check-sla', policy, ...base(16, 'sla-timer') })
      .then([breach, escalation]);
    spec(opened, triagedP1, breach, escalation)
      .when({ kind: 'check-sla', policy, ...base(17, 'sla-timer') })
      .thenNothingHappened();
  });

  it('records with a late acknowledgement the breach and every escalation that fell due before it, each with its due time, and escalates no more once acknowledged', () => {
    spec(opened, triagedP1)
      .when({ kind: 'acknowledge', policy, ...base(160) })
      .then([
        {
          type: 'hypercare.ticket.sla-breached.v1',
          data: { ...base(160), clock: 'acknowledge', dueAt: t(15), priority: 'P1' },
        },
        {
          type: 'hypercare.ticket.escalated.v1',
          data: {
            ...base(160),
            level: 1,
            when: 'unacknowledged',
            notifyRole: 'technical-lead',
            notified: [{ name: 'Tomás Lead', email: 'tomas@example.com' }],
            dueAt: t(10),
          },
        },
        {
          type: 'hypercare.ticket.escalated.v1',
          data: {
            ...base(160),
            level: 2,
            when: 'unacknowledged',
            notifyRole: 'project-manager',
            notified: [{ name: 'Priya PM', email: 'priya@example.com' }],
            dueAt: t(30),
          },
        },
        { type: 'hypercare.ticket.acknowledged.v1', data: base(160) },
      ]);
    spec(opened, triagedP1, acknowledged)
      .when({ kind: 'check-sla', policy, ...base(45, 'sla-timer') })
      .thenNothingHappened();
  });

  it('is worked to resolved, closed, reopened into progress, and its resolve clock runs again', () => {
    spec(opened, triagedP1, acknowledged)
      .when({ kind: 'resolve', policy, rootCause: 'x', ...base(7) })
      .thenThrows((error) => error instanceof IllegalTransition && error.currentState === 'acknowledged');
    spec(opened, triagedP1, acknowledged, started)
      .when({ kind: 'resolve', policy, rootCause: 'Approval queue lock never released', ...base(60) })
      .then([resolved]);
    const closed: TicketEvent = { type: 'hypercare.ticket.closed.v1', data: base(61) };
    const reopened: TicketEvent = {
      type: 'hypercare.ticket.reopened.v1',
      data: { ...base(90), reason: 'Came back after the nightly batch' },
    };
    spec(opened, triagedP1, acknowledged, started, resolved)
      .when({ kind: 'close', ...base(61) })
      .then([closed]);
    spec(opened, triagedP1, acknowledged, started, resolved, closed)
      .when({ kind: 'reopen', policy, reason: 'Came back after the nightly batch', ...base(90) })
      .then([reopened]);
    const state = [opened, triagedP1, acknowledged, started, resolved, closed, reopened].reduce(
      ticketDecider.evolve,
      ticketDecider.initialState,
    ) as OpenTicket;
    expect(state.status).toBe('in-progress');
    expect(nextDueAt(state)).toBe(t(240));
  });

  it('of a closed period takes comments only: other commands are refused naming the period, the timer records nothing', () => {
    spec(opened, triagedP1)
      .when({ kind: 'acknowledge', policy, periodClosed: true, ...base(200) })
      .thenThrows(
        (error) =>
          error instanceof PeriodClosed &&
          error.status === 409 &&
          error.message ===
            `Cannot acknowledge a ticket of period ${PERIOD_ID}: the period is closed and its tickets are with business-as-usual support; only comments are taken`,
      );
    spec(opened, triagedP1)
      .when({ kind: 'check-sla', policy, periodClosed: true, ...base(200, 'sla-timer') })
      .thenNothingHappened();
    spec(opened, triagedP1)
      .when({ kind: 'comment', text: 'Passed to the service desk', periodClosed: true, ...base(200) })
      .then([
        {
          type: 'hypercare.ticket.commented.v1',
          data: { ...base(200), text: 'Passed to the service desk' },
        },
      ]);
    const { data } = opened as Extract<TicketEvent, { type: 'hypercare.ticket.opened.v1' }>;
    spec()
      .when({ kind: 'open', ...data, periodClosed: true })
      .then([opened]);
  });

  it('records the resolve breach when it is reopened after its resolve deadline, due when the deadline passed', () => {
    const closed: TicketEvent = { type: 'hypercare.ticket.closed.v1', data: base(61) };
    spec(opened, triagedP1, acknowledged, started, resolved, closed)
      .when({ kind: 'reopen', policy, reason: 'Back again', ...base(300) })
      .then([
        { type: 'hypercare.ticket.reopened.v1', data: { ...base(300), reason: 'Back again' } },
        {
          type: 'hypercare.ticket.sla-breached.v1',
          data: { ...base(300), clock: 'resolve', dueAt: t(240), priority: 'P1' },
        },
      ]);
  });

  it('says when its timer must wake next: the earliest pending deadline or escalation', () => {
    const state = [opened, triagedP1].reduce(ticketDecider.evolve, ticketDecider.initialState) as OpenTicket;
    expect(nextDueAt(state)).toBe(t(10));
    const done = [opened, triagedP1, acknowledged, started, resolved].reduce(
      ticketDecider.evolve,
      ticketDecider.initialState,
    ) as OpenTicket;
    expect(nextDueAt(done)).toBeUndefined();
  });

  it('keeps its events in a stream named for it', () => {
    expect(ticketStream(TICKET)).toBe(`ticket-${TICKET}`);
  });

  it('re-triaged at the same priority records no previous priority', () => {
    spec(opened, triagedP1)
      .when({
        kind: 'triage',
        category: 'major-functional-bug',
        impact: 'high',
        urgency: 'high',
        policy,
        ...base(3),
      })
      .then([
        {
          type: 'hypercare.ticket.triaged.v1',
          data: { ...triagedP1Data, ...base(3), category: 'major-functional-bug' },
        },
      ]);
    const data = ticketDecider.decide(
      { kind: 'triage', category: 'critical-bug', impact: 'high', urgency: 'high', policy, ...base(3) },
      [opened, triagedP1].reduce(ticketDecider.evolve, ticketDecider.initialState),
    )[0]?.data;
    expect(data).not.toHaveProperty('previousPriority');
  });

  it("names the person and role an assignment cannot find on the period's roster", () => {
    spec(opened, triagedP1)
      .when({ kind: 'assign', role: 'technical-lead', email: 'sam@example.com', policy, ...base(4) })
      .thenThrows(
        (error) =>
          error instanceof InvalidCommand &&
          error.issues[0]?.message === "sam@example.com is not on the period's roster as technical-lead",
      );
  });

  describe('in its middle steps', () => {
    it('is started once acknowledged, and accepts a workaround in progress, making it available', () => {
      spec(opened, triagedP1, acknowledged)
        .when({ kind: 'start', ...base(6) })
        .then([started]);
      const workaround: TicketEvent = {
        type: 'hypercare.ticket.workaround-provided.v1',
        data: { ...base(20), workaround: 'Approve from the old screen' },
      };
      spec(opened, triagedP1, acknowledged, started)
        .when({ kind: 'provide-workaround', workaround: 'Approve from the old screen', ...base(20) })
        .then([workaround]);
      const state = [opened, triagedP1, acknowledged, started, workaround].reduce(
        ticketDecider.evolve,
        ticketDecider.initialState,
      );
      expect(state.status).toBe('workaround-available');
      spec(opened, triagedP1, acknowledged, started, workaround)
        .when({ kind: 'resolve', policy, rootCause: 'Lock released', fixReference: 'FIX-12', ...base(90) })
        .then([
          {
            type: 'hypercare.ticket.resolved.v1',
            data: { ...base(90), rootCause: 'Lock released', fixReference: 'FIX-12' },
          },
        ]);
    });

    it('records decisions and comments without moving its status', () => {
      spec(opened, triagedP1, acknowledged)
        .when({ kind: 'decide', decision: 'hotfix', rationale: 'Blocks month end', ...base(8) })
        .then([
          {
            type: 'hypercare.ticket.decided.v1',
            data: { ...base(8), decision: 'hotfix', rationale: 'Blocks month end' },
          },
        ]);
      const comment: TicketEvent = {
        type: 'hypercare.ticket.commented.v1',
        data: { ...base(9), text: 'Looking at the logs' },
      };
      spec(opened, triagedP1, acknowledged)
        .when({ kind: 'comment', text: 'Looking at the logs', ...base(9) })
        .then([comment]);
      expect(
        [opened, triagedP1, acknowledged, comment].reduce(ticketDecider.evolve, ticketDecider.initialState)
          .status,
      ).toBe('acknowledged');
    });
  });

  describe('at an SLA deadline', () => {
    const breachAt = (minutes: number): TicketEvent => ({
      type: 'hypercare.ticket.sla-breached.v1',
      data: { ...base(minutes), clock: 'acknowledge', dueAt: t(15), priority: 'P1' },
    });
    const at = (ms: number) => new Date(Date.parse(t(15)) + ms).toISOString();

    it('takes an acknowledgement exactly at the deadline as in time, and records the breach a moment after', () => {
      const ackAt = (when: string) => ({
        kind: 'acknowledge' as const,
        policy,
        ticketId: TICKET,
        periodId: PERIOD_ID,
        at: when,
        by: 'sam@example.com',
      });
      const triaged: TicketEvent = {
        type: 'hypercare.ticket.triaged.v1',
        data: { ...triagedP1Data, escalations: [] },
      };
      spec(opened, triaged)
        .when(ackAt(at(-1)))
        .then([{ type: 'hypercare.ticket.acknowledged.v1', data: { ...base(15), at: at(-1) } }]);
      spec(opened, triaged)
        .when(ackAt(at(0)))
        .then([{ type: 'hypercare.ticket.acknowledged.v1', data: base(15) }]);
      spec(opened, triaged)
        .when(ackAt(at(1)))
        .then([
          { ...breachAt(15), data: { ...breachAt(15).data, at: at(1) } } as TicketEvent,
          { type: 'hypercare.ticket.acknowledged.v1', data: { ...base(15), at: at(1) } },
        ]);
    });

    it('fires nothing exactly at a due time, and the breach a moment after', () => {
      const check = (ms: number) => ({
        kind: 'check-sla' as const,
        policy,
        ...base(15, 'sla-timer'),
        at: at(ms),
      });
      const escalated: TicketEvent = {
        type: 'hypercare.ticket.escalated.v1',
        data: {
          ...base(11, 'sla-timer'),
          level: 1,
          when: 'unacknowledged',
          notifyRole: 'technical-lead',
          notified: [{ name: 'Tomás Lead', email: 'tomas@example.com' }],
          dueAt: t(10),
        },
      };
      spec(opened, triagedP1, escalated).when(check(0)).thenNothingHappened();
      spec(opened, triagedP1, escalated)
        .when(check(1))
        .then([
          { ...breachAt(15), data: { ...breachAt(15).data, at: at(1), by: 'sla-timer' } } as TicketEvent,
        ]);
    });

    it('fires the second escalation level after the first, each once', () => {
      const level = (n: 1 | 2, minutes: number): TicketEvent => ({
        type: 'hypercare.ticket.escalated.v1',
        data: {
          ...base(minutes, 'sla-timer'),
          level: n,
          when: 'unacknowledged',
          notifyRole: n === 1 ? 'technical-lead' : 'project-manager',
          notified:
            n === 1
              ? [{ name: 'Tomás Lead', email: 'tomas@example.com' }]
              : [{ name: 'Priya PM', email: 'priya@example.com' }],
          dueAt: t(n === 1 ? 10 : 30),
        },
      });
      spec(opened, triagedP1)
        .when({ kind: 'check-sla', policy, ...base(11, 'sla-timer') })
        .then([level(1, 11)]);
      const breach: TicketEvent = {
        type: 'hypercare.ticket.sla-breached.v1',
        data: { ...base(16, 'sla-timer'), clock: 'acknowledge', dueAt: t(15), priority: 'P1' },
      };
      spec(opened, triagedP1, level(1, 11), breach)
        .when({ kind: 'check-sla', policy, ...base(31, 'sla-timer') })
        .then([level(2, 31)]);
      spec(opened, triagedP1, level(1, 11), breach, level(2, 31))
        .when({ kind: 'check-sla', policy, ...base(60, 'sla-timer') })
        .thenNothingHappened();
    });

    it('escalates an unresolved ticket by its resolve clock even once acknowledged, and records a level a late resolution passed', () => {
      const unresolvedPolicy = configuration({
        escalationMatrix: [
          {
            priority: 'P1',
            levels: [{ afterMinutes: 120, when: 'unresolved', notifyRole: 'project-manager' }],
          },
        ],
      });
      const triaged = ticketDecider.decide(
        {
          kind: 'triage',
          category: 'critical-bug',
          impact: 'high',
          urgency: 'high',
          policy: unresolvedPolicy,
          ...base(2),
        },
        [opened].reduce(ticketDecider.evolve, ticketDecider.initialState),
      );
      spec(opened, ...triaged, acknowledged)
        .when({ kind: 'check-sla', policy: unresolvedPolicy, ...base(121, 'sla-timer') })
        .then([
          {
            type: 'hypercare.ticket.escalated.v1',
            data: {
              ...base(121, 'sla-timer'),
              level: 1,
              when: 'unresolved',
              notifyRole: 'project-manager',
              notified: [{ name: 'Priya PM', email: 'priya@example.com' }],
              dueAt: t(120),
            },
          },
        ]);
      spec(opened, ...triaged, acknowledged, started, resolved)
        .when({ kind: 'check-sla', policy: unresolvedPolicy, ...base(121, 'sla-timer') })
        .thenNothingHappened();
      spec(opened, ...triaged, acknowledged, started)
        .when({ kind: 'resolve', policy: unresolvedPolicy, rootCause: 'Lock released', ...base(130) })
        .then([
          {
            type: 'hypercare.ticket.escalated.v1',
            data: {
              ...base(130),
              level: 1,
              when: 'unresolved',
              notifyRole: 'project-manager',
              notified: [{ name: 'Priya PM', email: 'priya@example.com' }],
              dueAt: t(120),
            },
          },
          { type: 'hypercare.ticket.resolved.v1', data: { ...base(130), rootCause: 'Lock released' } },
        ]);
    });
  });

  it('names the missing cell or target of a policy with a hole (which the period rules keep out)', () => {
    const state = [opened].reduce(ticketDecider.evolve, ticketDecider.initialState);
    const triage = (over: Partial<typeof policy>) => () =>
      ticketDecider.decide(
        {
          kind: 'triage',
          category: 'critical-bug',
          impact: 'high',
          urgency: 'high',
          policy: { ...policy, ...over },
          ...base(2),
        },
        state,
      );
    expect(triage({ priorityMatrix: policy.priorityMatrix.slice(1) })).toThrow(
      "the period's priority matrix has no cell for impact high x urgency high",
    );
    expect(triage({ slaPolicy: policy.slaPolicy.slice(1) })).toThrow(
      "the period's SLA policy has no target for P1",
    );
  });
});

import { periodEvents, surveyIssuedEvent, ticketEvents } from '@hypercare/contracts/testing';
import {
  type NoticeEvent,
  noticesFor,
  type NoticePeriod,
  type NoticeTicket,
  periodAfter,
  ticketAfter,
} from './notification-rules';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const TICKET = '0b9a8a8e-6a40-4d4e-9d61-0d5b7f0e2c11';
const t = ticketEvents(TICKET, PERIOD);
const p = periodEvents(PERIOD);

/** Given the events before, when one more comes: who is told what. */
const given = (...before: NoticeEvent[]) => {
  let period: NoticePeriod | undefined;
  let ticket: NoticeTicket | undefined;
  for (const event of before) {
    period = periodAfter(period, event);
    ticket = ticketAfter(ticket, event);
  }
  return {
    when: (event: NoticeEvent) =>
      noticesFor(event, period, ticket).map(({ kind, recipient }) => `${kind} → ${recipient.email}`),
    factsOf: (event: NoticeEvent) =>
      noticesFor(event, period, ticket).map(({ kind, facts }) => ({ kind, ...facts })),
  };
};

describe('who is told what', () => {
  const opened = [p.planned(), t.opened()];

  it('tells the reporter their report was received, naming nobody else', () => {
    expect(given(p.planned()).when(t.opened())).toEqual(['received → ana@example.com']);
  });

  it('tells the reporter the priority once triaged, and again only when it changes', () => {
    const first = t.triaged('2026-11-03T09:02:00.000Z', 'P3');
    expect(given(...opened).when(first)).toEqual(['triaged → ana@example.com']);
    expect(given(...opened, first).when(t.triaged('2026-11-03T09:05:00.000Z', 'P3', 'P3'))).toEqual([]);
    expect(given(...opened, first).when(t.triaged('2026-11-03T09:05:00.000Z', 'P2', 'P3'))).toEqual([
      'triaged → ana@example.com',
    ]);
  });

  it('wakes the technical lead and the project manager for a new P1, not the agent', () => {
    expect(given(...opened).when(t.triaged('2026-11-03T09:02:00.000Z', 'P1'))).toEqual([
      'triaged → ana@example.com',
      'p1-opened → tomas@example.com',
      'p1-opened → priya@example.com',
    ]);
  });

  it('tells an assignee of their ticket unless they took it themselves', () => {
    const assigned = t.assigned('2026-11-03T09:03:00.000Z');
    expect(given(...opened).when(assigned)).toEqual([]);
    const byLead = { ...assigned, data: { ...assigned.data, by: 'Tomás Lead' } };
    expect(given(...opened).when(byLead)).toEqual(['assigned → sam@example.com']);
  });

  it('tells the reporter of a workaround, the resolution and a reopening', () => {
    expect(given(...opened).when(t.workaroundProvided('2026-11-03T10:00:00.000Z'))).toEqual([
      'workaround → ana@example.com',
    ]);
    expect(given(...opened).when(t.resolved('2026-11-03T12:00:00.000Z'))).toEqual([
      'resolved → ana@example.com',
    ]);
    expect(given(...opened).when(t.reopened('2026-11-04T08:00:00.000Z'))).toEqual([
      'reopened → ana@example.com',
    ]);
  });

  it('tells the assignee and the leads of a breach, each once', () => {
    const breach = t.slaBreached('2026-11-03T09:15:00.000Z', 'acknowledge', '2026-11-03T09:15:00.000Z');
    expect(given(...opened).when(breach)).toEqual([
      'sla-breached → tomas@example.com',
      'sla-breached → priya@example.com',
    ]);
    const toLead = t.assigned('2026-11-03T09:03:00.000Z');
    const lead = {
      ...toLead,
      data: { ...toLead.data, assignee: { name: 'Tomás Lead', email: 'TOMAS@example.com' } },
    };
    expect(given(...opened, lead).when(breach)).toEqual([
      'sla-breached → TOMAS@example.com',
      'sla-breached → priya@example.com',
    ]);
  });

  it('tells the people an escalation level named', () => {
    expect(given(...opened).when(t.escalated('2026-11-03T09:20:00.000Z', 2, 'technical-lead'))).toEqual([
      'escalated → tomas@example.com',
    ]);
  });

  it('tells nobody of comments, decisions or what happened to a ticket it never saw opened', () => {
    expect(given(...opened).when(t.commented('2026-11-03T09:30:00.000Z'))).toEqual([]);
    expect(given(...opened).when(t.decided('2026-11-03T09:30:00.000Z'))).toEqual([]);
    expect(given(p.planned()).when(t.resolved('2026-11-03T12:00:00.000Z'))).toEqual([]);
  });

  it('asks the reporter how they were helped when feedback issues a survey, naming the ticket by its id when it is not known yet', () => {
    const survey = surveyIssuedEvent(TICKET, PERIOD, { surveyId: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' });
    expect(given(...opened).when(survey)).toEqual(['survey → ana@example.com']);
    expect(given(...opened).factsOf(survey)).toEqual([
      expect.objectContaining({
        kind: 'survey',
        systemName: 'Finance cloud',
        ticketId: TICKET,
        surveyId: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
        expiresAt: '2026-11-10T12:00:05.000Z',
        title: 'Invoices do not export',
      }),
    ]);
    expect(given(p.planned()).factsOf(survey)).toEqual([
      expect.objectContaining({ kind: 'survey', title: `ticket ${TICKET}` }),
    ]);
  });

  it('follows the roster as it is reconfigured', () => {
    const roster = [{ role: 'technical-lead' as const, name: 'Nia New', email: 'nia@example.com' }];
    expect(
      given(...opened, p.reconfigured({ roster })).when(t.triaged('2026-11-03T09:02:00.000Z', 'P1')),
    ).toEqual(['triaged → ana@example.com', 'p1-opened → nia@example.com']);
  });

  it('gives each notice the facts its words need', () => {
    const about = { systemName: 'Finance cloud', ticketId: TICKET, title: 'Invoices do not export' };
    const triaged = t.triaged('2026-11-03T09:02:00.000Z', 'P2');
    const after = (event: NoticeEvent) => given(...opened, triaged).factsOf(event);
    expect(given(p.planned()).factsOf(t.opened())).toEqual([
      { kind: 'received', ...about, priority: '', reportedAt: '2026-11-03T09:00:00.000Z' },
    ]);
    expect(given(...opened).factsOf(triaged)).toEqual([
      {
        kind: 'triaged',
        ...about,
        priority: 'P2',
        category: 'critical-bug',
        acknowledgeDueAt: '2026-11-03T09:15:00.000Z',
        resolveDueAt: '2026-11-03T13:00:00.000Z',
      },
    ]);
    expect(after(t.resolved('2026-11-03T12:00:00.000Z'))).toEqual([
      { kind: 'resolved', ...about, priority: 'P2', rootCause: 'Missing index', fixReference: 'FIX-7' },
    ]);
    expect(after(t.reopened('2026-11-04T08:00:00.000Z'))).toEqual([
      { kind: 'reopened', ...about, priority: 'P2', reason: 'Came back after the release' },
    ]);
    expect(
      after(t.slaBreached('2026-11-03T09:15:00.000Z', 'acknowledge', '2026-11-03T09:15:00.000Z'))[0],
    ).toEqual({
      kind: 'sla-breached',
      ...about,
      priority: 'P1',
      clock: 'acknowledge',
      dueAt: '2026-11-03T09:15:00.000Z',
    });
    expect(after(t.escalated('2026-11-03T09:20:00.000Z', 2, 'technical-lead'))).toEqual([
      {
        kind: 'escalated',
        ...about,
        priority: 'P2',
        level: '2',
        when: 'unacknowledged',
        role: 'technical-lead',
        dueAt: '2026-11-03T09:20:00.000Z',
      },
    ]);
  });

  it('tells a person once, whatever the case of their address', () => {
    const toLead = t.assigned('2026-11-03T09:03:00.000Z');
    const shouting = {
      ...toLead,
      data: { ...toLead.data, assignee: { name: 'Tomás Lead', email: 'TOMAS@EXAMPLE.COM' } },
    };
    const breach = t.slaBreached('2026-11-03T09:15:00.000Z', 'acknowledge', '2026-11-03T09:15:00.000Z');
    expect(given(...opened, shouting).when(breach)).toHaveLength(2);
  });

  it('sends the daily stand-up to the leads', () => {
    const standup: NoticeEvent = {
      type: 'hypercare.standup.prepared.v1',
      data: {
        periodId: PERIOD,
        day: '2026-11-03',
        counts: { reported: 3, resolved: 2, breached: 0, escalated: 0, stuck: 1 },
        ready: false,
        markdown: '# Stand-up',
        at: '2026-11-04T08:00:00.000Z',
      },
    };
    expect(given(p.planned()).when(standup)).toEqual([
      'standup → tomas@example.com',
      'standup → priya@example.com',
    ]);
  });
});

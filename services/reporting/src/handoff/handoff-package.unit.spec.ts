import { createHash } from 'node:crypto';
import { periodDefinition } from '@hypercare/contracts/testing';
import type { Evaluated } from '../exit/criteria-measures';
import { exitDecider } from '../exit/exit.decider';
import type { PeriodView } from '../periods/period-view.entity';
import type { HandoffFacts } from './handoff-facts';
import { handoffMarkdown } from './handoff-markdown';
import { assembleHandoff } from './handoff-package';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const TICKET = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const ARTICLE = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const closedAt = new Date('2026-11-24T08:00:00.000Z');

const period: PeriodView = {
  periodId: PERIOD,
  programmeId: '7b0e9a52-54d4-4c5e-8d0b-3f1c2a9e6d10',
  systemName: 'Finance cloud',
  status: 'closed',
  goLiveAt: new Date('2026-11-02T08:00:00.000Z'),
  plannedEndAt: new Date('2026-11-23T08:00:00.000Z'),
  activatedAt: new Date('2026-11-02T08:00:00.000Z'),
  closedAt,
  extensionCount: 0,
  configuration: periodDefinition(),
  version: 3,
  closing: {
    summary: 'Stable since week two',
    exitOverride: { reason: 'BAU owns the last P2', by: 'Tomás Lead', unmet: ['No open P2'] },
  },
};
const dashboard = {
  periodId: PERIOD,
  tickets: { total: 12, open: 1 },
  byStatus: {},
  byPriority: { P2: 1 },
  byCategory: { 'critical-bug': 12 },
  newPerDay: [{ day: '2026-11-02', count: 7 }],
  mttaMinutes: 11.5,
  mttrMinutes: 240,
  sla: { met: 20, breached: 2, compliancePercent: 90.9 },
  openEscalations: { count: 0, tickets: [] },
  alerts: { raised: 3 },
  satisfaction: { answered: 5, average: 4.2 },
} as unknown as HandoffFacts['dashboard'];
const facts: HandoffFacts = {
  period,
  openTickets: [
    {
      ticketId: TICKET,
      title: 'Invoices do not export',
      priority: 'P2',
      category: 'critical-bug',
      status: 'in-progress',
      assigneeRole: 'support-agent',
      assigneeName: 'Sam Agent',
      assigneeEmail: 'sam@example.com',
      reportedAt: new Date('2026-11-20T08:00:00.000Z'),
    },
  ],
  knownIssues: [
    {
      ticketId: TICKET,
      title: 'Invoices do not export',
      status: 'in-progress',
      workaround: 'Export as CSV',
      articleIds: [ARTICLE],
    },
  ],
  articles: [
    {
      articleId: ARTICLE,
      kind: 'workaround',
      title: 'Export as CSV',
      body: 'Use **CSV**.',
      ticketIds: [TICKET],
    },
  ],
  enhancements: [],
  dashboard,
};
const exit: Evaluated[] = [
  {
    criterion: { name: 'No open P2', metric: 'open-tickets', priorities: ['P2'], comparator: '=', target: 0 },
    result: {
      criterion: 'No open P2',
      metric: 'open-tickets',
      comparator: '=',
      target: 0,
      value: 1,
      met: false,
    },
    measurement: { value: 1, evidence: { tickets: [{ ticketId: TICKET, priority: 'P2' }] } },
  },
];

describe('the handoff package', () => {
  const assembled = assembleHandoff(facts, exit, exitDecider.initialState);

  it('frames its items between started (with their number) and completed (with counts and digest)', () => {
    const types = assembled.events.map(({ type }) => type.replace(/^hypercare\.handoff\.|\.v1$/g, ''));
    expect(types).toEqual([
      'started',
      'open-ticket',
      'known-issue',
      'article',
      'kpis',
      'exit',
      'lesson',
      'contact',
      'contact',
      'contact',
      'completed',
    ]);
    expect(assembled.events[0]?.data).toMatchObject({ items: 9, closedAt: closedAt.toISOString() });
    expect(assembled.counts).toEqual({
      'open-ticket': 1,
      'known-issue': 1,
      article: 1,
      kpis: 1,
      exit: 1,
      lesson: 1,
      contact: 3,
    });
    expect(assembled.events.at(-1)?.data).toEqual({
      periodId: PERIOD,
      counts: assembled.counts,
      digest: assembled.digest,
    });
  });

  it('ages open tickets at the close, not now, and carries the override', () => {
    expect(assembled.events[1]?.data).toMatchObject({
      ageDays: 4,
      owner: { name: 'Sam Agent', role: 'support-agent' },
    });
    const exitItem = assembled.events.find(({ type }) => type === 'hypercare.handoff.exit.v1');
    expect(exitItem?.data).toMatchObject({
      criteria: [{ name: 'No open P2', value: 1, met: false }],
      override: { reason: 'BAU owns the last P2', unmet: ['No open P2'] },
    });
  });

  it('gives the same digest for the same facts, whatever order their keys came in, and another for other facts', () => {
    const reordered: HandoffFacts = {
      ...facts,
      articles: facts.articles.map((a) => ({
        ticketIds: a.ticketIds,
        body: a.body,
        title: a.title,
        kind: a.kind,
        articleId: a.articleId,
      })),
    };
    expect(assembleHandoff(reordered, exit, exitDecider.initialState).digest).toBe(assembled.digest);
    const other = { ...facts, openTickets: [] };
    expect(assembleHandoff(other, exit, exitDecider.initialState).digest).not.toBe(assembled.digest);
  });

  it('is checked by a digest any language can compute: SHA-256 of the items as RFC 8785 JSON', () => {
    // Without the library: keys sorted at every level, no spaces (what JCS gives for this data).
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.keys(value)
                .sort()
                .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
            )
          : value;
    const items = assembled.events.slice(1, -1).map(({ type, data }) => ({ type, data }));
    const expected = createHash('sha256')
      .update(JSON.stringify(sorted(items)))
      .digest('hex');
    expect(assembled.digest).toBe(expected);
  });

  it('reads as a document, the override and digest included', () => {
    const markdown = handoffMarkdown(assembled);
    expect(markdown).toContain('# Handoff: Finance cloud');
    expect(markdown).toContain(
      `| ${TICKET} | Invoices do not export | P2 | in-progress | Sam Agent (support-agent) | 4 |`,
    );
    expect(markdown).toContain('### Export as CSV (workaround)');
    expect(markdown).toContain('Closed by override of Tomás Lead: BAU owns the last P2 (unmet: No open P2)');
    expect(markdown).toContain(`\`${assembled.digest}\``);
  });
});

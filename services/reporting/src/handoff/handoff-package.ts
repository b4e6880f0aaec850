import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventOf, handoffContracts, handoffItemContracts } from '@hypercare/contracts';
import type { Evaluated } from '../exit/criteria-measures';
import type { ExitState } from '../exit/exit.decider';
import { configurationOf, type HandoffFacts } from './handoff-facts';

export type HandoffEvent = EventOf<(typeof handoffContracts)[number]>;
export type HandoffItem = EventOf<(typeof handoffItemContracts)[number]>;

/**
 * A period's handoff: its events in order (started, the items, completed; once recorded, each
 * with the id it is published under as `ce_id`), their counts and digest.
 */
export interface HandoffPackage {
  periodId: string;
  events: Array<HandoffEvent & { id?: string }>;
  counts: Record<string, number>;
  digest: string;
}

const DAY = 86_400_000;
const round1 = (value: number): number => Math.round(value * 10) / 10;
const iso = (at: Date): string => at.toISOString();

/**
 * The digest BAU checks the package with: SHA-256 of the item events' `{type, data}` in
 * order, as RFC 8785 canonical JSON, so any language can compute it again.
 */
const digestOf = (items: readonly HandoffItem[]): string =>
  createHash('sha256')
    .update(canonicalize(items.map(({ type, data }) => ({ type, data }))) as string)
    .digest('hex');

/** The exit section: each criterion as measured at the close, and any override of them. */
const exitItem = (facts: HandoffFacts, exit: Evaluated[], recorded: ExitState): HandoffItem => ({
  type: 'hypercare.handoff.exit.v1',
  data: {
    periodId: facts.period.periodId,
    criteria: exit.map(({ criterion, result, measurement }) => ({
      name: criterion.name,
      metric: criterion.metric,
      comparator: criterion.comparator,
      target: criterion.target,
      value: measurement.value,
      met: result.met ?? recorded.checks.get(criterion.name)?.met ?? false,
      evidence: measurement.evidence,
    })),
    override: facts.period.closing?.exitOverride ?? null,
  },
});

const kpisItem = ({ period, dashboard }: HandoffFacts): HandoffItem => ({
  type: 'hypercare.handoff.kpis.v1',
  data: {
    periodId: period.periodId,
    tickets: dashboard.tickets,
    byPriority: dashboard.byPriority,
    byCategory: dashboard.byCategory,
    mttaMinutes: dashboard.mttaMinutes,
    mttrMinutes: dashboard.mttrMinutes,
    slaCompliancePercent: dashboard.sla.compliancePercent,
    csat: { average: dashboard.satisfaction.average, responses: dashboard.satisfaction.answered },
    alertsRaised: dashboard.alerts.raised,
    newPerDay: dashboard.newPerDay,
  },
});

/** The items of the package, in one fixed order, from the facts as of the close. */
const itemsOf = (facts: HandoffFacts, exit: Evaluated[], recorded: ExitState): HandoffItem[] => {
  const { periodId, closedAt, closing } = facts.period;
  const closed = closedAt as Date;
  return [
    ...facts.openTickets.map((ticket): HandoffItem => ({
      type: 'hypercare.handoff.open-ticket.v1',
      data: {
        periodId,
        ticketId: ticket.ticketId,
        title: ticket.title,
        priority: ticket.priority as never,
        category: ticket.category as never,
        status: ticket.status as never,
        owner:
          ticket.assigneeName && ticket.assigneeEmail
            ? { role: ticket.assigneeRole ?? '', name: ticket.assigneeName, email: ticket.assigneeEmail }
            : null,
        reportedAt: iso(ticket.reportedAt),
        ageDays: round1((closed.getTime() - ticket.reportedAt.getTime()) / DAY),
      },
    })),
    ...facts.knownIssues.map((issue): HandoffItem => ({
      type: 'hypercare.handoff.known-issue.v1',
      data: { periodId, ...issue, status: issue.status as never },
    })),
    ...facts.articles.map((article): HandoffItem => ({
      type: 'hypercare.handoff.article.v1',
      data: { periodId, ...article, kind: article.kind as never },
    })),
    ...facts.enhancements.map((item): HandoffItem => ({
      type: 'hypercare.handoff.enhancement.v1',
      data: { periodId, ...item, addedAt: iso(item.addedAt) },
    })),
    kpisItem(facts),
    exitItem(facts, exit, recorded),
    ...(closing?.summary
      ? [
          {
            type: 'hypercare.handoff.lesson.v1',
            data: { periodId, source: 'close-summary', text: closing.summary },
          } as const,
        ]
      : []),
    ...[...configurationOf(facts.period).roster]
      .sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name))
      .map(({ role, name, email }): HandoffItem => ({
        type: 'hypercare.handoff.contact.v1',
        data: { periodId, role, name, email },
      })),
  ];
};

/**
 * Assembles a closed period's handoff from its facts as of the close: the same facts give the
 * same events and the same digest.
 */
export const assembleHandoff = (
  facts: HandoffFacts,
  exit: Evaluated[],
  recorded: ExitState,
): HandoffPackage => {
  const { period } = facts;
  const items = itemsOf(facts, exit, recorded);
  const counts: Record<string, number> = {};
  for (const { type } of items) {
    const kind = type.replace(/^hypercare\.handoff\.|\.v1$/g, '');
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  const digest = digestOf(items);
  return {
    periodId: period.periodId,
    counts,
    digest,
    events: [
      {
        type: 'hypercare.handoff.started.v1',
        data: {
          periodId: period.periodId,
          programmeId: period.programmeId,
          systemName: period.systemName,
          goLiveAt: iso(period.goLiveAt),
          closedAt: iso(period.closedAt as Date),
          items: items.length,
        },
      },
      ...items,
      { type: 'hypercare.handoff.completed.v1', data: { periodId: period.periodId, counts, digest } },
    ],
  };
};

type Completed = Extract<HandoffEvent, { type: 'hypercare.handoff.completed.v1' }>;

/** A package as its recorded events give it back. */
export const packageOf = (
  periodId: string,
  recorded: Array<HandoffEvent & { id: string }>,
): HandoffPackage | undefined => {
  const events = recorded.map(({ id, type, data }) => ({ id, type, data }) as HandoffEvent & { id: string });
  const completed = events.find(({ type }) => type === 'hypercare.handoff.completed.v1') as
    Completed | undefined;
  if (!completed) return undefined;
  return { periodId, events, counts: completed.data.counts, digest: completed.data.digest };
};

import type { HypercareClient } from '@hypercare/client';
import { activePeriod, submitReport } from './scenario-steps';

export const T0 = new Date('2030-03-04T08:00:00.000Z');
export const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);
export const HOUR = 3_600_000;

/** The script: when each ticket is reported, its impact and urgency, and how long until each step. */
export const TICKETS = [
  { reported: 0, impact: 'high', urgency: 'high', acknowledgeAfter: 3, resolveAfter: 50 },
  { reported: 30, impact: 'high', urgency: 'high', acknowledgeAfter: 8, resolveAfter: 90 },
  { reported: 60, impact: 'high', urgency: 'high', acknowledgeAfter: 20, resolveAfter: 150 },
  { reported: 90, impact: 'medium', urgency: 'medium', acknowledgeAfter: 45, resolveAfter: 200 },
  { reported: 120, impact: 'low', urgency: 'low', acknowledgeAfter: 100, resolveAfter: 300 },
] as const;

/**
 * A period the services really run: each ticket reported, triaged, acknowledged, started and
 * resolved through the APIs at its minute of the platform's test clock, so that triage decides
 * its SLA clocks and escalations as they happen; the clock ends a day after go-live.
 */
export const scriptedPeriod = async (
  client: HypercareClient,
): Promise<{ periodId: string; ids: string[] }> => {
  const ids: string[] = [];
  const setClock = (to: Date) => client.call('triage', 'PUT', '/test-clock', { now: to.toISOString() });
  await setClock(at(-60));
  const periodId = await activePeriod(client, T0);
  const steps = TICKETS.flatMap((ticket, n) => [
    { minute: ticket.reported, n, step: 'report' },
    { minute: ticket.reported + 1, n, step: 'triage' },
    { minute: ticket.reported + ticket.acknowledgeAfter, n, step: 'acknowledge' },
    { minute: ticket.reported + ticket.acknowledgeAfter + 1, n, step: 'start' },
    { minute: ticket.reported + ticket.resolveAfter, n, step: 'resolve' },
    ...(n === 2
      ? [
          { minute: ticket.reported + 40, n, step: 'workaround' },
          { minute: ticket.reported + 41, n, step: 'decide' },
        ]
      : []),
  ]).sort((a, b) => a.minute - b.minute || a.n - b.n);
  for (const { minute, n, step } of steps) {
    await setClock(at(minute));
    const ticket = TICKETS[n] as (typeof TICKETS)[number];
    if (step === 'report') {
      ids[n] = await submitReport(client, periodId, n, 1);
      await client.poll('triage', `/tickets/${ids[n]}`, (r) => r.status === 200);
      continue;
    }
    const bodies: Record<string, Record<string, unknown>> = {
      triage: { category: 'critical-bug', impact: ticket.impact, urgency: ticket.urgency },
      resolve: { rootCause: 'a bad deploy' },
      workaround: { workaround: 'Export from the old ledger until the fix' },
      decide: { decision: 'hotfix', rationale: 'month-end close cannot wait for the next release' },
    };
    await client.call('triage', 'POST', `/tickets/${ids[n]}/${step}`, bodies[step] ?? {});
  }
  await setClock(at(24 * 60));
  await client.poll<Array<{ status: string }>>(
    'reporting',
    `/periods/${periodId}/tickets?status=resolved`,
    (r) => r.status === 200 && (r.body as unknown as { items: unknown[] }).items.length === TICKETS.length,
    30_000,
  );
  return { periodId, ids };
};

import type { HypercareClient } from '@hypercare/client';

interface Readiness {
  criteria: Array<{ name: string; met: boolean; since: string | null }>;
}

/**
 * The end of one period's hypercare: its lead opens the exit review, reads the readiness,
 * closes (overriding, with the reason, whatever criterion is still unmet), handing the open
 * tickets over to BAU, and waits for the handoff package to be recorded and published.
 */
export const closeWithHandoff = async (lead: HypercareClient, periodId: string): Promise<string[]> => {
  await lead.call('triage', 'POST', `/periods/${periodId}/exit-review`, {});
  // Every criterion recorded as it stands now, and triage told so: what a close is checked against.
  const { body } = await lead.poll<Readiness>(
    'reporting',
    `/periods/${periodId}/exit`,
    (r) => r.status === 200 && r.body.criteria.every(({ since }) => since !== null),
    30_000,
  );
  const unmet = body.criteria.filter(({ met }) => !met).map(({ name }) => name);
  await lead.poll<{ exitUnmet: string[] }>(
    'triage',
    `/periods/${periodId}`,
    (r) => r.status === 200 && r.body.exitUnmet.join() === unmet.join(),
    30_000,
  );
  await lead.call('triage', 'POST', `/periods/${periodId}/close`, {
    summary: 'Stable since week two; the service desk takes the open tickets with their owners',
    handOverOpenTickets: true,
    ...(unmet.length
      ? {
          override: {
            reason: `Agreed with BAU in the exit review: ${unmet.join(', ')} followed up by the service desk`,
          },
        }
      : {}),
  });
  await lead.poll('reporting', `/periods/${periodId}/handoff`, (r) => r.status === 200, 60_000);
  return unmet;
};

import type { HypercareClient } from '@hypercare/client';

interface TicketRow {
  ticketId: string;
  title: string;
  affectedUsers: number;
  acknowledgeSla: string | null;
  resolveSla: string | null;
  escalationLevel: number;
}

/** How bad a ticket went: missed deadlines first, then escalations, then the users it hurt. */
const badness = (ticket: TicketRow): number =>
  [ticket.acknowledgeSla, ticket.resolveSla].filter((outcome) => outcome === 'breached').length * 10_000 +
  ticket.escalationLevel * 1_000 +
  ticket.affectedUsers;

/**
 * The go-live's worst P1 gets a blameless post-mortem, written by the period's lead, reviewed
 * and published: the demo's example of a document whose every generated line cites its events.
 */
export const publishWorstIncident = async (lead: HypercareClient, periodId: string): Promise<string> => {
  const { items } = await lead.call<{ items: TicketRow[] }>(
    'reporting',
    'GET',
    `/periods/${periodId}/tickets?priority=P1&limit=200`,
  );
  const [worst] = [...items].sort((a, b) => badness(b) - badness(a) || a.ticketId.localeCompare(b.ticketId));
  if (!worst) throw new Error(`period ${periodId} had no P1 to write a post-mortem of`);
  const base = `/periods/${periodId}/postmortems`;
  const { postmortemId } = await lead.call<{ postmortemId: string }>('reporting', 'POST', base, {
    title: `Post-mortem: ${worst.title}`,
    scope: { kind: 'tickets', ticketIds: [worst.ticketId] },
  });
  await lead.call('reporting', 'PUT', `${base}/${postmortemId}`, {
    title: `Post-mortem: ${worst.title}`,
    summary: `The worst incident of the go-live: "${worst.title}", ${worst.affectedUsers} users affected.`,
    rootCause: 'A configuration defect shipped with the go-live; the fix went out as a hotfix.',
    wentWell: ['The service desk filed the report with clear steps to reproduce'],
    wentBadly: ['The ticket waited past its deadline before anyone took it'],
    actionItems: [
      {
        description: 'Add the screen to the go-live smoke tests',
        ownerRole: 'technical-lead',
        dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
        status: 'open',
      },
    ],
    namesShown: false,
  });
  await lead.call('reporting', 'POST', `${base}/${postmortemId}/review`, {});
  await lead.call('reporting', 'POST', `${base}/${postmortemId}/publish`, {});
  return postmortemId;
};

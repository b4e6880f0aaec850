import type { HypercareClient } from '@hypercare/client';

const T0 = new Date('2030-03-04T08:00:00.000Z');
const at = (minutes: number): string => new Date(T0.getTime() + minutes * 60_000).toISOString();
const lead = { by: 'lead@example.com' };
const sam = { by: 'sam@example.com' };

/** What a recorded platform holds: the ids a reader of it asks about. */
export interface CompatIds {
  periods: string[];
  tickets: string[];
}

const definition = (systemName: string) => ({
  ...lead,
  programme: 'Compatibility',
  systemName,
  goLiveAt: at(0),
  roster: [
    { role: 'technical-lead', name: 'Tomás Lead', email: 'tomas@example.com' },
    { role: 'support-agent', name: 'Sam Agent', email: 'sam@example.com' },
    { role: 'project-manager', name: 'Priya PM', email: 'priya@example.com' },
  ],
  escalationMatrix: [
    {
      priority: 'P1',
      levels: [
        { afterMinutes: 10, when: 'unacknowledged', notifyRole: 'technical-lead' },
        { afterMinutes: 30, when: 'unacknowledged', notifyRole: 'project-manager' },
      ],
    },
  ],
});

/** The `n`th report of the scenario, submitted with the Idempotency-Key `compat-<n>`. */
export const compatReport = (n: number) => ({
  reporter: { name: `User ${n}`, email: `user${n}@example.com` },
  title: `Compat problem ${n}`,
  description: `What went wrong, number ${n}`,
  stepsToReproduce: ['Open it', 'Press the button'],
  affectedUsers: 1 + n,
});

/**
 * A small go-live touching every event type: two periods (one active with tickets in every
 * status, one still planned), retried reports, triage and re-triage, assignment, workarounds,
 * decisions, comments, resolutions, a close and a reopen, and SLA breaches and escalations
 * fired by the timer as a moved clock passes their deadlines. Driven through the public APIs
 * of an all-in-one platform on a manual clock, as versions before programmes were first-class
 * had them (`POST /periods` with a free-text `programme`): it records those versions.
 */
export const seedCompatScenario = async (client: HypercareClient): Promise<CompatIds> => {
  const clock = (minutes: number) => client.call('triage', 'PUT', '/test-clock', { now: at(minutes) });
  await clock(-120);
  const { periodId } = await client.call<{ periodId: string }>(
    'triage',
    'POST',
    '/periods',
    definition('Ledger'),
  );
  const { periodId: planned } = await client.call<{ periodId: string }>(
    'triage',
    'POST',
    '/periods',
    definition('Payroll'),
  );
  await client.call('triage', 'POST', `/periods/${periodId}/activate`, lead);
  await client.poll<{ status: string }>('intake', `/periods/${periodId}`, (r) => r.body?.status === 'active');
  const tickets: string[] = [];
  for (let n = 0; n < 8; n++) {
    await clock(n * 15);
    const headers = { 'idempotency-key': `compat-${n}` };
    const first = await client.call<{ reportId: string }>(
      'intake',
      'POST',
      `/periods/${periodId}/reports`,
      compatReport(n),
      headers,
    );
    if (n % 3 === 0)
      await client.call('intake', 'POST', `/periods/${periodId}/reports`, compatReport(n), headers);
    tickets.push(first.reportId);
    await client.poll('triage', `/tickets/${first.reportId}`, (r) => r.status === 200);
  }
  const act = (ticket: number, command: string, body: object = {}) =>
    client.call('triage', 'POST', `/tickets/${tickets[ticket]}/${command}`, { ...sam, ...body });
  await clock(125);
  for (let n = 0; n < 8; n++)
    await act(n, 'triage', {
      category: n % 2 ? 'training-need' : 'critical-bug',
      impact: n < 3 ? 'high' : 'medium',
      urgency: n < 2 ? 'high' : 'low',
    });
  await act(2, 'triage', { category: 'critical-bug', impact: 'high', urgency: 'high' });
  for (const n of [1, 2, 3, 4, 5, 6])
    await act(n, 'assign', { role: 'support-agent', email: 'sam@example.com' });
  await clock(130);
  for (const n of [1, 3, 4, 5, 6]) await act(n, 'acknowledge');
  for (const n of [3, 4, 5, 6]) await act(n, 'start');
  await act(4, 'workaround', { workaround: 'Post from the old screen' });
  await act(5, 'decide', { decision: 'hotfix', rationale: 'Blocks month end' });
  await act(6, 'comments', { text: 'Looking at the logs' });
  await clock(200);
  for (const n of [5, 6]) await act(n, 'resolve', { rootCause: 'Missing index', fixReference: `FIX-${n}` });
  await act(6, 'close');
  await act(6, 'reopen', { reason: 'Came back after the release' });
  await clock(600);
  await client.poll<{ breached?: string[] }>('triage', `/tickets/${tickets[0]}`, (r) =>
    (r.body?.breached ?? []).includes('acknowledge'),
  );
  await client.poll<{ breached?: string[] }>('triage', `/tickets/${tickets[2]}`, (r) =>
    (r.body?.breached ?? []).includes('acknowledge'),
  );
  return { periods: [periodId, planned], tickets };
};

/** Every answer a reader gets about the scenario, keyed by request; volatile fields left out. */
export const readAnswers = async (
  client: HypercareClient,
  ids: CompatIds,
): Promise<Record<string, unknown>> => {
  const answers: Record<string, unknown> = {};
  const get = async (service: 'intake' | 'triage' | 'reporting', path: string) => {
    const response = await client.send(service, 'GET', path);
    answers[`${service} ${path}`] = { status: response.status, body: response.body };
  };
  await get('reporting', '/periods');
  for (const periodId of ids.periods) {
    for (const path of [
      `/periods/${periodId}`,
      `/periods/${periodId}/dashboard`,
      `/periods/${periodId}/tickets?sort=reportedAt&limit=200`,
    ])
      await get('reporting', path);
    await get('intake', `/periods/${periodId}`);
    await get('triage', `/periods/${periodId}`);
  }
  for (const ticketId of ids.tickets) {
    await get('reporting', `/tickets/${ticketId}`);
    await get('intake', `/reports/${ticketId}`);
    await get('triage', `/tickets/${ticketId}`);
  }
  return answers;
};

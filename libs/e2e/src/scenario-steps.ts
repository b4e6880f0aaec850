import { type HypercareClient, newProgramme, planPeriod } from '@hypercare/client';

/** A period whose P1 tickets escalate to the technical lead after 10 minutes unacknowledged, and to the PM after 30. */
export const periodDefinition = (goLiveAt: Date) => ({
  systemName: 'General ledger',
  goLiveAt: goLiveAt.toISOString(),
  roster: [
    { role: 'technical-lead', name: 'Tomás Lead', email: 'tomas@example.com' },
    { role: 'support-agent', name: 'Sam Agent', email: 'sam@example.com' },
    { role: 'support-agent', name: 'Ana Agent', email: 'ana@example.com' },
    { role: 'project-manager', name: 'Priya PM', email: 'priya@example.com' },
    { role: 'product-owner', name: 'Olu PO', email: 'olu@example.com' },
    { role: 'content-specialist', name: 'Cleo Content', email: 'cleo@example.com' },
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
  exitCriteria: [
    { name: 'No open P1', metric: 'open-tickets', priorities: ['P1'], comparator: '=', target: 0 },
  ],
});

/**
 * Plans a period going live at `goLive` (in the programme, or a new one), activates it, and
 * waits until intake takes its reports.
 */
export const activePeriod = async (
  client: HypercareClient,
  goLive: Date,
  programmeId?: string,
): Promise<string> => {
  const programme = programmeId ?? (await newProgramme(client, 'Finance transformation'));
  const { periodId } = await planPeriod(client, programme, periodDefinition(goLive));
  await client.call('triage', 'POST', `/periods/${periodId}/activate`, { by: 'lead@example.com' });
  await client.poll<{ status: string }>('intake', `/periods/${periodId}`, (r) => r.body?.status === 'active');
  return periodId;
};

export const reportBody = (n: number) => ({
  reporter: { name: `User ${n}`, email: `user${n}@example.com` },
  title: `Problem ${n}: journal posting fails`,
  description: `Posting journal ${n} answers an error`,
  stepsToReproduce: ['Open the journal', 'Press post'],
  expected: 'The journal is posted',
  actual: 'Error 500',
  affectedUsers: 1 + (n % 40),
});

/**
 * Submits report `n` `times` times with one Idempotency-Key and checks that every retry got
 * the first answer back; returns the report's (and ticket's) id.
 */
export const submitReport = async (
  client: HypercareClient,
  periodId: string,
  n: number,
  times: number,
): Promise<string> => {
  const answers = [];
  for (let attempt = 0; attempt < times; attempt++) {
    answers.push(
      await client.send<{ reportId: string }>(
        'intake',
        'POST',
        `/periods/${periodId}/reports`,
        reportBody(n),
        { 'idempotency-key': `report-${periodId}-${n}` },
      ),
    );
  }
  const [first, ...retries] = answers;
  if (first?.status !== 201)
    throw new Error(`report ${n} was not accepted: ${first?.status} ${JSON.stringify(first?.body)}`);
  for (const retry of retries) {
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
  }
  return first.body.reportId;
};

interface TimelineLine {
  version: number;
  type: string;
  at: string;
  actor: { subject: string; name: string; kind: string } | null;
  data: { clock?: string; level?: number };
}

const isSurveyLine = (line: TimelineLine): boolean => line.type === 'hypercare.survey.issued.v1';

/**
 * The ticket's timeline in reporting is complete and in order: the report first, then every
 * ticket event at consecutive versions with non-decreasing times; the commands the test
 * issued in the order it issued them, and exactly the expected SLA breaches and escalations;
 * and, from feedback, one satisfaction survey sent for each resolution.
 */
export const assertTimeline = async (
  client: HypercareClient,
  ticketId: string,
  commanded: string[],
  sla: { breaches: string[]; escalations: number[] },
) => {
  const resolutions = commanded.filter((type) => type === 'hypercare.ticket.resolved.v1').length;
  const events = commanded.length + sla.breaches.length + sla.escalations.length + resolutions;
  const { body } = await client.poll<{ timeline: TimelineLine[] }>(
    'reporting',
    `/tickets/${ticketId}`,
    (r) => r.body?.timeline?.length === events + 1,
    20_000,
  );
  expect(body.timeline.filter(isSurveyLine)).toHaveLength(resolutions);
  const [report, ...lines] = body.timeline.filter((line) => !isSurveyLine(line));
  expect(report).toMatchObject({ type: 'hypercare.report.submitted.v1', version: -1 });
  expect(lines.map((line) => line.version)).toEqual(lines.map((_, i) => i));
  const times = body.timeline.map((line) => line.at);
  expect(times).toEqual([...times].sort());
  const isSla = (type: string) =>
    type === 'hypercare.ticket.sla-breached.v1' || type === 'hypercare.ticket.escalated.v1';
  expect(lines.filter((line) => !isSla(line.type)).map((line) => line.type)).toEqual(commanded);
  expect(
    lines
      .filter((line) => line.type === 'hypercare.ticket.sla-breached.v1')
      .map((line) => line.data.clock)
      .sort(),
  ).toEqual([...sla.breaches].sort());
  expect(
    lines
      .filter((line) => line.type === 'hypercare.ticket.escalated.v1')
      .map((line) => line.data.level)
      .sort(),
  ).toEqual([...sla.escalations].sort());
  const ticket = await client.call<{ version: number }>('triage', 'GET', `/tickets/${ticketId}`);
  expect(lines).toHaveLength(ticket.version + 1);
  const [opened, ...worked] = lines;
  const caller = { subject: expect.stringMatching(/^api-key:/), kind: 'machine' };
  expect([report?.actor, opened?.actor]).toEqual([
    expect.objectContaining(caller),
    { subject: 'system:triage.open-tickets', name: 'triage.open-tickets', kind: 'system' },
  ]);
  for (const line of worked)
    expect(line.actor).toEqual(
      isSla(line.type)
        ? { subject: 'system:sla-timer', name: 'sla-timer', kind: 'system' }
        : expect.objectContaining(caller),
    );
};

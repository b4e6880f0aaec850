import { HypercareClient, newProgramme, planPeriod } from '@hypercare/client';
import { alertPlan } from './alert-plan';
import { type AlertDesk, sendDemoAlert } from './demo-alerts';
import { closeWithHandoff } from './demo-exit';
import { publishWorstIncident } from './demo-postmortem';
import { knowledgeSteps } from './demo-knowledge';
import { pulseSteps } from './demo-pulses';
import { ANSWER_AFTER_MS, answerDemoSurvey, demoScore } from './demo-surveys';
import { DECISION_OF, demoPlan, type DemoAction, type DemoTicket } from './demo-plan';

const DAY = 86_400_000;
const SYSTEMS = ['Finance cloud (EMEA)', 'Finance cloud (Americas)'] as const;
const EIGHT_HOURS = 8 * 3_600_000;

const roster = (team: string) => [
  { role: 'technical-lead', name: `${team} Tech Lead`, email: `lead.${team.toLowerCase()}@example.com` },
  {
    role: 'technical-team-member',
    name: `${team} Developer`,
    email: `dev.${team.toLowerCase()}@example.com`,
  },
  { role: 'project-manager', name: `${team} PM`, email: `pm.${team.toLowerCase()}@example.com` },
  { role: 'product-owner', name: `${team} Product Owner`, email: `po.${team.toLowerCase()}@example.com` },
  { role: 'content-specialist', name: `${team} Content`, email: `content.${team.toLowerCase()}@example.com` },
  { role: 'support-agent', name: `${team} Agent`, email: `agent.${team.toLowerCase()}@example.com` },
];

const escalations = [
  {
    priority: 'P1',
    levels: [
      { afterMinutes: 15, when: 'unacknowledged', notifyRole: 'technical-lead' },
      { afterMinutes: 60, when: 'unacknowledged', notifyRole: 'project-manager' },
    ],
  },
  { priority: 'P2', levels: [{ afterMinutes: 120, when: 'unacknowledged', notifyRole: 'technical-lead' }] },
];

const progress = (done: number, total: number, at: Date): void => {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r  Seeding [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round((done / total) * 100)}% ${done}/${total} steps, simulated ${at.toISOString().slice(0, 16).replace('T', ' ')}`,
  );
};

interface Backlog {
  due: number;
  nextDueAt: string | null;
}

/**
 * Moves the platform's clock to `to`, stopping a millisecond after every breach or escalation
 * falls due on the way and letting the SLA timer record it there, as it would live.
 */
const advanceClock = async (client: HypercareClient, to: number): Promise<void> => {
  for (;;) {
    const { body } = await client.poll<Backlog>(
      'triage',
      '/sla/backlog',
      (r) => r.body?.due === 0,
      30_000,
      5,
    );
    const next = body.nextDueAt === null ? Infinity : Date.parse(body.nextDueAt) + 1;
    await client.call('triage', 'PUT', '/test-clock', { now: new Date(Math.min(next, to)).toISOString() });
    if (next >= to) return;
  }
};

/**
 * Plays a simulated go-live of two periods (three weeks unless told) through the public APIs,
 * moving the platform's clock step by step so SLA breaches and escalations happen as they would.
 * The admin creates the programme and gives its programme lead a key, who plans the periods;
 * each period's team gets keys of their own: the lead activates it and takes the decisions,
 * the support agent works the tickets, the service desk files the users' reports, Alertmanager
 * sends the go-live's alert storm (see `alertPlan`), and about two reporters in three answer
 * the satisfaction survey of their resolution, happier as the weeks go (`demoScore`); a weekly
 * anonymous pulse asks the reporters how it goes (`pulseSteps`); the lead publishes the
 * articles tickets proposed and answers the training needs found, and users read them before
 * reporting (`knowledgeSteps`); every event names who acted.
 */
export const seedDemo = async (
  baseUrl: string,
  days = 21,
  apiKey?: string,
): Promise<{ handedOver: string; running: string }> => {
  const anonymous = HypercareClient.allInOne(baseUrl);
  const client = apiKey ? anonymous.withApiKey(apiKey) : anonymous;
  // Go-live at 08:00 UTC, `days` before the latest 08:00 that has passed.
  const startedAt = Date.now();
  const lastEight = Math.floor((startedAt - EIGHT_HOURS) / DAY) * DAY + EIGHT_HOURS;
  const goLive = new Date(lastEight - days * DAY);
  const { tickets, actions } = demoPlan(goLive, days);
  await client.call('triage', 'PUT', '/test-clock', { now: new Date(goLive.getTime() - DAY).toISOString() });
  const periods: string[] = [];
  const teams: Team[] = [];
  const programmeId = await newProgramme(
    client,
    'Finance transformation',
    'The finance cloud going live region by region',
  );
  const { key: programmeLeadKey } = await client.call<{ key: string }>('triage', 'POST', '/api-keys', {
    name: 'Programme lead, Finance transformation',
    grants: [`lead@programme:${programmeId}`],
  });
  const programmeLead = anonymous.withApiKey(programmeLeadKey);
  for (const [n, system] of SYSTEMS.entries()) {
    const { periodId } = await planPeriod(programmeLead, programmeId, {
      systemName: system,
      goLiveAt: new Date(goLive.getTime() + n * 3_600_000).toISOString(),
      roster: roster(n === 0 ? 'Emea' : 'Americas'),
      escalationMatrix: escalations,
      exitCriteria: [
        { name: 'No open P1', metric: 'open-tickets', priorities: ['P1'], comparator: '=', target: 0 },
        { name: 'SLA compliance', metric: 'sla-compliance', comparator: '>=', target: 90 },
        { name: 'Calm', metric: 'new-tickets-per-day', windowDays: 3, comparator: '<=', target: 2 },
      ],
    });
    const team = await teamOf(client, anonymous, periodId, system);
    await team.lead.call('triage', 'POST', `/periods/${periodId}/activate`, {});
    await client.poll<{ status: string }>(
      'intake',
      `/periods/${periodId}`,
      (r) => r.body?.status === 'active',
      30_000,
    );
    periods.push(periodId);
    teams.push(team);
  }
  const ids = new Map<number, string>();
  const working = new Set<string>();
  const steps = [
    ...actions.map((action) => {
      const ticket = tickets[action.ticket] as DemoTicket;
      return {
        at: action.at,
        run: () => perform(teams[ticket.period] as Team, action, ticket, periods, ids),
      };
    }),
    ...actions.flatMap((action) => {
      const ticket = tickets[action.ticket] as DemoTicket;
      const score = demoScore(
        action.ticket,
        Math.floor((action.at.getTime() - goLive.getTime()) / DAY),
        days,
      );
      const answerAt = action.at.getTime() + ANSWER_AFTER_MS;
      if (action.kind !== 'resolve' || score === undefined) return [];
      return [
        {
          at: new Date(answerAt),
          run: () =>
            answerDemoSurvey(
              (teams[ticket.period] as Team).lead,
              anonymous,
              periods[ticket.period] as string,
              ids.get(action.ticket) as string,
              score,
            ),
        },
      ];
    }),
    ...pulseSteps(
      goLive,
      days,
      teams.map(({ lead }) => lead),
      periods,
      anonymous,
    ),
    ...knowledgeSteps(goLive, days, teams, periods, SYSTEMS),
    ...alertPlan(goLive, days).map((send) => ({
      at: send.at,
      run: () =>
        sendDemoAlert((teams[send.period] as Team).alerts, periods[send.period] as string, send, working),
    })),
  ]
    // The present is where the simulation ends: what the plan would do later is not done.
    .filter((step) => step.at.getTime() <= startedAt)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  let clock = goLive.getTime() - DAY;
  for (const [done, step] of steps.entries()) {
    if (step.at.getTime() !== clock) {
      await advanceClock(client, step.at.getTime());
      clock = step.at.getTime();
    }
    await step.run();
    if (done % 25 === 0 || done === steps.length - 1) progress(done + 1, steps.length, step.at);
  }
  await advanceClock(client, Date.now());
  process.stderr.write('\n');
  // The EMEA period's worst incident gets its post-mortem; then the period ends its hypercare and
  // hands over; the Americas one runs on, with its forecast.
  await publishWorstIncident((teams[0] as Team).lead, periods[0] as string);
  await closeWithHandoff((teams[0] as Team).lead, periods[0] as string);
  return { handedOver: periods[0] as string, running: periods[1] as string };
};

/** Who works a period: its lead, its support agent, the service desk that files users' reports, and its Alertmanager. */
interface Team {
  lead: HypercareClient;
  agent: HypercareClient;
  desk: HypercareClient;
  alerts: AlertDesk;
}

/** Each member of a period's team gets an API key of their own, granted on that period only. */
const teamOf = async (
  admin: HypercareClient,
  anonymous: HypercareClient,
  periodId: string,
  system: string,
): Promise<Team> => {
  const member = async (role: string, name: string) => {
    const { key } = await admin.call<{ key: string }>('triage', 'POST', '/api-keys', {
      name: `${name}, ${system}`,
      grants: [`${role}@period:${periodId}`],
    });
    return anonymous.withApiKey(key);
  };
  const agent = await member('agent', 'Support agent');
  return {
    lead: await member('lead', 'Programme lead'),
    agent,
    desk: await member('agent', 'Service desk'),
    alerts: {
      alertmanager: await member('monitoring-source', 'Alertmanager'),
      agent,
      agentEmail: `agent.${system.includes('EMEA') ? 'emea' : 'americas'}@example.com`,
    },
  };
};

const perform = async (
  team: Team,
  action: DemoAction,
  ticket: DemoTicket,
  periods: string[],
  ids: Map<number, string>,
): Promise<void> => {
  const agentEmail = `agent.${ticket.period === 0 ? 'emea' : 'americas'}@example.com`;
  if (action.kind === 'submit') {
    const n = action.ticket;
    const description = `${ticket.title}. Seen by user ${n}.`;
    // The desk's form shows what the knowledge base suggests first; these users report anyway.
    const { articles } = await team.desk.call<{ articles: Array<{ articleId: string }> }>(
      'intake',
      'POST',
      `/periods/${periods[ticket.period]}/reports/suggestions`,
      { title: ticket.title, description },
    );
    const { reportId } = await team.desk.call<{ reportId: string }>(
      'intake',
      'POST',
      `/periods/${periods[ticket.period]}/reports`,
      {
        reporter: { name: `User ${n}`, email: `user${n}@example.com` },
        title: ticket.title,
        description,
        ...(articles.length ? { shownArticleIds: articles.map(({ articleId }) => articleId) } : {}),
        stepsToReproduce: ['Sign in', 'Open the screen', 'Repeat the action'],
        affectedUsers: 1 + (n % 30),
        channel: n % 3 === 0 ? 'web' : 'api',
      },
      { 'idempotency-key': `demo-${n}` },
    );
    ids.set(n, reportId);
    // Triage opens the ticket while the clock still stands at the report's time.
    await team.agent.poll('triage', `/tickets/${reportId}`, (r) => r.status === 200, 30_000, 10);
    return;
  }
  const id = ids.get(action.ticket) as string;
  const body: Record<string, Record<string, unknown>> = {
    triage: { category: ticket.category, impact: ticket.impact, urgency: ticket.urgency },
    assign: { role: 'support-agent', email: agentEmail },
    workaround: { workaround: 'Use the legacy screen until the fix ships' },
    decide: {
      decision: DECISION_OF[ticket.category],
      rationale: `Agreed in the daily hypercare stand-up for "${ticket.title}"`,
    },
    resolve: {
      rootCause: `Configuration defect behind "${ticket.title}"`,
      fixReference: `CHG-${10_000 + action.ticket}`,
    },
    reopen: { reason: 'The reporter still sees the problem' },
  };
  const actor = action.kind === 'decide' ? team.lead : team.agent;
  await actor.call('triage', 'POST', `/tickets/${id}/${action.kind}`, body[action.kind] ?? {});
};

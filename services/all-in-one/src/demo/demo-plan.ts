import { CATEGORIES, type Decision, LEVELS } from '@hypercare/contracts';

/** One step of the simulated go-live, at its simulated time. */
export interface DemoAction {
  at: Date;
  ticket: number;
  kind:
    | 'submit'
    | 'triage'
    | 'assign'
    | 'acknowledge'
    | 'start'
    | 'workaround'
    | 'decide'
    | 'resolve'
    | 'close'
    | 'reopen';
}

export interface DemoTicket {
  period: 0 | 1;
  category: (typeof CATEGORIES)[number];
  impact: (typeof LEVELS)[number];
  urgency: (typeof LEVELS)[number];
  title: string;
}

const TITLES: Record<(typeof CATEGORIES)[number], string[]> = {
  'critical-bug': [
    'Month-end close fails with an error',
    'Invoices post twice',
    'Payments batch stops halfway',
  ],
  'major-functional-bug': ['Approval workflow skips the second approver', 'Tax code missing on credit notes'],
  'performance-issue': ['Ledger search takes a minute', 'Reports time out after 9am'],
  'usability-issue': ['Cannot find the export button', 'Date picker defaults to the wrong year'],
  'integration-failure': ['Bank feed did not arrive', 'Payroll interface rejects the file'],
  'minor-bug': ['Typo on the login page', 'Column widths reset after saving'],
  'documentation-gap': ['No guide for recurring journals', 'Vendor onboarding steps unclear'],
  'training-need': ['Team does not know the new approval flow', 'How to reverse a posted journal'],
};

/** How a team usually handles each kind of problem. */
export const DECISION_OF: Record<(typeof CATEGORIES)[number], Decision> = {
  'critical-bug': 'hotfix',
  'major-functional-bug': 'hotfix',
  'performance-issue': 'workaround',
  'usability-issue': 'defer-to-backlog',
  'integration-failure': 'hotfix',
  'minor-bug': 'defer-to-backlog',
  'documentation-gap': 'training-or-documentation',
  'training-need': 'training-or-documentation',
};

/** A seeded pseudo-random source, so every demo tells the same story. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

/**
 * Three weeks after go-live for two periods of one programme: reports spike in the first
 * days and decay; most are triaged, acknowledged, worked and resolved within their SLA, some
 * late (breaches and escalations follow from the clock), every severe one and some others
 * with a decision on how it is handled, a few reopened, the last days' still open.
 */
export const demoPlan = (goLive: Date, days = 21): { tickets: DemoTicket[]; actions: DemoAction[] } => {
  const next = random(20261123);
  const tickets: DemoTicket[] = [];
  const actions: DemoAction[] = [];
  for (let day = 0; day < days; day++) {
    for (const period of [0, 1] as const) {
      const count = Math.round((period === 0 ? 24 : 14) * Math.exp(-day / 4)) + 2;
      for (let n = 0; n < count; n++) {
        const category = CATEGORIES[Math.floor(next() * CATEGORIES.length)] as DemoTicket['category'];
        const severe = category === 'critical-bug' || category === 'integration-failure';
        const impact = severe ? 'high' : (LEVELS[Math.floor(next() * 3)] as DemoTicket['impact']);
        const urgency = severe
          ? next() < 0.6
            ? 'high'
            : 'medium'
          : (LEVELS[1 + Math.floor(next() * 2)] as DemoTicket['urgency']);
        const titles = TITLES[category];
        const ticket =
          tickets.push({
            period,
            category,
            impact,
            urgency,
            title: titles[Math.floor(next() * titles.length)] as string,
          }) - 1;
        const reported = minutes(goLive, day * 1_440 + 30 + Math.floor(next() * 600));
        const late = next() < 0.08;
        const open = day >= days - 2 && next() < 0.6;
        const triaged = minutes(reported, 3 + Math.floor(next() * 10));
        const acknowledged = minutes(
          triaged,
          late ? 90 + Math.floor(next() * 120) : 2 + Math.floor(next() * 8),
        );
        const resolved = minutes(acknowledged, 20 + Math.floor(next() * (severe ? 120 : 1_200)));
        actions.push(
          { at: reported, ticket, kind: 'submit' },
          { at: triaged, ticket, kind: 'triage' },
          { at: minutes(triaged, 1), ticket, kind: 'assign' },
        );
        if (open && next() < 0.5) continue;
        actions.push(
          { at: acknowledged, ticket, kind: 'acknowledge' },
          { at: minutes(acknowledged, 1), ticket, kind: 'start' },
        );
        if (severe || next() < 0.4) actions.push({ at: minutes(acknowledged, 3), ticket, kind: 'decide' });
        if (category === 'usability-issue' || category === 'performance-issue')
          actions.push({ at: minutes(acknowledged, 5), ticket, kind: 'workaround' });
        if (open) continue;
        actions.push(
          { at: resolved, ticket, kind: 'resolve' },
          { at: minutes(resolved, 60), ticket, kind: 'close' },
        );
        if (next() < 0.04) actions.push({ at: minutes(resolved, 180), ticket, kind: 'reopen' });
      }
    }
  }
  actions.sort((a, b) => a.at.getTime() - b.at.getTime() || a.ticket - b.ticket);
  return { tickets, actions };
};

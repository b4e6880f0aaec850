import type { Category, Level } from '@hypercare/contracts';

/** An alert of the demo, and how the support agent triages the ticket it brings. */
export interface DemoAlert {
  fingerprint: string;
  name: string;
  severity: 'critical' | 'error' | 'warning';
  service: string;
  summary: string;
  triage: { category: Category; impact: Level; urgency: Level };
}

/** One Alertmanager notification of the demo: an alert firing or resolved, to one period. */
export interface DemoAlertSend {
  at: Date;
  period: 0 | 1;
  alert: DemoAlert;
  firing: boolean;
}

const ALERTS: Record<string, DemoAlert> = {
  latency: {
    fingerprint: 'a1f0c3e2b4d5e6f7',
    name: 'LedgerPostingLatencyHigh',
    severity: 'critical',
    service: 'ledger-posting',
    summary: 'p95 latency of journal posting above 4 s',
    triage: { category: 'performance-issue', impact: 'high', urgency: 'high' },
  },
  errors: {
    fingerprint: 'b2e1d4f3c5a6b7c8',
    name: 'LedgerPosting5xxRate',
    severity: 'critical',
    service: 'ledger-posting',
    summary: '5xx rate of journal posting above 3 %',
    triage: { category: 'critical-bug', impact: 'high', urgency: 'high' },
  },
  disk: {
    fingerprint: 'c3d2e5f4a6b7c8d9',
    name: 'LedgerDbDiskFillingUp',
    severity: 'warning',
    service: 'ledger-db',
    summary: 'Disk of the ledger database full within 24 h',
    triage: { category: 'performance-issue', impact: 'medium', urgency: 'medium' },
  },
  bank: {
    fingerprint: 'd4c3b2a1f6e5d4c3',
    name: 'BankFeedLate',
    severity: 'error',
    service: 'bank-feed',
    summary: 'Bank statement feed 45 minutes late (upstream)',
    triage: { category: 'integration-failure', impact: 'high', urgency: 'medium' },
  },
  queue: {
    fingerprint: 'e5f4a3b2c1d0e9f8',
    name: 'PayablesQueueLagging',
    severity: 'warning',
    service: 'payables-queue',
    summary: 'Payables queue lag above 10 minutes',
    triage: { category: 'integration-failure', impact: 'low', urgency: 'medium' },
  },
};

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

/** An alert re-sent every `every` minutes from `from` for `duration`, then resolved. */
const firing = (
  period: 0 | 1,
  alert: DemoAlert,
  from: Date,
  duration: number,
  every: number,
): DemoAlertSend[] => [
  ...Array.from({ length: Math.floor(duration / every) + 1 }, (_, n) => ({
    at: minutes(from, n * every),
    period,
    alert,
    firing: true,
  })),
  { at: minutes(from, duration + 1), period, alert, firing: false },
];

/**
 * The alert storm of the go-live, as Alertmanager would send it (a group re-sent every five
 * minutes while it fires): in EMEA the posting service's latency and error rate fire together
 * forty minutes after go-live (one ticket at once, the second alert joins it) while the
 * database disk fills (a ticket once sent three times); in the Americas the bank feed runs
 * late; the next morning a payables queue flaps. Days past the plan's are left out.
 */
export const alertPlan = (goLive: Date, days: number): DemoAlertSend[] => {
  const americas = minutes(goLive, 60);
  const sends = [
    ...firing(0, ALERTS['latency'] as DemoAlert, minutes(goLive, 40), 90, 5),
    ...firing(0, ALERTS['errors'] as DemoAlert, minutes(goLive, 42), 60, 5),
    ...firing(0, ALERTS['disk'] as DemoAlert, minutes(goLive, 50), 240, 15),
    ...firing(1, ALERTS['bank'] as DemoAlert, minutes(americas, 120), 75, 5),
    ...[0, 12, 24, 36, 48].flatMap((start) =>
      firing(0, ALERTS['queue'] as DemoAlert, minutes(goLive, 1_440 + 60 + start), 6, 5),
    ),
  ];
  const end = minutes(goLive, days * 1_440).getTime();
  return sends.filter(({ at }) => at.getTime() < end).sort((a, b) => a.at.getTime() - b.at.getTime());
};

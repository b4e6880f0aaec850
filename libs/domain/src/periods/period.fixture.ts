import { DEFAULT_PRIORITY_MATRIX, DEFAULT_SLA_POLICY, type PeriodConfiguration } from '@hypercare/contracts';

export const PERIOD_ID = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
export const PROGRAMME_ID = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

/** A valid definition for a period of the "Finance cloud" go-live, with a small roster. */
export const configuration = (overrides: Partial<PeriodConfiguration> = {}): PeriodConfiguration => ({
  systemName: 'Finance cloud',
  goLiveAt: '2026-11-02T08:00:00.000Z',
  plannedEndAt: '2026-11-23T08:00:00.000Z',
  roster: [
    { role: 'technical-lead', name: 'Tomás Lead', email: 'tomas@example.com' },
    { role: 'support-agent', name: 'Sam Agent', email: 'sam@example.com' },
    { role: 'project-manager', name: 'Priya PM', email: 'priya@example.com' },
  ],
  slaPolicy: DEFAULT_SLA_POLICY,
  escalationMatrix: [
    {
      priority: 'P1',
      levels: [
        { afterMinutes: 10, when: 'unacknowledged', notifyRole: 'technical-lead' },
        { afterMinutes: 30, when: 'unacknowledged', notifyRole: 'project-manager' },
      ],
    },
  ],
  priorityMatrix: DEFAULT_PRIORITY_MATRIX,
  exitCriteria: [
    { name: 'No open P1', metric: 'open-tickets', priorities: ['P1'], comparator: '=', target: 0 },
  ],
  ...overrides,
});

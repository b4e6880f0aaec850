import type { AlertPolicy, Category, Level, Severity } from '@hypercare/contracts';

/** What a source said about one alert, in its own words. */
export interface SourceAlert {
  name: string;
  summary: string;
  labels: Record<string, string>;
}

/** The alert's severity under the period's policy: its severity label's value, mapped. */
export const severityOf = (policy: AlertPolicy, labels: Record<string, string>): Severity => {
  const value = labels[policy.severityLabel]?.toLowerCase();
  const mapped =
    value === undefined
      ? undefined
      : Object.entries(policy.severityMap).find(([word]) => word.toLowerCase() === value)?.[1];
  return mapped ?? policy.defaultSeverity;
};

/** The service the alert is about: the first of the policy's service labels it carries. */
export const serviceOf = (policy: AlertPolicy, labels: Record<string, string>): string | undefined =>
  policy.serviceLabels.map((label) => labels[label]).find((value) => value !== undefined && value !== '');

/** The category the first matching rule names; without one, a critical alert is a critical bug. */
export const categoryOf = (policy: AlertPolicy, alert: SourceAlert, severity: Severity): Category => {
  const text = `${alert.name} ${alert.summary}`.toLowerCase();
  const rule = policy.categories.find(
    ({ keywords, labels }) =>
      keywords.some((keyword) => text.includes(keyword.toLowerCase())) ||
      labels.some((label) => alert.labels[label] !== undefined),
  );
  return rule?.category ?? (severity === 'critical' ? 'critical-bug' : 'major-functional-bug');
};

/** Users an alert says it affects (`affected_users` label), else none known. */
export const affectedUsersOf = (labels: Record<string, string>): number => {
  const value = Number(labels['affected_users']);
  return Number.isSafeInteger(value) && value >= 0 ? value : 0;
};

const URGENCY: Record<Severity, Level> = { critical: 'high', major: 'high', minor: 'medium', info: 'low' };
const IMPACT: Record<Severity, Level> = { critical: 'high', major: 'medium', minor: 'low', info: 'low' };

/**
 * Impact and urgency proposed to triage: urgency by severity; impact by the users affected when
 * the alert says (100 or more high, 10 or more medium), else by severity. Triage may override.
 */
export const proposalOf = (severity: Severity, affectedUsers: number): { impact: Level; urgency: Level } => ({
  urgency: URGENCY[severity],
  impact: affectedUsers >= 100 ? 'high' : affectedUsers >= 10 ? 'medium' : IMPACT[severity],
});

/** Which rule of the policy asks a firing alert for a ticket now, if any. */
export const ticketRuleFor = (
  policy: AlertPolicy,
  severity: Severity,
  notifications: number,
  firingMinutes: number,
): string | undefined => {
  if (policy.ticketNever.includes(severity)) return undefined;
  if (policy.ticketAtOnce.includes(severity)) return `${severity}-at-once`;
  if (notifications >= policy.ticketAfterNotifications)
    return `after-${policy.ticketAfterNotifications}-notifications`;
  if (firingMinutes >= policy.ticketAfterFiringMinutes)
    return `after-${policy.ticketAfterFiringMinutes}-minutes-firing`;
  return undefined;
};

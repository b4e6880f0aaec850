import { LEVELS, PRIORITIES, type PeriodConfiguration } from '@hypercare/contracts';
import type { Issue } from '@hypercare/domain-kit';

/** The rules a period definition must keep beyond its shape; every broken one is named. */
export const definitionIssues = (config: PeriodConfiguration): Issue[] => {
  const issues: Issue[] = [];
  if (new Date(config.plannedEndAt) <= new Date(config.goLiveAt)) {
    issues.push({ field: 'plannedEndAt', message: `must be after goLiveAt (${config.goLiveAt})` });
  }
  const seenPeople = new Set<string>();
  config.roster.forEach((entry, i) => {
    const key = `${entry.role}:${entry.email.toLowerCase()}`;
    if (seenPeople.has(key))
      issues.push({
        field: `roster[${i}]`,
        message: `${entry.email} is already on the roster as ${entry.role}`,
      });
    seenPeople.add(key);
  });
  for (const priority of PRIORITIES) {
    const targets = config.slaPolicy.filter((target) => target.priority === priority);
    if (targets.length !== 1)
      issues.push({
        field: 'slaPolicy',
        message: `needs exactly one target for ${priority}, has ${targets.length}`,
      });
  }
  config.slaPolicy.forEach((target, i) => {
    if (target.resolveWithinMinutes <= target.acknowledgeWithinMinutes) {
      issues.push({
        field: `slaPolicy[${i}].resolveWithinMinutes`,
        message: `must be longer than acknowledgeWithinMinutes (${target.acknowledgeWithinMinutes})`,
      });
    }
  });
  for (const impact of LEVELS) {
    for (const urgency of LEVELS) {
      const cells = config.priorityMatrix.filter(
        (rule) => rule.impact === impact && rule.urgency === urgency,
      );
      if (cells.length !== 1)
        issues.push({
          field: 'priorityMatrix',
          message: `needs exactly one priority for impact ${impact} x urgency ${urgency}, has ${cells.length}`,
        });
    }
  }
  const staffed = new Set(config.roster.map((entry) => entry.role));
  const rulePriorities = new Set<string>();
  config.escalationMatrix.forEach((rule, r) => {
    if (rulePriorities.has(rule.priority))
      issues.push({
        field: `escalationMatrix[${r}].priority`,
        message: `${rule.priority} has more than one escalation rule`,
      });
    rulePriorities.add(rule.priority);
    const lastAfter: Record<string, number> = {};
    rule.levels.forEach((level, l) => {
      const field = `escalationMatrix[${r}].levels[${l}]`;
      if (!staffed.has(level.notifyRole))
        issues.push({
          field: `${field}.notifyRole`,
          message: `nobody on the roster has the role ${level.notifyRole}`,
        });
      const previous = lastAfter[level.when];
      if (previous !== undefined && level.afterMinutes <= previous) {
        issues.push({
          field: `${field}.afterMinutes`,
          message: `overlaps the previous "${level.when}" level: must be later than ${previous} minutes`,
        });
      }
      lastAfter[level.when] = level.afterMinutes;
    });
  });
  return issues;
};

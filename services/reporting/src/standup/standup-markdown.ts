import type { Standup } from './standup-report';

const list = (lines: Array<{ ticketId: string; title: string; priority: string | null }>): string[] =>
  lines.length === 0
    ? ['None.']
    : lines.map((l) => `- ${l.priority ?? 'untriaged'} ${l.title} (${l.ticketId})`);

/** The stand-up as the team reads it in the morning. */
export const standupMarkdown = (standup: Standup): string =>
  [
    `# Stand-up: ${standup.systemName}, ${standup.day}`,
    '',
    `## New (${standup.reported.length})`,
    ...list(standup.reported),
    '',
    `## Resolved (${standup.resolved.length})`,
    ...list(standup.resolved),
    '',
    `## SLA breached (${standup.breached.length})`,
    ...list(standup.breached),
    '',
    `## Escalated (${standup.escalated.length})`,
    ...list(standup.escalated),
    '',
    `## Stuck: no progress for ${standup.stuckHours} h (${standup.stuck.length})`,
    ...list(standup.stuck),
    '',
    '## Top categories',
    ...(standup.topCategories.length
      ? standup.topCategories.map(({ category, count }) => `- ${category}: ${count}`)
      : ['None.']),
    '',
    '## Exit criteria',
    ...(standup.exitChanges.length
      ? standup.exitChanges.map(({ change, criterion, at }) => `- ${at}: ${criterion ?? 'period'} ${change}`)
      : ['No change.']),
    standup.exit.ready
      ? 'Ready to exit.'
      : `Not ready. Forecast: ${
          standup.exit.forecast
            .map(({ criterion, metOn }) => `${criterion} ${metOn ?? 'no forecast'}`)
            .join('; ') || 'none'
        }`,
    '',
  ].join('\n');

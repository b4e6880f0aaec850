import type { HandoffItem, HandoffPackage } from './handoff-package';

type Of<T extends HandoffItem['type']> = Extract<HandoffItem, { type: T }>['data'];

const cell = (value: unknown): string =>
  String(value ?? '—')
    .replace(/\|/g, '\\|')
    .replace(/\s+/g, ' ');
const table = (head: string[], rows: unknown[][]): string[] =>
  rows.length === 0
    ? ['None.']
    : [
        `| ${head.join(' | ')} |`,
        `| ${head.map(() => '---').join(' | ')} |`,
        ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
      ];

const itemsOf = <T extends HandoffItem['type']>(pkg: HandoffPackage, type: T): Array<Of<T>> =>
  pkg.events.filter((event) => event.type === type).map(({ data }) => data as Of<T>);

/** The package as a document a BAU team reads: one section per kind of item, then the digest. */
export const handoffMarkdown = (pkg: HandoffPackage): string => {
  const started = pkg.events[0]?.data as { systemName: string; goLiveAt: string; closedAt: string };
  const [kpis] = itemsOf(pkg, 'hypercare.handoff.kpis.v1');
  const [exit] = itemsOf(pkg, 'hypercare.handoff.exit.v1');
  return [
    `# Handoff: ${started.systemName}`,
    '',
    `Period ${pkg.periodId}, live since ${started.goLiveAt}, closed ${started.closedAt}.`,
    '',
    '## Open tickets',
    '',
    ...table(
      ['ticket', 'title', 'priority', 'status', 'owner', 'age (days)'],
      itemsOf(pkg, 'hypercare.handoff.open-ticket.v1').map((t) => [
        t.ticketId,
        t.title,
        t.priority,
        t.status,
        t.owner ? `${t.owner.name} (${t.owner.role})` : null,
        t.ageDays,
      ]),
    ),
    '',
    '## Known issues and workarounds',
    '',
    ...table(
      ['ticket', 'title', 'workaround', 'articles'],
      itemsOf(pkg, 'hypercare.handoff.known-issue.v1').map((i) => [
        i.ticketId,
        i.title,
        i.workaround,
        i.articleIds.join(', '),
      ]),
    ),
    '',
    '## Knowledge articles',
    '',
    ...itemsOf(pkg, 'hypercare.handoff.article.v1').flatMap((a) => [
      `### ${a.title} (${a.kind})`,
      '',
      a.body,
      '',
    ]),
    '## Enhancement backlog',
    '',
    ...table(
      ['from', 'text', 'added by', 'added'],
      itemsOf(pkg, 'hypercare.handoff.enhancement.v1').map((e) => [e.source, e.text, e.addedBy, e.addedAt]),
    ),
    '',
    '## KPIs at exit',
    '',
    ...(kpis
      ? table(
          ['tickets', 'open', 'MTTA (min)', 'MTTR (min)', 'SLA %', 'CSAT', 'alerts raised'],
          [
            [
              kpis.tickets.total,
              kpis.tickets.open,
              kpis.mttaMinutes,
              kpis.mttrMinutes,
              kpis.slaCompliancePercent,
              kpis.csat.average,
              kpis.alertsRaised,
            ],
          ],
        )
      : []),
    '',
    'New tickets per day: ' +
      (kpis?.newPerDay.map(({ day, count }) => `${day} ${count}`).join(', ') || 'none'),
    '',
    '## Exit criteria',
    '',
    ...(exit
      ? [
          ...table(
            ['criterion', 'metric', 'target', 'value', 'met'],
            exit.criteria.map((c) => [
              c.name,
              c.metric,
              `${c.comparator} ${c.target}`,
              c.value,
              c.met ? 'yes' : 'no',
            ]),
          ),
          ...(exit.override
            ? [
                '',
                `Closed by override of ${exit.override.by}: ${exit.override.reason} (unmet: ${exit.override.unmet.join(', ')})`,
              ]
            : []),
        ]
      : []),
    '',
    '## Lessons learned',
    '',
    ...(
      itemsOf(pkg, 'hypercare.handoff.lesson.v1')
        .map((l) => `- ${l.text}`)
        .join('\n') || 'None recorded.'
    ).split('\n'),
    '',
    '## Contacts',
    '',
    ...table(
      ['role', 'name', 'email'],
      itemsOf(pkg, 'hypercare.handoff.contact.v1').map((c) => [c.role, c.name, c.email]),
    ),
    '',
    `Digest (SHA-256 of the items, RFC 8785): \`${pkg.digest}\``,
    '',
  ].join('\n');
};

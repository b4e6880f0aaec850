import { shortId } from './generated-line';
import type { PostmortemDocument } from './postmortem-document';

/** From the document's own address (…/postmortems/{id}/document.md) to the event explorer's. */
export const eventLink = (id: string): string => `../../../../events/${id}`;

const cite = (ids: readonly string[]): string =>
  ids.length ? ` — ${ids.map((id) => `[${shortId(id)}](${eventLink(id)})`).join(', ')}` : '';
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const prose = (text: string): string => text || '_Not written yet._';
const list = (items: readonly string[]): string =>
  items.length ? items.map((item) => `- ${item}`).join('\n') : '_None._';

/** The post-mortem as Markdown: authored sections first, then the generated ones, each line with its sources. */
export const postmortemMarkdown = (doc: PostmortemDocument): string =>
  [
    `# ${doc.title}`,
    '',
    `${doc.systemName} · post-mortem ${doc.postmortemId} · ${doc.status}${doc.publishedAt ? ` ${doc.publishedAt}` : ''}`,
    '',
    `Generated from reporting's history up to position ${doc.reflects.position}. Every generated line names the events it comes from; people appear ${doc.namesShown ? 'by role and name' : 'by role only'}.`,
    '',
    '## Summary',
    '',
    prose(doc.summary),
    '',
    '## Root cause',
    '',
    prose(doc.rootCause),
    '',
    '## What went well',
    '',
    list(doc.wentWell),
    '',
    '## What went badly',
    '',
    list(doc.wentBadly),
    '',
    '## Action items',
    '',
    ...(doc.actionItems.length
      ? [
          '| Action | Owner | Due | Status |',
          '| --- | --- | --- | --- |',
          ...doc.actionItems.map(
            (item) => `| ${cell(item.description)} | ${item.ownerRole} | ${item.dueDate} | ${item.status} |`,
          ),
        ]
      : ['_None._']),
    ...doc.generated.flatMap((section) => [
      '',
      `## ${section.title}`,
      '',
      section.lines.length
        ? section.lines.map((line) => `- ${line.text}${cite(line.cites)}`).join('\n')
        : '_Nothing recorded._',
    ]),
    '',
    '## Sources',
    '',
    '| Event | Type | When | Position |',
    '| --- | --- | --- | --- |',
    ...doc.sources.map(
      (source) =>
        `| [${source.id}](${eventLink(source.id)}) | ${source.type} | ${source.at} | ${source.position} |`,
    ),
    '',
  ].join('\n');

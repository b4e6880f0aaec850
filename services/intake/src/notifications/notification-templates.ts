import Handlebars from 'handlebars';
import type { NotificationKind } from './notification-rules';

interface Template {
  subject: string;
  text: string;
}

/** The subject's tail that lets a reply find its ticket when a mail client drops the threading headers. */
const TICKET_TAG = ' [ticket {{ticketId}}]';
const REPLY_HINT = '\n\nReply to this message to add a comment to the ticket.';

const TEMPLATES: Record<NotificationKind, Template> = {
  received: {
    subject: `We received your report: {{title}}${TICKET_TAG}`,
    text: `Hello {{name}},\n\nwe received your report "{{title}}" about {{systemName}} and the hypercare team is looking at it.${REPLY_HINT}`,
  },
  triaged: {
    subject: `{{priority}}: {{title}}${TICKET_TAG}`,
    text: `Hello {{name}},\n\nyour report "{{title}}" was triaged as {{priority}} ({{category}}). The team will respond by {{acknowledgeDueAt}} and aims to resolve it by {{resolveDueAt}}.${REPLY_HINT}`,
  },
  workaround: {
    subject: `A workaround is available: {{title}}${TICKET_TAG}`,
    text: `Hello {{name}},\n\nwhile the fix for "{{title}}" is under way, you can work around the problem:\n\n{{workaround}}${REPLY_HINT}`,
  },
  resolved: {
    subject: `Resolved: {{title}}${TICKET_TAG}`,
    text: `Hello {{name}},\n\n"{{title}}" is resolved. Cause: {{rootCause}}.{{#if fixReference}} Fix: {{fixReference}}.{{/if}}\n\nIf the problem is still there, reply to this message and tell us.`,
  },
  reopened: {
    subject: `Reopened: {{title}}${TICKET_TAG}`,
    text: `Hello {{name}},\n\n"{{title}}" was reopened: {{reason}}. The team is working on it again.${REPLY_HINT}`,
  },
  survey: {
    subject: `How did we do? {{title}}${TICKET_TAG}`,
    text: `Hello {{name}},\n\n"{{title}}" was resolved. Would you tell us how satisfied you are with the help you got? It is one question, and the link below works until {{expiresAt}}.`,
  },
  assigned: {
    subject: `Assigned to you: {{title}}${TICKET_TAG}`,
    text: `Hello {{name}},\n\n{{by}} assigned you "{{title}}" on {{systemName}} as {{role}}{{#if priority}} ({{priority}}){{/if}}.`,
  },
  'p1-opened': {
    subject: `P1 on {{systemName}}: {{title}}${TICKET_TAG}`,
    text: `Hello {{name}},\n\na P1 was triaged on {{systemName}}: "{{title}}" ({{category}}). It must be acknowledged by {{acknowledgeDueAt}} and resolved by {{resolveDueAt}}.`,
  },
  'sla-breached': {
    subject: `SLA breached ({{clock}}): {{title}}${TICKET_TAG}`,
    text: `Hello {{name}},\n\nthe {{priority}} ticket "{{title}}" on {{systemName}} missed its {{clock}} deadline of {{dueAt}}.`,
  },
  escalated: {
    subject: `Escalation level {{level}}: {{title}}${TICKET_TAG}`,
    text: `Hello {{name}},\n\n"{{title}}" on {{systemName}} is still {{when}}: escalation level {{level}} fired and names you as {{role}}.`,
  },
  digest: {
    subject: `Hypercare digest for {{systemName}}, {{day}}: {{count}} updates`,
    text: `Hello {{name}},\n\nwhat happened on {{systemName}} since your last digest:\n\n{{items}}`,
  },
  standup: {
    subject: `Stand-up for {{systemName}}, {{day}}`,
    text: `Hello {{name}},\n\n{{reported}} reported, {{resolved}} resolved, {{breached}} breached on {{day}}.\n\n{{markdown}}`,
  },
};

const HTML = Handlebars.compile(
  '<!doctype html><html><body style="font-family:sans-serif"><h2>{{subject}}</h2>{{#each paragraphs}}<p style="white-space:pre-wrap">{{#if href}}<a href="{{href}}">{{href}}</a>{{else}}{{text}}{{/if}}</p>{{/each}}</body></html>',
  { strict: true },
);

const compiled = Object.fromEntries(
  Object.entries(TEMPLATES).map(([kind, { subject, text }]) => [
    kind,
    {
      subject: Handlebars.compile(subject, { noEscape: true }),
      text: Handlebars.compile(text, { noEscape: true }),
    },
  ]),
) as Record<NotificationKind, { subject: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate }>;

export interface Rendered {
  subject: string;
  text: string;
}

/** A notification's subject and plain text, for the person it addresses. */
export const render = (kind: NotificationKind, name: string, facts: Record<string, string>): Rendered => {
  const values = { ...facts, name };
  return {
    subject: compiled[kind].subject(values).replace(/\s+/g, ' ').trim(),
    text: compiled[kind].text(values),
  };
};

/**
 * The HTML part of a mail: the same words, escaped, a paragraph per blank-line-separated
 * block; a block that is a link alone (a survey's) is a link to follow.
 */
export const htmlOf = ({ subject, text }: Rendered): string =>
  HTML({
    subject,
    paragraphs: text
      .split(/\n{2,}/)
      .map((block) => (/^https?:\/\/\S+$/.test(block) ? { href: block } : { text: block })),
  });

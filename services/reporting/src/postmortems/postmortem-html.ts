import { shortId } from './generated-line';
import type { PostmortemDocument } from './postmortem-document';
import { eventLink } from './postmortem-markdown';

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
const prose = (text: string): string =>
  text ? `<p>${escape(text).replace(/\n+/g, '</p><p>')}</p>` : '<p><em>Not written yet.</em></p>';
const items = (values: readonly string[]): string =>
  values.length ? `<ul>${values.map((value) => `<li>${value}</li>`).join('')}</ul>` : '<p><em>None.</em></p>';
const cites = (ids: readonly string[]): string =>
  ids.length
    ? ` <span class="cites">${ids.map((id) => `<a href="${eventLink(id)}" title="${id}">${shortId(id)}</a>`).join(', ')}</span>`
    : '';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.8rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
.meta{color:#444}.cites{font-size:.8rem;color:#444}.cites a{color:#0b57a3}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}`;

/** The post-mortem as a page of its own: the same content as the Markdown, the sources as links. */
export const postmortemHtml = (doc: PostmortemDocument): string =>
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(doc.title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escape(doc.title)}</h1>
<p class="meta">${escape(doc.systemName)} · post-mortem ${doc.postmortemId} · ${doc.status}${doc.publishedAt ? ` ${doc.publishedAt}` : ''}</p>
<p class="meta">Generated from reporting's history up to position ${doc.reflects.position}. Every generated line names the events it comes from; people appear ${doc.namesShown ? 'by role and name' : 'by role only'}.</p>
<h2>Summary</h2>${prose(doc.summary)}
<h2>Root cause</h2>${prose(doc.rootCause)}
<h2>What went well</h2>${items(doc.wentWell.map(escape))}
<h2>What went badly</h2>${items(doc.wentBadly.map(escape))}
<h2>Action items</h2>${
    doc.actionItems.length
      ? `<table><thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead><tbody>${doc.actionItems
          .map(
            (item) =>
              `<tr><td>${escape(item.description)}</td><td>${item.ownerRole}</td><td>${item.dueDate}</td><td>${item.status}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '<p><em>None.</em></p>'
  }
${doc.generated
  .map(
    (section) =>
      `<h2>${escape(section.title)}</h2>${
        section.lines.length
          ? items(section.lines.map((line) => `${escape(line.text)}${cites(line.cites)}`))
          : '<p><em>Nothing recorded.</em></p>'
      }`,
  )
  .join('\n')}
<h2>Sources</h2><table><thead><tr><th scope="col">Event</th><th scope="col">Type</th><th scope="col">When</th><th scope="col">Position</th></tr></thead><tbody>${doc.sources
    .map(
      (s) =>
        `<tr><td><a href="${eventLink(s.id)}">${s.id}</a></td><td>${s.type}</td><td>${s.at}</td><td>${s.position}</td></tr>`,
    )
    .join('')}</tbody></table>
</main></body></html>
`;

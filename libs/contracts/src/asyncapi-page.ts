import type { asyncApiDocument } from './asyncapi';

type Document = ReturnType<typeof asyncApiDocument>;

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
const json = (value: unknown): string => `<pre>${escape(JSON.stringify(value, null, 2))}</pre>`;

/**
 * The AsyncAPI document as a page people read: one section per topic, one per event with its
 * summary, payload schema and example. Self-contained (no script, no remote style), so it
 * renders behind any firewall.
 */
export const asyncApiPage = (document: Document): string => {
  const channels = Object.entries(document.channels);
  const sections = channels.map(([topic, channel]) => {
    const events = Object.keys(channel.messages).map((type) => {
      const message = document.components.messages[type];
      return [
        `<section id="${escape(type)}"><h3>${escape(type)}</h3>`,
        `<p>${escape(message?.summary ?? '')}</p>`,
        `<details><summary>Payload schema</summary>${json(message?.payload)}</details>`,
        `<details open><summary>Example</summary>${json(message?.examples[0])}</details></section>`,
      ].join('');
    });
    const by = 'description' in channel ? `${escape(String(channel.description))} ` : '';
    const about = `<p>${by}Keyed by the aggregate id (<code>ce_subject</code>).</p>`;
    return `<section id="${escape(topic)}"><h2>${escape(topic)}</h2>${about}${events.join('')}</section>`;
  });
  const contents = channels
    .map(([topic, channel]) => {
      const types = Object.keys(channel.messages).map(
        (type) => `<li><a href="#${escape(type)}">${escape(type)}</a></li>`,
      );
      return `<li><a href="#${escape(topic)}">${escape(topic)}</a><ul>${types.join('')}</ul></li>`;
    })
    .join('');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escape(document.info.title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}',
    'pre{background:#f4f4f4;padding:.75rem;overflow:auto}h3{margin-top:2rem}</style></head><body>',
    `<h1>${escape(document.info.title)} ${escape(document.info.version)}</h1>`,
    `<p>AsyncAPI ${escape(document.asyncapi)}; the document itself: <a href="asyncapi.json">asyncapi.json</a>.`,
    ' CloudEvents 1.0 in Kafka binary mode: attributes as <code>ce_*</code> headers, the data as the JSON value.</p>',
    `<nav><ul>${contents}</ul></nav>`,
    ...sections,
    '</body></html>',
  ].join('');
};

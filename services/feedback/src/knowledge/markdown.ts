import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Raw HTML in an article is shown as text; links that are not web or mail links are dropped. */
const markdown = new MarkdownIt({ html: false, linkify: true });

const ALLOWED = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'strong',
    'em',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['style'], td: ['style'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

/**
 * An article's Markdown as HTML safe to put in a page: rendered without raw HTML, then
 * cleaned to an allow-list (no scripts, no event handlers, no `javascript:` links), so a
 * renderer bug alone cannot let a script through.
 */
export const renderArticle = (body: string): string => sanitizeHtml(markdown.render(body), ALLOWED);

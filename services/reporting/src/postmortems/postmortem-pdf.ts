import pdfmake from 'pdfmake';
import roboto from 'pdfmake/fonts/Roboto';
import { shortId } from './generated-line';
import type { PostmortemDocument } from './postmortem-document';

pdfmake.setFonts(roboto);
// Everything the document shows is in it: nothing is fetched while it is laid out.
pdfmake.setUrlAccessPolicy(() => false);

const heading = (text: string) => ({ text, style: 'heading' });
const paragraph = (text: string) => ({
  text: text || 'Not written yet.',
  italics: !text,
  margin: [0, 0, 0, 6],
});
const bullets = (values: readonly string[]) =>
  values.length ? { ul: [...values], margin: [0, 0, 0, 6] } : paragraph('');

/**
 * The post-mortem as a PDF, laid out by pdfmake with its embedded Roboto: the same sections as
 * the Markdown, each generated line followed by the short ids of its sources, and a table of
 * every source at the end. Its dates are the document's own (not the time it is rendered), so
 * the same post-mortem renders to the same bytes.
 */
export const postmortemPdf = (doc: PostmortemDocument): Promise<Buffer> => {
  const stamp = new Date(doc.publishedAt ?? doc.updatedAt);
  return pdfmake
    .createPdf({
      info: {
        title: doc.title,
        subject: `Post-mortem of ${doc.systemName}`,
        creationDate: stamp,
        modDate: stamp,
      },
      pageSize: 'A4',
      pageMargins: [48, 56, 48, 56],
      defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
      styles: {
        title: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
        meta: { fontSize: 9, color: '#444444', margin: [0, 0, 0, 4] },
        heading: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
        cites: { fontSize: 7, color: '#555555' },
      },
      footer: (page: number, pages: number) => ({
        text: `${page} / ${pages}`,
        alignment: 'center',
        fontSize: 8,
      }),
      content: [
        { text: doc.title, style: 'title' },
        { text: `${doc.systemName} · post-mortem ${doc.postmortemId} · ${doc.status}`, style: 'meta' },
        {
          text: `Generated from reporting's history up to position ${doc.reflects.position}; people appear ${doc.namesShown ? 'by role and name' : 'by role only'}.`,
          style: 'meta',
        },
        heading('Summary'),
        paragraph(doc.summary),
        heading('Root cause'),
        paragraph(doc.rootCause),
        heading('What went well'),
        bullets(doc.wentWell),
        heading('What went badly'),
        bullets(doc.wentBadly),
        heading('Action items'),
        doc.actionItems.length
          ? {
              table: {
                headerRows: 1,
                widths: ['*', 'auto', 'auto', 'auto'],
                body: [
                  ['Action', 'Owner', 'Due', 'Status'].map((text) => ({ text, bold: true })),
                  ...doc.actionItems.map((item) => [
                    item.description,
                    item.ownerRole,
                    item.dueDate,
                    item.status,
                  ]),
                ],
              },
            }
          : paragraph(''),
        ...doc.generated.flatMap((section) => [
          heading(section.title),
          section.lines.length
            ? {
                ul: section.lines.map((line) => ({
                  text: [
                    line.text,
                    ...(line.cites.length
                      ? [{ text: `  [${line.cites.map((id) => shortId(id)).join(', ')}]`, style: 'cites' }]
                      : []),
                  ],
                })),
              }
            : paragraph('Nothing recorded.'),
        ]),
        heading('Sources'),
        {
          table: {
            headerRows: 1,
            widths: ['auto', '*', 'auto'],
            body: [
              ['Event', 'Type', 'When'].map((text) => ({ text, bold: true })),
              ...doc.sources.map((source) => [
                { text: source.id, fontSize: 7 },
                { text: source.type, fontSize: 8 },
                { text: source.at, fontSize: 8 },
              ]),
            ],
          },
        },
      ],
    })
    .getBuffer();
};

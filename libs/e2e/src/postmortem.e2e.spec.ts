import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HypercareClient } from '@hypercare/client';
import { describeWithProgram, onPath } from '@hypercare/testing';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { scriptedPeriod, T0 } from './analyst-script';
import { activePeriod, submitReport } from './scenario-steps';

interface Fact {
  kind: 'duration' | 'count' | 'sum';
  minutes?: number;
  value?: number;
  type?: string;
  field?: string;
  from?: { eventId: string; field: string };
  to?: { eventId: string; field: string };
}
interface Postmortem {
  postmortemId: string;
  status: string;
  title: string;
  digest: string | null;
  generated: Array<{ title: string; lines: Array<{ text: string; cites: string[]; fact?: Fact }> }>;
}
interface Explained {
  event: { id: string; type: string; data: Record<string, unknown> };
}

const TITLE = 'Ledger export outage of 4 March';
const pdftotext = onPath('pdftotext');
const pdftoppm = onPath('pdftoppm');

/** Share of a page image's pixels that are not white: a blank page has none. */
const inkOf = (pgm: Buffer): number => {
  const header = pgm.subarray(0, 64).toString('latin1').split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(pgm.length - width * height);
  return pixels.filter((value) => value < 200).length / pixels.length;
};

/**
 * A post-mortem of a period the services really ran: drafted over the incident's tickets,
 * every generated line checked against the events it cites (through the event explorer),
 * reviewed, published for good, and rendered to Markdown, HTML and a PDF read back as text and
 * as page images.
 */
describeWithProgram(
  {
    path: pdftotext && pdftoppm,
    purpose: 'read the post-mortem PDF back (poppler-utils)',
    install: 'bash infra/poppler/poppler.sh install',
  },
  'postgres',
)('a blameless post-mortem whose every line cites its events', () => {
  let platform: AllInOneOnPostgres;
  let client: HypercareClient;
  let periodId: string;
  let ids: string[];
  let postmortemId: string;
  const base = () => `/periods/${periodId}/postmortems`;
  const sections = {
    title: TITLE,
    summary: 'Ledger exports failed for three hours after the 08:00 deploy.',
    rootCause: 'A schema migration ran before the exporter was updated.',
    wentWell: ['Workaround within 40 minutes'],
    wentBadly: ['The third report waited 20 minutes for an acknowledgement'],
    actionItems: [
      {
        description: 'Gate deploys on exporter tests',
        ownerRole: 'technical-lead',
        dueDate: '2030-03-18',
        status: 'open',
      },
    ],
    namesShown: false,
  };

  beforeAll(async () => {
    platform = await AllInOneOnPostgres.start('postmortem');
    client = platform.admin;
    ({ periodId, ids } = await scriptedPeriod(client));
    const drafted = await client.call<Postmortem>('reporting', 'POST', base(), {
      title: 'Export outage',
      scope: { kind: 'tickets', ticketIds: [ids[1], ids[2]] },
    });
    postmortemId = drafted.postmortemId;
  }, 240_000);
  afterAll(() => platform?.stop());

  it('cites in every generated line events that exist and whose data gives its numbers', async () => {
    const doc = await client.call<Postmortem>('reporting', 'GET', `${base()}/${postmortemId}`);
    const events = new Map<string, Explained['event']>();
    const lines = doc.generated.flatMap(({ lines }) => lines);
    for (const id of new Set(lines.flatMap(({ cites }) => cites))) {
      const found = await client.send<Explained>('reporting', 'GET', `/events/${id}`);
      expect({ id, status: found.status }).toEqual({ id, status: 200 });
      events.set(id, found.body.event);
    }
    const checked = lines.filter(({ fact }) => fact);
    expect(checked.length).toBeGreaterThanOrEqual(8);
    for (const { text, cites, fact } of checked) {
      const cited = cites.map((id) => events.get(id) as Explained['event']);
      const at = (ref: { eventId: string; field: string }) =>
        Date.parse(String(events.get(ref.eventId)?.data[ref.field]));
      const value =
        fact?.kind === 'duration'
          ? Math.round(((at(fact.to!) - at(fact.from!)) / 60_000) * 10) / 10
          : fact?.kind === 'count'
            ? cited.filter(({ type }) => type === fact.type).length
            : cited.reduce((sum, { data }) => sum + Number(data[fact?.field as string]), 0);
      expect({ text, value }).toEqual({ text, value: fact?.minutes ?? fact?.value });
      expect(text).toContain(String(value));
    }
    const titles = doc.generated.map(({ title }) => title);
    expect(titles).toEqual([
      'Timeline',
      'Detection',
      'Acknowledgement and resolution',
      'SLA and escalations',
      'Decisions and rationale',
      'Workarounds',
      'Contributing alerts',
      'Affected users',
      'People involved',
    ]);
    const text = (title: string) =>
      doc.generated
        .find((s) => s.title === title)
        ?.lines.map((l) => l.text)
        .join('\n');
    expect(text('SLA and escalations')).toContain('SLA deadlines missed: 1');
    expect(text('Decisions and rationale')).toContain('hotfix, because month-end close cannot wait');
    expect(text('Acknowledgement and resolution')).toContain(
      `Ticket ${ids[2]?.slice(0, 8)} was acknowledged 20 min after it was reported`,
    );
  });

  it('names people by role only, unless the analyst chooses names', async () => {
    const markdown = (await client.text('reporting', `${base()}/${postmortemId}/document.md`)).body;
    expect(markdown).not.toMatch(/user\d@example\.com/);
    expect(markdown).toContain('the reporter');
  });

  it('is edited as a draft, reviewed and published for good, its digest that of its Markdown', async () => {
    expect((await client.send('reporting', 'PUT', `${base()}/${postmortemId}`, sections)).status).toBe(200);
    await client.call('reporting', 'POST', `${base()}/${postmortemId}/review`, {});
    expect((await client.send('reporting', 'PUT', `${base()}/${postmortemId}`, sections)).status).toBe(409);
    const published = await client.call<Postmortem>(
      'reporting',
      'POST',
      `${base()}/${postmortemId}/publish`,
      {},
    );
    expect(published.status).toBe('published');
    const edit = await client.send<{ detail: string }>(
      'reporting',
      'PUT',
      `${base()}/${postmortemId}`,
      sections,
    );
    expect([edit.status, edit.body.detail]).toEqual([409, expect.stringContaining('published')]);
    const markdown = (await client.text('reporting', `${base()}/${postmortemId}/document.md`)).body;
    const recorded = await client.call<Array<{ postmortemId: string; status: string }>>(
      'reporting',
      'GET',
      base(),
    );
    expect(recorded).toEqual([expect.objectContaining({ postmortemId, status: 'published' })]);
    expect(createHash('sha256').update(markdown).digest('hex')).toBe(published.digest);
    expect(markdown).toBe((await client.text('reporting', `${base()}/${postmortemId}/document.md`)).body);
    await submitReport(client, periodId, 9, 1);
    expect((await client.text('reporting', `${base()}/${postmortemId}/document.md`)).body).toBe(markdown);
  });

  it('renders as HTML and as a PDF with its title and content on non-blank pages, the same bytes each time', async () => {
    const html = await client.text('reporting', `${base()}/${postmortemId}/document.html`);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.body).toContain(`<h1>${TITLE}</h1>`);
    const fetchPdf = async () => {
      const response = await fetch(client.url('reporting', `${base()}/${postmortemId}/document.pdf`), {
        headers: { 'x-api-key': platform.adminKey },
      });
      expect(response.headers.get('content-type')).toBe('application/pdf');
      return Buffer.from(await response.arrayBuffer());
    };
    const pdf = await fetchPdf();
    expect((await fetchPdf()).equals(pdf)).toBe(true);
    const folder = mkdtempSync(join(tmpdir(), 'postmortem-'));
    try {
      writeFileSync(join(folder, 'doc.pdf'), pdf);
      const text = execFileSync(pdftotext as string, ['-layout', join(folder, 'doc.pdf'), '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain(TITLE);
      expect(text).toContain('Acknowledgement and resolution');
      execFileSync(pdftoppm as string, [
        '-gray',
        '-r',
        '40',
        '-f',
        '1',
        '-l',
        '1',
        join(folder, 'doc.pdf'),
        join(folder, 'page'),
      ]);
      const page = readFileSync(join(folder, 'page-1.pgm'));
      expect(inkOf(page)).toBeGreaterThan(0.005);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses tickets of another period, naming the field, and writes nothing', async () => {
    const other = await activePeriod(client, T0);
    const foreign = await submitReport(client, other, 7, 1);
    await client.poll('reporting', `/tickets/${foreign}`, (r) => r.status === 200);
    const before = await client.call<unknown[]>('reporting', 'GET', base());
    const refused = await client.send<{ errors: Array<{ field: string; message: string }> }>(
      'reporting',
      'POST',
      base(),
      {
        title: 'Mixed',
        scope: { kind: 'tickets', ticketIds: [ids[0], foreign] },
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'scope.ticketIds[1]', message: `${foreign} is not a ticket of period ${periodId}` },
    ]);
    expect(await client.call<unknown[]>('reporting', 'GET', base())).toEqual(before);
  });
});

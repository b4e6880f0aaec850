import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { type HypercareClient, newProgramme } from '@hypercare/client';
import { describeWith } from '@hypercare/testing';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { OpenApiConformance } from './openapi/openapi-conformance';
import { activePeriod, reportBody } from './scenario-steps';

const T0 = new Date('2030-07-01T08:00:00.000Z');

/** What a stream that stays open (Server-Sent Events) says first; the rest is left unread. */
const firstChunk = async (response: Response): Promise<string> => {
  const reader = response.body?.getReader();
  const chunk = await reader?.read();
  await reader?.cancel();
  return new TextDecoder().decode(chunk?.value);
};

interface Tenant {
  programmeId: string;
  periodId: string;
  ticketId: string;
  reportId: string;
  articleId: string;
  pulseId: string;
  webhookId: string;
  notificationId: string;
  attachmentId: string;
  /** The event that opened the tenant's ticket, in reporting's history. */
  eventId: string;
  /** A post-mortem of the tenant's ticket. */
  postmortemId: string;
  /** The tenant's reporter: whose notification preferences there are. */
  email: string;
}

/**
 * Tenant isolation, generated from the OpenAPI document: A and B are periods of two
 * programmes. For every operation, a lead of period A and a lead of A's programme are refused
 * on B's resources (the same 404 as an unknown id; 403 for platform-wide operations), see
 * none of B's rows in lists, and are not refused on A's own (the programme's lead on every
 * read of A, the period's lead on the period's). An operation that declares no access rule
 * fails the suite, so a new one is covered, or noticed, by itself.
 */
describeWith('postgres')(
  'programmes and periods isolated from each other, probed from the OpenAPI document',
  () => {
    let platform: AllInOneOnPostgres;
    let operations: ReturnType<OpenApiConformance['all']>;
    let admin: HypercareClient;
    let leadOfA: string;
    let programmeLeadOfA: string;
    const principals = () => [
      ['the lead of period A', leadOfA],
      ["the lead of A's programme", programmeLeadOfA],
    ];
    let a: Tenant;
    let b: Tenant;

    const call = async (method: string, path: string, key: string, body?: string) => {
      const response = await fetch(`${platform.base}${path}`, {
        method,
        headers: { 'x-api-key': key, ...(body ? { 'content-type': 'application/json' } : {}) },
        body,
      });
      const type = response.headers.get('content-type') ?? '';
      const text = type.startsWith('text/event-stream') ? await firstChunk(response) : await response.text();
      const json = /json/.test(type);
      return {
        status: response.status,
        text,
        body: text && json ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      };
    };
    const concrete = (template: string, tenant: Tenant): string =>
      template.replace(/\{(\w+)\}/g, (_, name: string) => tenant[name as keyof Tenant] ?? `unknown-${name}`);
    const versions = async (tenant: Tenant) => [
      (await admin.call<{ version: number }>('triage', 'GET', `/programmes/${tenant.programmeId}`)).version,
      (await admin.call<{ version: number }>('triage', 'GET', `/periods/${tenant.periodId}`)).version,
      (await admin.call<{ version: number }>('triage', 'GET', `/tickets/${tenant.ticketId}`)).version,
    ];

    const tenant = async (goLive: Date, n: number): Promise<Tenant> => {
      const programmeId = await newProgramme(admin, `Programme ${n}`);
      const periodId = await activePeriod(admin, goLive, programmeId);
      const { reportId } = await admin.call<{ reportId: string }>(
        'intake',
        'POST',
        `/periods/${periodId}/reports`,
        reportBody(n),
      );
      await admin.poll('reporting', `/tickets/${reportId}`, (r) => r.status === 200);
      await admin.poll('feedback', `/periods/${periodId}/articles`, (r) => r.status === 200);
      const { articleId } = await admin.call<{ articleId: string }>(
        'feedback',
        'POST',
        `/periods/${periodId}/articles`,
        {
          kind: 'faq',
          title: `Question ${n}`,
          body: 'Answer',
        },
      );
      await admin.poll('feedback', `/periods/${periodId}/articles/${articleId}`, (r) => r.status === 200);
      const { pulseId } = await admin.call<{ pulseId: string }>(
        'feedback',
        'POST',
        `/periods/${periodId}/pulses`,
        {
          title: `Pulse ${n}`,
          questions: [{ type: 'scale', text: 'How is it going?' }],
          audience: { kind: 'reporters' },
          schedule: { every: 'once', startsAt: goLive.toISOString() },
        },
      );
      await admin.poll('feedback', `/periods/${periodId}/pulses/${pulseId}`, (r) => r.status === 200);
      const { webhookId } = await admin.call<{ webhookId: string }>(
        'reporting',
        'POST',
        `/programmes/${programmeId}/webhooks`,
        { url: `https://bau-${n}.example.com/hypercare` },
      );
      const { body } = await admin.poll<{ items: Array<{ notificationId: string }> }>(
        'intake',
        `/periods/${periodId}/notifications`,
        (r) => r.status === 200 && r.body.items.length > 0,
      );
      const notificationId = body.items[0]?.notificationId as string;
      const email = reportBody(n).reporter.email;
      // The reporter answers the acknowledgement by mail with a file: the report then has one.
      const trace = `trace ${n}\n`;
      const reply = await new MailComposer({
        from: email,
        subject: 'Re: your report',
        inReplyTo: `<${notificationId}@localhost>`,
        text: 'The trace is attached.',
        attachments: [{ filename: 'trace.txt', content: trace }],
      })
        .compile()
        .build();
      await fetch(`${platform.base}/intake/periods/${periodId}/inbound/mail`, {
        method: 'POST',
        headers: { 'x-api-key': platform.adminKey, 'content-type': 'message/rfc822' },
        body: reply,
      });
      const attachmentId = createHash('sha256').update(trace).digest('hex');
      // The reply's comment reaches the ticket through triage: wait, so later checks see it still.
      const { body: ticket } = await admin.poll<{ timeline: Array<{ type: string; eventId: string }> }>(
        'reporting',
        `/tickets/${reportId}`,
        (r) => r.status === 200 && r.body.timeline.some(({ type }) => type.includes('commented')),
      );
      const { postmortemId } = await admin.call<{ postmortemId: string }>(
        'reporting',
        'POST',
        `/periods/${periodId}/postmortems`,
        { title: `Incident ${n}`, scope: { kind: 'tickets', ticketIds: [reportId] } },
      );
      return {
        eventId: ticket.timeline[0]?.eventId as string,
        postmortemId,
        programmeId,
        periodId,
        ticketId: reportId,
        reportId,
        articleId,
        pulseId,
        webhookId,
        notificationId,
        attachmentId,
        email,
      };
    };

    beforeAll(async () => {
      platform = await AllInOneOnPostgres.start('isolation');
      operations = new OpenApiConformance(await platform.openApi()).all();
      admin = platform.admin;
      await admin.call('triage', 'PUT', '/test-clock', { now: T0.toISOString() });
      a = await tenant(T0, 1);
      b = await tenant(T0, 2);
      const key = async (name: string, grant: string) =>
        (await admin.call<{ key: string }>('triage', 'POST', '/api-keys', { name, grants: [grant] })).key;
      leadOfA = await key('lead of period A', `lead@period:${a.periodId}`);
      programmeLeadOfA = await key("lead of A's programme", `lead@programme:${a.programmeId}`);
    }, 120_000);

    afterAll(() => platform?.stop());

    it('declares an access rule on every operation that is not public', () => {
      const undeclared = operations
        .filter(({ operation }) => !operation['x-hypercare-public'] && !operation['x-hypercare-access'])
        .map(({ method, template }) => `${method.toUpperCase()} ${template}`);
      expect(undeclared).toEqual([]);
    });

    it("refuses A's leads every operation on B's resources, writing nothing there", async () => {
      const before = await versions(b);
      const failures: string[] = [];
      for (const [who, key] of principals())
        for (const { method, template, operation } of operations) {
          const scope = operation['x-hypercare-access']?.scope;
          if (!scope || scope === 'listed') continue;
          const body = operation.requestBody ? '{}' : undefined;
          const answer = await call(method.toUpperCase(), concrete(template, b), key as string, body);
          const expected = scope === 'platform' ? 403 : 404;
          const what = `${method.toUpperCase()} ${template} on B by ${who}`;
          if (answer.status !== expected)
            failures.push(`${what}: ${answer.status} (expected ${expected}) ${answer.text}`);
          if (expected === 403 && [b.periodId, b.programmeId].some((id) => answer.text.includes(id)))
            failures.push(`${what}: the refusal shows B's data`);
        }
      expect(failures).toEqual([]);
      expect(await versions(b)).toEqual(before);
    }, 120_000);

    it("answers A's leads on A's own resources (the refusals above are not refusals of everything)", async () => {
      const failures: string[] = [];
      for (const [who, key] of principals())
        for (const { method, template, operation } of operations) {
          const scope = operation['x-hypercare-access']?.scope;
          // A person's own is reached by that person (or a platform admin): these keys name no person.
          if (method !== 'get' || !scope || scope === 'platform' || scope === 'person') continue;
          // A period's grant reaches the period, not the programme record: that is its programme lead's.
          if (scope === 'programme' && key === leadOfA) continue;
          const answer = await call('GET', concrete(template, a), key as string);
          // A documented 409 (a handoff before the close) is answered only past access and existence.
          const notYet = answer.status === 409 && operation.responses['409'] !== undefined;
          if (answer.status !== 200 && !notYet)
            failures.push(`GET ${template} on A by ${who}: ${answer.status} ${answer.text}`);
        }
      expect(failures).toEqual([]);
    });

    it("shows A's leads none of B's rows in any list, and A's", async () => {
      const lists = operations.filter(({ operation }) => operation['x-hypercare-access']?.scope === 'listed');
      expect(lists.length).toBeGreaterThanOrEqual(2);
      for (const [, key] of principals())
        for (const { template } of lists) {
          const answer = await call('GET', template, key as string);
          expect(answer.status).toBe(200);
          expect(answer.text).toMatch(new RegExp(`${a.periodId}|${a.programmeId}`));
          expect(answer.text).not.toContain(b.periodId);
          expect(answer.text).not.toContain(b.programmeId);
        }
      const everything = await call('GET', '/reporting/periods', platform.adminKey);
      expect(everything.text).toContain(b.periodId);
    });
  },
);

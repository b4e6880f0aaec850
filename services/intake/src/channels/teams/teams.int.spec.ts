import { randomUUID } from 'node:crypto';
import { ticketEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually, TeamsStandIn } from '@hypercare/testing';
import { intakeWith, list, publishTicket } from '../../notifications/notifying-intake.fixture';

const SIGNING_KEY = 'k'.repeat(64);
const MEGAN = { name: 'Megan Bowen', aadObjectId: '6f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b' };
const MEGAN_EMAIL = `${MEGAN.aadObjectId}@teams.invalid`;
const ROOT = '1700000000001';
const CONVERSATION = `19:hypercare@thread.tacv2;messageid=${ROOT}`;

type Problem = { detail?: string; errors?: Array<{ field: string; message: string }> };

/**
 * Teams on a real database, against a Teams channel stand-in that signs what its outgoing
 * webhook sends as Teams does and checks the Adaptive Cards its incoming webhook is posted:
 * a message opens a report in its author's name and a reply in its thread comments on it,
 * once whatever Teams resends; the reporter's progress and what a person who chose Teams is
 * told are posted mentioning them (waiting out a 429); forged, replayed and unset-up requests
 * are refused.
 */
describeWith('postgres')('Teams in and out', () => {
  let teams: TeamsStandIn;
  let intake: ServiceUnderTest;
  let periodId: string;
  let ticketId: string;
  const post = (request: { body: string; headers: Record<string, string> }, period = periodId) =>
    fetch(intake.admin.url('intake', `/periods/${period}/teams/messages`), { method: 'POST', ...request });
  const message = (id: string, text: string, conversationId = CONVERSATION) =>
    teams.outgoing({ id, text, conversationId, from: MEGAN });
  const comments = async () =>
    (await intake.recorded({ filter: { streamPrefixes: ['report-'] } })).filter(
      ({ type }) => type === 'hypercare.report.commented.v1',
    );

  beforeAll(async () => {
    teams = await TeamsStandIn.start();
    ({ intake, periodId } = await intakeWith('intake_teams', { HYPERCARE_SIGNING_KEY: SIGNING_KEY }));
  });
  afterAll(async () => {
    await intake?.stop();
    await teams?.stop();
  });

  it('takes nothing from Teams before the period is set up for it', async () => {
    const refused = await post(message(ROOT, '<at>Hypercare</at> report Totals are wrong'));
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as Problem).detail).toMatch(/no Teams outgoing webhook/);
  });

  it("sets up the period's Teams channel each way, never showing its secrets, refusing what is neither", async () => {
    const path = `/periods/${periodId}/teams-channel`;
    const empty = await intake.admin.send<Problem>('intake', 'PUT', path, {});
    expect(empty.body.errors).toEqual([
      { field: 'securityToken', message: expect.stringMatching(/must give/) },
    ]);
    const wrong = await intake.admin.send<Problem>('intake', 'PUT', path, { securityToken: 'not-base64' });
    expect(wrong.body.errors?.map(({ field }) => field)).toEqual(['securityToken']);
    await intake.admin.call('intake', 'PUT', path, { securityToken: teams.securityToken });
    const both = await intake.admin.call('intake', 'PUT', path, {
      incomingWebhookUrl: teams.incomingWebhookUrl,
    });
    expect(both).toMatchObject({ periodId, inbound: true, outbound: true });
    expect(JSON.stringify(await intake.admin.call('intake', 'GET', path))).not.toContain(teams.securityToken);
  });

  it("opens a report in its author's name from a message mentioning the webhook, once whatever Teams resends", async () => {
    const text = '<at>Hypercare</at> report Invoices do not export | The export <b>spins</b> forever&nbsp;';
    const answer = (await (await post(message(ROOT, text))).json()) as { type: string; text: string };
    expect(answer).toEqual({
      type: 'message',
      text: expect.stringMatching(/^Reported as ticket \S+: replies in this thread reach it\.$/),
    });
    ticketId = /ticket (\S+):/.exec(answer.text)?.[1] as string;
    const resent = (await (await post(message(ROOT, text))).json()) as { text: string };
    expect(resent.text).toBe(answer.text);
    const submitted = await intake.recorded({ filter: { streamPrefixes: ['report-'] } });
    expect(submitted.map(({ data }) => data)).toEqual([
      expect.objectContaining({
        reportId: ticketId,
        reporter: { name: MEGAN.name, email: MEGAN_EMAIL },
        title: 'Invoices do not export',
        description: 'The export spins forever',
        channel: 'chat',
      }),
    ]);
  });

  it('takes a reply in the thread as a comment, once', async () => {
    const reply = message('1700000000002', '<at>Hypercare</at> Still spinning after a refresh');
    expect(await (await post(reply)).json()).toEqual({
      type: 'message',
      text: `Added to ticket ${ticketId}.`,
    });
    await post(reply);
    expect((await comments()).map(({ data }) => data)).toEqual([
      expect.objectContaining({
        reportId: ticketId,
        author: { name: MEGAN.name, email: MEGAN_EMAIL },
        text: 'Still spinning after a refresh',
      }),
    ]);
  });

  it('posts the reporter’s progress in the channel mentioning them, waiting as long as a 429 asks', async () => {
    const t = ticketEvents(ticketId, periodId);
    const opened = t.opened();
    teams.rateLimitNextPost(1);
    await publishTicket(intake, ticketId, {
      ...opened,
      data: { ...opened.data, reporter: { name: MEGAN.name, email: MEGAN_EMAIL } },
    });
    await eventually('the receipt posted', () => teams.posted.length === 1);
    const [card] = teams.posted;
    expect(card?.texts[0]).toBe(`We received your report: Invoices do not export [ticket ${ticketId}]`);
    expect(card?.mentions).toEqual([
      { text: `<at>${MEGAN.name}</at>`, id: MEGAN.aadObjectId, name: MEGAN.name },
    ]);
    const [received] = await list(intake, periodId, `?ticketId=${ticketId}`);
    expect(received).toMatchObject({ kind: 'received', status: 'sent', attempts: 2 });
    expect(card?.texts.at(-1)).toContain(received?.notificationId);
    expect((card?.at as number) - (teams.refused[0]?.at as number)).toBeGreaterThanOrEqual(1000);
  });

  it('posts what a person who chose Teams is told, mentioning them by their sign-in name', async () => {
    await intake.admin.call('intake', 'PUT', '/people/sam@example.com/notification-preferences', {
      channel: 'teams',
    });
    const other = randomUUID();
    const t = ticketEvents(other, periodId);
    const before = teams.posted.length;
    const assigned = t.assigned('2026-11-03T09:05:00.000Z');
    await publishTicket(intake, other, t.opened(), {
      ...assigned,
      data: { ...assigned.data, by: 'Tomás Lead' },
    });
    await eventually('the assignment posted', () => teams.posted.length === before + 1);
    expect(teams.posted.at(-1)?.mentions).toEqual([
      { text: '<at>Sam Agent</at>', id: 'sam@example.com', name: 'Sam Agent' },
    ]);
    expect((await list(intake, periodId, `?ticketId=${other}&kind=assigned`))[0]).toMatchObject({
      channel: 'teams',
      status: 'sent',
    });
  });

  it('refuses what Teams did not sign, or sent too long ago, taking nothing', async () => {
    const forged = await post(
      teams.outgoing(
        { id: '1700000000009', text: 'forged', conversationId: CONVERSATION, from: MEGAN },
        { token: Buffer.alloc(32, 7).toString('base64') },
      ),
    );
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as Problem).detail).toMatch(/does not match/);
    const stale = await post(
      teams.outgoing(
        { id: '1700000000010', text: 'late', conversationId: CONVERSATION, from: MEGAN },
        { timestamp: new Date(Date.now() - 301_000) },
      ),
    );
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as Problem).detail).toMatch(/more than 300 seconds/);
    const { body } = message('1700000000011', 'unsigned');
    const unsigned = await post({ body, headers: { 'content-type': 'application/json' } });
    expect([unsigned.status, ((await unsigned.json()) as Problem).detail]).toEqual([
      401,
      expect.stringMatching(/Authorization: HMAC/),
    ]);
    expect(await comments()).toHaveLength(1);
  });
});

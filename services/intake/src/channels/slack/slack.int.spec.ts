import { ticketEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually, SlackStandIn } from '@hypercare/testing';
import { intakeWith, list, publishTicket } from '../../notifications/notifying-intake.fixture';
import { slackSignatureOf } from './slack-signature';

const SECRET = 'test-signing-secret-0123456789';
const TOKEN = 'xoxb-test-token';
const CHANNEL = 'C0HYPERCARE';
const ANA = { name: 'Ana Ruiz', email: 'ana@example.com' };

/** A request signed as Slack signs it, `ageSeconds` ago. */
const signed = (body: string, contentType: string, { ageSeconds = 0, secret = SECRET } = {}) => {
  const timestamp = String(Math.floor(Date.now() / 1000) - ageSeconds);
  return {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': slackSignatureOf(secret, timestamp, body),
    },
    body,
  };
};

/**
 * Slack on a real database, against a stand-in of Slack's Web API that checks the token and
 * the Block Kit: a slash command in a period's channel opens a report and its thread, the
 * reporter's progress is posted in the thread (waiting out a 429's Retry-After), a reply in
 * the thread is a comment once whatever Slack's retries; unsigned, mis-signed and replayed
 * requests are refused.
 */
describeWith('postgres')('Slack in and out', () => {
  let slack: SlackStandIn;
  let intake: ServiceUnderTest;
  let periodId: string;
  let ticketId: string;
  const call = (path: string, init: RequestInit) => fetch(intake.admin.url('intake', path), init);
  const command = (text: string, trigger: string) =>
    new URLSearchParams({
      command: '/hypercare',
      text,
      channel_id: CHANNEL,
      user_id: 'U1ANA',
      trigger_id: trigger,
    }).toString();
  const reply = (eventId: string, text: string, threadTs: string, extra: object = {}) =>
    JSON.stringify({
      type: 'event_callback',
      event_id: eventId,
      event: {
        type: 'message',
        channel: CHANNEL,
        user: 'U1ANA',
        text,
        ts: `${Date.now() / 1000}`,
        thread_ts: threadTs,
        ...extra,
      },
    });
  const comments = async () =>
    (await intake.recorded({ filter: { streamPrefixes: ['report-'] } })).filter(
      ({ type }) => type === 'hypercare.report.commented.v1',
    );

  beforeAll(async () => {
    slack = await SlackStandIn.start(TOKEN, { U1ANA: ANA });
    ({ intake, periodId } = await intakeWith('intake_slack', {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: slack.url,
    }));
  });
  afterAll(async () => {
    await intake?.stop();
    await slack?.stop();
  });

  it("makes a channel the period's, refusing what is no channel id", async () => {
    const bad = await intake.admin.send<{ errors: unknown[] }>(
      'intake',
      'PUT',
      `/periods/${periodId}/slack-channel`,
      {
        channelId: 'general',
      },
    );
    expect(bad.body.errors).toEqual([
      { field: 'channelId', message: expect.stringMatching(/must be a Slack channel id/) },
    ]);
    await intake.admin.call('intake', 'PUT', `/periods/${periodId}/slack-channel`, { channelId: CHANNEL });
    expect(await intake.admin.call('intake', 'GET', `/periods/${periodId}/slack-channel`)).toEqual({
      periodId,
      channelId: CHANNEL,
    });
  });

  it("answers Slack's URL check", async () => {
    const response = await call(
      '/slack/events',
      signed(JSON.stringify({ type: 'url_verification', challenge: 'c-123' }), 'application/json'),
    );
    expect(await response.json()).toEqual({ challenge: 'c-123' });
  });

  it('opens a report from the slash command in the reporter’s name, and starts its thread', async () => {
    const response = await call(
      '/slack/commands',
      signed(
        command('report Invoices do not export | The export spins forever', 't-1'),
        'application/x-www-form-urlencoded',
      ),
    );
    const answer = (await response.json()) as { response_type: string; text: string };
    expect(answer).toEqual({
      response_type: 'ephemeral',
      text: expect.stringMatching(/^Reported as ticket \S+; follow it in the thread\.$/),
    });
    ticketId = /ticket (\S+);/.exec(answer.text)?.[1] as string;
    const [submitted] = (await intake.recorded({ filter: { streamPrefixes: [`report-${ticketId}`] } })).map(
      ({ data }) => data,
    );
    expect(submitted).toMatchObject({
      reporter: ANA,
      channel: 'chat',
      title: 'Invoices do not export',
      description: 'The export spins forever',
    });
    expect(slack.posted).toEqual([
      expect.objectContaining({ channel: CHANNEL, text: 'New report from <@U1ANA>: Invoices do not export' }),
    ]);
    const usage = await call(
      '/slack/commands',
      signed(command('help', 't-2'), 'application/x-www-form-urlencoded'),
    );
    expect(await usage.json()).toEqual({
      response_type: 'ephemeral',
      text: 'Usage: /hypercare report <title> | <what happened>',
    });
  });

  it('shows what people wrote literally: a title cannot mention the channel', async () => {
    await call(
      '/slack/commands',
      signed(
        command('report Totals <!channel> & <@U9BOSS> | see', 't-escape'),
        'application/x-www-form-urlencoded',
      ),
    );
    expect(slack.posted.at(-1)?.text).toBe(
      'New report from <@U1ANA>: Totals &lt;!channel&gt; &amp; &lt;@U9BOSS&gt;',
    );
  });

  it('tells the reporter in the thread, waiting as long as a 429 asks', async () => {
    const root = slack.posted[0]?.ts as string;
    const t = ticketEvents(ticketId, periodId);
    slack.rateLimitNextPost(1);
    await publishTicket(intake, ticketId, t.opened(), t.triaged('2026-11-03T09:02:00.000Z', 'P2'));
    await eventually(
      'both posted in the thread',
      () => slack.posted.filter(({ thread_ts }) => thread_ts === root).length === 2,
    );
    const [received, triaged] = slack.posted.filter(({ thread_ts }) => thread_ts === root);
    expect(received?.text).toBe(`We received your report: Invoices do not export [ticket ${ticketId}]`);
    expect(triaged?.text).toMatch(/^P2: Invoices do not export/);
    expect((received?.at as number) - (slack.limited[0] as number)).toBeGreaterThanOrEqual(1000);
    const notifications = await list(intake, periodId, `?ticketId=${ticketId}`);
    expect(notifications.map(({ kind, status }) => `${kind} ${status}`).sort()).toEqual([
      'received sent',
      'triaged sent',
    ]);
    expect(received?.metadata).toEqual({
      event_type: 'hypercare_notification',
      event_payload: {
        notification_id: notifications.find(({ kind }) => kind === 'received')?.notificationId,
      },
    });
  });

  it("takes a person's reply in the thread as a comment, once whatever Slack's retries, and leaves bots alone", async () => {
    const root = slack.posted[0]?.ts as string;
    const first = signed(reply('Ev1', 'Still spinning after a refresh', root), 'application/json');
    expect((await call('/slack/events', first)).status).toBe(200);
    expect(
      (
        await call(
          '/slack/events',
          signed(reply('Ev1', 'Still spinning after a refresh', root), 'application/json'),
        )
      ).status,
    ).toBe(200);
    await call(
      '/slack/events',
      signed(reply('Ev2', 'I am a bot', root, { bot_id: 'B1' }), 'application/json'),
    );
    await call('/slack/events', signed(reply('Ev3', 'Other thread', '1.000001'), 'application/json'));
    expect((await comments()).map(({ data }) => data)).toEqual([
      expect.objectContaining({
        reportId: ticketId,
        author: ANA,
        text: 'Still spinning after a refresh',
        channel: 'chat',
      }),
    ]);
  });

  it("reports a message through the shortcut in its author's name, its thread the ticket's", async () => {
    const action = {
      type: 'message_action',
      callback_id: 'hypercare_report',
      trigger_id: 't-shortcut',
      user: { id: 'U2SAM' },
      channel: { id: CHANNEL },
      message: {
        text: 'Payroll run fails\nThe run stops at step 3 with a timeout.',
        ts: '1700000000.000100',
        user: 'U1ANA',
      },
    };
    const form = new URLSearchParams({ payload: JSON.stringify(action) }).toString();
    const response = await call('/slack/interactions', signed(form, 'application/x-www-form-urlencoded'));
    expect(response.status).toBe(200);
    const confirmation = slack.posted.at(-1);
    expect(confirmation).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000100' });
    const reportId = /ticket (\S+)$/.exec(confirmation?.text ?? '')?.[1] as string;
    const [submitted] = (await intake.recorded({ filter: { streamPrefixes: [`report-${reportId}`] } })).map(
      ({ data }) => data,
    );
    expect(submitted).toMatchObject({
      reporter: ANA,
      title: 'Payroll run fails',
      description: 'Payroll run fails\nThe run stops at step 3 with a timeout.',
      channel: 'chat',
    });
    const again = { ...action, trigger_id: 't-again' };
    await call(
      '/slack/interactions',
      signed(
        new URLSearchParams({ payload: JSON.stringify(again) }).toString(),
        'application/x-www-form-urlencoded',
      ),
    );
    expect(slack.posted.at(-1)?.text).toBe(`Already reported: this thread is ticket ${reportId}`);
    const elsewhere = { ...action, trigger_id: 't-elsewhere', channel: { id: 'C0ELSEWHERE' } };
    await call(
      '/slack/interactions',
      signed(
        new URLSearchParams({ payload: JSON.stringify(elsewhere) }).toString(),
        'application/x-www-form-urlencoded',
      ),
    );
    expect(slack.posted.at(-1)?.text).toMatch(/This channel is no hypercare period's/);
    const broken = await call(
      '/slack/interactions',
      signed('payload=%7Bnot-json', 'application/x-www-form-urlencoded'),
    );
    expect(((await broken.json()) as { errors: unknown[] }).errors).toEqual([
      { field: 'payload', message: 'must be JSON' },
    ]);
  });

  it('refuses what Slack did not sign, or signed too long ago', async () => {
    const body = reply('Ev9', 'forged', slack.posted[0]?.ts as string);
    const forged = await call(
      '/slack/events',
      signed(body, 'application/json', { secret: 'not-our-secret-at-all' }),
    );
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { detail: string }).detail).toMatch(/does not match/);
    const replayed = await call('/slack/events', signed(body, 'application/json', { ageSeconds: 301 }));
    expect(replayed.status).toBe(401);
    const unsigned = await call('/slack/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(unsigned.status).toBe(401);
    expect(await comments()).toHaveLength(1);
  });
});

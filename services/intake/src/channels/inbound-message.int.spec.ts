import { randomUUID } from 'node:crypto';
import { ApiKeyStore, signedHeaders, systemActor } from '@hypercare/auth';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith } from '@hypercare/testing';
import { intakeWith } from '../notifications/notifying-intake.fixture';

const ANA = { name: 'Ana Ruiz', email: 'ana@example.com' };

/**
 * Messages from any tool, signed with a channel key's secret: a new one opens a report, one
 * naming a report comments on it, a resend changes nothing, a forged or stale signature and a
 * report of another period are refused, nothing written.
 */
describeWith('postgres')('signed messages from any tool', () => {
  let intake: ServiceUnderTest;
  let periodId: string;
  let keyId: string;
  let secret: string;

  const send = (body: object, { at = new Date(), signingSecret = secret, period = periodId } = {}) => {
    const text = JSON.stringify(body);
    return fetch(intake.admin.url('intake', `/periods/${period}/inbound/messages`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders(keyId, signingSecret, text, at) },
      body: text,
    });
  };
  const recorded = async (type: string) =>
    (await intake.recorded({ filter: { streamPrefixes: ['report-'] } })).filter(
      (event) => event.type === type,
    );

  beforeAll(async () => {
    ({ intake, periodId } = await intakeWith('intake_messages', {
      HYPERCARE_SIGNING_KEY: '3f1e9a7c5b2d8e4f6a0c1b3d5e7f9a2c4e6b8d0f',
    }));
    const made = await intake.app.get(ApiKeyStore).create(
      {
        name: 'Ticketing tool',
        grants: [{ role: 'channel', scope: { kind: 'period', id: periodId } }],
        signing: true,
      },
      systemActor('test'),
    );
    keyId = made.record.id;
    secret = made.signingSecret as string;
  });
  afterAll(() => intake?.stop());

  it('opens a report, takes a comment on it, and a resend of either changes nothing', async () => {
    const report = {
      messageId: 'tool-1',
      from: ANA,
      subject: 'Invoices do not export',
      text: 'The export spins.',
    };
    const opened = await send(report);
    expect(opened.status).toBe(201);
    const { reportId } = (await opened.json()) as { reportId: string };
    expect(await (await send(report)).json()).toEqual({ outcome: 'report', reportId, replayed: true });

    const comment = { messageId: 'tool-2', from: ANA, text: 'Also on the Swiss entity.', reportId };
    expect(await (await send(comment)).json()).toEqual({ outcome: 'comment', reportId, replayed: false });
    expect(await (await send(comment)).json()).toEqual({ outcome: 'comment', reportId, replayed: true });
    expect((await recorded('hypercare.report.submitted.v1')).map(({ data }) => data)).toEqual([
      expect.objectContaining({ reportId, channel: 'api', title: 'Invoices do not export', reporter: ANA }),
    ]);
    expect((await recorded('hypercare.report.commented.v1')).map(({ data }) => data)).toEqual([
      expect.objectContaining({ reportId, text: 'Also on the Swiss entity.', author: ANA, channel: 'api' }),
    ]);
  });

  it('refuses a forged or stale signature, a report it does not hold, and a message without text', async () => {
    const body = { messageId: 'tool-9', from: ANA, subject: 'Forged', text: 'x' };
    expect((await send(body, { signingSecret: 'not-the-secret' })).status).toBe(401);
    expect((await send(body, { at: new Date(Date.now() - 301_000) })).status).toBe(401);
    const elsewhere = await send({ messageId: 'tool-10', from: ANA, text: 'Hi', reportId: randomUUID() });
    expect(elsewhere.status).toBe(404);
    const empty = await send({ messageId: 'tool-11', from: ANA, text: ' ' });
    expect(((await empty.json()) as { errors: Array<{ field: string }> }).errors).toEqual([
      expect.objectContaining({ field: 'text' }),
    ]);
    expect(await recorded('hypercare.report.submitted.v1')).toHaveLength(1);
  });
});

import { randomUUID } from 'node:crypto';
import { ApiKeyStore, systemActor } from '@hypercare/auth';
import { ticketEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually, MailServer } from '@hypercare/testing';
import { intakeWith, list, publishTicket } from './notifying-intake.fixture';

const ANA = { name: 'Ana Ruiz', email: 'ana@example.com' };
const hhmm = (date: Date) => date.toISOString().slice(11, 16);

/**
 * Preferences on a real database and a real SMTP server: a muted kind is recorded and never
 * sent; during quiet hours only urgent notifications go out, the rest once they end; what
 * cannot be muted, or is no time zone, is refused naming the field; a person's preferences
 * are theirs and a platform admin's.
 */
describeWith('postgres')('notification preferences', () => {
  let smtp: MailServer;
  let intake: ServiceUnderTest;
  let periodId: string;
  const put = (email: string, body: object) =>
    intake.admin.send<{ errors?: Array<{ field: string; message: string }> }>(
      'intake',
      'PUT',
      `/people/${email}/notification-preferences`,
      body,
    );

  beforeAll(async () => {
    smtp = await MailServer.start();
    ({ intake, periodId } = await intakeWith('intake_notify_prefs', { SMTP_URL: smtp.url }));
  });
  afterAll(async () => {
    await intake?.stop();
    await smtp?.stop();
  });

  it('records a muted kind and never sends it, sending the rest', async () => {
    expect((await put('ANA@example.com', { muted: ['resolved'] })).status).toBe(200);
    const ticketId = randomUUID();
    const t = ticketEvents(ticketId, periodId);
    await publishTicket(
      intake,
      ticketId,
      t.opened(),
      t.resolved('2026-11-03T12:00:00.000Z'),
      t.reopened('2026-11-03T13:00:00.000Z'),
    );
    await eventually('received and reopened mailed', () => smtp.to('ana@example.com').length === 2);
    expect(smtp.to('ana@example.com').map(({ subject }) => subject?.split(':')[0])).toEqual([
      'We received your report',
      'Reopened',
    ]);
    expect(
      (await list(intake, periodId, `?ticketId=${ticketId}&kind=resolved`)).map(({ status }) => status),
    ).toEqual(['muted']);
  });

  it('holds what is not urgent during quiet hours, sends the urgent at once, and the rest when they end', async () => {
    const now = new Date();
    const quietHours = {
      from: hhmm(new Date(now.getTime() - 3_600_000)),
      to: hhmm(new Date(now.getTime() + 3_600_000)),
      timeZone: 'UTC',
    };
    expect((await put('sam@example.com', { quietHours })).status).toBe(200);
    const ticketId = randomUUID();
    const t = ticketEvents(ticketId, periodId);
    const assigned = t.assigned('2026-11-03T09:03:00.000Z');
    const escalated = t.escalated('2026-11-03T09:20:00.000Z', 1, 'technical-lead');
    await publishTicket(
      intake,
      ticketId,
      t.opened(),
      { ...assigned, data: { ...assigned.data, by: 'Tomás Lead' } },
      {
        ...escalated,
        data: { ...escalated.data, notified: [{ name: 'Sam Agent', email: 'sam@example.com' }] },
      },
    );
    await eventually('the escalation mailed', () => smtp.to('sam@example.com').length === 1);
    expect(smtp.to('sam@example.com')[0]?.subject).toMatch(/^Escalation level 1/);
    expect((await list(intake, periodId, `?ticketId=${ticketId}&kind=assigned`))[0]?.status).toBe('pending');

    expect((await put('sam@example.com', { quietHours: null })).status).toBe(200);
    await eventually(
      'the assignment mailed once quiet hours ended',
      () => smtp.to('sam@example.com').length === 2,
    );
    expect(smtp.to('sam@example.com')[1]?.subject).toMatch(/^Assigned to you/);
  });

  it('refuses to mute what is urgent, and times and zones that are none, naming each field', async () => {
    const refused = await put('ana@example.com', {
      muted: ['received', 'escalated'],
      quietHours: { from: '22:00', to: '22:00', timeZone: 'Mars/Olympus' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'muted[1]', message: 'cannot be muted: it is how an urgent ticket reaches its people' },
        { field: 'quietHours.timeZone', message: 'must be an IANA time zone, e.g. Europe/Madrid' },
      ]),
    );
    const sameTimes = await put('ana@example.com', {
      quietHours: { from: '22:00', to: '22:00', timeZone: 'UTC' },
    });
    expect(sameTimes.body.errors).toEqual([{ field: 'quietHours.to', message: 'must differ from from' }]);
    expect(
      (
        await intake.admin.call<{ muted: string[] }>(
          'intake',
          'GET',
          '/people/ana@example.com/notification-preferences',
        )
      ).muted,
    ).toEqual(['resolved']);
  });

  it('are their owner’s and a platform admin’s: to anyone else there are none', async () => {
    const { key } = await intake.app
      .get(ApiKeyStore)
      .create(
        { name: 'Agent', grants: [{ role: 'agent', scope: { kind: 'platform' } }] },
        systemActor('test'),
      );
    const agent = intake.admin.anonymous().withApiKey(key);
    const read = await agent.send('intake', 'GET', '/people/ana@example.com/notification-preferences');
    expect(read.status).toBe(404);
    const write = await agent.send('intake', 'PUT', '/people/ana@example.com/notification-preferences', {
      muted: [],
    });
    expect(write.status).toBe(404);
    const defaults = await intake.admin.call(
      'intake',
      'GET',
      '/people/nobody@example.com/notification-preferences',
    );
    expect(defaults).toEqual({
      email: 'nobody@example.com',
      channel: 'email',
      muted: [],
      digest: false,
      quietHours: null,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('gathers what is not urgent in a daily digest, sending the urgent at once', async () => {
    expect((await put('ana@example.com', { digest: true })).status).toBe(200);
    const ticketId = randomUUID();
    const t = ticketEvents(ticketId, periodId);
    const escalated = t.escalated('2026-11-03T09:20:00.000Z', 1, 'technical-lead');
    const before = smtp.to('ana@example.com').length;
    await publishTicket(
      intake,
      ticketId,
      t.opened(),
      t.triaged('2026-11-03T09:02:00.000Z', 'P3'),
      t.workaroundProvided('2026-11-03T10:00:00.000Z'),
      { ...escalated, data: { ...escalated.data, notified: [ANA] } },
    );
    await eventually('the escalation mailed at once', () => smtp.to('ana@example.com').length === before + 1);
    await eventually(
      'three held for the digest',
      async () => (await list(intake, periodId, '?status=held')).length === 3,
    );

    intake.clock.advance(9 * 3_600_000);
    await eventually('the digest mailed', () => smtp.to('ana@example.com').length === before + 2);
    const digest = smtp.to('ana@example.com').at(-1);
    expect(digest?.subject).toBe('Hypercare digest for Finance cloud, 2026-11-03: 3 updates');
    for (const words of [
      'We received your report',
      'P3: Invoices do not export',
      'A workaround is available',
      'Export from the old screen',
    ])
      expect(digest?.text).toContain(words);
    const digested = await list(intake, periodId, '?status=digested');
    expect(digested).toHaveLength(3);
    const [kept] = await list(intake, periodId, '?kind=digest');
    expect(digested.every(({ digestId }) => digestId === kept?.notificationId)).toBe(true);
  });
});

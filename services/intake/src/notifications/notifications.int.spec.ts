import { randomUUID } from 'node:crypto';
import { ticketEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually, MailServer } from '@hypercare/testing';
import { type Detail, intakeWith, list, NOTIFICATION_ID, publishTicket } from './notifying-intake.fixture';

/**
 * Notifications over SMTP to a real mail server: decided from the events intake hears, sent
 * once each with their idempotency key, in order per person, across an outage of the server;
 * kept in the log when no server is configured; given up after the attempts allowed and sent
 * again by hand.
 */
describeWith('postgres')('notifications by mail', () => {
  describe('through a mail server that goes down for a while', () => {
    let mail: MailServer;
    let intake: ServiceUnderTest;
    let periodId: string;
    const ticketId = randomUUID();

    beforeAll(async () => {
      mail = await MailServer.start();
      ({ intake, periodId } = await intakeWith('intake_notify_smtp', { SMTP_URL: mail.url }));
    });
    afterAll(async () => {
      await intake?.stop();
      await mail?.stop();
    });

    it('tells the reporter and wakes the leads for a P1, threaded, marked automatic, replies coming back to us', async () => {
      const t = ticketEvents(ticketId, periodId);
      await publishTicket(intake, ticketId, t.opened(), t.triaged('2026-11-03T09:02:00.000Z', 'P1'));
      await eventually('four mails', () => mail.received.length === 4);
      expect(mail.to('ana@example.com').map(({ subject }) => subject)).toEqual([
        `We received your report: Invoices do not export [ticket ${ticketId}]`,
        `P1: Invoices do not export [ticket ${ticketId}]`,
      ]);
      expect(mail.to('tomas@example.com').map(({ subject }) => subject)).toEqual([
        `P1 on Finance cloud: Invoices do not export [ticket ${ticketId}]`,
      ]);
      expect(mail.to('priya@example.com')).toHaveLength(1);
      const [received] = mail.to('ana@example.com');
      const id = String(received?.headers.get(NOTIFICATION_ID));
      expect(received?.messageId).toBe(`<${id}@hc.example.com>`);
      expect(received?.inReplyTo).toBe(`<ticket-${ticketId}@hc.example.com>`);
      expect(received?.headers.get('auto-submitted')).toBe('auto-generated');
      expect(received?.replyTo?.value[0]?.address).toBe('reply@hc.example.com');
      expect(received?.from?.value[0]?.address).toBe('hypercare@hc.example.com');
      expect(received?.text).toContain('Hello Ana Ruiz');
      expect(received?.html).toContain('<h2>We received your report: Invoices do not export');
      // The server has a mail a moment before the deliverer records it sent.
      await eventually(
        'all four recorded sent',
        async () => (await list(intake, periodId, '?status=sent')).length === 4,
      );
      const sent = await list(intake, periodId, '?status=sent');
      expect(sent.map(({ kind }) => kind).sort()).toEqual(['p1-opened', 'p1-opened', 'received', 'triaged']);
    });

    it('keeps what it decides while the server is down and sends each once, in order, when it is back', async () => {
      const t = ticketEvents(ticketId, periodId);
      await mail.stop();
      await publishTicket(
        intake,
        ticketId,
        t.workaroundProvided('2026-11-03T10:00:00.000Z'),
        t.resolved('2026-11-03T12:00:00.000Z'),
        t.reopened('2026-11-03T13:00:00.000Z'),
      );
      await eventually('a failed attempt logged', async () =>
        (await list(intake, periodId, '?status=pending')).some(({ attempts }) => attempts >= 2),
      );
      const waiting = await list(intake, periodId, '?status=pending&recipient=ANA@example.com');
      expect(waiting.map(({ kind }) => kind)).toEqual(['reopened', 'resolved', 'workaround']);
      expect(waiting.at(-1)?.lastError).toMatch(/ECONNREFUSED|connect/i);
      // Only the head of the reporter's queue is tried while the server is down.
      expect(waiting.slice(0, 2).map(({ attempts }) => attempts)).toEqual([0, 0]);

      await mail.restart();
      await eventually('the waiting mails sent', () => mail.to('ana@example.com').length === 5);
      expect(mail.to('ana@example.com').map(({ subject }) => subject?.split(':')[0])).toEqual([
        'We received your report',
        'P1',
        'A workaround is available',
        'Resolved',
        'Reopened',
      ]);
      expect([...mail.countBy(NOTIFICATION_ID).values()].every((count) => count === 1)).toBe(true);
      const [workaround] = await list(intake, periodId, '?kind=workaround');
      const detail = await intake.admin.call<Detail>(
        'intake',
        'GET',
        `/periods/${periodId}/notifications/${workaround?.notificationId}`,
      );
      expect(detail.status).toBe('sent');
      expect(detail.body).toContain('Export from the old screen');
      expect(detail.deliveries.map(({ outcome }) => outcome)).toEqual([
        ...detail.deliveries.slice(0, -1).map(() => 'failed'),
        'sent',
      ]);
    });

    it('sends nothing again when the same events come again', async () => {
      const t = ticketEvents(ticketId, periodId);
      const before = mail.received.length;
      const [id] = await publishTicket(
        intake,
        ticketId,
        t.escalated('2026-11-03T13:30:00.000Z', 1, 'technical-lead'),
      );
      await eventually('the escalation mail', () => mail.received.length === before + 1);
      await publishTicket(intake, ticketId, {
        ...t.escalated('2026-11-03T13:30:00.000Z', 1, 'technical-lead'),
        id,
      });
      const marker = randomUUID();
      await publishTicket(intake, marker, ticketEvents(marker, periodId).opened());
      await eventually('the next ticket received', () => mail.received.length === before + 2);
      expect(mail.received.at(-1)?.subject).toContain(marker);
    });

    it('refuses to replay what was sent, and answers 404 for another period’s notification', async () => {
      const [sent] = await list(intake, periodId, '?status=sent&limit=1');
      const replay = await intake.admin.send<{ detail: string }>(
        'intake',
        'POST',
        `/periods/${periodId}/notifications/${sent?.notificationId}/replay`,
      );
      expect(replay.status).toBe(409);
      expect(replay.body.detail).toMatch(/is sent: only a dead or kept notification is sent again/);
      const elsewhere = await intake.admin.send('intake', 'GET', `/periods/${randomUUID()}/notifications`);
      expect(elsewhere.status).toBe(404);
      const unknown = await intake.admin.send(
        'intake',
        'GET',
        `/periods/${periodId}/notifications/not-a-uuid`,
      );
      expect(unknown.status).toBe(404);
    });
  });

  it('keeps notifications in the log when no mail server is configured, saying why', async () => {
    const { intake, periodId } = await intakeWith('intake_notify_kept', {});
    try {
      const ticketId = randomUUID();
      await publishTicket(intake, ticketId, ticketEvents(ticketId, periodId).opened());
      await eventually('kept in the log', async () =>
        (await list(intake, periodId)).some(({ status }) => status === 'kept'),
      );
      const [kept] = await list(intake, periodId);
      const detail = await intake.admin.call<Detail>(
        'intake',
        'GET',
        `/periods/${periodId}/notifications/${kept?.notificationId}`,
      );
      expect(detail.deliveries).toEqual([
        expect.objectContaining({
          outcome: 'kept',
          detail: 'SMTP_URL is not set: kept in the log, not sent',
        }),
      ]);
    } finally {
      await intake.stop();
    }
  });

  it('gives a notification up after the attempts allowed, and sends it again on replay', async () => {
    const mail = await MailServer.start();
    await mail.stop();
    const { intake, periodId } = await intakeWith('intake_notify_dead', {
      SMTP_URL: mail.url,
      NOTIFY_MAX_ATTEMPTS: '2',
    });
    try {
      const ticketId = randomUUID();
      await publishTicket(intake, ticketId, ticketEvents(ticketId, periodId).opened());
      await eventually('given up', async () => (await list(intake, periodId, '?status=dead')).length === 1);
      const [dead] = await list(intake, periodId, '?status=dead');
      expect(dead?.attempts).toBe(2);
      await mail.restart();
      const replayed = await intake.admin.call<Detail>(
        'intake',
        'POST',
        `/periods/${periodId}/notifications/${dead?.notificationId}/replay`,
      );
      expect(replayed.status).toMatch(/pending|sent/);
      await eventually('sent after the replay', () => mail.received.length === 1);
      await eventually(
        'recorded sent',
        async () => (await list(intake, periodId, '?status=sent')).length === 1,
      );
      const detail = await intake.admin.call<Detail>(
        'intake',
        'GET',
        `/periods/${periodId}/notifications/${dead?.notificationId}`,
      );
      expect(detail.deliveries.map(({ outcome }) => outcome)).toEqual(['failed', 'dead', 'replayed', 'sent']);
    } finally {
      await intake.stop();
      await mail.stop();
    }
  });
});

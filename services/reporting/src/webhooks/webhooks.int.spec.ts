import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from '@hypercare/auth';
import { PERIODS_TOPIC } from '@hypercare/contracts';
import { periodEvents, TEST_PROGRAMME_ID } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually, HttpReceiver } from '@hypercare/testing';
import { startReporting, publishTestProgramme } from '../reporting-app.fixture';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
/** The receiver is down for the first deliveries it is sent. */
const DOWN_FOR = 5;

/** What the receiver took: each delivery's event, signature and attempt. */
const deliveriesTo = (receiver: HttpReceiver) =>
  receiver.taken.map(({ body, headers }) => {
    const { id, type } = JSON.parse(body) as { id: string; type: string };
    return {
      id,
      type,
      body,
      signature: String(headers[WEBHOOK_SIGNATURE_HEADER]),
      attempt: Number(headers['hypercare-delivery-attempt']),
    };
  });

/** A BAU system without Kafka, down for a while, then up: it gets the whole handoff, signed. */
describeWith('postgres')('signed webhooks', () => {
  let reporting: ServiceUnderTest;
  let receiver: HttpReceiver;
  let url: string;
  let secret: string;
  let webhookId: string;
  const base = `/programmes/${TEST_PROGRAMME_ID}/webhooks`;

  beforeAll(async () => {
    receiver = await HttpReceiver.start(() => ({ status: receiver.refused.length < DOWN_FOR ? 503 : 204 }));
    url = receiver.url('/bau/hypercare');
    reporting = await startReporting('reporting_webhooks', new Date('2026-11-24T09:00:00.000Z'), {
      HYPERCARE_SIGNING_KEY: 'a'.repeat(64),
      HANDOFF_SETTLE_MS: '0',
      WEBHOOK_INTERVAL_MS: '50',
      WEBHOOK_RETRY_BASE_MS: '50',
    });
    await publishTestProgramme(reporting);
    const period = periodEvents(PERIOD);
    await reporting.publish(
      PERIODS_TOPIC,
      'triage',
      { ...period.planned(), subject: PERIOD },
      { ...period.activated(), subject: PERIOD },
    );
    await reporting.admin.poll('reporting', `/periods/${PERIOD}`, (r) => r.status === 200, 10_000);
  }, 60_000);
  afterAll(async () => {
    await reporting?.stop();
    await receiver?.stop();
  });

  it('subscribes a URL, showing its secret once', async () => {
    const created = await reporting.admin.send<{ webhookId: string; secret: string; events: string[] }>(
      'reporting',
      'POST',
      base,
      { url },
    );
    expect([created.status, created.body.events]).toEqual([201, ['handoff']]);
    ({ webhookId, secret } = created.body);
    const [listed] = await reporting.admin.call<Array<Record<string, unknown>>>('reporting', 'GET', base);
    expect(listed).toMatchObject({ webhookId, url });
    expect(listed).not.toHaveProperty('secret');
  });

  it('refuses a URL that is not http(s), naming the field', async () => {
    const refusedHook = await reporting.admin.send<{ errors: Array<{ field: string }> }>(
      'reporting',
      'POST',
      base,
      { url: 'ftp://bau.example.com/in' },
    );
    expect([refusedHook.status, refusedHook.body.errors.map(({ field }) => field)]).toEqual([400, ['url']]);
  });

  it('delivers every event of the handoff once the receiver is up again, each signed, retried with backoff', async () => {
    await reporting.publish(PERIODS_TOPIC, 'triage', {
      ...periodEvents(PERIOD).closed('2026-11-24T08:00:00.000Z'),
      subject: PERIOD,
    });
    const { body: handoff } = await reporting.admin.poll<{ events: Array<{ id: string; type: string }> }>(
      'reporting',
      `/periods/${PERIOD}/handoff`,
      (r) => r.status === 200,
      10_000,
    );
    await eventually(
      'every handoff event delivered',
      () => new Set(deliveriesTo(receiver).map(({ id }) => id)).size === handoff.events.length,
      20_000,
    );
    expect(receiver.refused).toHaveLength(DOWN_FOR);
    const received = deliveriesTo(receiver);
    expect([...new Set(received.map(({ id }) => id))].sort()).toEqual(
      handoff.events.map(({ id }) => id).sort(),
    );
    const now = Math.floor(Date.now() / 1000);
    expect(
      received.filter(({ signature, body }) => !verifyWebhookSignature(secret, signature, body, now)),
    ).toEqual([]);
    expect(
      verifyWebhookSignature('another secret', received[0]?.signature ?? '', received[0]?.body ?? '', now),
    ).toBe(false);
    expect(Math.max(...received.map(({ attempt }) => attempt))).toBeGreaterThan(1);
    const log = await reporting.admin.call<
      Array<{ deliveredAt: string | null; attempts: number; lastStatus: number }>
    >('reporting', 'GET', `${base}/${webhookId}/deliveries`);
    expect(log).toHaveLength(handoff.events.length);
    expect(log.every(({ deliveredAt, lastStatus }) => deliveredAt !== null && lastStatus === 204)).toBe(true);
    expect(log.reduce((sum, { attempts }) => sum + attempts, 0)).toBe(handoff.events.length + DOWN_FOR);
  });

  it('sends everything again from a date on replay', async () => {
    const before = receiver.taken.length;
    const { requeued } = await reporting.admin.call<{ requeued: number }>(
      'reporting',
      'POST',
      `${base}/${webhookId}/replay`,
      {
        from: '2026-01-01T00:00:00.000Z',
      },
    );
    expect(requeued).toBeGreaterThan(0);
    await eventually('the replay delivered', () => receiver.taken.length === before + requeued, 20_000);
  });
});

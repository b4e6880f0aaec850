import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient } from '@hypercare/client';
import { ManualClock } from '@hypercare/domain-kit';
import { Infrastructure, ServiceRuntime } from '@hypercare/runtime';
import { createServiceApp } from '@hypercare/service-kit';
import { createTestDatabase, describeWith, readCommitted, type TestDatabase } from '@hypercare/testing';
import { AppModule } from '../app.module';
import { loadIntakeConfig } from '../config';

const report = (title = 'Invoices do not export') => ({
  reporter: { name: 'Ana Ruiz', email: 'ana@example.com' },
  title,
  description: 'The export button spins forever.',
  affectedUsers: 3,
});

describeWith('postgres')('submitting reports', () => {
  let database: TestDatabase;
  let infrastructure: Infrastructure;
  let app: INestApplication;
  let client: HypercareClient;
  let runtime: ServiceRuntime;
  const clock = new ManualClock();

  /** A period as intake would know it from triage's events. */
  const period = async (status: string): Promise<string> => {
    const periodId = randomUUID();
    await runtime.sql.query(
      'insert into intake.periods (period_id, programme_id, system_name, status) values ($1, $2, $3, $4)',
      [periodId, randomUUID(), 'Ledger', status],
    );
    return periodId;
  };
  const submit = (periodId: string, body: object, key?: string) =>
    client.send<{ reportId: string; version: number; position: number }>(
      'intake',
      'POST',
      `/periods/${periodId}/reports`,
      body,
      key === undefined ? {} : { 'idempotency-key': key },
    );
  const reportsIn = async () =>
    (await readCommitted(runtime.store, { filter: { streamPrefixes: ['report-'] } })).length;

  const adminKey = testAdminKey();

  beforeAll(async () => {
    database = await createTestDatabase('intake_reports');
    infrastructure = new Infrastructure({
      databaseUrl: database.url,
      election: 'sole',
      clientId: 'intake-test',
      clock,
    });
    app = await createServiceApp(
      'intake',
      AppModule.register(
        loadIntakeConfig({
          DATABASE_URL: database.url,
          KAFKA_BROKERS: '127.0.0.1:1',
          LOG_LEVEL: 'silent',
          HYPERCARE_ADMIN_API_KEY: adminKey,
        }),
        infrastructure,
      ),
    );
    await app.listen(0, '127.0.0.1');
    client = HypercareClient.distributed({ intake: await app.getUrl() }).withApiKey(adminKey);
    runtime = app.get(ServiceRuntime);
  });
  afterAll(async () => {
    await app?.close();
    await infrastructure?.close();
    await database?.drop();
  });

  it('takes a report to an active period and to one in exit review, and shows it awaiting triage', async () => {
    for (const status of ['active', 'exit-review']) {
      const periodId = await period(status);
      const submitted = await submit(periodId, report());
      expect(submitted.status).toBe(201);
      expect(submitted.headers.get('location')).toBe(`/reports/${submitted.body.reportId}`);
      const stored = await client.call<{ periodId: string; channel: string; status: unknown }>(
        'intake',
        'GET',
        `/reports/${submitted.body.reportId}`,
      );
      expect(stored).toMatchObject({
        periodId,
        channel: 'api',
        stepsToReproduce: [],
        attachments: [],
        status: { ticketStatus: 'awaiting-triage' },
      });
    }
  });

  it.each([
    ['planned', /is not active yet/],
    ['closed', /is closed: report to business-as-usual support/],
  ])('refuses a report to a %s period with 409, writing nothing', async (status, reason) => {
    const before = await reportsIn();
    const refused = await submit(await period(status), report());
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ detail: expect.stringMatching(reason) });
    expect(await reportsIn()).toBe(before);
  });

  it('answers a retry with the same key with the first answer, and creates one report however many retries race', async () => {
    const periodId = await period('active');
    const key = `retry-${randomUUID()}`;
    const before = await reportsIn();
    const answers = await Promise.all(Array.from({ length: 8 }, () => submit(periodId, report(), key)));
    expect(answers.map(({ status }) => status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    for (const { body } of answers) expect(body).toEqual(answers[0]?.body);
    expect(answers.filter(({ headers }) => headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
    expect(await reportsIn()).toBe(before + 1);
  });

  it('refuses the same key with a different report, and a malformed key, naming it', async () => {
    const periodId = await period('active');
    const key = `reuse-${randomUUID()}`;
    expect((await submit(periodId, report(), key)).status).toBe(201);
    const before = await reportsIn();
    const reused = await submit(periodId, report('Something else entirely'), key);
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({
      detail: expect.stringMatching(/already used by this reporter on this period for a different report/),
    });
    const malformed = await submit(periodId, report(), 'has spaces in it');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      errors: [{ field: 'Idempotency-Key', message: expect.stringMatching(/visible ASCII/) }],
    });
    expect(await reportsIn()).toBe(before);
  });

  it('keeps a key to its period and its reporter, and forgets it after 24 hours', async () => {
    const [periodId, otherPeriod] = [await period('active'), await period('active')];
    const key = `scoped-${randomUUID()}`;
    const first = await submit(periodId, report(), key);
    const other = { ...report(), reporter: { name: 'Bo Lin', email: 'bo@example.com' } };
    const elsewhere = await submit(otherPeriod, report(), key);
    const someoneElse = await submit(periodId, other, key);
    expect([first.status, elsewhere.status, someoneElse.status]).toEqual([201, 201, 201]);
    expect(new Set([first, elsewhere, someoneElse].map(({ body }) => body.reportId)).size).toBe(3);

    clock.advance(24 * 3_600_000 - 1);
    const retried = await submit(
      periodId,
      { ...report(), reporter: { name: 'Ana', email: 'ANA@example.com' } },
      key,
    );
    expect([retried.status, retried.body.reportId]).toEqual([409, undefined]);
    const sameAgain = await submit(periodId, report(), key);
    expect([sameAgain.status, sameAgain.body.reportId]).toEqual([200, first.body.reportId]);
    clock.advance(1);
    const afterWindow = await submit(periodId, report(), key);
    expect(afterWindow.status).toBe(201);
    expect(afterWindow.body.reportId).not.toBe(first.body.reportId);
  });

  it.each([
    ['a NUL character', 'Invoices \u0000 stuck', 'contains a NUL character, which cannot be stored'],
    [
      'half of a surrogate pair',
      'Invoices \ud800 stuck',
      'contains half of a surrogate pair (not a whole character), which cannot be stored',
    ],
  ])('refuses a title holding %s with 400 naming the field, writing nothing', async (_, title, message) => {
    const periodId = await period('active');
    const before = await reportsIn();
    const refused = await submit(periodId, report(title));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ errors: [{ field: 'title', message }] });
    expect(await reportsIn()).toBe(before);
  });

  it.each([
    ['a script', 'javascript:alert(1)', /must be an https link/],
    ['a local file', 'file:///etc/passwd', /must be an https link/],
    [
      'a plain http link, which is off by default',
      'http://files.example.com/shot.png',
      /must be an https link/,
    ],
  ])('refuses an attachment that is %s, naming it, writing nothing', async (_, url, message) => {
    const periodId = await period('active');
    const before = await reportsIn();
    const refused = await submit(periodId, {
      ...report(),
      attachments: ['https://files.example.com/ok.png', url],
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [{ field: 'attachments[1]', message: expect.stringMatching(message) }],
    });
    expect(await reportsIn()).toBe(before);
  });

  it('answers 404 for a period it does not know', async () => {
    expect((await submit(randomUUID(), report())).status).toBe(404);
  });
});

import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient } from '@hypercare/client';
import { Infrastructure, ServiceRuntime } from '@hypercare/runtime';
import { createServiceApp } from '@hypercare/service-kit';
import {
  createTestDatabase,
  describeWith,
  TestIdentityProvider,
  type TestDatabase,
  readCommitted,
} from '@hypercare/testing';
import { AppModule } from '../app.module';
import { loadIntakeConfig } from '../config';

const AUDIENCE = 'https://hypercare.test/intake';
const consoleClient = { client_id: 'console', client_secret: 'console-secret-long-enough-for-the-provider' };
const report = (email: string) => ({
  reporter: { name: 'Rita Reporter', email },
  title: 'The invoice export spins forever',
  description: 'Pressing export shows a spinner and nothing else.',
  affectedUsers: 1,
});

/**
 * Intake with people signed in through a real OpenID provider: a reporter reports as
 * themselves, reads their own reports and no one else's, and every event names them; an
 * agent granted a programme reaches its periods' reports and no other programme's.
 */
describeWith('postgres')('reports and the people who make them', () => {
  let idp: TestIdentityProvider;
  let database: TestDatabase;
  let infrastructure: Infrastructure;
  let app: INestApplication;
  let admin: HypercareClient;
  let rita: HypercareClient;
  let pat: HypercareClient;
  let periodId: string;
  const adminKey = testAdminKey();
  const finance = randomUUID();
  const people = randomUUID();
  const period = async (programmeId: string): Promise<string> => {
    const id = randomUUID();
    await app
      .get(ServiceRuntime)
      .sql.query(
        "insert into intake.periods (period_id, programme_id, system_name, status) values ($1, $2, 'Ledger', 'active')",
        [id, programmeId],
      );
    return id;
  };

  beforeAll(async () => {
    idp = await TestIdentityProvider.start({
      audience: AUDIENCE,
      clients: [consoleClient],
      accounts: {
        'rita-1': { name: 'Rita Reporter', email: 'rita@example.com', roles: ['reporter'] },
        'pat-1': { name: 'Pat Agent', email: 'pat@example.com', roles: [`agent@programme:${finance}`] },
      },
    });
    database = await createTestDatabase('intake_access');
    infrastructure = new Infrastructure({
      databaseUrl: database.url,
      election: 'sole',
      clientId: 'intake-access',
    });
    const config = loadIntakeConfig({
      DATABASE_URL: database.url,
      KAFKA_BROKERS: '127.0.0.1:1',
      LOG_LEVEL: 'silent',
      HYPERCARE_ADMIN_API_KEY: adminKey,
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: AUDIENCE,
    });
    app = await createServiceApp('intake', AppModule.register(config, infrastructure));
    await app.listen(0, '127.0.0.1');
    const anonymous = HypercareClient.distributed({ intake: await app.getUrl() });
    admin = anonymous.withApiKey(adminKey);
    const token = await idp.authorizationCodeToken(consoleClient, 'rita-1');
    rita = anonymous.withHeaders({ authorization: `Bearer ${token}` });
    const patToken = await idp.authorizationCodeToken(consoleClient, 'pat-1');
    pat = anonymous.withHeaders({ authorization: `Bearer ${patToken}` });
    periodId = await period(finance);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await infrastructure?.close();
    await database?.drop();
    await idp?.stop();
  });

  it('takes a report from a signed-in reporter naming themselves, and records them as its actor', async () => {
    const submitted = await rita.call<{ reportId: string }>(
      'intake',
      'POST',
      `/periods/${periodId}/reports`,
      report('RITA@example.com'),
    );
    const [event] = await app.get(ServiceRuntime).store.readStream(`report-${submitted.reportId}`);
    expect(event?.metadata['actor']).toEqual({ subject: 'rita-1', name: 'Rita Reporter', kind: 'person' });
    const own = await rita.send('intake', 'GET', `/reports/${submitted.reportId}`);
    expect(own.status).toBe(200);
  });

  it("refuses a reporter's report naming someone else, writing nothing", async () => {
    const events = async () => (await readCommitted(app.get(ServiceRuntime).store)).length;
    const before = await events();
    const answer = await rita.send(
      'intake',
      'POST',
      `/periods/${periodId}/reports`,
      report('bob@example.com'),
    );
    expect(answer).toMatchObject({
      status: 403,
      body: { detail: 'A reporter reports as themselves: reporter.email must be rita@example.com' },
    });
    expect(await events()).toBe(before);
  });

  it("answers a reporter asking for someone else's report as if it did not exist", async () => {
    const { reportId } = await admin.call<{ reportId: string }>(
      'intake',
      'POST',
      `/periods/${periodId}/reports`,
      report('bob@example.com'),
    );
    expect((await admin.send('intake', 'GET', `/reports/${reportId}`)).status).toBe(200);
    const answer = await rita.send('intake', 'GET', `/reports/${reportId}`);
    expect(answer).toMatchObject({ status: 404, body: { detail: `report ${reportId} does not exist` } });
    const unknown = await rita.send('intake', 'GET', `/reports/${randomUUID()}`);
    expect(unknown.status).toBe(404);
  });

  it("lets an agent of a programme reach its periods' reports, and no other programme's", async () => {
    const other = await period(people);
    const submit = (to: string) =>
      admin.call<{ reportId: string }>('intake', 'POST', `/periods/${to}/reports`, report('bob@example.com'));
    const ours = await submit(periodId);
    const theirs = await submit(other);
    expect((await pat.send('intake', 'GET', `/reports/${ours.reportId}`)).status).toBe(200);
    expect((await pat.send('intake', 'GET', `/periods/${periodId}`)).status).toBe(200);
    expect((await pat.send('intake', 'GET', `/reports/${theirs.reportId}`)).status).toBe(404);
    expect((await pat.send('intake', 'GET', `/periods/${other}`)).status).toBe(404);
    const onBehalf = await pat.send(
      'intake',
      'POST',
      `/periods/${periodId}/reports`,
      report('bob@example.com'),
    );
    expect(onBehalf.status).toBe(201);
    const elsewhere = await pat.send(
      'intake',
      'POST',
      `/periods/${other}/reports`,
      report('bob@example.com'),
    );
    expect(elsewhere.status).toBe(404);
  });

  it('refuses a token that is not the provider’s, naming why', async () => {
    const forged = rita.withHeaders({
      authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2ln',
    });
    const answer = await forged.send('intake', 'GET', `/periods/${periodId}`);
    expect(answer).toMatchObject({ status: 401, body: { detail: expect.stringMatching(/^The token/) } });
  });
});

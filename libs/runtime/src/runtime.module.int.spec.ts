import type { INestApplication } from '@nestjs/common';
import { ApiKeyStore, systemActor } from '@hypercare/auth';
import { testAdminKey } from '@hypercare/auth/testing';
import { hypercareContracts } from '@hypercare/contracts';
import { ManualClock } from '@hypercare/domain-kit';
import { createServiceApp, loadConfig, serviceEnvironment, ServiceKitModule } from '@hypercare/service-kit';
import { createTestDatabase, describeWith, kafkaBrokers, type TestDatabase } from '@hypercare/testing';
import { Infrastructure } from './infrastructure';
import { RuntimeModule } from './runtime.module';

describeWith('postgres', 'kafka')('runtime module', () => {
  let database: TestDatabase;
  let app: INestApplication | undefined;
  let infrastructure: Infrastructure;
  const adminKey = testAdminKey();

  const start = async (clock?: ManualClock): Promise<string> => {
    const config = loadConfig(serviceEnvironment, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      LOG_LEVEL: 'silent',
      HYPERCARE_ADMIN_API_KEY: adminKey,
    });
    infrastructure = new Infrastructure({
      databaseUrl: database.url,
      clock,
      election: 'sole',
      clientId: 'runtime-module-test',
    });
    app = await createServiceApp('probe', {
      module: class ProbeModule {},
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'probe', config }),
        RuntimeModule.forRoot({
          service: 'probe',
          contracts: hypercareContracts(),
          publishes: [],
          config,
          infrastructure,
        }),
      ],
    });
    await app.listen(0, '127.0.0.1');
    return app.getUrl();
  };

  beforeEach(async () => {
    database = await createTestDatabase('runtime_module');
  });

  afterEach(async () => {
    await app?.close();
    await infrastructure.close();
    await database.drop();
  });

  const put = (url: string, body: unknown, key = adminKey) =>
    fetch(`${url}/test-clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify(body),
    });
  const get = (url: string) => fetch(`${url}/test-clock`, { headers: { 'x-api-key': adminKey } });

  it('lets a manual clock be set and moved, and names what is wrong with a bad move', async () => {
    const url = await start(new ManualClock(new Date('2030-01-01T00:00:00.000Z')));
    expect(await (await put(url, { now: '2030-02-01T10:00:00Z' })).json()).toEqual({
      now: '2030-02-01T10:00:00.000Z',
    });
    expect(await (await put(url, { advanceMs: 60_000 })).json()).toEqual({ now: '2030-02-01T10:01:00.000Z' });
    const bad = await put(url, { advanceMs: -5 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'advanceMs' })] });
    const both = await put(url, { now: '2030-02-01T10:00:00Z', advanceMs: 1 });
    expect(await both.json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'now', message: expect.stringMatching(/exactly one/) })],
    });
    expect(await (await get(url)).json()).toEqual({ now: '2030-02-01T10:01:00.000Z' });
  });

  it('lets only a platform admin move the clock: 401 to no one, 403 to a key of lesser reach', async () => {
    const url = await start(new ManualClock(new Date('2030-01-01T00:00:00.000Z')));
    const anonymous = await fetch(`${url}/test-clock`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer realm="hypercare"/);
    expect(await anonymous.json()).toMatchObject({
      status: 401,
      detail: expect.stringMatching(/^No credentials/),
    });
    const { key } = await app!
      .get(ApiKeyStore)
      .create(
        { name: 'an agent', grants: [{ role: 'agent', scope: { kind: 'period', id: 'p-1' } }] },
        systemActor('test'),
      );
    const refused = await put(url, { now: '2031-01-01T00:00:00Z' }, key);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      status: 403,
      detail: 'an agent may not do this: it needs platform.admin platform-wide',
    });
    expect(await (await get(url)).json()).toEqual({ now: '2030-01-01T00:00:00.000Z' });
  });

  it('has no test clock route when the clock is the system clock', async () => {
    const url = await start();
    expect((await get(url)).status).toBe(404);
  });
});

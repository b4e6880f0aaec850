import type { INestApplication } from '@nestjs/common';
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

  const start = async (clock?: ManualClock): Promise<string> => {
    const config = loadConfig(serviceEnvironment, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      LOG_LEVEL: 'silent',
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

  const put = (url: string, body: unknown) =>
    fetch(`${url}/test-clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

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
    expect(await (await fetch(`${url}/test-clock`)).json()).toEqual({ now: '2030-02-01T10:01:00.000Z' });
  });

  it('has no test clock route when the clock is the system clock', async () => {
    const url = await start();
    expect((await fetch(`${url}/test-clock`)).status).toBe(404);
  });
});

import type { INestApplication } from '@nestjs/common';
import { hypercareContracts } from '@hypercare/contracts';
import { createServiceApp, loadConfig, serviceEnvironment, ServiceKitModule } from '@hypercare/service-kit';
import { databaseUrl, describeWith, freePort, kafkaBrokers, spawnService } from '@hypercare/testing';
import { RuntimeModule } from './runtime.module';

/** A service with nothing of its own: what every service's start-up shares, on the real PostgreSQL and Kafka. */
const probe = (env: NodeJS.ProcessEnv) => {
  const config = loadConfig(serviceEnvironment, env);
  return {
    module: class ProbeModule {},
    imports: [
      ServiceKitModule.forRoot({ serviceName: 'probe', config }),
      RuntimeModule.forRoot({ service: 'probe', contracts: hypercareContracts(), publishes: [], config }),
    ],
  };
};

/** The lightest service's entry point, for what only a process of its own shows. */
const MAIN = 'services/monitoring/src/main.ts';

/**
 * The start-up contract every service meets through the service kit and the runtime: it
 * reports 503 naming a dependency that does not answer, serves metrics, answers an unknown
 * route with a problem document, and refuses to start on a bad environment naming the
 * variable. Each service adds a smoke test of its own (`describeServiceBoot`).
 */
describeWith('postgres', 'kafka')('service start-up', () => {
  let app: INestApplication | undefined;
  const start = async (env: NodeJS.ProcessEnv): Promise<string> => {
    app = await createServiceApp('probe', probe({ ...env, LOG_LEVEL: 'silent' }));
    await app.listen(0, '127.0.0.1');
    return app.getUrl();
  };
  const real = () => ({ DATABASE_URL: databaseUrl(), KAFKA_BROKERS: kafkaBrokers().join(',') });

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('answers 503 naming Kafka while the broker does not answer, and is live all the same', async () => {
    const url = await start({ ...real(), KAFKA_BROKERS: `127.0.0.1:${await freePort()}` });
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ready: false,
      checks: { postgres: { status: 'up' }, kafka: { status: 'down', error: expect.any(String) } },
    });
  });

  it('serves Prometheus metrics and lists its health routes in its OpenAPI document', async () => {
    const url = await start(real());
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const openApi = (await (await fetch(`${url}/docs-json`)).json()) as { paths: object };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
  });

  it('answers an unknown route with an RFC 9457 problem document', async () => {
    const url = await start(real());
    const response = await fetch(`${url}/no/such/route`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      type: 'https://hypercare.dev/problems/http-404',
      status: 404,
      instance: '/no/such/route',
    });
  });

  it.each([
    ['unset', undefined, /KAFKA_BROKERS is required/],
    ['malformed', 'kafka-without-port', /KAFKA_BROKERS must be a comma-separated host:port list/],
  ])('exits non-zero naming KAFKA_BROKERS when it is %s', async (_, brokers, message) => {
    const service = spawnService(MAIN, { ...real(), KAFKA_BROKERS: brokers });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(message);
  });
});

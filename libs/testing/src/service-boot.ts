import type { DynamicModule, INestApplication } from '@nestjs/common';
import { createServiceApp } from '@hypercare/service-kit';
import { freePort } from './free-port';
import { databaseUrl, describeWith, kafkaBrokers } from './infra-needs';
import { spawnService, waitForOk } from './service-process';

export interface ServiceBootSpec {
  name: string;
  /** The service's entry point, relative to the workspace root. */
  main: string;
  /** The root module built from an environment, as main.ts builds it. */
  module: (env: NodeJS.ProcessEnv) => DynamicModule;
}

const realEnvironment = (): NodeJS.ProcessEnv => ({
  DATABASE_URL: databaseUrl(),
  KAFKA_BROKERS: kafkaBrokers().join(','),
  LOG_LEVEL: 'silent',
});

/**
 * The start-up contract every service meets: it boots against the real PostgreSQL and
 * Kafka and reports ready, reports 503 naming a dependency that does not answer, serves
 * its OpenAPI document and metrics, refuses to start on a bad environment naming the
 * variable, and exits cleanly on SIGTERM.
 */
export const describeServiceBoot = ({ name, main, module }: ServiceBootSpec): void =>
  describeWith('postgres', 'kafka')(`${name} service start-up`, () => {
    let app: INestApplication | undefined;
    let baseUrl: string;

    const start = async (env: NodeJS.ProcessEnv): Promise<void> => {
      app = await createServiceApp(name, module({ ...env, PORT: '0' }));
      await app.listen(0, '127.0.0.1');
      baseUrl = await app.getUrl();
    };

    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    it('is live and ready against the real PostgreSQL and Kafka', async () => {
      await start(realEnvironment());
      expect((await fetch(`${baseUrl}/health/live`)).status).toBe(200);
      const ready = await fetch(`${baseUrl}/health/ready`);
      expect(await ready.json()).toEqual({ ready: true, checks: { postgres: { status: 'up' }, kafka: { status: 'up' } } });
      expect(ready.status).toBe(200);
    });

    it('answers 503 naming Kafka when the broker does not answer', async () => {
      const closed = await freePort();
      await start({ ...realEnvironment(), KAFKA_BROKERS: `127.0.0.1:${closed}` });
      const ready = await fetch(`${baseUrl}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        ready: false,
        checks: { postgres: { status: 'up' }, kafka: { status: 'down', error: expect.any(String) } },
      });
    });

    it('serves its OpenAPI document and Prometheus metrics', async () => {
      await start(realEnvironment());
      const openApi = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { info: { title: string }; paths: object };
      expect(openApi.info.title).toBe(`Hypercare ${name} API`);
      expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
      const metrics = await fetch(`${baseUrl}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    });

    it('answers an unknown route with an RFC 9457 problem document', async () => {
      await start(realEnvironment());
      const response = await fetch(`${baseUrl}/no/such/route`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ type: 'https://hypercare.dev/problems/http-404', status: 404, instance: '/no/such/route' });
    });

    it.each([
      ['unset', undefined],
      ['malformed', 'kafka-without-port'],
    ])('exits non-zero naming KAFKA_BROKERS when it is %s', async (_, brokers) => {
      const service = spawnService(main, { ...realEnvironment(), KAFKA_BROKERS: brokers });
      expect(await service.exited).toBe(1);
      expect(service.output()).toMatch(/KAFKA_BROKERS (is required|must be)/);
    });

    it('runs as its own process, reports ready, and stops cleanly on SIGTERM', async () => {
      const port = await freePort();
      const service = spawnService(main, { ...realEnvironment(), PORT: String(port), LOG_LEVEL: 'info' });
      try {
        await waitForOk(`http://127.0.0.1:${port}/health/ready`, service);
        service.child.kill('SIGTERM');
        expect(await service.exited).toBe(0);
        expect(service.output()).toMatch(/SIGTERM received: shutting down/);
      } finally {
        service.child.kill('SIGKILL');
      }
    });
  });

import type { DynamicModule, INestApplication } from '@nestjs/common';
import { createServiceApp } from '@hypercare/service-kit';
import { freePort } from './free-port';
import { databaseUrl, describeWith, kafkaBrokers } from './infra-needs';
import { eventually } from './eventually';
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
 * Each service's start-up smoke test: its own root module boots against the real PostgreSQL
 * and Kafka and becomes ready, serves its own OpenAPI document, and its entry point runs as
 * a process of its own that stops cleanly on SIGTERM. The start-up behaviour every service
 * shares (503 naming a dependency, metrics, problem documents, a bad environment refused
 * naming the variable) is proven once, in `libs/runtime/src/service-start-up.int.spec.ts`.
 */
export const describeServiceBoot = ({ name, main, module }: ServiceBootSpec): void =>
  describeWith('postgres', 'kafka')(`${name} service start-up`, () => {
    let app: INestApplication | undefined;

    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    it('boots its own modules against the real PostgreSQL and Kafka, becomes ready and serves its OpenAPI document', async () => {
      app = await createServiceApp(name, module({ ...realEnvironment(), PORT: '0' }));
      await app.listen(0, '127.0.0.1');
      const baseUrl = await app.getUrl();
      await eventually('ready', async () => (await fetch(`${baseUrl}/health/ready`)).status === 200);
      const { ready, checks } = (await (await fetch(`${baseUrl}/health/ready`)).json()) as {
        ready: boolean;
        checks: Record<string, { status: string }>;
      };
      expect(ready).toBe(true);
      expect(Object.keys(checks)).toEqual(expect.arrayContaining(['postgres', 'kafka', 'relay']));
      expect(Object.values(checks).every(({ status }) => status === 'up')).toBe(true);
      const openApi = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { info: { title: string } };
      expect(openApi.info.title).toBe(`Hypercare ${name} API`);
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

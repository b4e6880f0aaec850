import type { Config } from '@jest/types';
import { type Resolution, resolveKafka, resolvePostgres } from './infra-resolution';
import { type InfraNeed, unavailableVariable } from './infra-needs';

type Stopper = () => Promise<void>;
const stoppers: Stopper[] = ((globalThis as { __hypercareStoppers?: Stopper[] }).__hypercareStoppers ??= []);

const resolvers: Record<InfraNeed, { variable: string; resolve: () => Promise<Resolution> }> = {
  postgres: { variable: 'DATABASE_URL', resolve: resolvePostgres },
  kafka: { variable: 'KAFKA_BROKERS', resolve: resolveKafka },
};

/**
 * Provides DATABASE_URL and KAFKA_BROKERS to the test workers: from the environment when
 * set, else from Testcontainers when a container engine answers, else from the local
 * launchers in infra/. What cannot be had fails the run in CI and skips loudly elsewhere.
 */
export default async function globalSetup(
  _global: Config.GlobalConfig,
  project: Config.ProjectConfig,
): Promise<void> {
  const needs = (project.globals?.['hypercareNeeds'] ?? []) as InfraNeed[];
  const missing: string[] = [];
  for (const need of needs) {
    const { variable, resolve } = resolvers[need];
    const resolution = await resolve();
    if (resolution.available) {
      process.env[variable] = resolution.url;
      if (resolution.stop) stoppers.push(resolution.stop);
      continue;
    }
    missing.push(resolution.reason);
    delete process.env[variable];
    process.env[unavailableVariable(need)] = resolution.reason;
  }
  if (missing.length === 0) return;
  if (process.env['CI'] === 'true') {
    throw new Error(`Integration dependencies missing in CI:\n  - ${missing.join('\n  - ')}`);
  }
  console.warn(`\n[hypercare tests] SKIPPING suites that need:\n  - ${missing.join('\n  - ')}\n`);
}

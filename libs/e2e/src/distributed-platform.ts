import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient } from '@hypercare/client';
import {
  createTestDatabase,
  freePort,
  kafkaBrokers,
  spawnBundle,
  spawnService,
  waitForOk,
  type ServiceProcess,
  type TestDatabase,
} from '@hypercare/testing';

export type CoreService = 'intake' | 'triage' | 'feedback' | 'reporting';

export interface PlatformOptions {
  /** Which services to run (default all four). */
  services?: readonly CoreService[];
  /** Their Kafka (default the tests' shared broker). */
  brokers?: readonly string[];
  /** `bundle`: each runs as operators run it, `node dist/services/<name>/main.js` (built first); default its TypeScript entry point. */
  launch?: 'source' | 'bundle';
}

/** The key every service seals secrets and signs survey links under: one per deployment. */
const SIGNING_KEY = 'e2e-signing-key-'.padEnd(64, '0');

/** The API keys all four services check callers against, and the admin key the test calls with. */
interface Auth {
  database: TestDatabase;
  adminKey: string;
}

interface Running {
  process: ServiceProcess;
  port: number;
  database: TestDatabase;
  /** More of its environment (intake's mail server, say). */
  env: Record<string, string>;
}

/**
 * intake, triage, feedback and reporting as four separate Node processes, each on a database of its
 * own, talking over the real Kafka, checking callers against one shared key database; clocks
 * manual so the test can move time.
 */
export class DistributedPlatform {
  readonly client: HypercareClient;

  private constructor(
    private readonly services: Record<CoreService, Running>,
    private readonly auth: Auth,
    private readonly options: PlatformOptions,
  ) {
    this.client = HypercareClient.distributed(
      Object.fromEntries(
        Object.entries(services).map(([name, { port }]) => [name, `http://127.0.0.1:${port}`]),
      ),
    ).withApiKey(auth.adminKey);
  }

  static async start(
    env: Partial<Record<CoreService, Record<string, string>>> = {},
    options: PlatformOptions = {},
  ): Promise<DistributedPlatform> {
    const services = {} as Record<CoreService, Running>;
    const auth = { database: await createTestDatabase('e2e_auth'), adminKey: testAdminKey() };
    const names = options.services ?? (['intake', 'triage', 'feedback', 'reporting'] as const);
    const ports = {} as Record<CoreService, number>;
    for (const name of names) ports[name] = await freePort();
    // Intake links its survey notifications to feedback's page, as a deployment would configure it.
    const linked: Partial<Record<CoreService, Record<string, string>>> = {
      intake: names.includes('feedback') ? { FEEDBACK_PUBLIC_URL: `http://127.0.0.1:${ports.feedback}` } : {},
    };
    for (const name of names) {
      const database = await createTestDatabase(`e2e_${name}`);
      const running = { port: ports[name], database, env: { ...linked[name], ...env[name] } };
      services[name] = { ...running, process: DistributedPlatform.spawn(name, running, auth, options) };
    }
    const platform = new DistributedPlatform(services, auth, options);
    try {
      await Promise.all((Object.keys(services) as CoreService[]).map((name) => platform.ready(name)));
    } catch (error) {
      // No afterAll can stop a platform the suite never got: stop it here, databases and all.
      await platform.stop();
      throw error;
    }
    return platform;
  }

  databaseUrl(name: CoreService): string {
    return this.services[name].database.url;
  }

  /** Sets every service's clock (intake stamps reports, triage everything else). */
  async setClock(at: Date): Promise<void> {
    await Promise.all(
      (['intake', 'triage'] as const).map((name) =>
        this.client.call(name, 'PUT', '/test-clock', { now: at.toISOString() }),
      ),
    );
  }

  /** Kills a service without warning (no graceful shutdown) and starts it again on the same port and database. */
  async crashAndRestart(name: CoreService): Promise<void> {
    const running = this.services[name];
    running.process.child.kill('SIGKILL');
    await running.process.exited;
    running.process = DistributedPlatform.spawn(name, running, this.auth, this.options);
    await this.ready(name);
  }

  /** The service's process as it runs now. */
  process(name: CoreService): ServiceProcess {
    return this.services[name].process;
  }

  /** Starts a service whose process ended again, on the same port and database. */
  async restart(name: CoreService): Promise<void> {
    const running = this.services[name];
    await running.process.exited;
    running.process = DistributedPlatform.spawn(name, running, this.auth, this.options);
    await this.ready(name);
  }

  async stop(): Promise<void> {
    for (const running of Object.values(this.services)) {
      running.process.child.kill('SIGTERM');
      await running.process.exited;
      await running.database.drop();
    }
    await this.auth.database.drop();
  }

  private ready(name: CoreService): Promise<Response> {
    return waitForOk(
      `http://127.0.0.1:${this.services[name].port}/health/ready`,
      this.services[name].process,
      60_000,
    );
  }

  private static spawn(
    name: CoreService,
    { database, port, env }: Omit<Running, 'process'>,
    auth: Auth,
    options: PlatformOptions,
  ): ServiceProcess {
    const launch = (variables: NodeJS.ProcessEnv) =>
      options.launch === 'bundle'
        ? spawnBundle(name, variables)
        : spawnService(`services/${name}/src/main.ts`, variables);
    return launch({
      AUTH_DATABASE_URL: auth.database.url,
      HYPERCARE_ADMIN_API_KEY: auth.adminKey,
      HYPERCARE_SIGNING_KEY: SIGNING_KEY,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: (options.brokers ?? kafkaBrokers()).join(','),
      HYPERCARE_CLOCK: 'manual',
      SLA_CHECK_INTERVAL_MS: '100',
      EXIT_EVALUATION_INTERVAL_MS: '100',
      HANDOFF_SETTLE_MS: '500',
      LOG_LEVEL: 'warn',
      ...env,
    });
  }
}

import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient } from '@hypercare/client';
import {
  createTestDatabase,
  freePort,
  spawnService,
  waitForOk,
  type ServiceProcess,
  type TestDatabase,
} from '@hypercare/testing';
import type { OpenAPIV3 } from 'openapi-types';
import { Client } from 'pg';

/**
 * The all-in-one process on a test database of its own (the in-process bus, so suites using
 * it never share Kafka consumer groups), with a platform admin key: how the black-box suites
 * probe the platform.
 */
export class AllInOneOnPostgres {
  readonly admin: HypercareClient;

  private constructor(
    readonly database: TestDatabase,
    readonly process: ServiceProcess,
    readonly port: number,
    readonly adminKey: string,
  ) {
    this.admin = HypercareClient.allInOne(this.base).withApiKey(adminKey);
  }

  /** `env` adds to (or overrides) the defaults: manual clock, warnings only; its `PORT`, the port. */
  static async start(name: string, env: Record<string, string> = {}): Promise<AllInOneOnPostgres> {
    const database = await createTestDatabase(name);
    const port = env['PORT'] ? Number(env['PORT']) : await freePort();
    const adminKey = testAdminKey();
    const process = spawnService('services/all-in-one/src/main.ts', {
      DATABASE_URL: database.url,
      PORT: String(port),
      HYPERCARE_CLOCK: 'manual',
      LOG_LEVEL: 'warn',
      HYPERCARE_ADMIN_API_KEY: adminKey,
      ...env,
    });
    const platform = new AllInOneOnPostgres(database, process, port, adminKey);
    await waitForOk(`${platform.base}/health/ready`, process, 60_000);
    return platform;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async openApi(): Promise<OpenAPIV3.Document> {
    return (await (await fetch(`${this.base}/docs-json`)).json()) as OpenAPIV3.Document;
  }

  /** Every event (of one type, given one) any service wrote or received: what "nothing written" is measured by. */
  async eventsWritten(type?: string): Promise<number> {
    const sql = new Client({ connectionString: this.database.url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ schema: string }>(
        "select table_schema as schema from information_schema.tables where table_name = 'events'",
      );
      let total = 0;
      for (const { schema } of rows) {
        const counted = await sql.query(
          `select count(*) from "${schema}".events where $1::text is null or type = $1`,
          [type ?? null],
        );
        total += Number(counted.rows[0].count);
      }
      return total;
    } finally {
      await sql.end();
    }
  }

  async stop(): Promise<void> {
    this.process.child.kill('SIGINT');
    await this.process.exited;
    await this.database.drop();
  }
}

/**
 * `npm run bench:auth`: what signing in costs per request. One Nest application with the
 * platform's authentication, rate limits and access rules in front of a trivial route,
 * called sequentially (so each figure is one request's latency) with: no check at all (a
 * public route: the baseline), an API key, a bearer token of a real OpenID provider,
 * HYPERCARE_AUTH=off, and an API key with the rate limits counted in memory (as one process
 * alone with its database does) rather than in PostgreSQL. Rounds alternate; p50/p99 per way
 * and ratios to the baseline of the same run. Then one caller's burst, BENCH_CONCURRENCY (16)
 * requests in flight for BENCH_SECONDS (5): requests a second with the limits counted in
 * PostgreSQL and in memory, beside the public route. No target is set by the issue; the
 * tables are for the closing note.
 */
import { Controller, Get, type INestApplication, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, Public, serviceEnvironment } from '@hypercare/service-kit';
import {
  benchSetting,
  closedLoop,
  createDatabase,
  fmt,
  percentiles,
  printTable,
  TestIdentityProvider,
} from '@hypercare/testing';
import { Pool } from 'pg';
import { Access, ApiKeyStore, AUTH_DATABASE, AuthModule, systemActor } from '../src';
import { testAdminKey } from '../src/testing';

const BASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUESTS = benchSetting('BENCH_REQUESTS', 2_000);
const CONCURRENCY = benchSetting('BENCH_CONCURRENCY', 16);
const SECONDS = benchSetting('BENCH_SECONDS', 5);
const ROUNDS = benchSetting('BENCH_ROUNDS', 3);
const AUDIENCE = 'https://hypercare.bench/api';
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

@Controller()
class ProbeController {
  @Get('open')
  @Public()
  open() {
    return { ok: true };
  }

  @Get('periods/:periodId')
  @Access('period.read', { kind: 'period', param: 'periodId' })
  period(@Param('periodId') periodId: string) {
    return { periodId };
  }
}

@Module({})
class AuthDatabaseModule {}

@Module({})
class BenchModule {}

const app = async (pool: Pool, env: Record<string, string>, shared = true): Promise<INestApplication> => {
  const config = loadConfig(serviceEnvironment, {
    DATABASE_URL: BASE_URL,
    KAFKA_BROKERS: '127.0.0.1:1',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_PRINCIPAL: '100000000',
    RATE_LIMIT_PER_ADDRESS: '100000000',
    ...env,
  });
  const database = { pool, shared, exclusive: <T>(work: () => Promise<T>) => work() };
  const nest = await NestFactory.create(
    {
      module: BenchModule,
      imports: [
        {
          module: AuthDatabaseModule,
          global: true,
          providers: [{ provide: AUTH_DATABASE, useValue: database }],
          exports: [AUTH_DATABASE],
        },
        AuthModule.forRoot(config),
      ],
      controllers: [ProbeController],
    },
    { logger: false },
  );
  await nest.listen(0, '127.0.0.1');
  return nest;
};

const latencies = async (url: string, headers: Record<string, string>): Promise<number[]> => {
  const times: number[] = [];
  for (let n = 0; n < REQUESTS; n++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
};

/** Requests a second with `CONCURRENCY` always in flight: one caller's burst, as an alert storm sends it. */
const burst = (url: string, headers: Record<string, string>): Promise<number> =>
  closedLoop(CONCURRENCY, 1, SECONDS, async () => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  });

const main = async (): Promise<void> => {
  const database = await createDatabase(BASE_URL, 'bench_auth');
  const pool = new Pool({ connectionString: database.url, max: 4 });
  const client = {
    client_id: 'bench',
    client_secret: 'bench-secret-long-enough-for-the-provider',
    roles: ['analyst'],
  };
  const idp = await TestIdentityProvider.start({ audience: AUDIENCE, clients: [client], accounts: {} });
  const adminKey = testAdminKey();
  try {
    const on = await app(pool, {
      DATABASE_URL: database.url,
      HYPERCARE_ADMIN_API_KEY: adminKey,
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: AUDIENCE,
    });
    const off = await app(pool, { DATABASE_URL: database.url, HYPERCARE_AUTH: 'off' });
    const alone = await app(pool, { DATABASE_URL: database.url }, false);
    const { key } = await on
      .get(ApiKeyStore)
      .create(
        { name: 'bench', grants: [{ role: 'analyst', scope: { kind: 'platform' } }] },
        systemActor('bench'),
      );
    const token = await idp.clientCredentialsToken(client);
    const ways = {
      'public route (baseline)': [`${await on.getUrl()}/open`, {}],
      'API key': [`${await on.getUrl()}/periods/p-1`, { 'x-api-key': key }],
      'bearer token (OIDC)': [`${await on.getUrl()}/periods/p-1`, { authorization: `Bearer ${token}` }],
      'HYPERCARE_AUTH=off (limits and rules still applied)': [`${await off.getUrl()}/periods/p-1`, {}],
      'API key, limits counted in memory (one process)': [
        `${await alone.getUrl()}/periods/p-1`,
        { 'x-api-key': key },
      ],
    } as const;
    const results: Record<string, number[]> = {};
    for (const [url, headers] of Object.values(ways)) await latencies(url, headers);
    for (let round = 1; round <= ROUNDS; round++)
      for (const [name, [url, headers]] of Object.entries(ways)) {
        (results[name] ??= []).push(...(await latencies(url, headers)));
        progress(`round ${round}/${ROUNDS}: ${name}`);
      }
    const baseline = percentiles(results['public route (baseline)'] as number[]);
    process.stdout.write(`\nLatency of one request, sequential, ${fmt(REQUESTS * ROUNDS)} per way (ms)\n\n`);
    printTable(
      ['way', 'p50', 'p99', 'p50 vs baseline', 'p99 vs baseline'],
      Object.entries(results).map(([name, times]) => {
        const { p50, p99 } = percentiles(times);
        return [
          name,
          fmt(p50, 2),
          fmt(p99, 2),
          `${fmt(p50 / baseline.p50, 2)}x`,
          `${fmt(p99 / baseline.p99, 2)}x`,
        ];
      }),
    );
    const bursts = {
      'public route (baseline)': ways['public route (baseline)'],
      'API key, limits counted in PostgreSQL': ways['API key'],
      'API key, limits counted in memory (one process)':
        ways['API key, limits counted in memory (one process)'],
    } as const;
    const rates: Record<string, number> = {};
    for (const [name, [url, headers]] of Object.entries(bursts)) {
      rates[name] = await burst(url, headers);
      progress(`burst: ${name}`);
    }
    const baselineRate = rates['public route (baseline)'] as number;
    process.stdout.write(
      `\nOne caller's burst, ${CONCURRENCY} requests in flight, ${SECONDS} s per way (requests/s)\n\n`,
    );
    printTable(
      ['way', 'requests/s', 'vs baseline'],
      Object.entries(rates).map(([name, rate]) => [name, fmt(rate), `${fmt(rate / baselineRate, 2)}x`]),
    );
    await on.close();
    await off.close();
    await alone.close();
  } finally {
    await idp.stop();
    await pool.end();
    await database.drop();
  }
};

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { request as httpRequest } from 'node:http';
import { HypercareClient } from '@hypercare/client';
import { describeWith } from '@hypercare/testing';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';

const LIMIT = 60;
const CONSOLE = 'https://console.example.com';

/** A request exactly as written, path and headers untouched by any client's normalisation. */
const raw = (port: number, path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; contentType?: string; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'], body }),
      );
    });
    req.on('error', reject);
    req.end();
  });

/**
 * The platform (all-in-one on a PostgreSQL server, so rate limits are counted there as every
 * instance would) against floods, hostile paths and headers, and browsers of other origins.
 */
describeWith('postgres')('hardening', () => {
  let platform: AllInOneOnPostgres;
  let port: number;
  let admin: HypercareClient;
  let adminKey: string;

  beforeAll(async () => {
    platform = await AllInOneOnPostgres.start('hardening', {
      HYPERCARE_CLOCK: 'system',
      RATE_LIMIT_PER_PRINCIPAL: String(LIMIT),
      RATE_LIMIT_WINDOW_MS: '60000',
      CORS_ORIGINS: CONSOLE,
    });
    ({ port, admin, adminKey } = platform);
  }, 90_000);

  afterAll(() => platform?.stop());

  it('limits a key that floods the platform, across services, and leaves other keys and the probes alone', async () => {
    const keyFor = async (name: string) =>
      (await admin.call<{ key: string }>('triage', 'POST', '/api-keys', { name, grants: ['analyst'] })).key;
    const flooding = HypercareClient.allInOne(`http://127.0.0.1:${port}`).withApiKey(await keyFor('flood'));
    const calm = HypercareClient.allInOne(`http://127.0.0.1:${port}`).withApiKey(await keyFor('calm'));
    const answers = [];
    for (let batch = 0; batch < 10; batch++)
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, () => flooding.send('reporting', 'GET', '/periods')),
        )),
      );
    const limited = answers.filter(({ status }) => status === 429);
    expect(answers.filter(({ status }) => status === 200)).toHaveLength(LIMIT);
    expect(limited).toHaveLength(200 - LIMIT);
    expect(limited[0]?.body).toMatchObject({
      type: 'https://hypercare.dev/problems/http-429',
      status: 429,
      detail: expect.stringMatching(
        new RegExp(`^Too many requests from api-key:\\w+: at most ${LIMIT} in 60 s; retry in \\d+ s$`),
      ),
    });
    expect(Number(limited[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await flooding.send('intake', 'GET', '/periods/p-1')).status).toBe(429);
    const others = await Promise.all(
      Array.from({ length: 20 }, () => calm.send('reporting', 'GET', '/periods')),
    );
    expect(others.map(({ status }) => status)).toEqual(Array(20).fill(200));
    expect((await fetch(`http://127.0.0.1:${port}/reporting/health/ready`)).status).toBe(200);
  });

  it('answers path tricks and oversized headers with problem documents, never a file or a crash', async () => {
    for (const [path, status] of [
      ['/triage/periods/..%2F..%2F..%2Fetc%2Fpasswd', 404],
      ['/triage/../../etc/passwd', 404],
      ['/reporting/tickets/%2e%2e%2f%2e%2e%2fapi-keys', 404],
      ['/intake/reports/%00', 400],
      ['/intake/reports/%E0%A4%A', 400],
    ] as const) {
      const answer = await raw(port, path, { 'x-api-key': adminKey });
      expect({ path, status: answer.status, type: answer.contentType?.split(';')[0] }).toEqual({
        path,
        status,
        type: 'application/problem+json',
      });
      expect(answer.body).not.toContain('root:');
    }
    const huge = await raw(port, '/reporting/periods', {
      'x-api-key': adminKey,
      'x-filler': 'a'.repeat(20_000),
    });
    expect(huge.status).toBe(431);
    expect(JSON.parse(huge.body)).toMatchObject({ status: 431, detail: expect.stringMatching(/16 KB/) });
  });

  it('sends security headers, and lets only the configured origin call from a browser', async () => {
    const answer = await fetch(`http://127.0.0.1:${port}/reporting/periods`, {
      headers: { 'x-api-key': adminKey },
    });
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(answer.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    const preflight = (origin: string) =>
      fetch(`http://127.0.0.1:${port}/reporting/periods`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'x-api-key',
        },
      });
    expect((await preflight(CONSOLE)).headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(
      (await preflight('https://evil.example.com')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });
});

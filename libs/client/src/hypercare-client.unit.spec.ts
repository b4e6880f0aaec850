import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, HypercareClient } from './hypercare-client';

describe('HypercareClient', () => {
  let server: Server;
  let base: string;
  let calls = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      calls++;
      if (request.url === '/triage/tickets/missing') {
        response
          .writeHead(404, { 'content-type': 'application/problem+json' })
          .end(JSON.stringify({ type: 'https://hypercare.dev/problems/not-found', status: 404 }));
        return;
      }
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () =>
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ url: request.url, method: request.method, body, calls })),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reaches every service under one base URL in the all-in-one mode, sending JSON', async () => {
    const answer = await HypercareClient.allInOne(`${base}/`).call<{
      url: string;
      method: string;
      body: string;
    }>('intake', 'POST', '/reports', { title: 'x' });
    expect(answer).toMatchObject({ url: '/intake/reports', method: 'POST', body: '{"title":"x"}' });
  });

  it('tells each observer every exchange, error answers included, until it stops observing', async () => {
    const client = HypercareClient.allInOne(base);
    const seen: unknown[] = [];
    const stop = client.observe((exchange) => seen.push(exchange));
    await client.send('triage', 'GET', '/tickets/missing');
    stop();
    await client.send('triage', 'GET', '/tickets/other');
    expect(seen).toEqual([
      {
        service: 'triage',
        method: 'GET',
        path: '/tickets/missing',
        status: 404,
        contentType: 'application/problem+json',
        body: { type: 'https://hypercare.dev/problems/not-found', status: 404 },
      },
    ]);
  });

  it('reaches each service at its own URL in the distributed mode, and names a service it has no URL for', async () => {
    const client = HypercareClient.distributed({ reporting: `${base}/r` });
    expect(await client.call('reporting', 'GET', '/periods')).toMatchObject({ url: '/r/periods' });
    expect(() => client.url('triage', '/periods')).toThrow('no URL given for the triage service');
  });

  it('throws ApiError carrying the problem document on an error status', async () => {
    const failing = HypercareClient.allInOne(base).call('triage', 'GET', '/tickets/missing');
    await expect(failing).rejects.toThrow(ApiError);
    await expect(failing).rejects.toMatchObject({
      status: 404,
      problem: { type: 'https://hypercare.dev/problems/not-found' },
    });
  });

  it('polls until the answer is accepted, and gives up naming the last answer', async () => {
    const client = HypercareClient.allInOne(base);
    const start = calls;
    const accepted = await client.poll<{ calls: number }>(
      'reporting',
      '/x',
      (r) => r.body.calls >= start + 3,
      5_000,
      1,
    );
    expect(accepted.body.calls).toBeGreaterThanOrEqual(start + 3);
    await expect(client.poll('triage', '/tickets/missing', (r) => r.status === 200, 30, 5)).rejects.toThrow(
      /not as expected after 30 ms: 404/,
    );
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';

/**
 * The baseline: an HTTP server that parses each Alertmanager payload and inserts its alerts
 * into a plain table with one multi-row INSERT: what taking the storm in costs with no
 * sign-in, no validation, no dedup and no events.
 */
export const baselineServer = async (pool: Pool): Promise<{ url: string; close: () => Promise<void> }> => {
  await pool.query(
    'create table if not exists bench_alerts (fingerprint text, payload jsonb, received_at timestamptz)',
  );
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { alerts } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        alerts: Array<{ fingerprint: string }>;
      };
      const values = alerts.map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2}, now())`).join(', ');
      const params = alerts.flatMap((alert) => [alert.fingerprint, JSON.stringify(alert)]);
      pool.query(`insert into bench_alerts values ${values}`, params).then(
        () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
        (error: Error) => response.writeHead(500).end(error.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

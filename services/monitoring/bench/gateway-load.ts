import { openLoop } from '@hypercare/testing';

const ROUTES = 20;

/**
 * Gateway records as a log shipper would send them: batches of `batch` records over 20 routes,
 * mostly 200s, offered at `recordsPerSecond` for `seconds`. The bodies are made before the
 * clock starts (ten of them, taken in turn), so the load generator spends its time sending.
 */
export const gatewayLoad = async (
  url: string,
  apiKey: string,
  recordsPerSecond: number,
  batch: number,
  seconds: number,
): Promise<{ sent: number; p50: number; p99: number; achieved: number }> => {
  const now = Date.now();
  const bodies = Array.from({ length: 10 }, (_, b) =>
    JSON.stringify({
      records: Array.from({ length: batch }, (_, i) => ({
        time: new Date(now - ((b * batch + i) % 50_000)).toISOString(),
        route: `GET /api/resource-${i % ROUTES}`,
        method: 'GET',
        status: i % 97 === 0 ? 503 : 200,
        latencyMs: 20 + ((i * 37) % 400),
      })),
    }),
  );
  let sent = 0;
  const result = await openLoop(recordsPerSecond / batch, seconds, async (i) => {
    const response = await fetch(url, {
      method: 'POST',
      body: bodies[i % bodies.length] as string,
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
    sent += batch;
  });
  return { sent, p50: result.p50, p99: result.p99, achieved: result.achieved * batch };
};

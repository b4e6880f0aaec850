import { parentPort, workerData } from 'node:worker_threads';
import { closedLoop } from '@hypercare/testing';
import { boundedOpenLoop } from './bounded-open-loop';
import type { SenderSetup, StormRun, StormTally } from './storm-sender';
import { AlertStorm } from './storm';

const { url, headers, batch } = workerData as SenderSetup;
const storm = new AlertStorm();

const send = async (): Promise<void> => {
  const response = await fetch(url, {
    method: 'POST',
    body: storm.batch(batch).body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
};

const tally = (): StormTally => ({
  sent: storm.sent,
  distinct: storm.distinct.size,
  critical: storm.critical.size,
});

parentPort?.on('message', (run: StormRun) => {
  const measured =
    run.kind === 'closed'
      ? closedLoop(run.concurrency, batch, run.seconds, send).then((alertsPerSecond) => ({ alertsPerSecond }))
      : boundedOpenLoop(run.rate, run.seconds, run.maxInFlight, send);
  measured.then(
    (result) => parentPort?.postMessage({ result, tally: tally() }),
    (error: unknown) => parentPort?.postMessage({ error: (error as Error).stack ?? String(error) }),
  );
});

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface SenderSetup {
  url: string;
  headers: Record<string, string>;
  batch: number;
}

export type StormRun =
  | { kind: 'closed'; concurrency: number; seconds: number }
  | { kind: 'open'; rate: number; seconds: number; maxInFlight: number };

/** What the sender has sent so far, to check against what the receiver recorded. */
export interface StormTally {
  sent: number;
  distinct: number;
  critical: number;
}

export interface OpenLoopResult {
  p50: number;
  p95: number;
  p99: number;
  achieved: number;
  shed: number;
}

/**
 * An alert storm sent from a thread of its own: the load generator's own work (making bodies,
 * the HTTP client) runs beside the receiver rather than taking turns with it on one event
 * loop, as Alertmanager would run on another process. One sender keeps one storm across its
 * runs, so re-sends stay re-sends.
 */
export class StormSender {
  private readonly worker: Worker;
  tally: StormTally = { sent: 0, distinct: 0, critical: 0 };

  constructor(setup: SenderSetup) {
    this.worker = new Worker(join(__dirname, 'storm-sender.worker.ts'), { workerData: setup });
  }

  /** Alerts a second with `concurrency` requests always in flight. */
  async closedLoop(concurrency: number, seconds: number): Promise<number> {
    const { alertsPerSecond } = await this.run<{ alertsPerSecond: number }>({
      kind: 'closed',
      concurrency,
      seconds,
    });
    return alertsPerSecond;
  }

  /** Latency and achieved requests a second with `rate` offered, shedding beyond `maxInFlight`. */
  openLoop(rate: number, seconds: number, maxInFlight: number): Promise<OpenLoopResult> {
    return this.run<OpenLoopResult>({ kind: 'open', rate, seconds, maxInFlight });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  private run<T>(run: StormRun): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const failed = (error: Error): void => reject(error);
      this.worker.once('error', failed);
      this.worker.once('message', (reply: { result: T; tally: StormTally } | { error: string }) => {
        this.worker.off('error', failed);
        if ('error' in reply) return reject(new Error(reply.error));
        this.tally = reply.tally;
        resolve(reply.result);
      });
      this.worker.postMessage(run);
    });
  }
}

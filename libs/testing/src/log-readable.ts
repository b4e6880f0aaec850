import { randomUUID } from 'node:crypto';

/** What `logReadable` needs of an event store: its readable head, and a subscription to wait on. */
export interface ReadableLog {
  headPosition(): Promise<number>;
  subscribe(options: {
    subscriptionId: string;
    startFrom: number;
    checkpoint: 'handler';
    handle(): Promise<void>;
  }): { caughtUp(): Promise<void>; stop(): Promise<void> };
}

/**
 * Resolves once the log's readers see every event committed so far. An append answers when it
 * commits, but the global log holds an event back while a transaction begun before it is still
 * open (a projection's page, say), so that readers never see a gap: a `readAll` right after a
 * request may miss what the request wrote, and a count taken then may grow by itself later.
 * A subscription's `caughtUp` waits for exactly that (from the readable head on: one from the
 * log's end would start past the held event).
 */
export const logReadable = async (log: ReadableLog): Promise<void> => {
  const subscription = log.subscribe({
    subscriptionId: `log-readable-${randomUUID()}`,
    startFrom: (await log.headPosition()) + 1,
    checkpoint: 'handler',
    handle: () => Promise.resolve(),
  });
  try {
    await subscription.caughtUp();
  } finally {
    await subscription.stop();
  }
};

/** `readAll` of the log once every event committed so far is readable (see `logReadable`). */
export const readCommitted = async <Event, Options>(
  log: ReadableLog & { readAll(options?: Options): Promise<Event[]> },
  options?: Options,
): Promise<Event[]> => {
  await logReadable(log);
  return log.readAll(options);
};

import type { Response } from 'express';

/** How long a read with `minVersion`/`minPosition` waits for the projection to catch up. */
const FRESHNESS_WAIT_MS = 5_000;
const POLL_MS = 25;

/** The header a read answers with when the projection had not caught up in time. */
const STALE_HEADER = 'Hypercare-Stale';

/**
 * Waits until `caughtUp` says the projection reflects the caller's write, or the wait runs
 * out; in that case the answer is still given, marked stale, so a reader never hangs.
 */
export const awaitFreshness = async (caughtUp: () => Promise<boolean>, response: Response): Promise<void> => {
  const deadline = Date.now() + FRESHNESS_WAIT_MS;
  while (!(await caughtUp())) {
    if (Date.now() >= deadline) {
      response.setHeader(STALE_HEADER, 'true');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};

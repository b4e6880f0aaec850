import { RetryLater } from './notification-channel';

/** How long a receiving end may take to answer. */
const TIMEOUT_MS = 10_000;

/** A 429 raised as RetryLater with its Retry-After (in seconds; a minute when it gives none). */
export const throwIfRateLimited = (response: Response, what: string): void => {
  if (response.status !== 429) return;
  const seconds = Number(response.headers.get('retry-after') ?? 60) || 60;
  throw new RetryLater(seconds, `${what} is rate limiting us: retry after ${seconds} s`);
};

/**
 * Posts JSON to a channel's URL: a 429 is raised with its Retry-After (in seconds, a minute
 * when it gives none), any other answer outside 2xx as an error naming the status and the
 * start of what it said. `what` names the receiving end in the errors.
 */
export const postJson = async (
  url: string,
  body: string,
  headers: Record<string, string>,
  what: string,
): Promise<void> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  throwIfRateLimited(response, what);
  if (!response.ok)
    throw new Error(`${what} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
};

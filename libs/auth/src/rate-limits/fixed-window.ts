import type { ThrottlerStorage } from '@nestjs/throttler';

export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * What the throttler is told of a hit in a fixed window, wherever the window is counted: its
 * place in the window, and the seconds left of the window, which a blocked caller must wait.
 */
export const windowRecord = (totalHits: number, msLeft: number, limit: number): ThrottlerStorageRecord => {
  const secondsLeft = Math.ceil(msLeft / 1000);
  const isBlocked = totalHits > limit;
  return { totalHits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
};

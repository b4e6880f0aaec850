import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AuthEnvironment } from '@hypercare/service-kit';
import type { AuthenticatedRequest } from '../access';
import type { AuthDatabase } from '../auth.module';
import { MemoryThrottlerStorage } from './memory-throttler-storage';
import { PostgresThrottlerStorage } from './postgres-throttler-storage';

/** The throttler hands the request over untyped; here it is the one the guards authenticated. */
const trackOf = (req: Record<string, unknown>): Partial<Pick<AuthenticatedRequest, 'principal' | 'ip'>> =>
  req;

/**
 * The platform's rate limits: per principal and per source address over one window, counted
 * in PostgreSQL when several processes share the key database, in memory when one process is
 * alone with it (the embedded mode); a fixed window per key in both.
 */
export const rateLimits = (config: AuthEnvironment, database: AuthDatabase): ThrottlerModuleOptions => ({
  storage: database.shared ? new PostgresThrottlerStorage(database.pool) : new MemoryThrottlerStorage(),
  generateKey: (_: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`,
  errorMessage: (_: ExecutionContext, detail: ThrottlerLimitDetail) =>
    `Too many requests from ${detail.tracker}: at most ${detail.limit} in ${detail.ttl / 1000} s; retry in ${detail.timeToBlockExpire} s`,
  throttlers: [
    {
      name: 'principal',
      ttl: config.RATE_LIMIT_WINDOW_MS,
      limit: config.RATE_LIMIT_PER_PRINCIPAL,
      getTracker: (req) => trackOf(req).principal?.subject ?? `address ${trackOf(req).ip ?? 'unknown'}`,
    },
    {
      name: 'address',
      ttl: config.RATE_LIMIT_WINDOW_MS,
      limit: config.RATE_LIMIT_PER_ADDRESS,
      getTracker: (req) => `address ${trackOf(req).ip ?? 'unknown'}`,
    },
  ],
});

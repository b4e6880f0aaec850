import { randomUUID } from 'node:crypto';
import type { Actor } from '@hypercare/auth';
import type { EventMetadata } from '@hypercare/event-store';
import { currentTraceparent } from '@hypercare/messaging';

/**
 * What every event a request causes carries: the caller's correlation id (a new one when it
 * sent none), the trace it runs in, who acted and for which period.
 */
export const commandMetadata = (
  correlationId: string | undefined,
  context: { actor?: Actor; periodId?: string; causationId?: string },
): EventMetadata => ({
  correlationId: correlationId && correlationId.length <= 200 ? correlationId : randomUUID(),
  traceparent: currentTraceparent(),
  ...context,
});

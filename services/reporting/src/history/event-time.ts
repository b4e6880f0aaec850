import type { EventContract } from '@hypercare/contracts';
import type { ContractedEvent } from '@hypercare/event-store';

/** The fields in which events say when they happened: every ticket event has `at`. */
const OWN_TIMES = ['at', 'raisedAt', 'requestedAt', 'linkedAt', 'resolvedAt', 'submittedAt'];

/**
 * When an event happened: its own time field, else when its publisher recorded it, else when
 * reporting received it. On the platform's clock, which a test or the demo may have moved.
 */
export const eventTime = (event: ContractedEvent<EventContract>): string => {
  const data = event.data as Record<string, unknown>;
  const own = OWN_TIMES.find((name) => typeof data[name] === 'string');
  if (own) return String(data[own]);
  const occurred = event.metadata['occurredAt'];
  return typeof occurred === 'string' ? occurred : event.recordedAt.toISOString();
};

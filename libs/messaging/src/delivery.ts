import { Backoff, pause } from '@hypercare/domain-kit';
import { fromWireMessage, type WireMessage } from './integration-event';
import { DEAD_LETTER_HEADERS, type ConsumerOptions, type Delivery } from './message-bus.port';
import { inConsumerSpan } from './tracing';

const MAX_BACKOFF_MS = 5_000;

export type DeliveryOutcome =
  { kind: 'handled' } | { kind: 'dead-letter'; message: WireMessage } | { kind: 'interrupted' };

export interface DeliveryContext {
  options: ConsumerOptions;
  /** True once the consumer is stopping: retries end without dead-lettering. */
  stopping(): boolean;
  /** Keeps the consumer's group membership alive during long retries. */
  heartbeat?(): Promise<void>;
}

/** The message as it goes to `<topic>.dlq`: original key, value and headers, plus why. */
export const deadLetter = (
  message: WireMessage,
  delivery: Omit<Delivery, 'headers'>,
  groupId: string,
  error: unknown,
): WireMessage => ({
  key: message.key,
  value: message.value,
  headers: {
    ...message.headers,
    [DEAD_LETTER_HEADERS.error]: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    [DEAD_LETTER_HEADERS.topic]: delivery.topic,
    [DEAD_LETTER_HEADERS.partition]: String(delivery.partition),
    [DEAD_LETTER_HEADERS.offset]: delivery.offset,
    [DEAD_LETTER_HEADERS.group]: groupId,
    [DEAD_LETTER_HEADERS.attempts]: String(delivery.attempt),
    [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
  },
});

/** The dead-lettered message as it was before it failed, for replay to its topic. */
export const undeadLetter = (message: WireMessage): { topic: string; message: WireMessage } => {
  const topic = message.headers[DEAD_LETTER_HEADERS.topic];
  if (!topic) throw new Error(`dead letter without ${DEAD_LETTER_HEADERS.topic} header`);
  const dlqHeaders = new Set<string>(Object.values(DEAD_LETTER_HEADERS));
  return {
    topic,
    message: {
      ...message,
      headers: Object.fromEntries(Object.entries(message.headers).filter(([name]) => !dlqHeaders.has(name))),
    },
  };
};

/** A message waiting in a partition, and where it is. */
export interface Waiting {
  message: WireMessage;
  where: Omit<Delivery, 'attempt' | 'headers'>;
}

/** The most messages one `handleBatch` call gets. */
export const MAX_BATCH = 500;

/**
 * The waiting messages through the consumer's batch handler in one call, on their first
 * attempt. False when it has none, when fewer than two wait, when one of them is no
 * CloudEvent, or when the call failed: the caller then delivers them one at a time, which
 * retries and dead-letters each on its own.
 */
export const deliverTogether = async (
  waiting: readonly Waiting[],
  { handleBatch }: ConsumerOptions,
): Promise<boolean> => {
  if (!handleBatch || waiting.length < 2) return false;
  try {
    const messages = waiting.map(({ message, where }) => ({
      event: fromWireMessage(message),
      delivery: { ...where, attempt: 1, headers: message.headers },
    }));
    await handleBatch(messages);
    return true;
  } catch {
    return false;
  }
};

/**
 * One message through the handler: retried with exponential backoff until it succeeds,
 * `maxAttempts` is spent (then dead-lettered), or the consumer stops (then left for the
 * next owner of the partition). A message that is no CloudEvent is dead-lettered at once.
 */
export const deliver = async (
  message: WireMessage,
  where: Omit<Delivery, 'attempt' | 'headers'>,
  context: DeliveryContext,
): Promise<DeliveryOutcome> => {
  const { options } = context;
  const maxAttempts = options.maxAttempts ?? 5;
  let event;
  try {
    event = fromWireMessage(message);
  } catch (error) {
    return {
      kind: 'dead-letter',
      message: deadLetter(message, { ...where, attempt: 1 }, options.groupId, error),
    };
  }
  const backoff = new Backoff(options.retryBackoffMs ?? 100, MAX_BACKOFF_MS);
  for (let attempt = 1; ; attempt++) {
    try {
      const delivery = { ...where, attempt, headers: message.headers };
      await inConsumerSpan(event, delivery, options.groupId, () => options.handle(event, delivery));
      return { kind: 'handled' };
    } catch (error) {
      if (attempt >= maxAttempts)
        return {
          kind: 'dead-letter',
          message: deadLetter(message, { ...where, attempt }, options.groupId, error),
        };
    }
    // Waited out in steps of at most a second: the group must keep hearing from this member.
    const wait = backoff.next();
    for (let waited = 0; waited < wait; waited += 1_000) {
      if (context.stopping()) return { kind: 'interrupted' };
      await pause(Math.min(1_000, wait - waited));
      await context.heartbeat?.();
    }
    if (context.stopping()) return { kind: 'interrupted' };
  }
};

import type { IntegrationEvent } from './integration-event';

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Kept forever (no time or size limit), so a consumer can read it again from offset 0 at any time. */
  keptForever?: boolean;
}

/** Where a message came from and how often it has been tried. */
export interface Delivery {
  topic: string;
  partition: number;
  offset: string;
  /** 1 on the first try. */
  attempt: number;
  /** The message's headers as received (CloudEvents `ce_*`, dead-letter `x-dlq-*`). */
  headers: Record<string, string>;
}

export interface ConsumerOptions {
  /** Consumers sharing a group id share the partitions; each group gets every message. */
  groupId: string;
  topics: string[];
  /**
   * Called for each message, in order within a partition. Throwing retries the message with
   * exponential backoff; after `maxAttempts` it goes to `<topic>.dlq` and the consumer moves
   * on. The offset is committed only after the handler succeeded or the message was
   * dead-lettered: delivery is at least once, so handlers must be idempotent (see inbox).
   */
  handle(event: IntegrationEvent, delivery: Delivery): Promise<void>;
  /**
   * Optional, for handlers whose cost is per call rather than per message (one transaction
   * for all): the messages of a partition that are waiting, in order, in one call. When it
   * throws, those messages go through `handle` one at a time instead, with its retries and
   * dead letters; so it must leave nothing behind when it fails, or be idempotent like `handle`.
   * A batch gets no consumer span per message: its events carry their `traceparent` on.
   */
  handleBatch?(messages: ReadonlyArray<{ event: IntegrationEvent; delivery: Delivery }>): Promise<void>;
  maxAttempts?: number;
  /** First retry delay; doubles up to 5 s (default 100 ms). */
  retryBackoffMs?: number;
  /** Where a group with no committed offset starts (default true: the beginning). */
  fromBeginning?: boolean;
}

export interface RunningConsumer {
  /** Finishes the message in flight, commits, and leaves the group. */
  stop(): Promise<void>;
}

/** Headers a dead-lettered message carries besides its original `ce_*` headers. */
export const DEAD_LETTER_HEADERS = {
  error: 'x-dlq-error',
  topic: 'x-dlq-original-topic',
  partition: 'x-dlq-original-partition',
  offset: 'x-dlq-original-offset',
  group: 'x-dlq-consumer-group',
  attempts: 'x-dlq-attempts',
  failedAt: 'x-dlq-failed-at',
} as const;

export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

/** The messaging port: Kafka in the distributed mode, in-process in the embedded mode. */
export interface MessageBus {
  /** Creates the topics (and their dead-letter topics) that do not exist yet. */
  provision(topics: TopicSpec[]): Promise<void>;
  /** Resolves once every event is acknowledged by all in-sync replicas. Keyed by subject. */
  publish(topic: string, events: IntegrationEvent[]): Promise<void>;
  consume(options: ConsumerOptions): Promise<RunningConsumer>;
  /** Resolves when the broker answers now (a readiness probe); rejects with why it does not. */
  healthy(): Promise<void>;
  /**
   * Why each of these groups' consumers in this process is not doing its job (not started,
   * not in its group, or idle past its session timeout); empty when all are.
   */
  stalledConsumers(groupIds: readonly string[]): string[];
  /** Sends every dead-lettered message of `topic` back to it once; returns how many. */
  replayDeadLetters(topic: string): Promise<number>;
  close(): Promise<void>;
}

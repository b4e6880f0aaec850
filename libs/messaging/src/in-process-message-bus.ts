import {
  deadLetterTopic,
  type ConsumerOptions,
  type MessageBus,
  type RunningConsumer,
  type TopicSpec,
} from './message-bus.port';
import { deliver, deliverTogether, MAX_BATCH, undeadLetter } from './delivery';
import { toWireMessage, type IntegrationEvent, type WireMessage } from './integration-event';
import { PartitionLog } from './in-process-partition';
import { partitionFor } from './partitioning';

interface Member {
  options: ConsumerOptions;
  running: boolean;
}

interface Group {
  members: Member[];
  /** Every topic a member of the group ever read: the group holds back forgetting them. */
  topics: Set<string>;
  /** Next offset to process, per `topic:partition`. */
  committed: Map<string, number>;
  /** Partitions with a message in a handler right now: never two at once, even across a rebalance. */
  busy: Set<string>;
}

/** Thrown when publishing to or consuming from a topic nobody provisioned. */
export class UnknownTopic extends Error {
  readonly code = 'MESSAGING.UNKNOWN_TOPIC';
  constructor(readonly topic: string) {
    super(`Topic "${topic}" is not provisioned`);
    this.name = 'UnknownTopic';
  }
}

const IDLE_RECHECK_MS = 250;

export interface InProcessMessageBusOptions {
  /**
   * How long a message every group has handled is kept all the same (default 5 minutes), for
   * groups that start a little later, as services of one process do; then it is forgotten, so
   * memory holds what is recent, not the whole history.
   */
  retentionMs?: number;
}

/**
 * The message bus inside one process, for the embedded mode, with Kafka's semantics:
 * keyed partitions in order, consumer groups sharing partitions, offsets committed after
 * the handler, retries with backoff, dead-letter topics and their replay, and retention: a
 * message is forgotten once every group reading its topic has handled it and it is older than
 * the retention. Nothing survives the process: durability comes from the event store the relay
 * republishes from.
 */
export class InProcessMessageBus implements MessageBus {
  private readonly logs = new Map<string, PartitionLog[]>();
  private readonly groups = new Map<string, Group>();
  private readonly wakers = new Set<() => void>();
  private readonly retentionMs: number;

  constructor(options: InProcessMessageBusOptions = {}) {
    this.retentionMs = options.retentionMs ?? 300_000;
  }

  async provision(topics: TopicSpec[]): Promise<void> {
    for (const { name, partitions } of topics) {
      if (!Number.isInteger(partitions) || partitions < 1)
        throw new Error(`Topic "${name}" needs a positive whole number of partitions`);
      for (const topic of [name, deadLetterTopic(name)]) {
        if (!this.logs.has(topic))
          this.logs.set(
            topic,
            Array.from({ length: topic === name ? partitions : 1 }, () => new PartitionLog()),
          );
      }
    }
  }

  async publish(topic: string, events: IntegrationEvent[]): Promise<void> {
    events.forEach((event) => this.append(topic, toWireMessage(event)));
    this.wake();
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    options.topics.forEach((topic) => this.log(topic));
    const group = this.group(options.groupId);
    const member: Member = { options, running: true };
    options.topics.forEach((topic) => group.topics.add(topic));
    if (options.fromBeginning === false) {
      for (const { key, log } of this.partitionsOf(options.topics))
        if (!group.committed.has(key)) group.committed.set(key, log.end);
    }
    group.members.push(member);
    const loop = this.run(group, member);
    return {
      stop: async () => {
        member.running = false;
        this.wake();
        await loop;
        group.members.splice(group.members.indexOf(member), 1);
        this.wake();
      },
    };
  }

  /** Always: it lives in this process. */
  async healthy(): Promise<void> {}

  /** Groups with no member here; a member, living in this process, cannot lose its broker. */
  stalledConsumers(groupIds: readonly string[]): string[] {
    return groupIds
      .filter((groupId) => !this.groups.get(groupId)?.members.length)
      .map((groupId) => `consumer group ${groupId}: not started`);
  }

  async replayDeadLetters(topic: string): Promise<number> {
    const dlq = this.log(deadLetterTopic(topic))[0] as PartitionLog;
    const group = this.group(`hypercare-dlq-replay:${topic}`);
    const key = `${deadLetterTopic(topic)}:0`;
    const { messages } = dlq.slice(group.committed.get(key) ?? 0, dlq.end);
    for (const message of messages) {
      const original = undeadLetter(message);
      this.append(original.topic, original.message);
    }
    group.committed.set(key, dlq.end);
    this.wake();
    return messages.length;
  }

  async close(): Promise<void> {
    const members = [...this.groups.values()].flatMap((group) => group.members);
    members.forEach((member) => (member.running = false));
    this.wake();
  }

  private append(topic: string, message: WireMessage): void {
    const partitions = this.log(topic);
    (partitions[partitionFor(message.key, partitions.length)] as PartitionLog).append(
      message,
      performance.now(),
    );
  }

  /**
   * Forgets what every group reading the topic has handled, once older than the retention. The
   * other groups are asked only when this one's progress alone would free enough: no group has
   * handled more than the least of them.
   */
  private forgetHandled(topic: string, partition: number, handledHere: number): void {
    const log = this.log(topic)[partition] as PartitionLog;
    if (!log.mayForget(handledHere)) return;
    const key = `${topic}:${partition}`;
    let handledUpTo = Number.POSITIVE_INFINITY;
    for (const group of this.groups.values())
      if (group.topics.has(topic)) handledUpTo = Math.min(handledUpTo, group.committed.get(key) ?? 0);
    if (Number.isFinite(handledUpTo)) log.forget(handledUpTo, performance.now() - this.retentionMs);
  }

  private log(topic: string): PartitionLog[] {
    const partitions = this.logs.get(topic);
    if (!partitions) throw new UnknownTopic(topic);
    return partitions;
  }

  private group(groupId: string): Group {
    let group = this.groups.get(groupId);
    if (!group)
      this.groups.set(
        groupId,
        (group = { members: [], topics: new Set(), committed: new Map(), busy: new Set() }),
      );
    return group;
  }

  private partitionsOf(
    topics: string[],
  ): Array<{ key: string; topic: string; partition: number; log: PartitionLog }> {
    return [...topics]
      .sort()
      .flatMap((topic) =>
        this.log(topic).map((log, partition) => ({ key: `${topic}:${partition}`, topic, partition, log })),
      );
  }

  private wake(): void {
    for (const waker of [...this.wakers]) waker();
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, IDLE_RECHECK_MS);
      this.wakers.add(done);
    });
  }

  /** A member owns every n-th partition of the group's topics, n the group's size: a rebalance is a membership change. */
  private async run(group: Group, member: Member): Promise<void> {
    while (member.running) {
      let progressed = false;
      const partitions = this.partitionsOf(member.options.topics);
      for (let index = 0; index < partitions.length && member.running; index++) {
        const { key, topic, partition, log } = partitions[index] as (typeof partitions)[number];
        if (index % group.members.length !== group.members.indexOf(member) || group.busy.has(key)) continue;
        const batch = member.options.handleBatch ? MAX_BATCH : 1;
        const { offset, messages } = log.slice(group.committed.get(key) ?? 0, batch);
        const [message] = messages;
        if (!message) continue;
        group.busy.add(key);
        try {
          const waiting = messages.map((each, index) => ({
            message: each,
            where: { topic, partition, offset: String(offset + index) },
          }));
          if (await deliverTogether(waiting, member.options)) {
            group.committed.set(key, offset + waiting.length);
          } else {
            const outcome = await deliver(
              message,
              { topic, partition, offset: String(offset) },
              {
                options: member.options,
                stopping: () => !member.running,
              },
            );
            if (outcome.kind === 'interrupted') break;
            if (outcome.kind === 'dead-letter') this.append(deadLetterTopic(topic), outcome.message);
            group.committed.set(key, offset + 1);
          }
          progressed = true;
          this.forgetHandled(topic, partition, group.committed.get(key) ?? 0);
        } finally {
          group.busy.delete(key);
        }
      }
      if (!progressed && member.running) await this.idle();
    }
  }
}

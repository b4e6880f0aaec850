import {
  deadLetterTopic,
  type ConsumerOptions,
  type MessageBus,
  type RunningConsumer,
  type TopicSpec,
} from './message-bus.port';
import { deliver, deliverTogether, MAX_BATCH, undeadLetter } from './delivery';
import { toWireMessage, type IntegrationEvent, type WireMessage } from './integration-event';
import { partitionFor } from './partitioning';

interface Member {
  options: ConsumerOptions;
  running: boolean;
}

interface Group {
  members: Member[];
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

/**
 * The message bus inside one process, for the embedded mode, with Kafka's semantics:
 * keyed partitions in order, consumer groups sharing partitions, offsets committed after
 * the handler, retries with backoff, dead-letter topics and their replay. Nothing survives
 * the process: durability comes from the event store the relay republishes from.
 */
export class InProcessMessageBus implements MessageBus {
  private readonly logs = new Map<string, WireMessage[][]>();
  private readonly groups = new Map<string, Group>();
  private readonly wakers = new Set<() => void>();

  async provision(topics: TopicSpec[]): Promise<void> {
    for (const { name, partitions } of topics) {
      if (!Number.isInteger(partitions) || partitions < 1)
        throw new Error(`Topic "${name}" needs a positive whole number of partitions`);
      for (const topic of [name, deadLetterTopic(name)]) {
        if (!this.logs.has(topic))
          this.logs.set(
            topic,
            Array.from({ length: topic === name ? partitions : 1 }, () => []),
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
    if (options.fromBeginning === false) {
      for (const { key, messages } of this.partitionsOf(options.topics))
        if (!group.committed.has(key)) group.committed.set(key, messages.length);
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
    const dlq = this.log(deadLetterTopic(topic))[0] as WireMessage[];
    const group = this.group(`hypercare-dlq-replay:${topic}`);
    const key = `${deadLetterTopic(topic)}:0`;
    const from = group.committed.get(key) ?? 0;
    for (let offset = from; offset < dlq.length; offset++) {
      const original = undeadLetter(dlq[offset] as WireMessage);
      this.append(original.topic, original.message);
    }
    group.committed.set(key, dlq.length);
    this.wake();
    return dlq.length - from;
  }

  async close(): Promise<void> {
    const members = [...this.groups.values()].flatMap((group) => group.members);
    members.forEach((member) => (member.running = false));
    this.wake();
  }

  private append(topic: string, message: WireMessage): void {
    const partitions = this.log(topic);
    (partitions[partitionFor(message.key, partitions.length)] as WireMessage[]).push(message);
  }

  private log(topic: string): WireMessage[][] {
    const partitions = this.logs.get(topic);
    if (!partitions) throw new UnknownTopic(topic);
    return partitions;
  }

  private group(groupId: string): Group {
    let group = this.groups.get(groupId);
    if (!group) this.groups.set(groupId, (group = { members: [], committed: new Map(), busy: new Set() }));
    return group;
  }

  private partitionsOf(
    topics: string[],
  ): Array<{ key: string; topic: string; partition: number; messages: WireMessage[] }> {
    return [...topics].sort().flatMap((topic) =>
      this.log(topic).map((messages, partition) => ({
        key: `${topic}:${partition}`,
        topic,
        partition,
        messages,
      })),
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
        const { key, topic, partition, messages } = partitions[index] as (typeof partitions)[number];
        if (index % group.members.length !== group.members.indexOf(member) || group.busy.has(key)) continue;
        const offset = group.committed.get(key) ?? 0;
        const message = messages[offset];
        if (!message) continue;
        group.busy.add(key);
        try {
          const waiting = messages.slice(offset, offset + MAX_BATCH).map((each, index) => ({
            message: each,
            where: { topic, partition, offset: String(offset + index) },
          }));
          if (await deliverTogether(waiting, member.options)) {
            group.committed.set(key, offset + waiting.length);
            progressed = true;
            continue;
          }
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
          progressed = true;
        } finally {
          group.busy.delete(key);
        }
      }
      if (!progressed && member.running) await this.idle();
    }
  }
}

import { randomUUID } from 'node:crypto';
import { eventually } from '@hypercare/testing';
import type { IntegrationEvent } from '../integration-event';
import {
  DEAD_LETTER_HEADERS,
  deadLetterTopic,
  type Delivery,
  type MessageBus,
  type RunningConsumer,
} from '../message-bus.port';

export interface BusFixture {
  bus: MessageBus;
  dispose(): Promise<void>;
}

/** The type of the last message a test publishes on each key: once a consumer has it, nothing published before can still arrive. */
const SENTINEL = 'hypercare.ticket.closed.v1';

const eventOf = (subject: string, seq: number, type = 'hypercare.ticket.commented.v1'): IntegrationEvent => ({
  id: randomUUID(),
  type,
  source: '/hypercare/test',
  subject,
  time: new Date('2026-11-23T10:00:00.000Z'),
  data: { seq },
  periodId: 'P-1',
  correlationId: `corr-${subject}`,
  causationId: `cause-${seq}`,
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
});

/** One consumed message as a test sees it. */
interface Received {
  event: IntegrationEvent;
  delivery: Delivery;
}

/**
 * The messaging contract: the Kafka adapter and the in-process adapter run this same suite.
 */
export const describeMessageBusContract = (adapter: string, factory: () => Promise<BusFixture>): void => {
  describe(`${adapter} message bus contract`, () => {
    let fixture: BusFixture;
    const consumers: RunningConsumer[] = [];
    beforeAll(async () => (fixture = await factory()));
    afterEach(async () => void (await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()))));
    afterAll(async () => fixture?.dispose());

    const newTopic = async (partitions = 3): Promise<string> => {
      const topic = `test.${randomUUID().slice(0, 8)}.v1`;
      await fixture.bus.provision([{ name: topic, partitions }]);
      return topic;
    };

    const follow = async (
      topic: string,
      groupId: string,
      received: Received[],
      handle?: (event: IntegrationEvent, delivery: Delivery) => Promise<void>,
    ): Promise<RunningConsumer> => {
      const consumer = await fixture.bus.consume({
        groupId,
        topics: [topic],
        maxAttempts: 3,
        retryBackoffMs: 10,
        handle: async (event, delivery) => {
          await handle?.(event, delivery);
          received.push({ event, delivery });
        },
      });
      consumers.push(consumer);
      return consumer;
    };

    const publishAll = async (
      topic: string,
      subjects: string[],
      perSubject: number,
    ): Promise<IntegrationEvent[]> => {
      const events = Array.from({ length: perSubject }, (_, seq) =>
        subjects.map((subject) => eventOf(subject, seq)),
      ).flat();
      await fixture.bus.publish(topic, events);
      return events;
    };

    /** A sentinel on every key, published last: once a group has them all, each partition's earlier messages are in. */
    const publishSentinels = (topic: string, subjects: string[]): Promise<void> =>
      fixture.bus.publish(
        topic,
        subjects.map((subject) => eventOf(subject, -1, SENTINEL)),
      );
    /** Waits until the members of one group have, between them, the sentinel of every key. */
    const sentinelsIn = (subjects: string[], ...members: Received[][]): Promise<void> =>
      eventually(
        'the sentinels',
        () => members.flat().filter((r) => r.event.type === SENTINEL).length === subjects.length,
      );
    const payload = (received: Received[]): Received[] => received.filter((r) => r.event.type !== SENTINEL);

    it('delivers every event, in order per subject, with its CloudEvents attributes', async () => {
      const topic = await newTopic();
      const subjects = ['T-1', 'T-2', 'T-3', 'T-4', 'T-5', 'T-6'];
      const published = await publishAll(topic, subjects, 5);
      const received: Received[] = [];
      await follow(topic, `g-${randomUUID()}`, received);
      await eventually('30 events', () => received.length === 30);

      expect(received.map((r) => r.event).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [...published].sort((a, b) => a.id.localeCompare(b.id)),
      );
      for (const subject of subjects) {
        const ofSubject = received.filter((r) => r.event.subject === subject);
        expect(ofSubject.map((r) => (r.event.data as { seq: number }).seq)).toEqual([0, 1, 2, 3, 4]);
        expect(new Set(ofSubject.map((r) => r.delivery.partition)).size).toBe(1);
      }
      expect(received[0]?.delivery).toMatchObject({
        topic,
        attempt: 1,
        headers: expect.objectContaining({ ce_type: 'hypercare.ticket.commented.v1' }),
      });
    });

    it('gives every consumer group all events, and splits them within a group', async () => {
      const topic = await newTopic();
      const keys = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
      const [one, two, shared1, shared2]: Received[][] = [[], [], [], []];
      const sharedGroup = `g-${randomUUID()}`;
      await follow(topic, `g-${randomUUID()}`, one as Received[]);
      await follow(topic, `g-${randomUUID()}`, two as Received[]);
      await follow(topic, sharedGroup, shared1 as Received[]);
      await follow(topic, sharedGroup, shared2 as Received[]);
      // The group shares its partitions once both members have joined: publish until each has had some.
      let published = 0;
      for (let round = 0; round < 20 && !(shared1!.length && shared2!.length); round++) {
        published += (await publishAll(topic, keys, 3)).length;
        await eventually(
          'a round served',
          () => one!.length === published && shared1!.length + shared2!.length === published,
        );
      }
      await publishSentinels(topic, keys);
      await Promise.all([
        sentinelsIn(keys, one!),
        sentinelsIn(keys, two!),
        sentinelsIn(keys, shared1!, shared2!),
      ]);

      expect(shared1!.length && shared2!.length).toBeGreaterThan(0);
      for (const group of [one!, two!])
        expect(new Set(payload(group).map((r) => r.event.id)).size).toBe(published);
      const sharedIds = [...payload(shared1!), ...payload(shared2!)].map((r) => r.event.id);
      expect(sharedIds).toHaveLength(published);
      expect(new Set(sharedIds)).toEqual(new Set(payload(one!).map((r) => r.event.id)));
    });

    it('resumes a group after its committed offsets: nothing handled twice after a clean stop', async () => {
      const topic = await newTopic();
      const groupId = `g-${randomUUID()}`;
      const received: Received[] = [];
      await publishAll(topic, ['A', 'B', 'C'], 4);
      const first = await follow(topic, groupId, received);
      await eventually('the first 12', () => received.length === 12);
      await first.stop();
      consumers.splice(consumers.indexOf(first), 1);

      await publishAll(topic, ['A', 'B', 'C'], 2);
      await follow(topic, groupId, received);
      await publishSentinels(topic, ['A', 'B', 'C']);
      await sentinelsIn(['A', 'B', 'C'], received);
      expect(payload(received)).toHaveLength(18);
      expect(new Set(payload(received).map((r) => r.event.id)).size).toBe(18);
    });

    it('dead-letters a message whose handler keeps failing, after maxAttempts, and goes on with the rest', async () => {
      const topic = await newTopic(1);
      const groupId = `g-${randomUUID()}`;
      const received: Received[] = [];
      const attempts: number[] = [];
      await follow(topic, groupId, received, async (event, delivery) => {
        if (event.subject !== 'POISON') return;
        attempts.push(delivery.attempt);
        throw new Error('cannot handle this one');
      });
      const poison = eventOf('POISON', 0);
      await fixture.bus.publish(topic, [eventOf('OK', 0), poison, eventOf('OK', 1), eventOf('OK', 2)]);
      await eventually('the messages behind the poison one', () => received.length === 3);
      expect(attempts).toEqual([1, 2, 3]);

      const dead: Received[] = [];
      await follow(deadLetterTopic(topic), `dlq-${randomUUID()}`, dead);
      await eventually('the dead letter', () => dead.length === 1);
      expect(dead[0]?.event).toEqual(poison);
      expect(dead[0]?.delivery.headers).toMatchObject({
        [DEAD_LETTER_HEADERS.error]: 'Error: cannot handle this one',
        [DEAD_LETTER_HEADERS.topic]: topic,
        [DEAD_LETTER_HEADERS.partition]: '0',
        [DEAD_LETTER_HEADERS.offset]: '1',
        [DEAD_LETTER_HEADERS.group]: groupId,
        [DEAD_LETTER_HEADERS.attempts]: '3',
      });
    });

    it('hands a batch handler the messages waiting in a partition together, in order, each once', async () => {
      const topic = await newTopic(1);
      const published = await publishAll(topic, ['A', 'B'], 10);
      const received: Received[] = [];
      const calls: number[] = [];
      consumers.push(
        await fixture.bus.consume({
          groupId: `g-${randomUUID()}`,
          topics: [topic],
          handle: async (event, delivery) => void received.push({ event, delivery }),
          handleBatch: async (messages) => {
            calls.push(messages.length);
            received.push(...messages);
          },
        }),
      );
      await eventually('all 20', () => received.length === 20);
      expect(received.map((r) => r.event.id)).toEqual(published.map(({ id }) => id));
      expect(received.map((r) => Number(r.delivery.offset))).toEqual(published.map((_, offset) => offset));
      expect(Math.max(...calls)).toBeGreaterThan(1);
    });

    it('delivers a batch its handler fails one message at a time: the bad one dead-lettered alone', async () => {
      const topic = await newTopic(1);
      const groupId = `g-${randomUUID()}`;
      const received: Received[] = [];
      const poison = eventOf('POISON', 0);
      await fixture.bus.publish(topic, [eventOf('OK', 0), poison, eventOf('OK', 1), eventOf('OK', 2)]);
      consumers.push(
        await fixture.bus.consume({
          groupId,
          topics: [topic],
          maxAttempts: 2,
          retryBackoffMs: 10,
          handle: async (event, delivery) => {
            if (event.subject === 'POISON') throw new Error('cannot handle this one');
            received.push({ event, delivery });
          },
          handleBatch: async (messages) => {
            if (messages.some(({ event }) => event.subject === 'POISON')) throw new Error('not all of them');
            received.push(...messages);
          },
        }),
      );
      const dead: Received[] = [];
      await follow(deadLetterTopic(topic), `dlq-${randomUUID()}`, dead);
      await eventually('the dead letter', () => dead.length === 1);
      await eventually('the others', () => received.length === 3);
      expect(dead[0]?.event).toEqual(poison);
      expect(received.map((r) => (r.event.data as { seq: number }).seq)).toEqual([0, 1, 2]);
    });

    it('answers healthy while its broker does', async () => {
      await expect(fixture.bus.healthy()).resolves.toBeUndefined();
    });

    it('names no group among its stalled consumers once that group is consuming, and stops naming a stopped one', async () => {
      const topic = await newTopic(1);
      const groupId = `g-${randomUUID()}`;
      const received: Received[] = [];
      const consumer = await follow(topic, groupId, received);
      await publishSentinels(topic, ['T-1']);
      await sentinelsIn(['T-1'], received);
      await eventually('no stalled consumer', () => fixture.bus.stalledConsumers([groupId]).length === 0);
      await consumer.stop();
      consumers.splice(consumers.indexOf(consumer), 1);
      expect(fixture.bus.stalledConsumers([groupId])).toEqual([`consumer group ${groupId}: not started`]);
    });

    it('replays dead letters to their topic once', async () => {
      const topic = await newTopic(1);
      let broken = true;
      const received: Received[] = [];
      await follow(topic, `g-${randomUUID()}`, received, async () => {
        if (broken) throw new Error('down for now');
      });
      await fixture.bus.publish(topic, [eventOf('X', 0), eventOf('Y', 0)]);
      const dead: Received[] = [];
      await follow(deadLetterTopic(topic), `dlq-${randomUUID()}`, dead);
      await eventually('both dead letters', () => dead.length === 2);

      broken = false;
      expect(await fixture.bus.replayDeadLetters(topic)).toBe(2);
      await eventually('the replayed messages', () => received.length === 2);
      expect(received.map((r) => r.event.subject).sort()).toEqual(['X', 'Y']);
      expect(received.every((r) => !(DEAD_LETTER_HEADERS.error in r.delivery.headers))).toBe(true);
      expect(await fixture.bus.replayDeadLetters(topic)).toBe(0);
    });
  });
};

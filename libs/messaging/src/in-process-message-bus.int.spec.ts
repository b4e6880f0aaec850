import { randomUUID } from 'node:crypto';
import { eventually } from '@hypercare/testing';
import type { IntegrationEvent } from './integration-event';
import { describeMessageBusContract } from './testing';
import { InProcessMessageBus } from './in-process-message-bus';
import type { RunningConsumer } from './message-bus.port';

describeMessageBusContract('in-process', async () => {
  const bus = new InProcessMessageBus();
  return { bus, dispose: () => bus.close() };
});

describe('in-process message bus retention', () => {
  const TOPIC = 'test.retention.v1';
  const events = Array.from({ length: 300 }, (_, seq): IntegrationEvent => ({
    id: randomUUID(),
    type: 'hypercare.ticket.commented.v1',
    source: '/hypercare/test',
    subject: 'T-1',
    time: new Date('2026-11-23T10:00:00.000Z'),
    data: { seq },
  }));
  const running: RunningConsumer[] = [];
  afterEach(async () => void (await Promise.all(running.splice(0).map((consumer) => consumer.stop()))));

  /** A group that notes the offsets it handled; `until` holds each message back until it resolves. */
  const group = async (bus: InProcessMessageBus, until?: Promise<void>) => {
    const offsets: number[] = [];
    running.push(
      await bus.consume({
        groupId: `g-${randomUUID()}`,
        topics: [TOPIC],
        handle: async (_, delivery) => {
          await until;
          offsets.push(Number(delivery.offset));
        },
      }),
    );
    return offsets;
  };
  const everything = Array.from({ length: 300 }, (_, offset) => offset);

  const busWithHistory = async (retentionMs: number) => {
    const bus = new InProcessMessageBus({ retentionMs });
    await bus.provision([{ name: TOPIC, partitions: 1 }]);
    await bus.publish(TOPIC, events);
    return bus;
  };

  it('forgets what every group reading a topic has handled once past the retention; a later group starts at the earliest kept', async () => {
    const bus = await busWithHistory(0);
    const first = await group(bus);
    await eventually('the first group handled all', () => first.length === 300);
    const later = await group(bus);
    await eventually('the later group reached the end', () => later.at(-1) === 299);
    expect(later[0]).toBeGreaterThan(0);
    expect(later).toEqual(everything.slice(later[0]));
    await bus.close();
  });

  it('keeps what a group reading the topic has not handled yet, whatever the others did', async () => {
    const bus = await busWithHistory(0);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow = await group(bus, gate);
    const fast = await group(bus);
    await eventually('the fast group handled all', () => fast.length === 300);
    const later = await group(bus);
    await eventually('the later group handled all', () => later.length === 300);
    expect(later).toEqual(everything);
    open();
    await eventually('the slow group handled all', () => slow.length === 300);
    await bus.close();
  });

  it('keeps what every group handled while it is younger than the retention', async () => {
    const bus = await busWithHistory(60_000);
    const first = await group(bus);
    await eventually('the first group handled all', () => first.length === 300);
    const later = await group(bus);
    await eventually('the later group handled all', () => later.length === 300);
    expect(later).toEqual(everything);
    await bus.close();
  });
});

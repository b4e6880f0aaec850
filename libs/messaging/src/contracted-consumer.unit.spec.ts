import { ContractRegistry, ContractViolation, defineEvent } from '@hypercare/contracts';
import { z } from 'zod';
import { contractedConsumer, type ContractedIntegrationEvent } from './contracted-consumer';
import type { IntegrationEvent } from './integration-event';
import type { Delivery } from './message-bus.port';

const seenV1 = defineEvent({
  type: 'hypercare.probe.seen.v1',
  topic: 'test.probe.v1',
  summary: 'v1',
  schema: z.object({ who: z.string().email() }),
});
const seenV2 = defineEvent({
  type: 'hypercare.probe.seen.v2',
  topic: 'test.probe.v1',
  summary: 'v2',
  schema: z.object({ who: z.object({ email: z.string().email() }) }),
});
const left = defineEvent({
  type: 'hypercare.probe.left.v1',
  topic: 'test.probe.v1',
  summary: 'left',
  schema: z.object({ why: z.string() }),
});
const moved = defineEvent({
  type: 'hypercare.other.moved.v1',
  topic: 'test.other.v1',
  summary: 'moved',
  schema: z.object({ to: z.string() }),
});
const registry = new ContractRegistry(
  [seenV1, seenV2, left, moved],
  [
    {
      from: seenV1.type,
      to: seenV2.type,
      upcast: (data) => ({ who: { email: (data as { who: string }).who } }),
    },
  ],
);

const message = (type: string, data: unknown): IntegrationEvent => ({
  id: 'e-1',
  type,
  source: '/hypercare/test',
  subject: 's-1',
  time: new Date(0),
  data,
});
const delivery: Delivery = { topic: 'test.probe.v1', partition: 0, offset: '0', attempt: 1, headers: {} };

describe('a contracted consumer', () => {
  const received: Array<ContractedIntegrationEvent<typeof seenV2 | typeof moved>> = [];
  const consumer = contractedConsumer(registry, {
    groupId: 'probe',
    contracts: [seenV2, moved, seenV2],
    handle: async (event) => void received.push(event),
  });
  beforeEach(() => (received.length = 0));

  it('reads the topics of its contracts, each once', () => {
    expect(consumer.topics.sort()).toEqual(['test.other.v1', 'test.probe.v1']);
  });

  it('gets an event stored as an older version at its current version, typed by its contract', async () => {
    await consumer.handle(message(seenV1.type, { who: 'ana@example.com' }), delivery);
    expect(received).toEqual([
      expect.objectContaining({ id: 'e-1', type: seenV2.type, data: { who: { email: 'ana@example.com' } } }),
    ]);
    const [first] = received;
    if (first?.type === seenV2.type) expect(first.data.who.email).toBe('ana@example.com');
  });

  it('skips events of other contracts on its topics and types nobody registered', async () => {
    await consumer.handle(message(left.type, { why: 'done' }), delivery);
    await consumer.handle(message('hypercare.probe.future.v9', {}), delivery);
    expect(received).toEqual([]);
  });

  it('throws on an event that breaks its contract, so the bus retries and then dead-letters it', async () => {
    await expect(consumer.handle(message(moved.type, { to: 7 }), delivery)).rejects.toThrow(
      ContractViolation,
    );
    expect(received).toEqual([]);
  });

  it('hands its batch handler only the events of its contracts, at their current versions, and skips an empty batch', async () => {
    const batches: Array<Array<ContractedIntegrationEvent<typeof seenV2>>> = [];
    const batching = contractedConsumer(registry, {
      groupId: 'probe',
      contracts: [seenV2],
      handle: async () => undefined,
      handleBatch: async (events) => void batches.push([...events]),
    });
    const some = [
      message(seenV1.type, { who: 'ana@example.com' }),
      message(left.type, { why: 'done' }),
      message('hypercare.probe.future.v9', {}),
    ];
    await batching.handleBatch?.(some.map((event) => ({ event, delivery })));
    await batching.handleBatch?.([{ event: message(left.type, { why: 'done' }), delivery }]);
    expect(batches).toEqual([
      [expect.objectContaining({ type: seenV2.type, data: { who: { email: 'ana@example.com' } } })],
    ]);
    expect(consumer.handleBatch).toBeUndefined();
  });

  it('refuses to subscribe to nothing', () => {
    expect(() =>
      contractedConsumer(registry, { groupId: 'none', contracts: [], handle: async () => undefined }),
    ).toThrow(/at least one contract/);
  });
});

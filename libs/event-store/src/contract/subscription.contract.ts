import { InvalidEventStoreArgument } from '../errors';
import type { EventStore, RecordedEvent, Subscription, SubscriptionOptions } from '../event-store.port';
import { eventually } from '@hypercare/testing';
import { event, events, readAllOf, uniqueStreams } from './fixture';

export const subscriptionContract = (store: () => EventStore): void => {
  describe('catch-up subscriptions', () => {
    const running: Subscription[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
    });

    const follow = (
      subscriptionId: string,
      prefix: string,
      received: RecordedEvent[],
      types?: string[],
    ): Subscription => {
      const subscription = store().subscribe({
        subscriptionId,
        filter: { streamPrefixes: [prefix], types },
        batchSize: 7,
        handle: async (batch) => void received.push(...batch),
      });
      running.push(subscription);
      return subscription;
    };

    it('replays history, then follows live appends, in global order', async () => {
      const { prefix, stream } = uniqueStreams();
      await store().append(stream('a'), events(10));
      const received: RecordedEvent[] = [];
      const subscription = follow(`${prefix}sub`, prefix, received);
      await subscription.caughtUp();
      expect(received).toHaveLength(10);

      await store().append(stream('b'), events(5));
      await store().append(stream('a'), events(5));
      await eventually('20 events', () => received.length === 20);
      expect(received).toEqual(await readAllOf(store(), prefix));
    });

    it('delivers only events of the filtered types', async () => {
      const { prefix, stream } = uniqueStreams();
      await store().append(stream(), [event('Opened'), event('Commented'), event('Resolved')]);
      const received: RecordedEvent[] = [];
      await follow(`${prefix}sub`, prefix, received, ['Opened', 'Resolved']).caughtUp();
      expect(received.map((e) => e.type)).toEqual(['Opened', 'Resolved']);
    });

    it('resumes from its durable checkpoint after a restart: nothing missed, nothing repeated', async () => {
      const { prefix, stream } = uniqueStreams();
      const received: RecordedEvent[] = [];
      await store().append(stream(), events(12));
      const first = follow(`${prefix}sub`, prefix, received);
      await first.caughtUp();
      await first.stop();
      const checkpoint = await store().checkpoint(`${prefix}sub`);
      expect(checkpoint).toBe(received[11]?.position);

      await store().append(stream(), events(6));
      await follow(`${prefix}sub`, prefix, received).caughtUp();
      expect(received.map((e) => e.version)).toEqual(Array.from({ length: 18 }, (_, i) => i));
    });

    it('hands a handler with external effects no transaction and still moves its checkpoint past each batch', async () => {
      const { prefix, stream } = uniqueStreams();
      await store().append(stream(), events(9));
      const transactions: unknown[] = [];
      const subscription = store().subscribe({
        subscriptionId: `${prefix}external`,
        filter: { streamPrefixes: [prefix] },
        batchSize: 4,
        externalEffects: true,
        handle: async (_, tx) => void transactions.push(tx),
      });
      running.push(subscription);
      await subscription.caughtUp();
      expect(transactions).toEqual([undefined, undefined, undefined]);
      expect(await store().checkpoint(`${prefix}external`)).toBe(
        (await readAllOf(store(), prefix)).at(-1)?.position,
      );
    });

    it.each([
      ['an empty subscription id', { subscriptionId: '' }, /^subscriptionId/],
      ['a zero batch size', { batchSize: 0 }, /^batchSize/],
      ['an unknown start', { startFrom: 'beginning' }, /^startFrom/],
      ['a missing handler', { handle: undefined }, /^handle/],
      ['an unknown keeper of the checkpoint', { checkpoint: 'broker' }, /^checkpoint/],
    ])('refuses to start with %s', (_, override, message) => {
      const options = {
        subscriptionId: 'valid',
        handle: async () => undefined,
        ...override,
      } as unknown as SubscriptionOptions;
      expect(() => store().subscribe(options)).toThrow(InvalidEventStoreArgument);
      expect(() => store().subscribe(options)).toThrow(message);
    });

    it('leaves the position to a handler that keeps its own: starts where told every time, stores nothing', async () => {
      const { prefix, stream } = uniqueStreams();
      await store().append(stream(), events(5));
      const [, , third] = await readAllOf(store(), prefix);
      const follow = (received: RecordedEvent[]) => {
        const subscription = store().subscribe({
          subscriptionId: `${prefix}own`,
          startFrom: third?.position,
          filter: { streamPrefixes: [prefix] },
          batchSize: 2,
          checkpoint: 'handler',
          handle: async (batch, tx) => void received.push(...batch.map((e) => ({ ...e, tx }))),
        });
        running.push(subscription);
        return subscription;
      };
      const first: RecordedEvent[] = [];
      await follow(first).caughtUp();
      const again: RecordedEvent[] = [];
      await follow(again).caughtUp();
      expect(first.map((e) => e.version)).toEqual([2, 3, 4]);
      expect(again).toEqual(first);
      expect(first.every((e) => (e as RecordedEvent & { tx: unknown }).tx === undefined)).toBe(true);
      expect(await store().checkpoint(`${prefix}own`)).toBeUndefined();
    });

    it('refuses to wait for catching up once stopped', async () => {
      const { prefix } = uniqueStreams();
      const subscription = follow(`${prefix}sub`, prefix, []);
      await subscription.stop();
      await expect(subscription.caughtUp()).rejects.toThrow(/stopped/);
    });

    it('starts at the end when asked and no checkpoint exists', async () => {
      const { prefix, stream } = uniqueStreams();
      await store().append(stream(), events(3));
      const received: RecordedEvent[] = [];
      const subscription = store().subscribe({
        subscriptionId: `${prefix}tail`,
        startFrom: 'end',
        filter: { streamPrefixes: [prefix] },
        handle: async (batch) => void received.push(...batch),
      });
      running.push(subscription);
      await subscription.caughtUp();
      await store().append(stream(), [event('Later')]);
      await eventually('the live event', () => received.length === 1);
      expect(received.map((e) => e.type)).toEqual(['Later']);
    });

    it('retries a batch whose handler failed without moving the checkpoint past it', async () => {
      const { prefix, stream } = uniqueStreams();
      await store().append(stream(), events(3));
      const received: RecordedEvent[] = [];
      const errors: unknown[] = [];
      let failures = 1;
      const subscription = store().subscribe({
        subscriptionId: `${prefix}flaky`,
        filter: { streamPrefixes: [prefix] },
        handle: async (batch) => {
          if (failures-- > 0) throw new Error('transient');
          received.push(...batch);
        },
        onError: (error) => errors.push(error),
      });
      running.push(subscription);
      await eventually('the retried batch', () => received.length === 3);
      expect(errors).toHaveLength(1);
      expect(received.map((e) => e.version)).toEqual([0, 1, 2]);
    });
  });
};

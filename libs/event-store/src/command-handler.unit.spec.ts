import { commandHandler } from './command-handler';
import { tally, TallyClosed } from './counter.fixture';
import { WrongExpectedVersion } from './errors';
import type { AppendOptions, AppendResult, EventStore, NewEvent, RecordedEvent } from './event-store.port';

/**
 * Streams in memory with the port's append rules that the handler relies on (expected
 * versions, a retry of the same event ids answered with its first result), and hooks to
 * make another writer get in first. The real adapters run `command-handler.int.spec.ts`.
 */
class Streams {
  readonly streams = new Map<string, RecordedEvent[]>();
  readonly appends: Array<{ stream: string; events: NewEvent[]; options?: AppendOptions }> = [];
  readonly reads: string[] = [];
  private position = 0;
  /** Runs before each append: another writer's chance to get in first. */
  beforeAppend?: (stream: string) => void;
  failWith?: Error;

  readonly store = {
    readStream: async (stream: string) => {
      this.reads.push(stream);
      return [...(this.streams.get(stream) ?? [])];
    },
    append: async (stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> =>
      this.append(stream, events, options),
  } as unknown as EventStore;

  write(stream: string, events: NewEvent[]): void {
    const recorded = this.streams.get(stream) ?? [];
    for (const event of events) {
      recorded.push({
        id: event.id ?? `generated-${this.position + 1}`,
        stream,
        version: recorded.length,
        position: ++this.position,
        type: event.type,
        data: event.data,
        metadata: event.metadata ?? {},
        recordedAt: new Date(0),
      });
    }
    this.streams.set(stream, recorded);
  }

  private append(stream: string, events: NewEvent[], options?: AppendOptions): AppendResult {
    this.appends.push({ stream, events, options });
    if (this.failWith) throw this.failWith;
    this.beforeAppend?.(stream);
    const recorded = this.streams.get(stream) ?? [];
    const stored = recorded.find((event) => event.id === events[0]?.id);
    if (stored)
      return {
        nextExpectedVersion: recorded.length - 1,
        position: (recorded.at(-1) as RecordedEvent).position,
      };
    const expected = options?.expectedVersion ?? 'any';
    const version = recorded.length - 1;
    const matches =
      expected === 'any' ||
      (expected === 'no-stream'
        ? version === -1
        : expected === 'stream-exists'
          ? version >= 0
          : expected === version);
    if (!matches) throw new WrongExpectedVersion(stream, expected, version);
    this.write(stream, events);
    const after = this.streams.get(stream) as RecordedEvent[];
    return { nextExpectedVersion: after.length - 1, position: (after.at(-1) as RecordedEvent).position };
  }
}

const added = (amount: number, total: number): NewEvent => ({ type: 'Added', data: { amount, total } });

describe('the command handler', () => {
  let memory: Streams;
  beforeEach(() => (memory = new Streams()));

  describe('on a new stream', () => {
    it('decides on the initial state and appends expecting no stream, with the metadata', async () => {
      const handled = await commandHandler(memory.store, tally)(
        't-1',
        { type: 'Add', amount: 2 },
        { metadata: { actor: { subject: 'u-ana', name: 'ana', kind: 'person' } } },
      );
      expect(handled).toEqual({
        state: { status: 'open', total: 2, additions: 1 },
        newEvents: [{ type: 'Added', data: { amount: 2, total: 2 } }],
        nextExpectedVersion: 0,
        position: 1,
      });
      expect(memory.appends).toEqual([
        {
          stream: 't-1',
          events: [
            {
              type: 'Added',
              data: { amount: 2, total: 2 },
              metadata: { actor: { subject: 'u-ana', name: 'ana', kind: 'person' } },
            },
          ],
          options: { expectedVersion: 'no-stream' },
        },
      ]);
    });

    it('refuses a command that expects an existing stream, deciding nothing', async () => {
      await expect(
        commandHandler(memory.store, tally)('t-1', { type: 'Add', amount: 2 }, { expect: 'existing' }),
      ).rejects.toMatchObject({ expectedVersion: 'stream-exists', actualVersion: -1 });
      expect(memory.appends).toEqual([]);
    });
  });

  describe('on an existing stream', () => {
    beforeEach(() => memory.write('t-1', [added(2, 2), added(3, 5)]));

    it('folds the history, decides, and appends at the version it read', async () => {
      const handled = await commandHandler(memory.store, tally)(
        't-1',
        { type: 'Add', amount: 4 },
        { expect: 'existing' },
      );
      expect(handled).toMatchObject({ state: { total: 9, additions: 3 }, nextExpectedVersion: 2 });
      expect(memory.appends[0]?.options).toEqual({ expectedVersion: 1 });
    });

    it('appends nothing when the decision is empty, answering the version it read', async () => {
      expect(await commandHandler(memory.store, tally)('t-1', { type: 'Add', amount: 0 })).toEqual({
        state: { status: 'open', total: 5, additions: 2 },
        newEvents: [],
        nextExpectedVersion: 1,
      });
      expect(memory.appends).toEqual([]);
    });

    it('refuses a command that expects a new stream', async () => {
      await expect(
        commandHandler(memory.store, tally)('t-1', { type: 'Add', amount: 1 }, { expect: 'new' }),
      ).rejects.toMatchObject({ expectedVersion: 'no-stream', actualVersion: 1 });
    });

    it('lets a domain error through without appending', async () => {
      memory.write('t-1', [{ type: 'Closed', data: { total: 5 } }]);
      await expect(
        commandHandler(memory.store, tally)('t-1', { type: 'Add', amount: 1 }),
      ).rejects.toBeInstanceOf(TallyClosed);
      expect(memory.appends).toEqual([]);
    });
  });

  describe('on a stream the caller believes new', () => {
    it('decides on the initial state and appends expecting no stream, without reading it', async () => {
      const handled = await commandHandler(memory.store, tally)(
        't-1',
        { type: 'Add', amount: 2 },
        { likelyNew: true },
      );
      expect(handled).toMatchObject({ state: { total: 2, additions: 1 }, nextExpectedVersion: 0 });
      expect(memory.reads).toEqual([]);
      expect(memory.appends.map(({ options }) => options?.expectedVersion)).toEqual(['no-stream']);
    });

    it('reads the stream after the refused append when it exists, and decides on what it holds', async () => {
      memory.write('t-1', [added(2, 2), added(3, 5)]);
      const handled = await commandHandler(memory.store, tally)(
        't-1',
        { type: 'Add', amount: 4 },
        { likelyNew: true },
      );
      expect(handled).toMatchObject({ state: { total: 9, additions: 3 }, nextExpectedVersion: 2 });
      expect(memory.reads).toEqual(['t-1']);
      expect(memory.appends.map(({ options }) => options?.expectedVersion)).toEqual(['no-stream', 1]);
    });

    it('still reads first when the command expects an existing stream', async () => {
      memory.write('t-1', [added(2, 2)]);
      await commandHandler(memory.store, tally)(
        't-1',
        { type: 'Add', amount: 1 },
        { likelyNew: true, expect: 'existing' },
      );
      expect(memory.reads).toEqual(['t-1']);
      expect(memory.appends.map(({ options }) => options?.expectedVersion)).toEqual([0]);
    });
  });

  describe('when another writer gets in first', () => {
    it('reads again and decides on the state it finds', async () => {
      let interruptions = 1;
      memory.beforeAppend = (stream) => void (interruptions-- > 0 && memory.write(stream, [added(10, 10)]));
      const handled = await commandHandler(memory.store, tally)('t-1', { type: 'Add', amount: 1 });
      expect(handled).toMatchObject({
        state: { total: 11, additions: 2 },
        newEvents: [{ data: { amount: 1, total: 11 } }],
        nextExpectedVersion: 1,
      });
      expect(memory.appends.map(({ options }) => options?.expectedVersion)).toEqual(['no-stream', 0]);
    });

    it.each([
      [0, 1],
      [2, 3],
      [undefined, 6],
    ])('gives up with WrongExpectedVersion after %s retries (%s attempts)', async (maxRetries, attempts) => {
      memory.beforeAppend = (stream) => memory.write(stream, [added(1, 1)]);
      await expect(
        commandHandler(
          memory.store,
          tally,
          maxRetries === undefined ? {} : { maxRetries },
        )('t-1', { type: 'Add', amount: 1 }),
      ).rejects.toBeInstanceOf(WrongExpectedVersion);
      expect(memory.appends).toHaveLength(attempts);
    });

    it('does not retry other failures', async () => {
      memory.failWith = new Error('connection lost');
      await expect(commandHandler(memory.store, tally)('t-1', { type: 'Add', amount: 1 })).rejects.toThrow(
        'connection lost',
      );
      expect(memory.appends).toHaveLength(1);
    });
  });

  describe('with an idempotency key', () => {
    it('gives the events ids derived from the key: the same for the same key, another for another', async () => {
      const handle = commandHandler(memory.store, tally);
      await handle('t-1', { type: 'Add', amount: 1 }, { idempotencyKey: 'k-1' });
      await handle('t-2', { type: 'Add', amount: 1 }, { idempotencyKey: 'k-1' });
      await handle('t-3', { type: 'Add', amount: 1 }, { idempotencyKey: 'k-2' });
      const [first, second, third] = memory.appends.map(({ events }) => events[0]?.id);
      expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(second).toBe(first);
      expect(third).not.toBe(first);
    });

    it('answers a command whose events the stream already holds without deciding again', async () => {
      const handle = commandHandler(memory.store, tally);
      await handle('t-1', { type: 'Add', amount: 2 }, { expect: 'new', idempotencyKey: 'k-1' });
      memory.write('t-1', [added(3, 5)]);
      const again = await handle('t-1', { type: 'Add', amount: 2 }, { expect: 'new', idempotencyKey: 'k-1' });
      expect(again).toEqual({
        state: { status: 'open', total: 5, additions: 2 },
        newEvents: [],
        nextExpectedVersion: 1,
        replayed: true,
      });
      expect(memory.appends).toHaveLength(1);
    });

    it('leaves ids to the store without one', async () => {
      await commandHandler(memory.store, tally)('t-1', { type: 'Add', amount: 2 });
      expect(memory.appends[0]?.events[0]).not.toHaveProperty('id');
    });
  });
});

import type { EventFilter, RecordedEvent } from './event-store.port';
import { SubscriptionRegistry, type LogPage, type SubscriptionSource } from './subscription';

/** A global log in memory that counts its reads; `readableBelow` plays an older open transaction holding it back. */
class Log implements SubscriptionSource {
  readonly events: RecordedEvent[] = [];
  readableBelow = Number.POSITIVE_INFINITY;
  reads = 0;

  append(stream: string, type: string): { stream: string; types: string[]; position: number } {
    const position = this.events.length + 1;
    this.events.push({
      id: `e-${position}`,
      stream,
      version: 0,
      position,
      type,
      data: {},
      metadata: {},
      recordedAt: new Date(0),
    });
    return { stream, types: [type], position };
  }

  async readPage(from: number, maxCount: number, filter: EventFilter | undefined): Promise<LogPage> {
    this.reads++;
    const readable = this.events.filter(({ position }) => position >= from && position < this.readableBelow);
    const end = Math.min(this.readableBelow, this.events.length + 1);
    const page = readable
      .filter(({ type }) => !filter?.types || filter.types.includes(type))
      .filter(
        ({ stream }) => !filter?.streamPrefixes || filter.streamPrefixes.some((p) => stream.startsWith(p)),
      )
      .slice(0, maxCount);
    const full = page.length === maxCount;
    return {
      events: page,
      scannedUpTo: full ? (page.at(-1) as RecordedEvent).position + 1 : Math.max(from, end),
    };
  }

  async headPosition(): Promise<number> {
    return this.events.length;
  }

  async loadCheckpoint(): Promise<number | undefined> {
    return undefined;
  }

  async commit(
    _id: string,
    _events: RecordedEvent[],
    handle: (tx: undefined) => Promise<void>,
  ): Promise<void> {
    await handle(undefined);
  }
}

describe('a catch-up subscription woken by local appends', () => {
  let log: Log;
  let registry: SubscriptionRegistry;
  let handled: string[];

  const follow = async (filter?: EventFilter): Promise<void> => {
    registry.start(log, {
      subscriptionId: 'test',
      ...(filter ? { filter } : {}),
      handle: async (events) => void handled.push(...events.map(({ id }) => id)),
    });
    // Long enough idle for its backoff to reach its slowest step (about a second).
    await jest.advanceTimersByTimeAsync(5_000);
  };

  beforeEach(() => {
    jest.useFakeTimers();
    log = new Log();
    registry = new SubscriptionRegistry();
    handled = [];
  });

  afterEach(async () => {
    const stopped = registry.stopAll();
    await jest.advanceTimersByTimeAsync(1_000);
    await stopped;
    jest.useRealTimers();
  });

  it('reads once for an append it was told of, then keeps its slow backoff', async () => {
    await follow();
    const before = log.reads;
    registry.pokeAll(log.append('ticket-1', 'Opened'));
    await jest.advanceTimersByTimeAsync(900);
    expect(handled).toEqual(['e-1']);
    expect(log.reads - before).toBe(1);
  });

  it('is not woken by an append its filter leaves out', async () => {
    await follow({ types: ['Opened'] });
    const before = log.reads;
    registry.pokeAll(log.append('ticket-1', 'Commented'));
    await jest.advanceTimersByTimeAsync(900);
    expect(log.reads - before).toBe(0);
    registry.pokeAll(log.append('ticket-2', 'Opened'));
    await jest.advanceTimersByTimeAsync(0);
    expect(handled).toEqual(['e-2']);
  });

  it('looks again soon while an append it was told of cannot be read yet', async () => {
    await follow();
    log.readableBelow = 1;
    registry.pokeAll(log.append('ticket-1', 'Opened'));
    await jest.advanceTimersByTimeAsync(100);
    expect(handled).toEqual([]);
    log.readableBelow = Number.POSITIVE_INFINITY;
    await jest.advanceTimersByTimeAsync(100);
    expect(handled).toEqual(['e-1']);
  });

  it('polls fast again when woken without being told what was appended', async () => {
    await follow();
    const before = log.reads;
    registry.pokeAll();
    await jest.advanceTimersByTimeAsync(900);
    expect(log.reads - before).toBeGreaterThan(3);
  });
});

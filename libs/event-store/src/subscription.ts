import type {
  EventFilter,
  RecordedEvent,
  SqlExecutor,
  Subscription,
  SubscriptionOptions,
} from './event-store.port';
import { validSubscription } from './validation';

/** A page of the global log and how far it is certain nothing more can appear. */
export interface LogPage {
  events: RecordedEvent[];
  /** Every position below this was scanned (matching or not) and is final. */
  scannedUpTo: number;
}

/** What a catch-up subscription needs from an adapter. */
export interface SubscriptionSource {
  readPage(fromPosition: number, maxCount: number, filter: EventFilter | undefined): Promise<LogPage>;
  headPosition(): Promise<number>;
  loadCheckpoint(subscriptionId: string): Promise<number | undefined>;
  /** Runs the handler and stores the checkpoint (in one transaction where the adapter can). */
  commit(
    subscriptionId: string,
    events: RecordedEvent[],
    handle: (tx: SqlExecutor | undefined) => Promise<void>,
    options: { externalEffects: boolean },
  ): Promise<void>;
}

const IDLE_DELAYS_MS = [10, 25, 50, 100, 250, 500, 1_000];
const ERROR_DELAY_MS = 1_000;

/** What a local append wrote, as a subscription is told of it. */
export interface Appended {
  stream: string;
  types: string[];
  /** The global position of its last event. */
  position: number;
}

const concerns = (filter: EventFilter | undefined, { stream, types }: Appended): boolean =>
  (!filter?.types?.length || types.some((type) => filter.types?.includes(type))) &&
  (!filter?.streamPrefixes?.length || filter.streamPrefixes.some((prefix) => stream.startsWith(prefix)));

/**
 * Follows the global log from a durable checkpoint: replays history, then polls, at once
 * while pages come back full and backing off to ~1 s when idle. `poke()` wakes it early
 * (the store calls it after a local append); an append its filter leaves out does not wake
 * it, and once it has read past every append it was told of, it keeps its backoff (the
 * next append wakes it again) instead of polling fast. Errors are reported and the same
 * batch is retried after a pause: the checkpoint never moves past an unhandled event.
 */
export class CatchUpSubscription implements Subscription {
  readonly subscriptionId: string;
  private position = 0;
  private processedUpTo = 0;
  private running = true;
  private idleStep = 0;
  /** The last position of the local appends it was told of. */
  private pokedUpTo = -1;
  private wake: (() => void) | undefined;
  private readonly loop: Promise<void>;
  private readonly waiters: Array<{ target: number; resolve: () => void; reject: (error: Error) => void }> =
    [];

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscriptionOptions,
  ) {
    this.subscriptionId = options.subscriptionId;
    this.loop = this.run();
  }

  /** Wakes it: after `appended` (unless its filter leaves that out), or to look now. */
  poke(appended?: Appended): void {
    if (appended && !concerns(this.options.filter, appended)) return;
    if (appended) this.pokedUpTo = Math.max(this.pokedUpTo, appended.position);
    else this.idleStep = 0;
    this.wake?.();
  }

  async caughtUp(): Promise<void> {
    if (!this.running) throw new Error(`subscription ${this.subscriptionId} is stopped`);
    const target = await this.source.headPosition();
    if (this.processedUpTo > target) return;
    await new Promise<void>((resolve, reject) => {
      this.waiters.push({ target, resolve, reject });
      this.poke();
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    for (const waiter of this.waiters.splice(0))
      waiter.reject(new Error(`subscription ${this.subscriptionId} stopped before catching up`));
  }

  private get keptByHandler(): boolean {
    return this.options.checkpoint === 'handler';
  }

  private async start(): Promise<void> {
    const checkpoint = this.keptByHandler ? undefined : await this.source.loadCheckpoint(this.subscriptionId);
    const startFrom = this.options.startFrom ?? 'start';
    if (checkpoint !== undefined) this.position = checkpoint + 1;
    else if (startFrom === 'end') this.position = (await this.source.headPosition()) + 1;
    else if (typeof startFrom === 'number') this.position = startFrom;
    else this.position = 0;
  }

  private async run(): Promise<void> {
    let started = false;
    let prefetched: { from: number; page: Promise<LogPage> } | undefined;
    const batchSize = this.options.batchSize ?? 500;
    while (this.running) {
      try {
        if (!started) {
          await this.start();
          started = true;
        }
        const page =
          prefetched?.from === this.position
            ? await prefetched.page
            : await this.source.readPage(this.position, batchSize, this.options.filter);
        prefetched = undefined;
        if (page.events.length === batchSize) {
          // A full page means more is waiting: read it while the handler works on this one.
          const next = this.source.readPage(page.scannedUpTo, batchSize, this.options.filter);
          next.catch(() => undefined);
          prefetched = { from: page.scannedUpTo, page: next };
        }
        if (page.events.length > 0 && this.keptByHandler) await this.options.handle(page.events, undefined);
        else if (page.events.length > 0) {
          await this.source.commit(
            this.subscriptionId,
            page.events,
            (tx) => this.options.handle(page.events, tx),
            {
              externalEffects: this.options.externalEffects ?? false,
            },
          );
        }
        this.position = Math.max(this.position, page.scannedUpTo);
        this.processedUpTo = this.position;
        this.releaseWaiters();
        // An append it was told of but could not read yet (an older transaction holds the log
        // back, or it came during the read): look again soon.
        if (this.pokedUpTo >= this.position) this.idleStep = 0;
        if (page.events.length === batchSize) {
          this.idleStep = 0;
          continue;
        }
        await this.sleep(IDLE_DELAYS_MS[Math.min(this.idleStep++, IDLE_DELAYS_MS.length - 1)] as number);
      } catch (error) {
        prefetched = undefined;
        this.options.onError?.(error);
        await this.sleep(ERROR_DELAY_MS);
      }
    }
  }

  private releaseWaiters(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter && this.processedUpTo > waiter.target) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** The subscriptions a store has started: woken after its appends, stopped when it closes. */
export class SubscriptionRegistry {
  private readonly live = new Set<CatchUpSubscription>();

  /** Validates the options (throwing InvalidEventStoreArgument) and starts following the log. */
  start(source: SubscriptionSource, options: SubscriptionOptions): Subscription {
    const subscription = new CatchUpSubscription(source, validSubscription(options));
    this.live.add(subscription);
    return {
      subscriptionId: subscription.subscriptionId,
      caughtUp: () => subscription.caughtUp(),
      stop: async () => {
        this.live.delete(subscription);
        await subscription.stop();
      },
    };
  }

  /** Wakes every subscription `appended` concerns (every one, when what was appended is not said). */
  pokeAll(appended?: Appended): void {
    for (const subscription of this.live) subscription.poke(appended);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.live].map((subscription) => subscription.stop()));
    this.live.clear();
  }
}

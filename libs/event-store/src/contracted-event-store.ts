import {
  ContractViolation,
  type ContractRegistry,
  type EventContract,
  type EventOf,
} from '@hypercare/contracts';
import { UnexpectedEvent } from './errors';
import {
  isTransactional,
  type AppendOptions,
  type AppendResult,
  type EventFilter,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreTransaction,
  type Subscription,
  type SubscriptionOptions,
  type TransactionalEventStore,
} from './event-store.port';

/** A recorded event of one of the contracts `C`, at its current version, typed by its contract. */
export type ContractedEvent<C extends EventContract> = Omit<RecordedEvent, 'type' | 'data'> & EventOf<C>;

export interface ContractedEventStoreOptions {
  /**
   * Told of a stored event that breaks its contract when the log is read (`readAll`,
   * subscriptions): it is left out of what readers see, so one bad event cannot stall a
   * subscriber forever. Reading its own stream still fails: nothing is decided on it.
   */
  onRejected?(event: RecordedEvent, violation: ContractViolation): void;
}

/**
 * The store as services use it, the one place contracts meet the history. On append every
 * event whose type has a contract is validated (ContractViolation names each bad field)
 * and stored in its parsed form; on every read (`readStream`, `readAll`, subscriptions)
 * it is upcast to its newest version and validated again, so deciders, projections and the
 * relay only ever see current shapes. Types without a contract are the service's internal
 * events and pass unchanged both ways.
 */
export class ContractedEventStore implements EventStore {
  /** The same store, its appends inside a database transaction; absent when the adapter has none. */
  readonly transactional?: ContractedTransactionalStore;

  constructor(
    private readonly inner: EventStore,
    readonly contracts: ContractRegistry,
    private readonly options: ContractedEventStoreOptions = {},
  ) {
    if (isTransactional(inner)) this.transactional = new ContractedTransactionalStore(inner, this);
  }

  get capabilities() {
    return this.inner.capabilities;
  }

  async append(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.append(stream, this.checked(events), options);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(stream, options)).map((event) => this.current(event));
  }

  /**
   * A stream whose every event is one of `contracts` (at its current version), typed so;
   * throws UnexpectedEvent naming the first event of another type, so a reader never folds what it cannot know.
   */
  async readStreamOf<C extends EventContract>(
    stream: string,
    contracts: readonly C[],
    options?: ReadStreamOptions,
  ): Promise<ContractedEvent<C>[]> {
    const known = new Set<string>(contracts.map(({ type }) => type));
    return (await this.readStream(stream, options)).map((event) => {
      if (!known.has(event.type)) throw new UnexpectedEvent(stream, event.version, event.type);
      return event as ContractedEvent<C>;
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readable(await this.inner.readAll({ ...options, filter: this.storedFilter(options.filter) }));
  }

  /**
   * The log as it was written, older versions not upcast: for a migration that needs what an
   * upcast leaves behind (a free-text name replaced by an id). Nothing is decided on it.
   */
  readAllAsRecorded(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  subscribe(options: SubscriptionOptions): Subscription {
    // A missing handler is left for the adapter to refuse, naming it.
    const handle = typeof options.handle === 'function' ? options.handle : undefined;
    return this.inner.subscribe({
      ...options,
      filter: this.storedFilter(options.filter),
      ...(handle ? { handle: (events, tx) => handle(this.readable(events), tx) } : {}),
    });
  }

  checkpoint(subscriptionId: string): Promise<number | undefined> {
    return this.inner.checkpoint(subscriptionId);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** The events as they are to be stored: contracted data parsed (defaults applied) or refused. */
  checked(events: NewEvent[]): NewEvent[] {
    return events.map((event) =>
      this.contracts.has(event.type)
        ? { ...event, data: this.contracts.validate(event.type, event.data) }
        : event,
    );
  }

  private current(event: RecordedEvent): RecordedEvent {
    if (!this.contracts.has(event.type)) return event;
    return { ...event, ...this.contracts.upcast(event.type, event.data) };
  }

  private readable(events: RecordedEvent[]): RecordedEvent[] {
    const result: RecordedEvent[] = [];
    for (const event of events) {
      try {
        result.push(this.current(event));
      } catch (error) {
        if (!(error instanceof ContractViolation)) throw error;
        this.options.onRejected?.(event, error);
      }
    }
    return result;
  }

  /** A filter on current types also asks for the stored older versions that read as them. */
  private storedFilter(filter: EventFilter | undefined): EventFilter | undefined {
    return filter?.types ? { ...filter, types: this.contracts.storedTypesOf(filter.types) } : filter;
  }
}

/** The contracted store's appends inside one database transaction, checked the same way. */
export class ContractedTransactionalStore {
  constructor(
    private readonly inner: TransactionalEventStore,
    private readonly contracted: ContractedEventStore,
  ) {}

  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.inner.transaction((tx) =>
      work({
        query: (sql, params, options) => tx.query(sql, params, options),
        append: async (stream, events, options) =>
          tx.append(stream, this.contracted.checked(events), options),
      }),
    );
  }
}

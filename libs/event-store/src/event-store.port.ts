/** What travels with every event: who caused it, in which trace, for which period. */
export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  /** W3C trace context of the request that caused the event. */
  traceparent?: string;
  periodId?: string;
  /** Who acted: the authenticated caller, or the platform component (events before sign-in carry a name). */
  actor?: { subject: string; name: string; kind: 'person' | 'machine' | 'system' };
  [key: string]: unknown;
}

/** An event to append. `id` makes retries idempotent; one is generated when absent. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id?: string;
  type: Type;
  data: Data;
  metadata?: EventMetadata;
}

/** An event as stored: its place in its stream and in the global log. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  stream: string;
  /** 0 for a stream's first event. */
  version: number;
  /** Strictly increasing over the whole store in commit order; not necessarily dense. */
  position: number;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  recordedAt: Date;
}

/**
 * What the writer believes the stream's version to be: `any`, `no-stream` (must not exist),
 * `stream-exists`, or the exact version of its last event.
 */
export type ExpectedVersion = 'any' | 'no-stream' | 'stream-exists' | number;

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  /** The version of the stream's last event after the append. */
  nextExpectedVersion: number;
  /** The global position of the last appended event. */
  position: number;
}

/** A cut of history: everything up to and including a global position, or recorded at or before a time. */
export type AsOf = { position: number } | { time: Date };

export interface ReadStreamOptions {
  /** Version to start from (inclusive); default the first (forward) or last (backward). */
  fromVersion?: number;
  direction?: 'forward' | 'backward';
  maxCount?: number;
  asOf?: AsOf;
}

export interface EventFilter {
  /** Only streams whose name starts with one of these. */
  streamPrefixes?: string[];
  /** Only events of these types. */
  types?: string[];
}

export interface ReadAllOptions {
  /** Global position to start from (inclusive); default the beginning. */
  fromPosition?: number;
  maxCount?: number;
  asOf?: AsOf;
  filter?: EventFilter;
}

/** Runs statements in the store's own database inside the transaction that also moves a checkpoint. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<Row[]>;
}

export interface QueryOptions {
  /**
   * Prepares the statement under this name once per connection and reuses it, for a
   * statement run very often with the same text (the name must be unique to that text).
   */
  preparedAs?: string;
}

export interface SubscriptionOptions {
  /** Durable subscription name: its checkpoint survives restarts. */
  subscriptionId: string;
  /** Where to start when no checkpoint exists yet: `start` (default), `end`, or a global position. */
  startFrom?: 'start' | 'end' | number;
  filter?: EventFilter;
  /** Events per handler call (default 500). */
  batchSize?: number;
  /**
   * Called with each batch in global order. The checkpoint moves past the batch only when
   * it resolves. When the store supports it, `tx` is the transaction in which the checkpoint
   * moves: writes made through it commit atomically with the checkpoint.
   */
  handle(events: RecordedEvent[], tx: SqlExecutor | undefined): Promise<void>;
  /**
   * The handler's effects lie outside this database (e.g. a relay publishing to Kafka): it
   * gets no transaction, and the checkpoint is stored after it in one statement that does
   * not wait for its write-ahead log flush. A crash may then forget the last checkpoints
   * and hand those batches over again, which at-least-once consumers absorb.
   */
  externalEffects?: boolean;
  /**
   * Who keeps the position: the store (`store`, default: a durable checkpoint under
   * `subscriptionId`), or the handler itself (`handler`), as a projection does in the
   * transaction of its rows. Then the store neither loads nor saves one, the subscription
   * starts at `startFrom` every time, and the handler gets no transaction.
   */
  checkpoint?: 'store' | 'handler';
  /** Called when the handler throws; the batch stays unprocessed and is retried after a pause. */
  onError?(error: unknown): void;
}

export interface Subscription {
  readonly subscriptionId: string;
  /** Resolves once the subscription has processed every event committed before the call. */
  caughtUp(): Promise<void>;
  /** Stops polling; resolves after the batch in flight is done. */
  stop(): Promise<void>;
}

export interface EventStoreCapabilities {
  /** Subscription handlers get a transaction their writes share with the checkpoint. */
  transactionalCheckpoints: boolean;
  /** An append reusing stored event ids alongside new ones fails with EventIdConflict. */
  eventIdConflicts: boolean;
}

/** What the store offers inside one database transaction: its appends and plain statements, committed together. */
export interface StoreTransaction extends SqlExecutor {
  append(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
}

/** The event store port: every adapter passes the same contract suite. */
export interface EventStore {
  readonly capabilities: EventStoreCapabilities;
  append(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the last committed event, 0 when the store is empty. */
  headPosition(): Promise<number>;
  subscribe(options: SubscriptionOptions): Subscription;
  /** The stored checkpoint of a subscription, undefined when it never ran. */
  checkpoint(subscriptionId: string): Promise<number | undefined>;
  close(): Promise<void>;
}

/**
 * A store whose appends can share a database transaction with other statements (the
 * PostgreSQL adapter): an optional capability, asked for with `isTransactional`.
 */
export interface TransactionalEventStore extends EventStore {
  /** Runs `work` in one transaction; keep it short, its streams stay locked until it ends. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
}

export const isTransactional = (store: EventStore): store is TransactionalEventStore =>
  typeof (store as Partial<TransactionalEventStore>).transaction === 'function';

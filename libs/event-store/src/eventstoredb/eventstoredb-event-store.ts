import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { WrongExpectedVersion } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  AsOf,
  EventFilter,
  EventMetadata,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  Subscription,
  SubscriptionOptions,
} from '../event-store.port';
import { SubscriptionRegistry, type LogPage } from '../subscription';
import {
  validAppend,
  validAsOf,
  validFilter,
  validMaxCount,
  validPosition,
  validStream,
} from '../validation';

const CHECKPOINT_STREAM_PREFIX = 'hypercare-checkpoint-';
/** EventStoreDB takes objects, arrays and strings as JSON data; anything else travels wrapped. */
const WRAPPED = '$hypercareWrapped';

const revisionOf = (expected: ExpectedVersion): AppendExpectedRevision => {
  if (expected === 'any') return ANY;
  if (expected === 'no-stream') return NO_STREAM;
  if (expected === 'stream-exists') return STREAM_EXISTS;
  return BigInt(expected);
};

const versionOf = (actual: unknown): number =>
  typeof actual === 'bigint' || typeof actual === 'number' ? Number(actual) : -1;

type StoredEvent = NonNullable<ResolvedEvent['event']>;

const isUserEvent = (event: StoredEvent | undefined): event is StoredEvent =>
  !!event &&
  !event.type.startsWith('$') &&
  !event.streamId.startsWith('$') &&
  !event.streamId.startsWith(CHECKPOINT_STREAM_PREFIX);

const toEvent = (event: StoredEvent): RecordedEvent => {
  const metadata = { ...((event.metadata ?? {}) as EventMetadata) };
  const wrapped = metadata[WRAPPED] === true;
  delete metadata[WRAPPED];
  return {
    id: event.id,
    stream: event.streamId,
    version: Number(event.revision),
    position: Number(event.position?.commit ?? -1),
    type: event.type,
    data: wrapped ? (event.data as { value: unknown }).value : event.data,
    metadata,
    recordedAt: event.created,
  };
};

const withinAsOf = (event: RecordedEvent, asOf: AsOf | undefined): boolean =>
  !asOf ||
  ('position' in asOf ? event.position <= asOf.position : event.recordedAt.getTime() <= asOf.time.getTime());

const matches = (event: RecordedEvent, filter: EventFilter | undefined): boolean =>
  (!filter?.streamPrefixes?.length ||
    filter.streamPrefixes.some((prefix) => event.stream.startsWith(prefix))) &&
  (!filter?.types?.length || filter.types.includes(event.type));

/**
 * The event store on EventStoreDB: streams map to streams, the global log to `$all`
 * (commit positions), expected versions to expected revisions, and checkpoints to a
 * stream per subscription. Subscription handlers get no transaction: EventStoreDB has
 * none to share, so a handler must itself be idempotent. A retry with the same event ids
 * is idempotent (the server's own rule); reusing some ids beside new ones is not refused.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly capabilities = { transactionalCheckpoints: false, eventIdConflicts: false };
  private readonly subscriptions = new SubscriptionRegistry();

  constructor(private readonly client: EventStoreDBClient) {}

  /** Connects with an EventStoreDB connection string, e.g. `esdb://localhost:2113?tls=false`. */
  static connect(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async append(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const { expected, events: valid } = validAppend(stream, events, options);
    try {
      const result = await this.client.appendToStream(
        stream,
        valid.map(({ id, type, data, metadata }) => {
          const plain = typeof data === 'object' && data !== null;
          return jsonEvent({
            id,
            type,
            data: (plain ? data : { value: data }) as Record<string, unknown>,
            metadata: plain ? metadata : { ...metadata, [WRAPPED]: true },
          });
        }),
        { expectedRevision: revisionOf(expected) },
      );
      this.subscriptions.pokeAll();
      return {
        nextExpectedVersion: Number(result.nextExpectedRevision),
        position: Number(result.position?.commit ?? -1),
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        throw new WrongExpectedVersion(stream, expected, versionOf(error.actualVersion));
      throw error;
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    validStream(stream);
    const backward = options.direction === 'backward';
    const from = validPosition(options.fromVersion, 'fromVersion');
    const maxCount = validMaxCount(options.maxCount);
    const asOf = validAsOf(options.asOf);
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, {
        direction: backward ? BACKWARDS : FORWARDS,
        fromRevision: from === undefined ? (backward ? END : START) : BigInt(from),
      })) {
        if (!resolved.event) continue;
        const event = toEvent(resolved.event);
        if (!withinAsOf(event, asOf)) {
          if (backward) continue;
          break;
        }
        events.push(event);
        if (maxCount !== undefined && events.length >= maxCount) break;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = validPosition(options.fromPosition, 'fromPosition') ?? 0;
    return (
      await this.readPage(
        from,
        validMaxCount(options.maxCount),
        validFilter(options.filter),
        validAsOf(options.asOf),
      )
    ).events;
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END })) {
      if (isUserEvent(resolved.event)) return Number(resolved.event.position?.commit ?? 0);
    }
    return 0;
  }

  subscribe(options: SubscriptionOptions): Subscription {
    return this.subscriptions.start(
      {
        readPage: (from, maxCount, filter) => this.readPage(from, maxCount, filter),
        headPosition: () => this.headPosition(),
        loadCheckpoint: (id) => this.checkpoint(id),
        commit: async (id, events, handle) => {
          await handle(undefined);
          await this.client.appendToStream(
            `${CHECKPOINT_STREAM_PREFIX}${id}`,
            jsonEvent({
              type: 'CheckpointStored',
              data: { position: (events[events.length - 1] as RecordedEvent).position },
            }),
          );
        },
      },
      options,
    );
  }

  async checkpoint(subscriptionId: string): Promise<number | undefined> {
    try {
      for await (const resolved of this.client.readStream(`${CHECKPOINT_STREAM_PREFIX}${subscriptionId}`, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        return Number((resolved.event?.data as { position: number } | undefined)?.position);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return undefined;
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.client.dispose();
  }

  private async readPage(
    from: number,
    maxCount: number | undefined,
    filter: EventFilter | undefined,
    asOf?: AsOf,
  ): Promise<LogPage> {
    const events: RecordedEvent[] = [];
    let scannedUpTo = from;
    const reads = this.client.readAll({
      direction: FORWARDS,
      fromPosition: { commit: BigInt(from), prepare: BigInt(from) },
    });
    for await (const resolved of reads as AsyncIterable<AllStreamResolvedEvent>) {
      const position = Number(resolved.event?.position.commit ?? resolved.commitPosition ?? scannedUpTo);
      if (isUserEvent(resolved.event)) {
        const event = toEvent(resolved.event);
        if (!withinAsOf(event, asOf)) break;
        if (matches(event, filter)) events.push(event);
      }
      scannedUpTo = position + 1;
      if (maxCount !== undefined && events.length >= maxCount) break;
    }
    return { events, scannedUpTo };
  }
}

import { v7 as timeOrderedUuid } from 'uuid';
import { InvalidEventStoreArgument } from './errors';
import type {
  AppendOptions,
  AsOf,
  EventFilter,
  EventMetadata,
  ExpectedVersion,
  NewEvent,
  SubscriptionOptions,
} from './event-store.port';

/** An event that passed validation, with its id assigned. */
export interface ValidEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STREAM_LENGTH = 1_000;

export const validStream = (stream: unknown, field = 'stream'): string => {
  if (typeof stream !== 'string' || stream.trim() === '')
    throw new InvalidEventStoreArgument(field, 'must be a non-empty string');
  if (stream.length > MAX_STREAM_LENGTH)
    throw new InvalidEventStoreArgument(field, `must be at most ${MAX_STREAM_LENGTH} characters`);
  if (stream.startsWith('$'))
    throw new InvalidEventStoreArgument(field, 'must not start with "$" (reserved for system streams)');
  return stream;
};

export const validExpectedVersion = (options: AppendOptions | undefined): ExpectedVersion => {
  const expected = options?.expectedVersion ?? 'any';
  if (expected === 'any' || expected === 'no-stream' || expected === 'stream-exists') return expected;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new InvalidEventStoreArgument(
    'expectedVersion',
    `must be 'any', 'no-stream', 'stream-exists' or a non-negative integer, got ${JSON.stringify(expected) ?? String(expected)}`,
  );
};

/** `root` then the keys walked from it, e.g. `events[0].data.tags[2]`. */
const pathText = (root: string, keys: Array<string | number>): string =>
  keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`), root);

/**
 * Finds the first value in `value` that JSON cannot carry faithfully, with its path. The
 * path is a stack of keys turned into text only for the problem found: every append runs
 * this over all its data, and valid data must not pay for strings it never shows.
 */
const nonJson = (value: unknown, root: string, keys: Array<string | number> = []): string | undefined => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? undefined
      : `${pathText(root, keys)} is ${value}, which JSON cannot represent`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      keys.push(i);
      const problem = nonJson(value[i], root, keys);
      keys.pop();
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      return `${pathText(root, keys)} is a ${value.constructor?.name ?? 'non-plain object'}, not a plain JSON object`;
    }
    for (const key of Object.keys(value)) {
      keys.push(key);
      const problem = nonJson((value as Record<string, unknown>)[key], root, keys);
      keys.pop();
      if (problem) return problem;
    }
    return undefined;
  }
  return `${pathText(root, keys)} is a ${typeof value}, which is not JSON`;
};

export const validEvents = (events: unknown): ValidEvent[] => {
  if (!Array.isArray(events) || events.length === 0)
    throw new InvalidEventStoreArgument('events', 'must be a non-empty array');
  const ids = new Set<string>();
  return events.map((event: NewEvent, index) => {
    const at = `events[${index}]`;
    if (typeof event !== 'object' || event === null)
      throw new InvalidEventStoreArgument(at, 'must be an object');
    if (typeof event.type !== 'string' || event.type.trim() === '')
      throw new InvalidEventStoreArgument(`${at}.type`, 'must be a non-empty string');
    // Time-ordered ids land at the end of the id index, as positions do, instead of all over it.
    const id = event.id ?? timeOrderedUuid();
    if (typeof id !== 'string' || !UUID.test(id))
      throw new InvalidEventStoreArgument(`${at}.id`, 'must be a UUID');
    if (ids.has(id.toLowerCase()))
      throw new InvalidEventStoreArgument(`${at}.id`, `repeats ${id} within one append`);
    ids.add(id.toLowerCase());
    if (event.data === undefined) throw new InvalidEventStoreArgument(`${at}.data`, 'is required (JSON)');
    const dataProblem = nonJson(event.data, `${at}.data`);
    if (dataProblem) throw new InvalidEventStoreArgument(`${at}.data`, `must be JSON: ${dataProblem}`);
    const given = event.metadata ?? {};
    if (typeof given !== 'object' || Array.isArray(given))
      throw new InvalidEventStoreArgument(`${at}.metadata`, 'must be an object');
    // Every metadata field is optional: one given as undefined is absent, as JSON would have it.
    const metadata = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
    const metadataProblem = nonJson(metadata, `${at}.metadata`);
    if (metadataProblem)
      throw new InvalidEventStoreArgument(`${at}.metadata`, `must be JSON: ${metadataProblem}`);
    return { id: id.toLowerCase(), type: event.type, data: event.data, metadata };
  });
};

export const validMaxCount = (maxCount: unknown): number | undefined => {
  if (maxCount === undefined) return undefined;
  if (typeof maxCount === 'number' && Number.isSafeInteger(maxCount) && maxCount > 0) return maxCount;
  throw new InvalidEventStoreArgument('maxCount', 'must be a positive integer');
};

export const validAsOf = (asOf: AsOf | undefined): AsOf | undefined => {
  if (asOf === undefined) return undefined;
  if ('position' in asOf && Number.isSafeInteger(asOf.position) && asOf.position >= 0) return asOf;
  if ('time' in asOf && asOf.time instanceof Date && !Number.isNaN(asOf.time.getTime())) return asOf;
  throw new InvalidEventStoreArgument(
    'asOf',
    'must be { position: non-negative integer } or { time: valid Date }',
  );
};

export const validPosition = (position: unknown, field: string): number | undefined => {
  if (position === undefined) return undefined;
  if (typeof position === 'number' && Number.isSafeInteger(position) && position >= 0) return position;
  throw new InvalidEventStoreArgument(field, 'must be a non-negative integer');
};

/** An append's arguments, validated together before anything is sent to a store. */
export const validAppend = (
  stream: unknown,
  events: unknown,
  options: AppendOptions | undefined,
): { stream: string; expected: ExpectedVersion; events: ValidEvent[] } => ({
  stream: validStream(stream),
  expected: validExpectedVersion(options),
  events: validEvents(events),
});

const validStrings = (value: unknown, field: string): void => {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw new InvalidEventStoreArgument(field, 'must be an array of non-empty strings');
  }
};

export const validFilter = (filter: EventFilter | undefined): EventFilter | undefined => {
  if (filter === undefined) return undefined;
  if (typeof filter !== 'object' || filter === null)
    throw new InvalidEventStoreArgument('filter', 'must be an object');
  validStrings(filter.streamPrefixes, 'filter.streamPrefixes');
  validStrings(filter.types, 'filter.types');
  return filter;
};

export const validSubscription = (options: SubscriptionOptions): SubscriptionOptions => {
  validStream(options.subscriptionId, 'subscriptionId');
  if (typeof options.handle !== 'function')
    throw new InvalidEventStoreArgument('handle', 'must be a function');
  if (
    options.batchSize !== undefined &&
    !(Number.isSafeInteger(options.batchSize) && options.batchSize > 0)
  ) {
    throw new InvalidEventStoreArgument('batchSize', 'must be a positive integer');
  }
  const start = options.startFrom;
  if (start !== undefined && start !== 'start' && start !== 'end') validPosition(start, 'startFrom');
  if (options.checkpoint !== undefined && options.checkpoint !== 'store' && options.checkpoint !== 'handler')
    throw new InvalidEventStoreArgument('checkpoint', "must be 'store' or 'handler'");
  validFilter(options.filter);
  return options;
};

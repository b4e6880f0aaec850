import type { EventMetadata } from './event-store.port';

export { fold, type Decider } from '@hypercare/domain-kit';

/** An event as a decider sees it: a type name and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** Which stream a command expects: a new one, an existing one, or either. */
export type StreamExpectation = 'new' | 'existing' | 'any';

/** What the command handler adds around each decision: who, why, in which trace. */
export interface CommandContext {
  expect?: StreamExpectation;
  metadata?: EventMetadata;
  /**
   * Makes the command idempotent: its events get ids derived from this key, and a stream that
   * already holds the first of them has had the command applied, so it is answered without
   * deciding again. A command caused by an event (a consumer's) passes that event's id: a
   * redelivery then changes nothing.
   */
  idempotencyKey?: string;
  /**
   * The caller's own records say nothing was ever appended to the stream: the command is
   * decided on the initial state and appended expecting no stream, without reading first. A
   * wrong belief costs one refused append, after which the stream is read as usual.
   */
  likelyNew?: boolean;
}

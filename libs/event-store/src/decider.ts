import type { EventMetadata } from './event-store.port';

/**
 * An aggregate as pure functions: `decide` turns a command and the current state into
 * new events (or none), `evolve` folds one event into the state.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

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
}

/** Folds events into state from the decider's initial state. */
export const fold = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: Event[],
): State => events.reduce(decider.evolve, decider.initialState);

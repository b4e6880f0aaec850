import { v5 as nameBasedUuid } from 'uuid';
import { WrongExpectedVersion } from './errors';
import type { AppendResult, EventStore, ExpectedVersion } from './event-store.port';
import { fold, type CommandContext, type Decider, type DomainEvent } from './decider';

export interface HandledCommand<State, Event> {
  /** The state after the new events. */
  state: State;
  newEvents: Event[];
  /** The stream's version after the command (unchanged when nothing happened, -1 for no stream). */
  nextExpectedVersion: number;
  /** Global position of the last new event, undefined when nothing happened. */
  position?: number;
  /** True when the stream already held the events of this idempotency key: nothing was decided. */
  replayed?: boolean;
}

export interface CommandHandlerOptions {
  /** Conflicts retried by reloading and deciding again before giving up (default 5). */
  maxRetries?: number;
}

/** Namespace of the event ids derived from idempotency keys (a fixed, random UUID). */
const IDEMPOTENT_EVENT_IDS = 'a9b1f6d2-3c4e-4f58-9a7b-0c1d2e3f4a5b';

const idsFor = (key: string | undefined, count: number): Array<string | undefined> =>
  Array.from({ length: count }, (_, index) =>
    key === undefined ? undefined : nameBasedUuid(`${key}/${index}`, IDEMPOTENT_EVENT_IDS),
  );

const expectedVersionFor = (version: number, expect: CommandContext['expect']): ExpectedVersion => {
  if (version >= 0) return version;
  return expect === 'existing' ? 'stream-exists' : 'no-stream';
};

/**
 * Loads a stream, folds it, decides, and appends at the loaded version. When another
 * writer got there first it reloads and decides again, at most `maxRetries` times, so a
 * command is applied to the state it was actually decided on. With an idempotency key, two
 * deliveries racing each other append the same event ids: the store keeps the first.
 */
export const commandHandler =
  <Command, Event extends DomainEvent, State>(
    store: EventStore,
    decider: Decider<Command, Event, State>,
    options: CommandHandlerOptions = {},
  ) =>
  async (
    stream: string,
    command: Command,
    context: CommandContext = {},
  ): Promise<HandledCommand<State, Event>> => {
    const maxRetries = options.maxRetries ?? 5;
    const [firstId] = idsFor(context.idempotencyKey, 1);
    for (let attempt = 0; ; attempt++) {
      const unread = attempt === 0 && context.likelyNew === true && context.expect !== 'existing';
      const recorded = unread ? [] : await store.readStream(stream);
      const version = recorded.length - 1;
      const state = fold(
        decider,
        recorded.map(({ type, data }) => ({ type, data }) as Event),
      );
      if (firstId && recorded.some(({ id }) => id === firstId))
        return { state, newEvents: [], nextExpectedVersion: version, replayed: true };
      if (context.expect === 'existing' && version < 0)
        throw new WrongExpectedVersion(stream, 'stream-exists', version);
      if (context.expect === 'new' && version >= 0)
        throw new WrongExpectedVersion(stream, 'no-stream', version);
      const newEvents = decider.decide(command, state);
      if (newEvents.length === 0) return { state, newEvents, nextExpectedVersion: version };
      const ids = idsFor(context.idempotencyKey, newEvents.length);
      let result: AppendResult;
      try {
        result = await store.append(
          stream,
          newEvents.map(({ type, data }, index) => ({
            ...(ids[index] ? { id: ids[index] } : {}),
            type,
            data,
            metadata: context.metadata,
          })),
          { expectedVersion: expectedVersionFor(version, context.expect) },
        );
      } catch (error) {
        if (error instanceof WrongExpectedVersion && attempt < maxRetries) continue;
        throw error;
      }
      return {
        state: newEvents.reduce(decider.evolve, state),
        newEvents,
        nextExpectedVersion: result.nextExpectedVersion,
        position: result.position,
      };
    }
  };

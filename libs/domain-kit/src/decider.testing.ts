import type { Decider } from './decider';

export interface DeciderSpecification<Command, Event> {
  when(command: Command): {
    then(expected: Event[]): void;
    thenNothingHappened(): void;
    /** The command is refused with an error `check` accepts (returns true for). */
    thenThrows(check: (error: unknown) => boolean): void;
  };
}

/**
 * given(events).when(command).then(events) for a decider: state is built only from the
 * given events, so each test states the whole history it relies on.
 */
export const given =
  <Command, Event, State>(decider: Decider<Command, Event, State>) =>
  (...history: Event[]): DeciderSpecification<Command, Event> => ({
    when: (command) => {
      const decide = (): Event[] =>
        decider.decide(command, history.reduce(decider.evolve, decider.initialState));
      return {
        then: (expected) => expect(decide()).toEqual(expected),
        thenNothingHappened: () => expect(decide()).toEqual([]),
        thenThrows: (check) => {
          let thrown: unknown;
          try {
            decide();
          } catch (error) {
            thrown = error;
          }
          if (thrown === undefined)
            throw new Error('expected the command to be refused, but it was accepted');
          if (check(thrown) !== true)
            throw new Error(`the command was refused, but not as expected: ${String(thrown)}`);
        },
      };
    },
  });

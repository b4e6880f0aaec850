/**
 * An aggregate as pure functions: `decide` turns a command and the current state into
 * new events (or none), `evolve` folds one event into the state.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

/** Folds events into state from the decider's initial state. */
export const fold = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: Event[],
): State => events.reduce(decider.evolve, decider.initialState);

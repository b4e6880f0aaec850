import type { Decider } from '@hypercare/event-store';
import type { HandoffEvent } from './handoff-package';

export const handoffStream = (periodId: string): string => `handoff-${periodId}`;

export type HandoffCommand = { kind: 'record'; events: HandoffEvent[] };
export type HandoffState = { recorded: boolean };

/** A period's handoff is recorded once: assembling it again records nothing. */
export const handoffDecider: Decider<HandoffCommand, HandoffEvent, HandoffState> = {
  initialState: { recorded: false },
  decide: (command, state) => (state.recorded ? [] : command.events),
  evolve: (state, event) => (event.type === 'hypercare.handoff.completed.v1' ? { recorded: true } : state),
};
